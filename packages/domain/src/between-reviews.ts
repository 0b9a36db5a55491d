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

/** Midway reviews held in a range: distinct (child, date) pairs (§14). */
export const countMidwayReviews = (
  rows: readonly { child: string; date: IsoDate }[],
  from: IsoDate,
  to: IsoDate,
): number =>
  new Set(rows.filter((r) => r.date >= from && r.date <= to).map((r) => `${r.child}|${r.date}`)).size;

export type Recommendation = { due: IsoDate; completed?: IsoDate | null };

/** Overdue at the end of `date` (§7): not done by its due date, and still not done on `date`. */
export const isRecommendationOverdueOn = (recommendation: Recommendation, date: IsoDate): boolean =>
  recommendation.due < date && (!recommendation.completed || recommendation.completed > date);

/** Done by its due date (uses every date recorded, later ones included). */
export const isRecommendationCompletedOnTime = (recommendation: Recommendation): boolean =>
  !!recommendation.completed && recommendation.completed <= recommendation.due;
