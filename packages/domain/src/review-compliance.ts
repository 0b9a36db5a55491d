import { isRecommendationOverdueOn, midwayReviewDueFor, type Recommendation } from './between-reviews.ts';
import { addDays, type IsoDate } from './calendar.ts';
import {
  COMPLIANCE_CHECKS,
  type ComplianceCheck,
  type ComplianceItem,
  complianceCheck,
  DUE_SOON_DAYS,
  daysOverdue,
  isDueSoon,
  isOverdue,
} from './compliance.ts';
import { defaultLocalPolicy, type LocalPolicy } from './local-policy.ts';
import { paperworkDeadlines } from './paperwork.ts';
import { type Episode, isInPeriodOn, isOpenAtEndOf, periodsOfCare } from './periods-of-care.ts';
import {
  childReviewSchedules,
  type DueBasis,
  type DueChange,
  type HeldReview,
  isLocallyOverdueOn,
  isOverdueOn,
  type PeriodSchedule,
  pendingDueOn,
  type ScheduledReview,
} from './review-schedule.ts';

/*
 * The reviews service's compliance checks (issue #6) on one date: where each child in care stands
 * against the review schedule (§3), the council's stricter intervals (§3.4), midway reviews and
 * recommendations (§7) and the paperwork after a review (§6). Every date comes from the rules of
 * review-schedule.ts, between-reviews.ts and paperwork.ts; this module only reads them on `asOf`
 * and words what it finds.
 */

export type ReviewComplianceCheckName = (typeof COMPLIANCE_CHECKS)['reviews'][number];

/** A review as recorded, with what the checks read of it. `reference` names the record in the lists. */
export type ReviewForCompliance = HeldReview & {
  reference: string;
  /** The IRO the record names, if any. */
  iroId?: string | null;
  outcomesIssued?: IsoDate | null;
  recordCompleted?: IsoDate | null;
  recordDistributed?: IsoDate | null;
};

/** A recommendation made at a review (§7). */
export type RecommendationForCompliance = Recommendation & {
  reference: string;
  reviewDate: IsoDate;
  recommendation: string;
  owner?: string | null;
};

/** One child with a period of care on the date, and everything recorded for them. */
export type ReviewComplianceChild = {
  childId: string;
  dateOfBirth: IsoDate | null;
  episodes: readonly Episode[];
  /** Every review recorded, in file order (the first row of a date stands, §14). */
  reviews: readonly ReviewForCompliance[];
  /** The dates of the midway reviews recorded. */
  midwayReviews: readonly IsoDate[];
  recommendations: readonly RecommendationForCompliance[];
};

export type ReviewComplianceItems = Record<ReviewComplianceCheckName, ComplianceItem[]>;

const ORDINALS = [
  'first',
  'second',
  'third',
  'fourth',
  'fifth',
  'sixth',
  'seventh',
  'eighth',
  'ninth',
  'tenth',
  'eleventh',
  'twelfth',
];

/** "second", "third", …; 13th and later as numbers. */
const ordinal = (n: number): string => {
  if (n >= 1 && n <= ORDINALS.length) return ORDINALS[n - 1]!;
  const tens = n % 100;
  const suffix =
    tens >= 11 && tens <= 13 ? 'th' : n % 10 === 1 ? 'st' : n % 10 === 2 ? 'nd' : n % 10 === 3 ? 'rd' : 'th';
  return `${n}${suffix}`;
};

// Why the review is due then, where that is not the ordinary sequence.
const BASIS_NOTE: Readonly<Partial<Record<DueBasis, string>>> = {
  short_break_first: 'short breaks',
  short_break_later: 'short breaks',
  short_break_change: 'short breaks ended',
  adoption_placement: 'placed for adoption',
  adoption_second: 'placed for adoption',
  adoption_later: 'placed for adoption',
  left_adoptive_placement: 'left the adoptive placement',
};

/** "second review of the period", with why it is due then where that is not the ordinary sequence. */
const reviewDescription = (number: number, basis: DueBasis): string => {
  const note = BASIS_NOTE[basis];
  return `${ordinal(number)} review of the period${note ? `, ${note}` : ''}`;
};

const OWNERS: Readonly<Record<string, string>> = {
  social_worker: 'social worker',
  team_manager: 'team manager',
  carer: 'carer',
  iro: 'IRO',
  other: 'other',
};

