import { describe, expect, it } from 'vitest';
import {
  countMidwayReviews,
  isRecommendationCompletedOnTime,
  isRecommendationOverdueOn,
  midwayReviewDue,
  midwayReviewDueFor,
  midwayReviewHeldOnTime,
  midwayReviewsIn,
} from './between-reviews.ts';

describe('midway reviews (§7)', () => {
  it('is due halfway between the last review and the next statutory due date, rounding down', () => {
    expect(midwayReviewDue('2023-01-10', '2023-07-10')).toBe('2023-04-10'); // 181 days → 90
    expect(midwayReviewDue('2023-01-10', '2023-01-13')).toBe('2023-01-11'); // 3 days → 1
    expect(midwayReviewDue('2023-01-10', '2023-04-10')).toBe('2023-02-24'); // 90 days → 45
  });

  it('is not due when the council turned midway reviews off or no review has been held', () => {
    expect(midwayReviewDueFor('2023-01-10', '2023-07-10', false)).toBeNull();
    expect(midwayReviewDueFor(null, '2023-07-10', true)).toBeNull();
    expect(midwayReviewDueFor('2023-01-10', '2023-07-10', true)).toBe('2023-04-10');
  });

  it('is on time when held after the last review and by its due date', () => {
    expect(midwayReviewHeldOnTime(['2023-04-10'], '2023-01-10', '2023-07-10')).toBe(true);
    expect(midwayReviewHeldOnTime(['2023-04-11'], '2023-01-10', '2023-07-10')).toBe(false);
  });

  it('counts distinct (child, date) pairs in a range', () => {
    const rows = [
      { child: 'a', date: '2023-04-01' },
      { child: 'a', date: '2023-04-01' },
      { child: 'b', date: '2023-04-01' },
      { child: 'a', date: '2024-04-01' },
    ];
    expect(countMidwayReviews(rows, '2023-04-01', '2024-03-31')).toBe(2);
    // The list behind the count: the first row of each pair.
    expect(midwayReviewsIn(rows, '2023-04-01', '2024-03-31')).toEqual([rows[0], rows[2]]);
    expect(midwayReviewsIn(rows, '2023-04-01', '2024-03-31')[0]).toBe(rows[0]);
  });
});

describe('review recommendations (§7)', () => {
  it('is overdue from the day after its due date until done', () => {
    const r = { due: '2023-05-01', completed: '2023-05-10' };
    expect(isRecommendationOverdueOn(r, '2023-05-01')).toBe(false);
    expect(isRecommendationOverdueOn(r, '2023-05-02')).toBe(true);
    expect(isRecommendationOverdueOn(r, '2023-05-10')).toBe(false);
    expect(isRecommendationOverdueOn({ due: '2023-05-01', completed: null }, '2024-01-01')).toBe(true);
    expect(isRecommendationCompletedOnTime(r)).toBe(false);
    expect(isRecommendationCompletedOnTime({ due: '2023-05-01', completed: '2023-05-01' })).toBe(true);
  });
});
