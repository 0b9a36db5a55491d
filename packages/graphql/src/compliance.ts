import type { Role } from '@footprint/auth';
import { type ComplianceSnapshotsTable, findComplianceSnapshots } from '@footprint/db';
import {
  COMPLIANCE_CHECKS,
  type ComplianceCheck,
  type ComplianceCheckName,
  type ComplianceItem,
  type ComplianceService,
  isIsoDate,
  type LocalPolicy,
  localPolicySchema,
} from '@footprint/domain';
import type { ObjectRef } from '@pothos/core';
import DataLoader from 'dataloader';
import type { FootprintBuilder, FootprintSchemaTypes } from './builder.ts';
import type { RequestContext } from './context.ts';
import { invalidInput } from './errors.ts';

/*
 * What every subgraph's part of the `Compliance @key(fields: "asOf")` entity shares: the check and
 * item types, who may read them, and the local policy in force that the children subgraph hands
 * to the others through `@requires`.
 */

/** A council's compliance lists are for its managers and IROs; an IRO sees only their own items. */
export const complianceReaders: Readonly<{ anyRole: readonly Role[] }> = { anyRole: ['manager', 'iro'] };

/** The date a representation names; checked, as a direct `_entities` call could send anything. */
export function checkedAsOf(asOf: unknown): string {
  if (!isIsoDate(asOf)) throw invalidInput('asOf must be a calendar date as YYYY-MM-DD', 'asOf');
  return asOf;
}

/** The live computation on any date, and the nightly run, are for managers (and the commands acting as one). */
export const complianceComputers: Readonly<{ anyRole: readonly Role[] }> = { anyRole: ['manager'] };

/**
 * The checks as the caller may see them: a manager sees every item; an IRO only the items that fall
 * to them, with counts of those items; anyone else nothing.
 */
export function visibleChecks<C extends { items: readonly ComplianceItem[] }>(
  ctx: RequestContext,
  checks: readonly C[],
): C[] {
  if (ctx.auth.roles.includes('manager')) return [...checks];
  const me = ctx.auth.roles.includes('iro') ? ctx.auth.staffRef : null;
  return checks.map((check) => ({
    ...check,
    items: me === null ? [] : check.items.filter((item) => item.iroId === me),
  }));
}

type Types = PothosSchemaTypes.ExtendDefaultTypes<FootprintSchemaTypes>;

const complianceRefs = new WeakMap<FootprintBuilder, ObjectRef<Types, ComplianceCheck>>();

/**
 * The shareable `ComplianceCheck` and `ComplianceItem` types, the item's `child` of the subgraph's
 * `Child` entity. Calling it again for the same builder returns the same type.
 */
export function complianceCheckType<C extends object>(
  builder: FootprintBuilder,
  childRef: ObjectRef<Types, C>,
): ObjectRef<Types, ComplianceCheck> {
  const declared = complianceRefs.get(builder);
  if (declared) return declared;
  const Item = builder.objectRef<ComplianceItem>('ComplianceItem').implement({
    description: 'One thing a compliance check found: what is due or wrong, for which child, since when',
    shareable: true,
    fields: (t) => ({
      child: t.field({
        type: childRef as ObjectRef<Types, object>,
        nullable: true,
        description:
          'The child the item is about; null where it is about no one child (a caseload, a household)',
        resolve: (item) => (item.childId === null ? null : { id: item.childId }),
      }),
      reference: t.exposeString('reference', {
        description: 'The record the item stands on: a review date, an escalation, a household, an IRO',
      }),
      what: t.exposeString('what', { description: 'A short human line on what is due or wrong' }),
      dueDate: t.expose('dueDate', {
        type: 'Date',
        nullable: true,
        description: 'When it falls or fell due',
      }),
      daysOverdue: t.exposeInt('daysOverdue', {
        nullable: true,
        description: 'Calendar days since the due date (negative while not yet due)',
      }),
      iroId: t.exposeString('iroId', {
        nullable: true,
        description:
          'The IRO the item falls to (the child’s allocated IRO on the date, or the one the record names)',
      }),
    }),
  });
  const ref = builder.objectRef<ComplianceCheck>('ComplianceCheck').implement({
    description: 'One statutory or local check on one date, with what it found',
    shareable: true,
    fields: (t) => ({
      check: t.exposeString('check', { description: 'The check’s name, e.g. review_overdue' }),
      count: t.int({ description: 'How many items it found', resolve: (check) => check.items.length }),
      items: t.field({
        type: [Item],
        description: 'What it found, most overdue first',
        resolve: (c) => c.items,
      }),
    }),
  });
  complianceRefs.set(builder, ref);
  return ref;
}

/**
 * The council's local policy in force on a date, as JSON: the children subgraph holds it and the
 * others `@requires` it. Validated when parsed, as a direct `_entities` call could send anything.
 */
export function localPolicyScalar(builder: FootprintBuilder) {
  return builder.scalarType('LocalPolicy', {
    description: 'A council’s local policy in force on a date (statutory-rules §3.4), as JSON',
    serialize: (value) => value,
    parseValue: (value) => {
      const parsed = localPolicySchema.safeParse(value);
      if (!parsed.success) throw new TypeError('LocalPolicy is not a valid local policy');
      return parsed.data as LocalPolicy;
    },
  });
}

/**
 * The checks a subgraph stored for the nights asked about in one request (the portal's trend asks
 * for many nights at once): one query for them all, each night's checks in the order of
 * COMPLIANCE_CHECKS for `service`, a check the night did not store left out. The read is audited.
 */
export function recordedChecksLoader(
  ctx: RequestContext,
  table: ComplianceSnapshotsTable,
  service: ComplianceService,
): DataLoader<string, ComplianceCheck[]> {
  const order: readonly string[] = COMPLIANCE_CHECKS[service];
  return new DataLoader(async (dates) =>
    ctx.inTenant(async (tx) => {
      const sorted = [...dates].sort();
      const rows = await findComplianceSnapshots(tx, table, {
        from: sorted[0]!,
        to: sorted.at(-1)!,
        withItems: true,
      });
      const byDate = new Map<string, ComplianceCheck[]>();
      for (const row of rows) {
        if (!order.includes(row.check)) continue;
        const list = byDate.get(row.date) ?? [];
        list.push({ check: row.check as ComplianceCheckName, items: (row.items ?? []) as ComplianceItem[] });
        byDate.set(row.date, list);
      }
      const found = dates.flatMap((date) => (byDate.has(date) ? [date] : []));
      await ctx.audit(tx, 'read', 'ComplianceSnapshot', found, { service });
      return dates.map((date) =>
        (byDate.get(date) ?? []).sort((a, b) => order.indexOf(a.check) - order.indexOf(b.check)),
      );
    }),
  );
}
