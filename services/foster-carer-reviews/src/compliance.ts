import type { FosterHouseholdRecords, FosterReviewOutcome } from '@footprint/domain';
import type { ReportRecords } from './data/find-report-records.ts';
import type { ReviewRow } from './data/find-reviews.ts';
import { asDomainHousehold } from './schedule.ts';

/**
 * Every household with its reviews and its reviewing officer (FCRO), as the compliance check takes
 * them (issue #6); the officer is the one the household's record names.
 */
export function householdsWithReviews({ households, reviews }: ReportRecords): FosterHouseholdRecords[] {
  const byHousehold = new Map<string, ReviewRow[]>();
  for (const review of reviews) {
    const list = byHousehold.get(review.householdId);
    if (list) list.push(review);
    else byHousehold.set(review.householdId, [review]);
  }
  return households.map((row) => ({
    household: asDomainHousehold(row),
    reviews: (byHousehold.get(row.id) ?? []).map((review) => ({
      date: review.reviewDate,
      outcome: review.outcome as FosterReviewOutcome | null,
    })),
    reviewingOfficer: row.fcroId,
  }));
}
