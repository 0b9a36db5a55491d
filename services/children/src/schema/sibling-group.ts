import { complianceReaders, invalidInput } from '@footprint/graphql';
import { builder } from '../builder.ts';
import { recordSiblingGroup, removeFromSiblingGroup, type SiblingGroupRow } from '../data/sibling-groups.ts';
import { loaders } from '../loaders.ts';
import { Child } from './child.ts';

/** Managers and IROs record sibling groups (statutory-rules §8: one IRO per group, or a reason). */
const siblingRecorders = complianceReaders;

export const SiblingGroup = builder.objectRef<SiblingGroupRow>('SiblingGroup').implement({
  description: 'Children the council recorded as siblings; the Handbook expects one IRO for them',
  fields: (t) => ({
    id: t.exposeID('id'),
    childIds: t.exposeIDList('childIds', { description: 'Every child of the group, in CHILD order' }),
    children: t.field({
      type: [Child],
      description: 'The children of the group the caller may see',
      resolve: async (group, _args, ctx) =>
        (await loaders(ctx).child.loadMany(group.childIds)).flatMap((child) =>
          child && !(child instanceof Error) ? [child] : [],
        ),
    }),
  }),
});

builder.objectField(Child, 'siblingGroup', (t) =>
  t.field({
    type: SiblingGroup,
    nullable: true,
    description: 'The sibling group the child is in, null when none is recorded',
    authScopes: siblingRecorders,
    resolve: (child, _args, ctx) => loaders(ctx).siblingGroup.load(child.id),
  }),
);

builder.mutationFields((t) => ({
  recordSiblingGroup: t.field({
    type: SiblingGroup,
    nullable: true,
    description:
      'Record that two or more children of the council are siblings; none may already be in a group',
    authScopes: siblingRecorders,
    args: { childIds: t.arg.idList({ required: true }) },
    resolve: (_root, { childIds }, ctx) =>
      ctx.inTenant(async (tx) => {
        const group = await recordSiblingGroup(tx, ctx.auth.tenant!, childIds.map(String));
        await ctx.audit(tx, 'create', 'SiblingGroup', [group.id], { childIds: group.childIds });
        return group;
      }),
  }),
  removeFromSiblingGroup: t.field({
    type: SiblingGroup,
    nullable: true,
    description:
      'Take a child out of their sibling group: the group as it is left, null when fewer than two remain (the group ends)',
    authScopes: siblingRecorders,
    args: { childId: t.arg.id({ required: true }) },
    resolve: (_root, { childId }, ctx) => {
      const id = String(childId).trim();
      if (id === '') throw invalidInput('childId is required', 'childId');
      return ctx.inTenant(async (tx) => {
        const { group, remaining } = await removeFromSiblingGroup(tx, id);
        await ctx.audit(tx, remaining ? 'update' : 'delete', 'SiblingGroup', [group.id], {
          removed: id,
          childIds: remaining?.childIds ?? [],
        });
        return remaining;
      });
    },
  }),
}));
