import type { Transaction } from '@footprint/db';
import { and, asc, gte, inArray, lte } from 'drizzle-orm';
import { midwayReviews } from '../db/tables.ts';

export type MidwayReviewRow = typeof midwayReviews.$inferSelect;

/** The midway reviews of the given children, oldest first, grouped per child. */
export async function findMidwayReviewsByChild(tx: Transaction, childIds: readonly string[]) {
  const rows = await tx
    .select()
    .from(midwayReviews)
    .where(inArray(midwayReviews.childId, [...childIds]))
    .orderBy(asc(midwayReviews.childId), asc(midwayReviews.midwayDate));
  const byChild = new Map<string, MidwayReviewRow[]>();
  for (const row of rows) byChild.set(row.childId, [...(byChild.get(row.childId) ?? []), row]);
  return byChild;
}

/** Every midway review of the council dated from `from` to `to`, both included, oldest first. */
export function findMidwayReviewsDated(tx: Transaction, from: string, to: string) {
  return tx
    .select()
    .from(midwayReviews)
    .where(and(gte(midwayReviews.midwayDate, from), lte(midwayReviews.midwayDate, to)))
    .orderBy(asc(midwayReviews.midwayDate), asc(midwayReviews.childId));
}
