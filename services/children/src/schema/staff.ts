import { builder } from '../builder.ts';
import { listChildren } from '../data/find-children.ts';
import type { StaffRow } from '../data/find-staff.ts';
import { listStaff } from '../data/find-staff.ts';
import { loaders } from '../loaders.ts';
import { Child } from './child.ts';

/** A member of the IRO service: an IRO, an FCRO or a manager. */
export const Iro = builder.objectRef<StaffRow>('Iro').implement({
  description: 'A member of the council’s IRO service',
  fields: (t) => ({
    id: t.exposeID('id', { description: 'The council’s staff reference (IRO column of iros.csv)' }),
    name: t.exposeString('name'),
    role: t.exposeString('role', { description: 'iro, fcro or manager' }),
    fte: t.exposeFloat('fte'),
    startDate: t.expose('startDate', { type: 'Date' }),
    endDate: t.expose('endDate', { type: 'Date', nullable: true }),
    caseload: t.field({
      type: [Child],
      description: 'Children currently allocated to this IRO that the caller may see',
      resolve: (iro, _args, ctx) => ctx.inTenant((tx) => listChildren(tx, ctx.auth, { iroId: iro.id })),
    }),
  }),
});

builder.asEntity(Iro, {
  key: builder.selection<{ id: string }>('id'),
  resolveReference: ({ id }, ctx) => loaders(ctx).staff.load(id),
});

builder.queryFields((t) => ({
  reviewingOfficers: t.field({
    type: [Iro],
    description: 'Everyone in the council’s IRO service',
    authScopes: { anyRole: ['manager', 'iro', 'fcro', 'council_admin'] },
    resolve: (_root, _args, ctx) => ctx.inTenant((tx) => listStaff(tx)),
  }),
}));
