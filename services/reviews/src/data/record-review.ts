import type { Transaction } from '@footprint/db';
import { invalidInput } from '@footprint/graphql';
import { and, eq, max } from 'drizzle-orm';
import { reviews } from '../db/tables.ts';

export type RecordReviewInput = {
  childId: string;
  reviewDate: string;
  participation: string | null;
  format: string | null;
  chairedByChild: string | null;
  iroId: string | null;
  lateReason: string | null;
};

/**
 * Records a review held. A second review of the same child on the same date is kept as the next
 * sequence rather than refused: it is what happened, and the schedule counts the first one only.
 */
export async function recordReview(tx: Transaction, tenantId: string, input: RecordReviewInput) {
  const [latest] = await tx
    .select({ sequence: max(reviews.sequence) })
    .from(reviews)
    .where(and(eq(reviews.childId, input.childId), eq(reviews.reviewDate, input.reviewDate)));
  const sequence = (latest?.sequence ?? 0) + 1;
  try {
    const [created] = await tx
      .insert(reviews)
      .values({ tenantId, sequence, ...input })
      .returning();
    return created!;
  } catch (error) {
    // Two people recording the same child's review for the same date at once: one wins the sequence.
    if ((error as { cause?: { code?: string } }).cause?.code === '23505') {
      throw invalidInput(
        `Another review of ${input.childId} on ${input.reviewDate} was recorded at the same moment; try again`,
        'date',
      );
    }
    throw error;
  }
}
