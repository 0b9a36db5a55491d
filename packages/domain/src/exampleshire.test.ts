import { describe, expect, it } from 'vitest';
import { childrenLookedAfterFigures, periodsOfCare } from './periods-of-care.ts';
import { childReviewSchedules } from './review-schedule.ts';
import { loadEpisodes, loadReviews, readExpected } from './testing/exampleshire.ts';
import { reviewFiguresForYear } from './timeliness.ts';

const episodes = loadEpisodes();
const reviews = loadReviews();
const children = [...episodes].map(([child, list]) => ({ child, ...periodsOfCare(list) }));
const schedules = children.map(({ child, periods }) => ({
  child,
  ...childReviewSchedules(periods, reviews.get(child) ?? []),
}));

describe.each([2021, 2022, 2023])('Exampleshire %i', (year) => {
  const expected = readExpected(year);
  it('children figures', () => {
    const f = childrenLookedAfterFigures(children, year);
    expect({
      lookedAfterAt31March: f.lookedAfterAt31March,
      lookedAfterDuringYear: f.lookedAfterDuringYear,
      shortBreaksDuringYear: f.shortBreaksDuringYear,
      startedInYear: f.startedInYear,
      ceasedInYear: f.ceasedInYear,
    }).toEqual({
      lookedAfterAt31March: expected.children.lookedAfterAt31March,
      lookedAfterDuringYear: expected.children.lookedAfterDuringYear,
      shortBreaksDuringYear: expected.children.shortBreaksDuringYear,
      startedInYear: expected.children.startedInYear,
      ceasedInYear: expected.children.ceasedInYear,
    });
  });
  it('review figures', () => {
    const f = reviewFiguresForYear(schedules, year);
    expect({
      held: f.held,
      onTime: f.onTime,
      late: f.late,
      onTimePercent: f.onTimePercent,
      overdueAt31March: f.overdueAt31March,
      orphanReviews: f.orphanReviews,
      childrenAllOnTime: f.childrenAllOnTime,
    }).toEqual({
      held: expected.reviews.held,
      onTime: expected.reviews.onTime,
      late: expected.reviews.late,
      onTimePercent: expected.reviews.onTimePercent,
      overdueAt31March: expected.reviews.overdueAt31March,
      orphanReviews: expected.reviews.orphanReviews,
      childrenAllOnTime: expected.reviews.childrenAllOnTime,
    });
  });
});
