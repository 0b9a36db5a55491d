import type { AccessClaims } from '@footprint/auth';
import type { Transaction } from '@footprint/db';
import { and, asc, inArray } from 'drizzle-orm';
import { reviews } from '../db/tables.ts';
import { visibleHouseholds } from '../db/visibility.ts';

export type ReviewRow = typeof reviews.$inferSelect;

/** Reviews of the given households, oldest first, grouped per household. */
export async function findReviewsByHousehold(
  tx: Transaction,
  auth: AccessClaims,
  householdIds: readonly string[],
) {
  const rows = await tx
    .select()
    .from(reviews)
    .where(and(inArray(reviews.householdId, [...householdIds]), visibleHouseholds(auth)))
    .orderBy(asc(reviews.householdId), asc(reviews.reviewDate));
  const byHousehold = new Map<string, ReviewRow[]>();
  for (const row of rows)
    byHousehold.set(row.householdId, [...(byHousehold.get(row.householdId) ?? []), row]);
  return byHousehold;
}
