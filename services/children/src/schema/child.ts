import { ageOn, londonDateOf } from '@footprint/domain';
import { builder } from '../builder.ts';
import { type ChildRow, listChildren } from '../data/find-children.ts';
import { loaders } from '../loaders.ts';
import { Episode } from './episode.ts';
import { Iro } from './staff.ts';

export const Child = builder.objectRef<ChildRow>('Child');

Child.implement({
  description: 'A child known to the council, identified by the council’s own CHILD reference',
  fields: (t) => ({
    id: t.exposeID('id', { description: 'The council’s CHILD identifier (SSDA903)' }),
    givenName: t.exposeString('givenName', { nullable: true }),
    familyName: t.exposeString('familyName', { nullable: true }),
    displayName: t.string({
      description: 'The child’s name, or their CHILD reference when no name is recorded',
      resolve: (child) => [child.givenName, child.familyName].filter(Boolean).join(' ') || child.id,
    }),
    dateOfBirth: t.expose('dateOfBirth', { type: 'Date' }),
    age: t.int({
      description: 'Age in completed years today (Europe/London)',
      resolve: (child) => ageOn(child.dateOfBirth, londonDateOf(new Date())),
    }),
    sex: t.exposeString('sex', { description: 'SEX code as recorded (1/2 or M/F/U)' }),
    ethnicity: t.exposeString('ethnicity', { nullable: true, description: 'ETHNIC code, when recorded' }),
    episodes: t.field({
      type: [Episode],
      description: 'Every SSDA903 episode, oldest first',
      resolve: (child, _args, ctx) => loaders(ctx).episodes.load(child.id),
    }),
    currentEpisode: t.field({
      type: Episode,
      nullable: true,
      description: 'The open episode, when the child is looked after now',
      resolve: async (child, _args, ctx) =>
        (await loaders(ctx).episodes.load(child.id)).find((episode) => episode.endDate === null) ?? null,
    }),
    iro: t.field({
      type: Iro,
      nullable: true,
      description: 'The IRO the child is allocated to now',
      resolve: async (child, _args, ctx) => {
        const allocation = await loaders(ctx).openAllocation.load(child.id);
        return allocation ? loaders(ctx).staff.load(allocation.iroId) : null;
      },
    }),
  }),
});

builder.asEntity(Child, {
  key: builder.selection<{ id: string }>('id'),
  resolveReference: ({ id }, ctx) => loaders(ctx).child.load(id),
});

builder.queryFields((t) => ({
  child: t.field({
    type: Child,
    nullable: true,
    description: 'One child of the caller’s council, when the caller may see them',
    args: { id: t.arg.id({ required: true }) },
    resolve: (_root, { id }, ctx) => loaders(ctx).child.load(String(id)),
  }),
  children: t.field({
    type: [Child],
    description: 'Every child of the council the caller may see',
    authScopes: { anyRole: ['manager', 'iro'] },
    resolve: (_root, _args, ctx) => ctx.inTenant((tx) => listChildren(tx, ctx.auth)),
  }),
  myCaseload: t.field({
    type: [Child],
    description: 'The children currently allocated to the signed-in IRO',
    authScopes: { anyRole: ['iro'] },
    resolve: (_root, _args, ctx) =>
      ctx.auth.staffRef
        ? ctx.inTenant((tx) => listChildren(tx, ctx.auth, { iroId: ctx.auth.staffRef! }))
        : [],
  }),
}));
