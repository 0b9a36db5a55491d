import type { Transaction } from '@footprint/db';
import { invalidInput } from '@footprint/graphql';
import { and, eq, max } from 'drizzle-orm';
import type { RecommendationOwner } from '../codes.ts';
import { recommendations, reviews } from '../db/tables.ts';

export type RecordRecommendationInput = {
  childId: string;
  reviewDate: string;
  recommendation: string;
  owner: RecommendationOwner;
  dueDate: string;
};

/** Records a recommendation of a review held; it names the review by child and date, as the file does. */
export async function recordRecommendation(
  tx: Transaction,
  tenantId: string,
  input: RecordRecommendationInput,
) {
  const [review] = await tx
    .select({ childId: reviews.childId })
    .from(reviews)
    .where(and(eq(reviews.childId, input.childId), eq(reviews.reviewDate, input.reviewDate)))
    .limit(1);
  if (!review) {
    throw invalidInput(`No review of ${input.childId} on ${input.reviewDate} in this council`, 'reviewDate');
  }
  const [latest] = await tx
    .select({ sequence: max(recommendations.sequence) })
    .from(recommendations)
    .where(and(eq(recommendations.childId, input.childId), eq(recommendations.reviewDate, input.reviewDate)));
  try {
    const [created] = await tx
      .insert(recommendations)
      .values({ tenantId, sequence: (latest?.sequence ?? 0) + 1, ...input })
      .returning();
    return created!;
  } catch (error) {
    if ((error as { cause?: { code?: string } }).cause?.code === '23505') {
      throw invalidInput('Another recommendation of this review was recorded at the same moment; try again');
    }
    throw error;
  }
}