const MAX_TEXT = 80;
const shortened = (text: string): string => {
  const oneLine = text.replace(/\s+/g, ' ').trim();
  return oneLine.length <= MAX_TEXT ? oneLine : `${oneLine.slice(0, MAX_TEXT - 1).trimEnd()}…`;
};

const item = (
  childId: string,
  reference: string,
  what: string,
  dueDate: IsoDate,
  asOf: IsoDate,
  iroId: string | null = null,
): ComplianceItem => ({ childId, reference, what, dueDate, daysOverdue: daysOverdue(dueDate, asOf), iroId });

/**
 * Whether a midway review was recorded after the last review and by `asOf` (§7): once one is, the
 * midway review of that interval is no longer due, however late it was.
 */
export const midwayReviewHeldSince = (
  midwayDates: readonly IsoDate[],
  lastReview: IsoDate,
  asOf: IsoDate,
): boolean => midwayDates.some((date) => date > lastReview && date <= asOf);

type PaperworkStep = 'outcomesIssued' | 'recordCompleted' | 'recordDistributed';

const PAPERWORK_STEPS: readonly { step: PaperworkStep; what: (review: IsoDate) => string }[] = [
  { step: 'outcomesIssued', what: (review) => `Outcomes of the review of ${review} not issued` },
  { step: 'recordCompleted', what: (review) => `Record of the review of ${review} not completed` },
  { step: 'recordDistributed', what: (review) => `Record of the review of ${review} not distributed` },
];

/**
 * The paperwork of a review still missing at the end of `asOf` past its deadline (§6): not recorded,
 * or recorded only after `asOf` (an as-at reading ignores later dates, §14). Done late is done.
 */
export const paperworkMissingOn = (
  review: Pick<ReviewForCompliance, 'date' | PaperworkStep>,
  asOf: IsoDate,
  paperwork: LocalPolicy['paperwork'] = defaultLocalPolicy.paperwork,
): { step: PaperworkStep; dueDate: IsoDate }[] => {
  const missing = PAPERWORK_STEPS.filter(({ step }) => {
    const done = review[step];
    return !done || done > asOf;
  });
  // Most reviews have all their papers: count working days only for those that do not.
  if (missing.length === 0) return [];
  const deadlines = paperworkDeadlines(review.date, paperwork);
  return missing.flatMap(({ step }) =>
    isOverdue(deadlines[step], asOf) ? [{ step, dueDate: deadlines[step] }] : [],
  );
};

/**
 * What the review checks find for one child on `asOf`, with `policy` the council's policy in force
 * then. The schedule checks read the period of care the child is in at the end of `asOf` (a period
 * ending that day has no review to come); paperwork reads the reviews held in the period the child
 * is in on `asOf` (older periods' reviews predate most councils' paperwork records); recommendations
 * are the child's, whatever review made them.
 */
export const childReviewCompliance = (
  child: ReviewComplianceChild,
  asOf: IsoDate,
  policy: LocalPolicy = defaultLocalPolicy,
): ReviewComplianceItems => {
  const found: ReviewComplianceItems = {
    review_overdue: [],
    review_due_soon: [],
    local_review_overdue: [],
    local_review_due_soon: [],
    midway_review_due: [],
    paperwork_overdue: [],
    recommendation_overdue: [],
  };
  const { childId } = child;
  const { periods } = periodsOfCare(child.episodes);
  const { schedules } = childReviewSchedules(periods, child.reviews, { dob: child.dateOfBirth, policy });
  const schedule = schedules.findLast((candidate) => isInPeriodOn(candidate.period, asOf));

  if (schedule) {
    const held = schedule.reviews.filter((review) => review.date <= asOf);
    const last = held.at(-1) ?? null;
    if (isOpenAtEndOf(schedule.period, asOf)) {
      scheduleItems(found, schedule, held.length + 1, last, child, asOf, policy);
    }
    for (const { review } of held) {
      for (const { step, dueDate } of paperworkMissingOn(review, asOf, policy.paperwork)) {
        const what = PAPERWORK_STEPS.find((s) => s.step === step)!.what(review.date);
        found.paperwork_overdue.push(
          item(childId, review.reference, `${what} (due by ${dueDate})`, dueDate, asOf, review.iroId ?? null),
        );
      }
    }
  }

  for (const recommendation of child.recommendations) {
    // As at `asOf`: a recommendation of a later review was not yet made.
    if (recommendation.reviewDate > asOf || !isRecommendationOverdueOn(recommendation, asOf)) continue;
    const owner = recommendation.owner
      ? `; owner ${OWNERS[recommendation.owner] ?? recommendation.owner}`
      : '';
    found.recommendation_overdue.push(
      item(
        childId,
        recommendation.reference,
        `Recommendation of the review of ${recommendation.reviewDate} due ${recommendation.due} not completed${owner}: ${shortened(recommendation.recommendation)}`,
        recommendation.due,
        asOf,
      ),
    );
  }
  return found;
};

