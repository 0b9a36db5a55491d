import {
  type FosterHousehold,
  type FosterHouseholdType,
  type FosterReviewOutcome,
  fosterReviewSchedule,
  londonDateOf,
} from '@footprint/domain';
import type { RequestContext } from '@footprint/graphql';
import type { HouseholdRow } from './data/find-households.ts';
import type { ReviewRow } from './data/find-reviews.ts';
import { loaders } from './loaders.ts';

/** The household as the domain's rules take it. */
export const asDomainHousehold = (row: HouseholdRow): FosterHousehold => ({
  household: row.id,
  type: row.type as FosterHouseholdType,
  approved: row.approvedOn,
  ended: row.endedOn,
});

/** The household's review schedule, from the domain's foster carer review rule (§11, §14) only. */
export const scheduleOf = (household: HouseholdRow, reviews: readonly ReviewRow[]) =>
  fosterReviewSchedule(
    asDomainHousehold(household),
    reviews.map((row) => ({ date: row.reviewDate, outcome: row.outcome as FosterReviewOutcome | null, row })),
  );

/** Today in England: dates have no time of day (statutory-rules §1). */
export const today = () => londonDateOf(new Date());

/** The schedule of a household, through the request's loaders (one query per batch). */
export async function loadSchedule(ctx: RequestContext, household: HouseholdRow) {
  return scheduleOf(household, await loaders(ctx).reviews.load(household.id));
}
