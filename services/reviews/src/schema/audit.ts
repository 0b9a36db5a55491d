import { invalidInput } from '@footprint/graphql';
import { builder } from '../builder.ts';
import { type AuditRow, findAuditsDated } from '../data/find-audits.ts';
import { Child } from './child.ts';
import { Iro } from './iro.ts';

export const Audit = builder.objectRef<AuditRow>('Audit');

Audit.implement({
  description:
    'A quality audit of a child’s case by the IRO service (extension file audits); not the trail of who read what',
  fields: (t) => ({
    id: t.exposeID('auditId', { description: 'The council’s AUDIT reference' }),
    child: t.field({ type: Child, resolve: (row) => ({ id: row.childId }) }),
    date: t.expose('auditDate', { type: 'Date' }),
    auditor: t.field({
      type: Iro,
      nullable: true,
      resolve: (row) => (row.auditorId ? { id: row.auditorId } : null),
    }),
    grade: t.exposeString('grade', {
      nullable: true,
      description: 'outstanding, good, requires_improvement or inadequate; null when not recorded',
    }),
  }),
});

builder.queryFields((t) => ({
  audits: t.field({
    type: [Audit],
    description: 'Every audit of the council dated from `from` to `to`, both included, oldest first',
    authScopes: { anyRole: ['manager'] },
    args: {
      from: t.arg({ type: 'Date', required: true }),
      to: t.arg({ type: 'Date', required: true }),
    },
    resolve: (_root, { from, to }, ctx) => {
      if (from > to) throw invalidInput(`from (${from}) is after to (${to})`, 'from');
      return ctx.inTenant(async (tx) => {
        const rows = await findAuditsDated(tx, from, to);
        await ctx.audit(
          tx,
          'read',
          'Audit',
          rows.map((row) => row.auditId),
        );
        return rows;
      });
    },
  }),
}));
