import { z } from 'zod';
import { builder } from '../builder.ts';
import { allocateIndependentVisitor } from '../data/allocate-independent-visitor.ts';
import type { IndependentVisitorRow } from '../data/find-independent-visitors.ts';
import { loaders } from '../loaders.ts';
import { parseInput, pastDate, reference } from '../validation.ts';
import { Child } from './child.ts';

const IndependentVisitorAllocation = builder
  .objectRef<IndependentVisitorRow>('IndependentVisitorAllocation')
  .implement({
    description: 'A child’s allocation to an Independent Visitor (statutory-rules §10)',
    fields: (t) => ({
      child: t.field({ type: Child, resolve: (allocation) => ({ id: allocation.childId }) }),
      startDate: t.expose('startDate', { type: 'Date' }),
      endDate: t.expose('endDate', { type: 'Date', nullable: true }),
      open: t.boolean({
        description: 'Still current: no end date recorded',
        resolve: (allocation) => allocation.endDate === null,
      }),
    }),
  });

builder.objectField(Child, 'independentVisitor', (t) =>
  t.field({
    type: IndependentVisitorAllocation,
    nullable: true,
    description: 'The child’s current Independent Visitor allocation, if any',
    authScopes: { anyRole: ['manager', 'iro'] },
    resolve: (child, _args, ctx) => loaders(ctx).openIndependentVisitor.load(child.id),
  }),
);

const AllocateIndependentVisitorInput = builder.inputType('AllocateIndependentVisitorInput', {
  fields: (t) => ({
    childId: t.id({ required: true, description: 'The council’s CHILD reference' }),
    startDate: t.field({ type: 'Date', required: true }),
    endDate: t.field({ type: 'Date', required: false, description: 'Only for an allocation that has ended' }),
  }),
});

const allocateIndependentVisitorInput = z
  .object({
    childId: reference('childId'),
    startDate: pastDate('startDate'),
    endDate: pastDate('endDate').optional(),
  })
  .refine((input) => input.endDate === undefined || input.endDate >= input.startDate, {
    message: 'endDate is before startDate',
    path: ['endDate'],
  });

builder.mutationFields((t) => ({
  allocateIndependentVisitor: t.field({
    type: IndependentVisitorAllocation,
    description:
      'Allocate an Independent Visitor to a child from a date; a new current allocation ends the current one that day',
    authScopes: { anyRole: ['manager'] },
    args: { input: t.arg({ type: AllocateIndependentVisitorInput, required: true }) },
    resolve: (_root, { input }, ctx) => {
      const parsed = parseInput(allocateIndependentVisitorInput, {
        childId: String(input.childId),
        startDate: input.startDate,
        endDate: input.endDate ?? undefined,
      });
      return ctx.inTenant(async (tx) => {
        const { allocation, ended } = await allocateIndependentVisitor(tx, ctx.auth.tenant!, parsed);
        await ctx.audit(tx, 'create', 'IndependentVisitorAllocation', [allocation.childId], {
          startDate: allocation.startDate,
          endDate: allocation.endDate,
          endedAllocationFrom: ended?.startDate ?? null,
        });
        return allocation;
      });
    },
  }),
}));
