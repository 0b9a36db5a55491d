import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { IsoDate } from './calendar.ts';
import { periodsOfCare } from './periods-of-care.ts';
import { childReviewSchedules } from './review-schedule.ts';
import { childEpisodes, isoDates } from './testing/arbitraries.ts';
import { episode } from './testing/builders.ts';
import { loadEpisodes, loadReviews, readExpected } from './testing/exampleshire.ts';
import {
  childrenAllOnTime,
  isChildOverdueOn,
  lateReviews,
  reviewFiguresBehind,
  reviewFiguresForYear,
  reviewFiguresFromBehind,
  reviewsByMonth,
  reviewsByMonthBehind,
  reviewsDueInYear,
  reviewsHeldInYear,
  reviewsHeldInYears,
  timelinessFigures,
} from './timeliness.ts';

const child = (episodes: ReturnType<typeof episode>[], dates: IsoDate[]) =>
  childReviewSchedules(
    periodsOfCare(episodes).periods,
    dates.map((date) => ({ date, reason: date.endsWith('-15') ? 'child_unavailable' : null })),
  );

describe('reviews held and on time (§4)', () => {
  it('counts reviews inside the year and a period, one decimal rounded half up', () => {
    // first due 2022-05-06 (20 working days after 2022-04-05, past Easter and 2 May), held late.
    const c = child([episode('2022-04-05', null, null)], ['2022-05-15', '2022-08-10', '2023-04-20']);
    const held = reviewsHeldInYear(c.schedules, 2022);
    expect(held.map((r) => r.date)).toEqual(['2022-05-15', '2022-08-10']);
    expect(timelinessFigures(held)).toMatchObject({ held: 2, onTime: 1, late: 1, onTimePercent: 50 });
    expect(lateReviews(held, (r) => r.reason)).toEqual([
      { review: held[0], daysLate: 9, reason: 'child_unavailable' },
    ]);
  });

  it('leaves short-break-only periods out; keeps the short-break part of a changed period', () => {
    const sbOnly = child([episode('2022-04-05', null, null, { ls: 'V4' })], ['2022-06-01']);
    const changed = child(
      [
        episode('2022-04-05', '2022-09-01', 'X1', { ls: 'V3' }),
        episode('2022-09-01', null, null, { rne: 'L', ls: 'C1' }),
      ],
      ['2022-06-01', '2022-09-20'],
    );
    expect(reviewsHeldInYear(sbOnly.schedules, 2022)).toHaveLength(0);
    expect(reviewsHeldInYear(changed.schedules, 2022).map((r) => r.shortBreak)).toEqual([true, false]);
    const figures = reviewFiguresForYear([sbOnly, changed], 2022);
    expect(figures).toMatchObject({ held: 2, shortBreakReviews: 1 });
  });

  it('short-break-only children are not reported overdue', () => {
    const sbOnly = child([episode('2022-04-05', null, null, { ls: 'V4' })], []);
    expect(isChildOverdueOn(sbOnly, '2023-03-31')).toBe(false);
  });
});

