import type { Transaction } from '@footprint/db';
import { and, asc, eq, gte, inArray, lte } from 'drizzle-orm';
import { reviews } from '../db/tables.ts';

export type ReviewRow = typeof reviews.$inferSelect;

// Every list of reviews is in date order and, within one date, in file order: the order in which
// the first row of a date stands and later ones are duplicates (statutory-rules §14).
const inRecordedOrder = [asc(reviews.reviewDate), asc(reviews.sequence)] as const;

/** The reviews of the given children, grouped per child. */
export async function findReviewsByChild(tx: Transaction, childIds: readonly string[]) {
  const rows = await tx
    .select()
    .from(reviews)
    .where(inArray(reviews.childId, [...childIds]))
    .orderBy(asc(reviews.childId), ...inRecordedOrder);
  const byChild = new Map<string, ReviewRow[]>();
  for (const row of rows) byChild.set(row.childId, [...(byChild.get(row.childId) ?? []), row]);
  return byChild;
}

/** Every review of the council dated from `from` to `to`, both included. */
export function findReviewsHeld(tx: Transaction, from: string, to: string) {
  return tx
    .select()
    .from(reviews)
    .where(and(gte(reviews.reviewDate, from), lte(reviews.reviewDate, to)))
    .orderBy(asc(reviews.reviewDate), asc(reviews.childId), asc(reviews.sequence));
}

/** Every row recorded for one child on one date, first recorded first. */
export function findReviewsOnDate(tx: Transaction, childId: string, reviewDate: string) {
  return tx
    .select()
    .from(reviews)
    .where(and(eq(reviews.childId, childId), eq(reviews.reviewDate, reviewDate)))
    .orderBy(asc(reviews.sequence));
}
