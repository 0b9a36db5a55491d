import { and, asc, between, eq, sql } from 'drizzle-orm';
import {
  date,
  integer,
  jsonb,
  type PgSchema,
  pgPolicy,
  primaryKey,
  text,
  timestamp,
} from 'drizzle-orm/pg-core';
import { type Transaction, tenantPredicate } from './tenant.ts';

/**
 * Every service keeps the nightly compliance snapshots of its own checks beside its data, in its
 * own schema: one row per council, night and check, so that re-running a night replaces its rows
 * and the counts of many nights read without their items.
 */
export function complianceSnapshotsTable(schema: PgSchema) {
  return schema
    .table(
      'compliance_snapshots',
      {
        tenantId: text('tenant_id').notNull(),
        snapshotDate: date('snapshot_date').notNull(),
        check: text('check').notNull(),
        count: integer('count').notNull(),
        items: jsonb('items').$type<readonly unknown[]>().notNull(),
        computedAt: timestamp('computed_at', { withTimezone: true }).notNull().defaultNow(),
      },
      (t) => [
        primaryKey({ columns: [t.tenantId, t.snapshotDate, t.check] }),
        pgPolicy('tenant_isolation', { for: 'all', using: tenantPredicate, withCheck: tenantPredicate }),
      ],
    )
    .enableRLS();
}

export type ComplianceSnapshotsTable = ReturnType<typeof complianceSnapshotsTable>;

/**
 * Stores one night's checks of one council, replacing whatever that night already held (a second
 * run of the same night overwrites, never duplicates). Runs in the caller's tenant transaction.
 */
export async function recordComplianceSnapshot(
  tx: Transaction,
  table: ComplianceSnapshotsTable,
  {
    tenantId,
    date: snapshotDate,
    checks,
  }: { tenantId: string; date: string; checks: readonly { check: string; items: readonly unknown[] }[] },
) {
  await tx.delete(table).where(and(eq(table.tenantId, tenantId), eq(table.snapshotDate, snapshotDate)));
  if (checks.length === 0) return;
  await tx
    .insert(table)
    .values(
      checks.map(({ check, items }) => ({ tenantId, snapshotDate, check, count: items.length, items })),
    );
}

/** One stored check of one night; `items` only when asked for. */
export type StoredComplianceCheck = {
  date: string;
  check: string;
  count: number;
  items?: readonly unknown[];
};

/** The council's stored checks for the nights from `from` to `to`, oldest first, with or without their items. */
export async function findComplianceSnapshots(
  tx: Transaction,
  table: ComplianceSnapshotsTable,
  { from, to, withItems }: { from: string; to: string; withItems: boolean },
): Promise<StoredComplianceCheck[]> {
  return tx
    .select({
      date: table.snapshotDate,
      check: table.check,
      count: table.count,
      ...(withItems ? { items: table.items } : {}),
    })
    .from(table)
    .where(between(table.snapshotDate, from, to))
    .orderBy(asc(table.snapshotDate), asc(table.check));
}

/** The latest night on or before `date` with a stored snapshot; null if none. */
export async function latestComplianceSnapshotDate(
  tx: Transaction,
  table: ComplianceSnapshotsTable,
  date: string,
): Promise<string | null> {
  const [row] = await tx
    .select({ date: sql<string>`max(${table.snapshotDate})` })
    .from(table)
    .where(sql`${table.snapshotDate} <= ${date}`);
  return row?.date ?? null;
}
