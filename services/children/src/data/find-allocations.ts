import type { Transaction } from '@footprint/db';
import { and, asc, inArray, isNull } from 'drizzle-orm';
import { allocations } from '../db/tables.ts';

export type AllocationRow = typeof allocations.$inferSelect;

export async function findOpenAllocations(tx: Transaction, childIds: readonly string[]) {
  const rows = await tx
    .select()
    .from(allocations)
    .where(and(inArray(allocations.childId, [...childIds]), isNull(allocations.endDate)));
  return new Map(rows.map((row) => [row.childId, row]));
}

export function findAllocationsOfChild(tx: Transaction, childId: string) {
  return tx
    .select()
    .from(allocations)
    .where(inArray(allocations.childId, [childId]))
    .orderBy(asc(allocations.startDate));
}
