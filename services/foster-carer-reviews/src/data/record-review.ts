import type { Transaction } from '@footprint/db';
import { type FosterReviewOutcome, type IsoDate, isApprovedOn } from '@footprint/domain';
import { invalidInput } from '@footprint/graphql';
import { and, desc, eq, gt } from 'drizzle-orm';
import { endingOutcomes } from '../codes.ts';
import { households, reviews } from '../db/tables.ts';
import { asDomainHousehold } from '../schedule.ts';

export type RecordReviewInput = {
  householdId: string;
  date: IsoDate;
  outcome: FosterReviewOutcome;
  fcroId: string | null;
  notes: string | null;
};

/**
 * Records a foster carer review. An `ended` or `resigned` outcome ends the approval on the review
 * date, in the caller's transaction, so a review and the end it decides never come apart.
 */
export async function recordReview(
  tx: Transaction,
  tenantId: string,
  input: RecordReviewInput,
  today: IsoDate,
) {
  // Locked so that a concurrent end of approval cannot slip between the checks and the insert.
  const [household] = await tx
    .select()
    .from(households)
    .where(eq(households.id, input.householdId))
    .for('update');
  if (!household)
    throw invalidInput(`No foster household ${input.householdId} in this council`, 'householdId');
  if (input.date > today)
    throw invalidInput(`The review date ${input.date} is in the future (today is ${today})`, 'date');
  if (input.date < household.approvedOn) {
    throw invalidInput(
      `The review date ${input.date} is before household ${household.id} was approved on ${household.approvedOn}`,
      'date',
    );
  }
  if (!isApprovedOn(asDomainHousehold(household), input.date)) {
    throw invalidInput(
      `Household ${household.id} was not approved on ${input.date}: its approval ended on ${household.endedOn}`,
      'date',
    );
  }
  const [sameDay] = await tx
    .select()
    .from(reviews)
    .where(and(eq(reviews.householdId, household.id), eq(reviews.reviewDate, input.date)));
  if (sameDay) {
    throw invalidInput(`A review of household ${household.id} on ${input.date} is already recorded`, 'date');
  }
  const ends = endingOutcomes.has(input.outcome);
  if (ends) {
    const [later] = await tx
      .select()
      .from(reviews)
      .where(and(eq(reviews.householdId, household.id), gt(reviews.reviewDate, input.date)))
      .orderBy(desc(reviews.reviewDate))
      .limit(1);
    if (later) {
      throw invalidInput(
        `Household ${household.id} has a review on ${later.reviewDate}, so its approval cannot end on ${input.date}`,
        'outcome',
      );
    }
  }
  const [review] = await tx
    .insert(reviews)
    .values({ tenantId, ...input, reviewDate: input.date })
    .returning();
  let current = household;
  if (ends) {
    [current = household] = await tx
      .update(households)
      .set({ endedOn: input.date })
      .where(eq(households.id, household.id))
      .returning();
  }
  return { review: review!, household: current, endedApproval: ends };
}
