import { addMonths, type IsoDate, reportingYear } from './calendar.ts';
import { percent } from './numbers.ts';

export type FosterHouseholdType = 'mainstream' | 'connected_person';
export type FosterHousehold = {
  household: string;
  type: FosterHouseholdType;
  approved: IsoDate;
  ended: IsoDate | null;
};
export type FosterReviewOutcome = 'continued' | 'terms_changed' | 'ended' | 'resigned';
export type FosterReview = { date: IsoDate; outcome?: FosterReviewOutcome | null };

export type ScheduledFosterReview<R extends FosterReview = FosterReview> = {
  review: R;
  date: IsoDate;
  dueDate: IsoDate;
  onTime: boolean;
};

export type FosterReviewSchedule<R extends FosterReview = FosterReview> = {
  household: FosterHousehold;
  reviews: ScheduledFosterReview<R>[];
  /** The next review due after every review recorded. */
  pendingDue: IsoDate;
  /** Whether the household is still approved on the pending due date (else nothing is due). */
  pendingCounts: boolean;
};

/** Approved on `date`: approved by then and ENDED empty or on or after it (§14: a due date counts then). */
export const isApprovedOn = (household: FosterHousehold, date: IsoDate): boolean =>
  household.approved <= date && (household.ended === null || household.ended >= date);

/** Approved at the end of `date` ("at 31 March", §14): ENDED empty or after it. */
export const isApprovedAtEndOf = (household: FosterHousehold, date: IsoDate): boolean =>
  household.approved <= date && (household.ended === null || household.ended > date);

/**
 * A household's review schedule (§11, reg 28): the first review due by 12 months after approval,
 * every later one by 12 months after the previous review held (month rule). Reviews on one date
 * count once; reviews before approval are not part of it.
 */
export const fosterReviewSchedule = <R extends FosterReview>(
  household: FosterHousehold,
  reviews: readonly R[],
): FosterReviewSchedule<R> => {
  const seen = new Set<IsoDate>();
  const held = [...reviews]
    .filter((r) => r.date >= household.approved)
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0))
    .filter((r) => {
      if (seen.has(r.date)) return false;
      seen.add(r.date);
      return true;
    });
  let due = addMonths(household.approved, 12);
  const scheduled: ScheduledFosterReview<R>[] = [];
  for (const review of held) {
    scheduled.push({ review, date: review.date, dueDate: due, onTime: review.date <= due });
    due = addMonths(review.date, 12);
  }
  return { household, reviews: scheduled, pendingDue: due, pendingCounts: isApprovedOn(household, due) };
};

/** The due date pending at the end of `date` (reviews held by then applied). */
export const fosterPendingDueOn = (schedule: FosterReviewSchedule, date: IsoDate): IsoDate => {
  let due = addMonths(schedule.household.approved, 12);
  for (const r of schedule.reviews) if (r.date <= date) due = addMonths(r.date, 12);
  return due;
};

/** Overdue at the end of `date`: still approved then and the pending due date has passed (as for children). */
export const isFosterReviewOverdueOn = (schedule: FosterReviewSchedule, date: IsoDate): boolean =>
  isApprovedAtEndOf(schedule.household, date) && fosterPendingDueOn(schedule, date) < date;

export type FosterCarerReviewFigures = {
  householdsAt31March: Record<FosterHouseholdType, number>;
  due: number;
  onTime: number;
  onTimePercent: number | null;
  overdueAt31March: number;
};

/** One review due in the year: a review held against that due date, or the pending one (never held). */
export type FosterReviewDue<R extends FosterReview = FosterReview> = {
  household: FosterHousehold;
  dueDate: IsoDate;
  /** The review held against this due date; null for the pending due date. */
  review: ScheduledFosterReview<R> | null;
  onTime: boolean;
};

/** A household overdue at the end of a date, with the due date that passed. */
export type FosterReviewOverdue = { household: FosterHousehold; dueDate: IsoDate };

/**
 * The records behind each `fosterCarerReviews.*` figure of the year: every count of
 * `fosterCarerReviewFigures` is the length of one of these lists.
 */
export type FosterCarerReviewMembers<R extends FosterReview = FosterReview> = {
  householdsAt31March: Record<FosterHouseholdType, FosterHousehold[]>;
  due: FosterReviewDue<R>[];
  onTime: FosterReviewDue<R>[];
  overdueAt31March: FosterReviewOverdue[];
};

/** The records behind the foster carer review figures of reporting year `year`; see `fosterCarerReviewFigures`. */
export const fosterCarerReviewMembers = <R extends FosterReview>(
  schedules: readonly FosterReviewSchedule<R>[],
  year: number,
): FosterCarerReviewMembers<R> => {
  const { start, end } = reportingYear(year);
  const householdsAt31March: Record<FosterHouseholdType, FosterHousehold[]> = {
    mainstream: [],
    connected_person: [],
  };
  const due: FosterReviewDue<R>[] = [];
  const overdueAt31March: FosterReviewOverdue[] = [];
  for (const schedule of schedules) {
    const { household } = schedule;
    if (isApprovedAtEndOf(household, end)) householdsAt31March[household.type].push(household);
    for (const review of schedule.reviews) {
      if (review.dueDate < start || review.dueDate > end || !isApprovedOn(household, review.dueDate))
        continue;
      due.push({ household, dueDate: review.dueDate, review, onTime: review.onTime });
    }
    if (schedule.pendingDue >= start && schedule.pendingDue <= end && schedule.pendingCounts) {
      due.push({ household, dueDate: schedule.pendingDue, review: null, onTime: false });
    }
    if (isFosterReviewOverdueOn(schedule, end)) {
      overdueAt31March.push({ household, dueDate: fosterPendingDueOn(schedule, end) });
    }
  }
  return { householdsAt31March, due, onTime: due.filter((d) => d.onTime), overdueAt31March };
};

/**
 * The `fosterCarerReviews.*` figures of reporting year `year` (§11, §14): households approved at
 * 31 March by type; the reviews whose due date is in the year (a due date counts while the household
 * is approved on it) and those held by it; households overdue at the end of 31 March.
 */
export const fosterCarerReviewFigures = (
  schedules: readonly FosterReviewSchedule[],
  year: number,
): FosterCarerReviewFigures => {
  const members = fosterCarerReviewMembers(schedules, year);
  return {
    householdsAt31March: {
      mainstream: members.householdsAt31March.mainstream.length,
      connected_person: members.householdsAt31March.connected_person.length,
    },
    due: members.due.length,
    onTime: members.onTime.length,
    onTimePercent: percent(members.onTime.length, members.due.length),
    overdueAt31March: members.overdueAt31March.length,
  };
};