const scheduleItems = (
  found: ReviewComplianceItems,
  schedule: PeriodSchedule<ReviewForCompliance>,
  number: number,
  last: ScheduledReview<ReviewForCompliance> | null,
  child: ReviewComplianceChild,
  asOf: IsoDate,
  policy: LocalPolicy,
): void => {
  const { childId } = child;
  const pending: DueChange = pendingDueOn(schedule, asOf)!;
  const description = reviewDescription(number, pending.basis);
  // The record an overdue review stands on: the review it follows, or its due date when it follows none.
  const reference = last && last.date === pending.countsFrom ? last.review.reference : pending.dueDate;

  if (isOverdueOn(schedule, asOf)) {
    found.review_overdue.push(
      item(
        childId,
        reference,
        `Review due ${pending.dueDate} (${description}) not held`,
        pending.dueDate,
        asOf,
      ),
    );
  } else if (isDueSoon(pending.dueDate, asOf)) {
    found.review_due_soon.push(
      item(childId, reference, `Review due ${pending.dueDate} (${description})`, pending.dueDate, asOf),
    );
  }

  // The local date is the statutory one where no stricter local rule applies (§3.4): nothing of its own then.
  if (pending.localDueDate !== pending.dueDate) {
    const what = `Review due ${pending.localDueDate} under local policy (statutory ${pending.dueDate}; ${description})`;
    if (isLocallyOverdueOn(schedule, asOf)) {
      found.local_review_overdue.push(
        item(childId, reference, `${what} not held`, pending.localDueDate, asOf),
      );
    } else if (isDueSoon(pending.localDueDate, asOf)) {
      found.local_review_due_soon.push(item(childId, reference, what, pending.localDueDate, asOf));
    }
  }

  const midway = midwayReviewDueFor(last?.date ?? null, pending.dueDate, policy.midwayReviews);
  if (
    last &&
    midway !== null &&
    midway <= addDays(asOf, DUE_SOON_DAYS) &&
    !midwayReviewHeldSince(child.midwayReviews, last.date, asOf)
  ) {
    const what = `Midway review due ${midway} (between the review of ${last.date} and the next, due ${pending.dueDate})`;
    found.midway_review_due.push(
      item(childId, last.review.reference, isOverdue(midway, asOf) ? `${what} not held` : what, midway, asOf),
    );
  }
};

/**
 * Every review check on `asOf`, in the order of COMPLIANCE_CHECKS.reviews, each with its items in
 * urgency order, over the children in a period of care on `asOf` (`children`: each listed once).
 * `policy` is the council's policy in force on `asOf`. Items name an IRO only where the record does
 * (the paperwork of a review names its IRO); the caller fills in the child's allocated IRO.
 */
export const reviewComplianceChecks = (
  children: readonly ReviewComplianceChild[],
  asOf: IsoDate,
  policy: LocalPolicy = defaultLocalPolicy,
): ComplianceCheck[] => {
  const all: ReviewComplianceItems = {
    review_overdue: [],
    review_due_soon: [],
    local_review_overdue: [],
    local_review_due_soon: [],
    midway_review_due: [],
    paperwork_overdue: [],
    recommendation_overdue: [],
  };
  for (const child of children) {
    const found = childReviewCompliance(child, asOf, policy);
    for (const name of COMPLIANCE_CHECKS.reviews) all[name].push(...found[name]);
  }
  return COMPLIANCE_CHECKS.reviews.map((name) => complianceCheck(name, all[name]));
};
