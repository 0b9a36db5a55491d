import type { Transaction } from '@footprint/db';
import { asc, inArray } from 'drizzle-orm';
import { recommendations } from '../db/tables.ts';

export type RecommendationRow = typeof recommendations.$inferSelect;

/** The recommendations of the given children's reviews, by review date then order, grouped per child. */
export async function findRecommendationsByChild(tx: Transaction, childIds: readonly string[]) {
  const rows = await tx
    .select()
    .from(recommendations)
    .where(inArray(recommendations.childId, [...childIds]))
    .orderBy(asc(recommendations.childId), asc(recommendations.reviewDate), asc(recommendations.sequence));
  const byChild = new Map<string, RecommendationRow[]>();
  for (const row of rows) byChild.set(row.childId, [...(byChild.get(row.childId) ?? []), row]);
  return byChild;
}
