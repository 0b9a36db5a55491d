import type { Transaction } from '@footprint/db';
import { excluded } from '@footprint/db';
import type { IndependentVisitorRecord } from '@footprint/exchange';
import { independentVisitors } from '../db/tables.ts';

/**
 * Writes imported Independent Visitor allocations, keyed by (CHILD, START): a later year's file
 * sets the END of an allocation an earlier one had open. The file has no key of its own, so a
 * second row for one child and start is read as a correction: the later row stands.
 */
export async function upsertIndependentVisitors(
  tx: Transaction,
  tenantId: string,
  records: readonly IndependentVisitorRecord[],
) {
  // One statement cannot update a row twice: keep the last row of each key in the batch.
  const byKey = new Map(records.map((r) => [`${r.child}\u0000${r.start}`, r]));
  if (byKey.size === 0) return;
  await tx
    .insert(independentVisitors)
    .values(
      [...byKey.values()].map((r) => ({ tenantId, childId: r.child, startDate: r.start, endDate: r.end })),
    )
    .onConflictDoUpdate({
      target: [independentVisitors.tenantId, independentVisitors.childId, independentVisitors.startDate],
      set: { endDate: excluded(independentVisitors.endDate) },
    });
}
