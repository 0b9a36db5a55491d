import { describe, expect, it } from 'vitest';
import type { IsoDate } from './calendar.ts';
import { periodsOfCare } from './periods-of-care.ts';
import { childReviewSchedules } from './review-schedule.ts';
import { episode } from './testing/builders.ts';
import {
  childrenAllOnTime,
  isChildOverdueOn,
  lateReviews,
  reviewFiguresForYear,
  reviewsDueInYear,
  reviewsHeldInYear,
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
