import { invalidInput } from '@footprint/graphql';
import { z } from 'zod';
import { builder } from '../builder.ts';
import { allocateIro } from '../data/allocate-iro.ts';
import { type AllocationRow, findAllocationsOfChild } from '../data/find-allocations.ts';
import { loaders } from '../loaders.ts';
import { Child } from './child.ts';
import { Iro } from './staff.ts';

const Allocation = builder.objectRef<AllocationRow>('Allocation').implement({
  description: 'A child’s allocation to an IRO',
  fields: (t) => ({
    startDate: t.expose('startDate', { type: 'Date' }),
    endDate: t.expose('endDate', { type: 'Date', nullable: true }),
    iro: t.field({ type: Iro, nullable: true, resolve: (a, _args, ctx) => loaders(ctx).staff.load(a.iroId) }),
    child: t.field({
      type: Child,
      nullable: true,
      resolve: (a, _args, ctx) => loaders(ctx).child.load(a.childId),
    }),
  }),
});

builder.objectField(Child, 'allocations', (t) =>
  t.field({
    type: [Allocation],
    description: 'Every IRO the child has had, oldest first',
    resolve: (child, _args, ctx) => ctx.inTenant((tx) => findAllocationsOfChild(tx, child.id)),
  }),
);

const AllocateIroInput = builder.inputType('AllocateIroInput', {
  fields: (t) => ({
    childId: t.id({ required: true }),
    iroId: t.id({ required: true }),
    startDate: t.field({ type: 'Date', required: true }),
  }),
});

const allocateIroInput = z.object({
  childId: z.string().trim().min(1, 'childId is required'),
  iroId: z.string().trim().min(1, 'iroId is required'),
  startDate: z.string(),
});

builder.mutationType({});
builder.mutationFields((t) => ({
  allocateIro: t.field({
    type: Allocation,
    description: 'Allocate a child to an IRO from a date; the previous allocation ends the day before',
    authScopes: { anyRole: ['manager'] },
    args: { input: t.arg({ type: AllocateIroInput, required: true }) },
    resolve: (_root, { input }, ctx) => {
      const parsed = allocateIroInput.safeParse({
        ...input,
        childId: String(input.childId),
        iroId: String(input.iroId),
      });
      if (!parsed.success) throw invalidInput(parsed.error.issues.map((issue) => issue.message).join('; '));
      return ctx.inTenant(async (tx) => {
        const { allocation, previous } = await allocateIro(tx, parsed.data);
        await ctx.audit(tx, 'create', 'Allocation', [allocation.childId], {
          iroId: allocation.iroId,
          startDate: allocation.startDate,
          previousIroId: previous?.iroId ?? null,
        });
        return allocation;
      });
    },
  }),
}));
