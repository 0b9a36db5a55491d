import { type IsoDate, reportingYear, reportingYearOf } from './calendar.ts';
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
  // Loops, not flatMap: a council's year runs through tens of thousands of reviews.
  const held: ScheduledReview<R>[] = [];
  for (const s of schedules) {
    if (s.period.shortBreakOnly) continue;
    for (const r of s.reviews) if (inRange(r.date, start, end)) held.push(r);
  }
  return held;
};

/**
 * {@link reviewsHeldInYear} of each of `years` over every child, from one pass over their
 * schedules: a five-year trend of a large council would otherwise walk every review five times.
 */
export const reviewsHeldInYears = <R extends HeldReview>(
  children: readonly ChildReviewSchedules<R>[],
  years: readonly number[],
): Map<number, ScheduledReview<R>[]> => {
  const held = new Map(years.map((year): [number, ScheduledReview<R>[]] => [year, []]));
  for (const child of children) {
    for (const s of child.schedules) {
      if (s.period.shortBreakOnly) continue;
      for (const r of s.reviews) held.get(reportingYearOf(r.date))?.push(r);
    }
  }
  return held;
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

/** The children behind the per-child measure: its counts are the lengths of these lists. */
export type ChildrenAllOnTimeBehind<C> = { eligible: C[]; allOnTime: C[] };

/**
 * The per-child measure (NI66, §4): of the children looked after at 31 March who had been looked
 * after continuously for at least 28 days then (counted inclusively), those for whom every review due
 * in the year was held by its due date. A child with no review due counts as all on time.
 */
export const childrenAllOnTime = <C extends ChildReviewSchedules<HeldReview>>(
  children: readonly C[],
  year: number,
): ChildrenAllOnTime & { notAllOnTime: C[]; behind: ChildrenAllOnTimeBehind<C> } => {
  const { end } = reportingYear(year);
  // The children behind the figures, for the lists staff can open.
  const eligible: C[] = [];
  const allOnTime: C[] = [];
  const notAllOnTime: C[] = [];
  for (const child of children) {
    const qualifies = child.schedules.some(
      (s) => !s.period.shortBreakOnly && lookedAfterForAtLeast(s.period, end, 28),
    );
    if (!qualifies) continue;
    eligible.push(child);
    if (reviewsDueInYear(child, year).every((d) => d.onTime)) allOnTime.push(child);
    else notAllOnTime.push(child);
  }
  return {
    eligible: eligible.length,
    allOnTime: allOnTime.length,
    percent: percent(allOnTime.length, eligible.length),
    notAllOnTime,
    behind: { eligible, allOnTime },
  };
};

export type ReviewFiguresForYear = TimelinessFigures & {
  childrenAllOnTime: ChildrenAllOnTime;
  overdueAt31March: number;
  orphanReviews: number;
  duplicateReviews: number;
  shortBreakReviews: number;
};

/**
 * The reviews and children behind each count of {@link reviewFiguresForYear}, keyed as the report
 * names the figures: every count there is the length of its list here.
 */
export type ReviewFiguresBehind<R extends HeldReview, C extends ChildReviewSchedules<R>> = {
  held: ScheduledReview<R>[];
  onTime: ScheduledReview<R>[];
  late: ScheduledReview<R>[];
  childrenAllOnTime: ChildrenAllOnTimeBehind<C>;
  overdueAt31March: C[];
  /** Reviews dated in the year outside every period of care. */
  orphanReviews: R[];
  /** Second and later rows of one child and date, dated in the year. */
  duplicateReviews: R[];
  /** Reviews dated in the year inside a short-break-only period. */
  shortBreakReviews: R[];
};

/** The members of every `reviews.*` timeliness figure of reporting year `year`. */
export const reviewFiguresBehind = <R extends HeldReview, C extends ChildReviewSchedules<R>>(
  children: readonly C[],
  year: number,
): ReviewFiguresBehind<R, C> => {
  const { start, end } = reportingYear(year);
  const held: ScheduledReview<R>[] = [];
  const orphanReviews: R[] = [];
  const duplicateReviews: R[] = [];
  const shortBreakReviews: R[] = [];
  const inYear = (from: readonly R[], to: R[]): void => {
    for (const r of from) if (inRange(r.date, start, end)) to.push(r);
  };
  for (const c of children) {
    for (const r of reviewsHeldInYear(c.schedules, year)) held.push(r);
    inYear(c.orphans, orphanReviews);
    inYear(c.duplicates, duplicateReviews);
    inYear(c.shortBreakReviews, shortBreakReviews);
  }
  return {
    held,
    onTime: held.filter((r) => r.onTime),
    late: held.filter((r) => !r.onTime),
    childrenAllOnTime: childrenAllOnTime(children, year).behind,
    overdueAt31March: children.filter((c) => isChildOverdueOn(c, end)),
    orphanReviews,
    duplicateReviews,
    shortBreakReviews,
  };
};

/** The counts of {@link reviewFiguresBehind}: the `reviews.*` timeliness figures of the annual report. */
export const reviewFiguresFromBehind = <R extends HeldReview, C extends ChildReviewSchedules<R>>(
  behind: ReviewFiguresBehind<R, C>,
): ReviewFiguresForYear => {
  const { eligible, allOnTime } = behind.childrenAllOnTime;
  return {
    ...timelinessFigures(behind.held),
    childrenAllOnTime: {
      eligible: eligible.length,
      allOnTime: allOnTime.length,
      percent: percent(allOnTime.length, eligible.length),
    },
    overdueAt31March: behind.overdueAt31March.length,
    orphanReviews: behind.orphanReviews.length,
    duplicateReviews: behind.duplicateReviews.length,
    shortBreakReviews: behind.shortBreakReviews.length,
  };
};

/** The `reviews.*` timeliness figures of the annual report for reporting year `year`. */
export const reviewFiguresForYear = (
  children: readonly ChildReviewSchedules<HeldReview>[],
  year: number,
): ReviewFiguresForYear => reviewFiguresFromBehind(reviewFiguresBehind(children, year));

export type MonthOfReviews = { month: string; held: number; onTime: number };

/**
 * Reviews by month (further-tables §2a): the reviews of `reviews.held` by the month of their date,
 * `onTime` as `reviews.onTime`. All twelve months of the reporting year, April first, zeros
 * included; a review dated outside the year is not counted.
 */
export const reviewsByMonth = (
  held: readonly { date: IsoDate; onTime: boolean }[],
  year: number,
): MonthOfReviews[] => {
  const months = Array.from({ length: 12 }, (_, i): MonthOfReviews => {
    const month = ((i + 3) % 12) + 1;
    const calendarYear = month >= 4 ? year : year + 1;
    return { month: `${calendarYear}-${String(month).padStart(2, '0')}`, held: 0, onTime: 0 };
  });
  const byMonth = new Map(months.map((m) => [m.month, m]));
  for (const review of held) {
    const entry = byMonth.get(review.date.slice(0, 7));
    if (!entry) continue;
    entry.held++;
    if (review.onTime) entry.onTime++;
  }
  return months;
};

/**
 * `reviews.byMonth` as the report's map (further-tables §3): `{ "YYYY-MM": { held, onTime } }` for
 * all twelve months of the year, April first, zeros included, with the reviews behind each count
 * under `reviews.byMonth.<YYYY-MM>.held` and `.onTime`. `held` are the reviews of `reviews.held`
 * (`reviewsHeldInYear`); one dated outside the year is not counted.
 */
export const reviewsByMonthBehind = <R extends { date: IsoDate; onTime: boolean }>(
  held: readonly R[],
  year: number,
): { figures: Record<string, { held: number; onTime: number }>; behind: Record<string, R[]> } => {
  const months = reviewsByMonth([], year).map((m) => m.month);
  const behind: Record<string, R[]> = {};
  for (const month of months) {
    behind[`reviews.byMonth.${month}.held`] = [];
    behind[`reviews.byMonth.${month}.onTime`] = [];
  }
  for (const review of held) {
    const list = behind[`reviews.byMonth.${review.date.slice(0, 7)}.held`];
    if (!list) continue;
    list.push(review);
    if (review.onTime) behind[`reviews.byMonth.${review.date.slice(0, 7)}.onTime`]!.push(review);
  }
  return {
    figures: Object.fromEntries(
      months.map((month) => [
        month,
        {
          held: behind[`reviews.byMonth.${month}.held`]!.length,
          onTime: behind[`reviews.byMonth.${month}.onTime`]!.length,
        },
      ]),
    ),
    behind,
  };
};