describe('children with all reviews on time (NI66, §4, §14)', () => {
  it('eligible: looked after at 31 March for at least 28 days, counted inclusively', () => {
    const qualifies = child([episode('2023-03-04', null, null)], ['2023-03-20']);
    const tooShort = child([episode('2023-03-05', null, null)], []);
    const left = child([episode('2022-04-05', '2023-03-31', 'E4A')], []);
    expect(childrenAllOnTime([qualifies, tooShort, left], 2022)).toMatchObject({
      eligible: 1,
      allOnTime: 1,
      percent: 100,
    });
  });

  it('a review held after 31 March that was due in March counts, late', () => {
    // 2022-10-03 + 20 working days = 2022-10-31; second due 2023-01-31 … held late in April.
    const c = child([episode('2022-10-03', null, null)], ['2022-10-20', '2023-04-05']);
    expect(reviewsDueInYear(c, 2022)).toEqual([
      { dueDate: '2022-10-31', heldOn: '2022-10-20', onTime: true },
      { dueDate: '2023-01-20', heldOn: '2023-04-05', onTime: false },
    ]);
    expect(childrenAllOnTime([c], 2022).allOnTime).toBe(0);
  });

  it('a pending due date by 31 March that was never met is not on time; a later one is not due', () => {
    const overdue = child([episode('2022-10-03', null, null)], ['2022-10-20']);
    expect(reviewsDueInYear(overdue, 2022).at(-1)).toEqual({
      dueDate: '2023-01-20',
      heldOn: null,
      onTime: false,
    });
    const notYet = child([episode('2022-10-03', null, null)], ['2022-10-20', '2023-01-10']);
    expect(reviewsDueInYear(notYet, 2022).every((d) => d.onTime)).toBe(true);
  });

  it('a period that ended in the year: its pending date counts only by DEC', () => {
    const c = child(
      [episode('2022-05-03', '2022-11-30', 'E4A'), episode('2023-01-10', null, null)],
      ['2022-05-20', '2022-08-15', '2023-01-25'],
    );
    // first period: pending due 2023-02-15 > DEC, not due; second period first review on time.
    expect(reviewsDueInYear(c, 2022).map((d) => d.onTime)).toEqual([true, true, true]);
  });

  it('a child with no review due in the year counts as all on time', () => {
    // Placed for adoption from the start: due 28 days later, 1 April.
    const c = child([episode('2023-03-04', null, null, { place: 'A5', ls: 'E1' })], []);
    expect(reviewsDueInYear(c, 2022)).toEqual([]);
    expect(childrenAllOnTime([c], 2022).allOnTime).toBe(1);
  });
});

describe('the reviews and children behind each figure', () => {
  it('every count is the length of its list', () => {
    const onTime = child(
      [episode('2022-04-05', null, null)],
      ['2022-04-20', '2022-07-01', '2022-07-01', '2022-12-20'],
    );
    const late = child([episode('2022-05-03', '2023-03-31', 'E4A')], ['2022-07-01', '2021-01-01']);
    const overdue = child([episode('2022-04-05', null, null)], ['2021-06-01']);
    const sbOnly = child([episode('2022-04-05', null, null, { ls: 'V4' })], ['2022-06-01']);
    const children = [onTime, late, overdue, sbOnly];
    const behind = reviewFiguresBehind(children, 2022);
    const figures = reviewFiguresForYear(children, 2022);
    expect(behind.held.map((r) => r.date)).toEqual(['2022-04-20', '2022-07-01', '2022-12-20', '2022-07-01']);
    expect(behind.late.map((r) => r.review)).toEqual([late.schedules[0]!.reviews[0]!.review]);
    expect(behind.onTime).toHaveLength(figures.onTime);
    expect(behind.late).toHaveLength(figures.late);
    expect(behind.duplicateReviews).toEqual([{ date: '2022-07-01', reason: null }]);
    // 2021-01-01 is outside the year: an orphan, but not one of this year's.
    expect(behind.orphanReviews).toEqual([]);
    expect(behind.shortBreakReviews).toEqual([{ date: '2022-06-01', reason: null }]);
    expect(behind.overdueAt31March).toEqual([overdue]);
    expect(behind.childrenAllOnTime).toEqual({ eligible: [onTime, overdue], allOnTime: [onTime] });
    expect(reviewFiguresFromBehind(behind)).toEqual(figures);
    expect(figures).toMatchObject({
      held: 4,
      onTime: 3,
      late: 1,
      duplicateReviews: 1,
      shortBreakReviews: 1,
      overdueAt31March: 1,
      childrenAllOnTime: { eligible: 2, allOnTime: 1, percent: 50 },
    });
  });
});

