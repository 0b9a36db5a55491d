import { addDays, daysBetween, type IsoDate } from './calendar.ts';

/**
 * The midway review's due date (§7): halfway between the last review and the next review's
 * statutory due date, in whole days rounding down.
 */
export const midwayReviewDue = (lastReview: IsoDate, nextDue: IsoDate): IsoDate =>
  addDays(lastReview, Math.floor(daysBetween(lastReview, nextDue) / 2));

/** A midway review is due only when the council keeps them (local policy, on by default) and a review has been held. */
export const midwayReviewDueFor = (
  lastReview: IsoDate | null,
  nextDue: IsoDate,
  midwayReviewsOn: boolean,
): IsoDate | null => (midwayReviewsOn && lastReview !== null ? midwayReviewDue(lastReview, nextDue) : null);

/** Whether a midway review was held after the last review and by its due date. */
export const midwayReviewHeldOnTime = (
  midwayDates: readonly IsoDate[],
  lastReview: IsoDate,
  nextDue: IsoDate,
): boolean => {
  const due = midwayReviewDue(lastReview, nextDue);
  return midwayDates.some((d) => d > lastReview && d <= due);
};

/**
 * Midway reviews held in a range (§14): one row per distinct (child, date) pair, the first given of
 * each, for the list behind `reviews.midwayReviews`.
 */
export const midwayReviewsIn = <T extends { child: string; date: IsoDate }>(
  rows: readonly T[],
  from: IsoDate,
  to: IsoDate,
): T[] => {
  const seen = new Set<string>();
  const held: T[] = [];
  for (const row of rows) {
    if (row.date < from || row.date > to) continue;
    const key = `${row.child}|${row.date}`;
    if (seen.has(key)) continue;
    seen.add(key);
    held.push(row);
  }
  return held;
};

/** Midway reviews held in a range: distinct (child, date) pairs (§14). */
export const countMidwayReviews = (
  rows: readonly { child: string; date: IsoDate }[],
  from: IsoDate,
  to: IsoDate,
): number => midwayReviewsIn(rows, from, to).length;

export type Recommendation = { due: IsoDate; completed?: IsoDate | null };

/** Overdue at the end of `date` (§7): not done by its due date, and still not done on `date`. */
export const isRecommendationOverdueOn = (recommendation: Recommendation, date: IsoDate): boolean =>
  recommendation.due < date && (!recommendation.completed || recommendation.completed > date);

/** Done by its due date (uses every date recorded, later ones included). */
export const isRecommendationCompletedOnTime = (recommendation: Recommendation): boolean =>
  !!recommendation.completed && recommendation.completed <= recommendation.due;
