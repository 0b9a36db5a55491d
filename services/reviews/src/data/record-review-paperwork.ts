import type { Transaction } from '@footprint/db';
import { invalidInput } from '@footprint/graphql';
import { and, eq } from 'drizzle-orm';
import { reviews } from '../db/tables.ts';
import { type ReviewKey, reviewIdOf } from '../keys.ts';

export type ReviewPaperwork = {
  lateReason?: string | null;
  outcomesIssued?: string | null;
  recordCompleted?: string | null;
  recordDistributed?: string | null;
};

const paperworkDates = ['outcomesIssued', 'recordCompleted', 'recordDistributed'] as const;

/**
 * Records what happened after a review (§6): when outcomes were issued and the record completed and
 * distributed, and why the review was late. Only the fields given change.
 */
export async function recordReviewPaperwork(tx: Transaction, key: ReviewKey, paperwork: ReviewPaperwork) {
  const where = and(
    eq(reviews.childId, key.childId),
    eq(reviews.reviewDate, key.reviewDate),
    eq(reviews.sequence, key.sequence),
  );
  const [review] = await tx.select().from(reviews).where(where);
  if (!review) throw invalidInput(`No review ${reviewIdOf(key)} in this council`, 'reviewId');
  for (const field of paperworkDates) {
    const value = paperwork[field];
    if (value && value < review.reviewDate) {
      throw invalidInput(`${field} (${value}) is before the review on ${review.reviewDate}`, field);
    }
  }
  const [updated] = await tx.update(reviews).set(paperwork).where(where).returning();
  return { before: review, after: updated! };
}