describe('reviews by month (further-tables §2a)', () => {
  it('lists all twelve months of the year, April first, zeros included', () => {
    const months = reviewsByMonth(
      [
        { date: '2022-04-01', onTime: true },
        { date: '2022-04-30', onTime: false },
        { date: '2023-03-31', onTime: true },
        { date: '2023-04-01', onTime: true },
        { date: '2022-03-31', onTime: true },
      ],
      2022,
    );
    expect(months.map((m) => m.month)).toEqual([
      '2022-04',
      '2022-05',
      '2022-06',
      '2022-07',
      '2022-08',
      '2022-09',
      '2022-10',
      '2022-11',
      '2022-12',
      '2023-01',
      '2023-02',
      '2023-03',
    ]);
    expect(months[0]).toEqual({ month: '2022-04', held: 2, onTime: 1 });
    expect(months[11]).toEqual({ month: '2023-03', held: 1, onTime: 1 });
    expect(months.slice(1, 11).every((m) => m.held === 0 && m.onTime === 0)).toBe(true);
  });

  it('matches Exampleshire’s expected reports, summing to reviews.held and reviews.onTime', () => {
    const episodes = loadEpisodes();
    const reviews = loadReviews();
    const children = [...episodes].map(([id, list]) =>
      childReviewSchedules(periodsOfCare(list).periods, reviews.get(id) ?? []),
    );
    for (const year of [2021, 2022, 2023]) {
      const expected = readExpected(year).reviews as unknown as {
        byMonth: Record<string, { held: number; onTime: number }>;
      };
      const months = reviewsByMonth(reviewFiguresBehind(children, year).held, year);
      expect(Object.fromEntries(months.map(({ month, ...counts }) => [month, counts]))).toEqual(
        expected.byMonth,
      );
      const figures = reviewFiguresForYear(children, year);
      expect(months.reduce((n, m) => n + m.held, 0)).toBe(figures.held);
      expect(months.reduce((n, m) => n + m.onTime, 0)).toBe(figures.onTime);
    }
  });
});

describe("reviews by month as the report's map, with the reviews behind each count", () => {
  it('keys every month of the year and agrees with reviewsByMonth', () => {
    const held = [
      { date: '2022-04-01', onTime: true },
      { date: '2022-04-30', onTime: false },
      { date: '2023-03-31', onTime: true },
      { date: '2023-04-01', onTime: true },
    ];
    const { figures, behind } = reviewsByMonthBehind(held, 2022);
    expect(Object.entries(figures).map(([month, f]) => ({ month, ...f }))).toEqual(
      reviewsByMonth(held, 2022),
    );
    expect(behind['reviews.byMonth.2022-04.held']).toEqual([held[0], held[1]]);
    expect(behind['reviews.byMonth.2022-04.onTime']).toEqual([held[0]]);
    expect(behind['reviews.byMonth.2022-05.held']).toEqual([]);
    expect(Object.keys(behind)).toHaveLength(24);
  });
});

describe('reviews held in several years at once', () => {
  const years = Array.from({ length: 10 }, (_, i) => 2015 + i);
  const eachYear = (children: Parameters<typeof reviewsHeldInYears>[0]) =>
    new Map(years.map((year) => [year, children.flatMap((c) => reviewsHeldInYear(c.schedules, year))]));

  it('gives each year what reviewsHeldInYear gives it, for every Exampleshire child', () => {
    const reviews = loadReviews();
    const children = [...loadEpisodes()].map(([id, list]) =>
      childReviewSchedules(periodsOfCare(list).periods, reviews.get(id) ?? []),
    );
    const together = reviewsHeldInYears(children, years);
    expect(together).toEqual(eachYear(children));
    expect([...together.values()].some((held) => held.length > 0)).toBe(true);
  });

  it('gives each year what reviewsHeldInYear gives it, whatever the periods and reviews', () => {
    fc.assert(
      fc.property(
        childEpisodes('2014-06-01', '2025-06-01'),
        fc.array(isoDates('2014-01-01', '2025-12-31'), { maxLength: 12 }),
        (episodes, reviewDates) => {
          const c = child(episodes, [...reviewDates].sort());
          expect(reviewsHeldInYears([c, c], years)).toEqual(eachYear([c, c]));
        },
      ),
    );
  });

  it('leaves out a year not asked for', () => {
    const c = child([episode('2020-04-05', null, null)], ['2020-05-01', '2021-05-01']);
    const held = reviewsHeldInYears([c], [2021]);
    expect([...held.keys()]).toEqual([2021]);
    expect(held.get(2021)!.map((r) => r.date)).toEqual(['2021-05-01']);
  });
});
