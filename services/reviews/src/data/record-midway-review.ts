import type { Transaction } from '@footprint/db';
import { invalidInput } from '@footprint/graphql';
import { and, eq } from 'drizzle-orm';
import { midwayReviews } from '../db/tables.ts';

export type RecordMidwayReviewInput = { childId: string; midwayDate: string; iroId: string | null };

/** Records a midway review; one per child and date, as the figures count them (§14). */
export async function recordMidwayReview(tx: Transaction, tenantId: string, input: RecordMidwayReviewInput) {
  const [existing] = await tx
    .select()
    .from(midwayReviews)
    .where(and(eq(midwayReviews.childId, input.childId), eq(midwayReviews.midwayDate, input.midwayDate)));
  if (existing) {
    throw invalidInput(
      `A midway review of ${input.childId} on ${input.midwayDate} is already recorded`,
      'date',
    );
  }
  const [created] = await tx
    .insert(midwayReviews)
    .values({ tenantId, ...input })
    .returning();
  return created!;
}
