import type { IsoDate } from './calendar.ts';
import {
  COMPLIANCE_CHECKS,
  type ComplianceCheck,
  type ComplianceItem,
  complianceCheck,
  daysOverdue,
} from './compliance.ts';
import {
  type FosterHousehold,
  type FosterReview,
  fosterPendingDueOn,
  fosterReviewSchedule,
  isFosterReviewOverdueOn,
} from './foster-carer-reviews.ts';

/*
 * The foster carer reviews service's compliance check (issue #6, statutory-rules §11, §14).
 */

/** A household with its reviews and, where the records name one, its reviewing officer. */
export type FosterHouseholdRecords = {
  household: FosterHousehold;
  reviews: readonly FosterReview[];
  reviewingOfficer?: string | null;
};

/**
 * `foster_carer_review_overdue` (§11, §14): households still approved at the end of `asOf` whose
 * next review (12 months after approval or the last review held by `asOf`, month rule §1) was due
 * before `asOf`. Reviews dated after `asOf` are ignored.
 */
export const fosterCarerReviewsOverdue = (
  households: readonly FosterHouseholdRecords[],
  asOf: IsoDate,
): ComplianceItem[] =>
  households.flatMap(({ household, reviews, reviewingOfficer }): ComplianceItem[] => {
    const schedule = fosterReviewSchedule(household, reviews);
    if (!isFosterReviewOverdueOn(schedule, asOf)) return [];
    const due = fosterPendingDueOn(schedule, asOf);
    const last = schedule.reviews.filter((r) => r.date <= asOf).at(-1);
    return [
      {
        childId: null,
        reference: household.household,
        what: `Foster carer review due ${due} (${last ? `last review ${last.date}` : `approved ${household.approved}`})`,
        dueDate: due,
        daysOverdue: daysOverdue(due, asOf),
        iroId: reviewingOfficer ?? null,
      },
    ];
  });

/** Every check of the foster carer reviews service on `asOf`, in COMPLIANCE_CHECKS order. */
export const fosterCarerReviewComplianceChecks = ({
  households,
  asOf,
}: {
  households: readonly FosterHouseholdRecords[];
  asOf: IsoDate;
}): ComplianceCheck[] => {
  const items = { foster_carer_review_overdue: () => fosterCarerReviewsOverdue(households, asOf) };
  return COMPLIANCE_CHECKS['foster-carer-reviews'].map((check) => complianceCheck(check, items[check]()));
};
