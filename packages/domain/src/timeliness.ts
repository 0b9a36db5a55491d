import { type IsoDate, reportingYear } from './calendar.ts';
import { percent } from './numbers.ts';
import { lookedAfterForAtLeast, overlaps } from './periods-of-care.ts';
import {
  type ChildReviewSchedules,
  type HeldReview,
  isOverdueOn,
  type PeriodSchedule,
  type ScheduledReview,
} from './review-schedule.ts';

const inRange = (date: IsoDate, start: IsoDate, end: IsoDate): boolean => date >= start && date <= end;

/**
 * The reviews held in the year (§4): dated inside the year and inside a period of care that is not
 * short-break-only (a period that changed from short breaks counts, including its short-break part).
 */
export const reviewsHeldInYear = <R extends HeldReview>(
  schedules: readonly PeriodSchedule<R>[],
  year: number,
): ScheduledReview<R>[] => {
  const { start, end } = reportingYear(year);
  return schedules
    .filter((s) => !s.period.shortBreakOnly)
    .flatMap((s) => s.reviews.filter((r) => inRange(r.date, start, end)));
};

export type TimelinessFigures = {
  held: number;
  onTime: number;
  late: number;
  onTimePercent: number | null;
  /** The same against the council's local due dates (§3.4); equal to the statutory figures without local rules. */
  localOnTime: number;
  localOnTimePercent: number | null;
};

export const timelinessFigures = (reviews: readonly ScheduledReview[]): TimelinessFigures => {
  const onTime = reviews.filter((r) => r.onTime).length;
  const localOnTime = reviews.filter((r) => r.localOnTime).length;
  return {
    held: reviews.length,
    onTime,
    late: reviews.length - onTime,
    onTimePercent: percent(onTime, reviews.length),
    localOnTime,
    localOnTimePercent: percent(localOnTime, reviews.length),
  };
};

/** A late review with its days late and the IRO's reason where recorded (§4). */
export type LateReview<R extends HeldReview> = {
  review: ScheduledReview<R>;
  daysLate: number;
  reason: string | null;
};

export const lateReviews = <R extends HeldReview>(
  reviews: readonly ScheduledReview<R>[],
  reasonOf: (review: R) => string | null | undefined = () => null,
): LateReview<R>[] =>
  reviews
    .filter((r) => !r.onTime)
    .map((r) => ({ review: r, daysLate: r.daysLate, reason: reasonOf(r.review) || null }));

/**
 * Overdue at the end of `date` (§3.1) in any period that is not short-break-only. Short-break-only
 * children have no 903 reviews (DfE rule 399), so their §3.2 schedule is reported apart.
 */
export const isChildOverdueOn = (child: ChildReviewSchedules<HeldReview>, date: IsoDate): boolean =>
  child.schedules.some((s) => !s.period.shortBreakOnly && isOverdueOn(s, date));

export type ChildDueInYear = { dueDate: IsoDate; heldOn: IsoDate | null; onTime: boolean };

/**
 * The reviews *due* in the year for the per-child measure (§14): the due dates of reviews held whose
 * due date is in the year, plus the pending due date where it falls by 31 March (by DEC for a period
 * that ended in the year), over every period of the child that touches the year.
 */
export const reviewsDueInYear = (child: ChildReviewSchedules<HeldReview>, year: number): ChildDueInYear[] => {
  const { start, end } = reportingYear(year);
  const due: ChildDueInYear[] = [];
  for (const schedule of child.schedules) {
    const { period } = schedule;
    if (period.shortBreakOnly || !overlaps(period, start, end)) continue;
    for (const review of schedule.reviews) {
      if (inRange(review.dueDate, start, end)) {
        due.push({ dueDate: review.dueDate, heldOn: review.date, onTime: review.onTime });
      }
    }
    const cutoff = period.end !== null && period.end <= end ? period.end : end;
    // The pending date was never met; one before the year (overdue since) is still a failure in it.
    if (schedule.pending.dueDate <= cutoff) {
      due.push({ dueDate: schedule.pending.dueDate, heldOn: null, onTime: false });
    }
  }
  return due;
};

export type ChildrenAllOnTime = { eligible: number; allOnTime: number; percent: number | null };

/**
 * The per-child measure (NI66, §4): of the children looked after at 31 March who had been looked
 * after continuously for at least 28 days then (counted inclusively), those for whom every review due
 * in the year was held by its due date. A child with no review due counts as all on time.
 */
export const childrenAllOnTime = <C extends ChildReviewSchedules<HeldReview>>(
  children: readonly C[],
  year: number,
): ChildrenAllOnTime & { notAllOnTime: C[] } => {
  const { end } = reportingYear(year);
  let eligible = 0;
  let allOnTime = 0;
  // The children behind the figure, for the list staff can open.
  const notAllOnTime: C[] = [];
  for (const child of children) {
    const qualifies = child.schedules.some(
      (s) => !s.period.shortBreakOnly && lookedAfterForAtLeast(s.period, end, 28),
    );
    if (!qualifies) continue;
    eligible++;
    if (reviewsDueInYear(child, year).every((d) => d.onTime)) allOnTime++;
    else notAllOnTime.push(child);
  }
  return { eligible, allOnTime, percent: percent(allOnTime, eligible), notAllOnTime };
};

export type ReviewFiguresForYear = TimelinessFigures & {
  childrenAllOnTime: ChildrenAllOnTime;
  overdueAt31March: number;
  orphanReviews: number;
  duplicateReviews: number;
  shortBreakReviews: number;
};

/** The `reviews.*` timeliness figures of the annual report for reporting year `year`. */
export const reviewFiguresForYear = (
  children: readonly ChildReviewSchedules<HeldReview>[],
  year: number,
): ReviewFiguresForYear => {
  const { start, end } = reportingYear(year);
  const held = children.flatMap((c) => reviewsHeldInYear(c.schedules, year));
  const perChild = childrenAllOnTime(children, year);
  const inYear = (r: HeldReview): boolean => inRange(r.date, start, end);
  return {
    ...timelinessFigures(held),
    childrenAllOnTime: {
      eligible: perChild.eligible,
      allOnTime: perChild.allOnTime,
      percent: perChild.percent,
    },
    overdueAt31March: children.filter((c) => isChildOverdueOn(c, end)).length,
    orphanReviews: children.reduce((n, c) => n + c.orphans.filter(inYear).length, 0),
    duplicateReviews: children.reduce((n, c) => n + c.duplicates.filter(inYear).length, 0),
    shortBreakReviews: children.reduce((n, c) => n + c.shortBreakReviews.filter(inYear).length, 0),
  };
};
