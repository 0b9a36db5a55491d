import type { Transaction } from '@footprint/db';
import { and, inArray, isNull } from 'drizzle-orm';
import { independentVisitors } from '../db/tables.ts';

export type IndependentVisitorRow = typeof independentVisitors.$inferSelect;

/** Each child's current allocation (END empty), if any. */
export async function findOpenIndependentVisitors(tx: Transaction, childIds: readonly string[]) {
  const rows = await tx
    .select()
    .from(independentVisitors)
    .where(and(inArray(independentVisitors.childId, [...childIds]), isNull(independentVisitors.endDate)));
  return new Map(rows.map((row) => [row.childId, row]));
}
