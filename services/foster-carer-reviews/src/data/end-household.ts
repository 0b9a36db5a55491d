import type { Transaction } from '@footprint/db';
import type { IsoDate } from '@footprint/domain';
import { invalidInput } from '@footprint/graphql';
import { and, desc, eq, gt } from 'drizzle-orm';
import { households, reviews } from '../db/tables.ts';

export type EndHouseholdInput = { householdId: string; endedOn: IsoDate };

/** Ends a household's approval on a date (ENDED), e.g. when the council ends it outside a review. */
export async function endHousehold(tx: Transaction, input: EndHouseholdInput, today: IsoDate) {
  const [household] = await tx
    .select()
    .from(households)
    .where(eq(households.id, input.householdId))
    .for('update');
  if (!household)
    throw invalidInput(`No foster household ${input.householdId} in this council`, 'householdId');
  if (household.endedOn !== null) {
    throw invalidInput(
      `Household ${household.id}'s approval already ended on ${household.endedOn}`,
      'householdId',
    );
  }
  if (input.endedOn > today) {
    throw invalidInput(`The end date ${input.endedOn} is in the future (today is ${today})`, 'endedOn');
  }
  if (input.endedOn < household.approvedOn) {
    throw invalidInput(
      `The end date ${input.endedOn} is before household ${household.id} was approved on ${household.approvedOn}`,
      'endedOn',
    );
  }
  const [later] = await tx
    .select()
    .from(reviews)
    .where(and(eq(reviews.householdId, household.id), gt(reviews.reviewDate, input.endedOn)))
    .orderBy(desc(reviews.reviewDate))
    .limit(1);
  if (later) {
    throw invalidInput(
      `Household ${household.id} has a review on ${later.reviewDate}, so its approval cannot end on ${input.endedOn}`,
      'endedOn',
    );
  }
  const [ended] = await tx
    .update(households)
    .set({ endedOn: input.endedOn })
    .where(eq(households.id, household.id))
    .returning();
  return ended!;
}
