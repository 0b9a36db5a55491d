import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, addMonths, addWorkingDays, type IsoDate } from './calendar.ts';
import { defaultLocalPolicy } from './local-policy.ts';
import { periodsOfCare } from './periods-of-care.ts';
import {
  childReviewSchedules,
  daysOverdueOn,
  isLocallyOverdueOn,
  isOverdueOn,
  pendingDueOn,
  reviewSchedule,
} from './review-schedule.ts';
import { isoDates } from './testing/arbitraries.ts';
import { episode } from './testing/builders.ts';

const single = (...episodes: Parameters<typeof episode>[]) =>
  periodsOfCare(episodes.map((args) => episode(...args))).periods[0]!;
const held = (...dates: IsoDate[]) => dates.map((date) => ({ date }));

describe('ordinary schedule (§3.1)', () => {
  const period = single(['2023-04-03', null, null]);

  it('first review 20 working days after the start, second 3 months after the first, then 6 months', () => {
    const s = reviewSchedule(period, held('2023-04-20', '2023-08-01', '2024-01-15'));
    expect(s.reviews.map((r) => [r.date, r.dueDate, r.basis, r.onTime, r.daysLate])).toEqual([
      ['2023-04-20', '2023-05-04', 'first_review', true, 0],
      // held early: the next due date counts from the date it was held
      ['2023-08-01', '2023-07-20', 'second_review', false, 12],
      // held late: the next still counts from the date it was held
      ['2024-01-15', '2024-02-01', 'later_review', true, 0],
    ]);
    expect(s.pending).toMatchObject({
      dueDate: '2024-07-15',
      basis: 'later_review',
      countsFrom: '2024-01-15',
    });
  });

  it('additional reviews count in the sequence', () => {
    const s = reviewSchedule(period, held('2023-04-20', '2023-05-10', '2023-06-01'));
    expect(s.reviews.map((r) => r.dueDate)).toEqual(['2023-05-04', '2023-07-20', '2023-11-10']);
    expect(s.pending.dueDate).toBe('2023-12-01');
  });

  it('31 August + 6 months falls on the last day of February', () => {
    const s = reviewSchedule(single(['2022-06-01', null, null]), held('2022-06-20', '2022-08-31'));
    expect(s.pending.dueDate).toBe('2023-02-28');
  });

  it('a review on its due date is on time and a day later is late', () => {
    fc.assert(
      fc.property(isoDates('2000-01-01', '2030-12-31'), fc.integer({ min: 0, max: 1 }), (start, late) => {
        const p = single([start, null, null]);
        const due = addWorkingDays(start, 20);
        const [review] = reviewSchedule(p, held(addDays(due, late))).reviews;
        expect(review!.onTime).toBe(late === 0);
        expect(review!.daysLate).toBe(late);
      }),
    );
  });

  it('the next due date always counts from the date actually held', () => {
    fc.assert(
      fc.property(
        isoDates('2000-01-01', '2030-12-31'),
        fc.array(fc.integer({ min: 1, max: 300 }), { minLength: 1, maxLength: 8 }),
        (start, gaps) => {
          const dates: IsoDate[] = [];
          let d = start;
          for (const gap of gaps) {
            d = addDays(d, gap);
            dates.push(d);
          }
          const s = reviewSchedule(single([start, null, null]), held(...dates));
          s.reviews.forEach((r, i) => {
            if (i === 0) {
              expect(r.countsFrom).toBe(start);
              return;
            }
            expect(r.countsFrom).toBe(dates[i - 1]);
            expect(r.dueDate).toBe(addMonths(dates[i - 1]!, i === 1 ? 3 : 6));
          });
          expect(s.pending.countsFrom).toBe(dates[dates.length - 1]);
        },
      ),
    );
  });
});

describe('overdue (§3.1)', () => {
  const period = single(['2023-02-01', null, null]);
  const s = reviewSchedule(period, held('2023-02-20'));
  // second review due 3 months after 20 February: 20 May

  it('is overdue from the day after the due date until held', () => {
    expect(isOverdueOn(s, '2023-05-20')).toBe(false);
    expect(isOverdueOn(s, '2023-05-21')).toBe(true);
    expect(daysOverdueOn(s, '2023-05-25')).toBe(5);
  });

  it('is overdue whether or not the child has had earlier reviews', () => {
    const none = reviewSchedule(period, []);
    expect(none.pending.dueDate).toBe('2023-03-01');
    expect(isOverdueOn(none, '2023-03-01')).toBe(false);
    expect(isOverdueOn(none, '2023-03-02')).toBe(true);
  });

  it('at the end of 31 March: overdue when the pending due date is 30 March or earlier', () => {
    const p = single(['2022-01-01', null, null]);
    const due30 = reviewSchedule(p, held('2022-01-20', '2022-04-20', '2022-09-30'));
    expect(due30.pending.dueDate).toBe('2023-03-30');
    expect(isOverdueOn(due30, '2023-03-31')).toBe(true);
    const due31 = reviewSchedule(single(['2022-12-01', null, null]), held('2022-12-31'));
    expect(due31.pending.dueDate).toBe('2023-03-31');
    expect(isOverdueOn(due31, '2023-03-31')).toBe(false);
  });

  it('ends when the period ends, and ignores reviews held after the date asked about', () => {
    const ended = reviewSchedule(single(['2023-02-01', '2023-06-01', 'E4A']), held('2023-02-20'));
    expect(isOverdueOn(ended, '2023-05-31')).toBe(true);
    expect(isOverdueOn(ended, '2023-06-01')).toBe(false);
    const later = reviewSchedule(period, held('2023-02-20', '2023-06-10'));
    expect(isOverdueOn(later, '2023-06-01')).toBe(true);
    expect(pendingDueOn(later, '2023-06-01')?.dueDate).toBe('2023-05-20');
    expect(isOverdueOn(later, '2023-06-10')).toBe(false);
  });
});

describe('short breaks (§3.2)', () => {
  it('first review within 3 months of the start, later ones at most 6 months apart', () => {
    const p = single(['2021-09-01', null, null, { ls: 'V4' }]);
    const s = reviewSchedule(p, held('2021-11-15', '2022-06-01'));
    expect(s.reviews.map((r) => [r.dueDate, r.basis, r.shortBreak, r.onTime])).toEqual([
      ['2021-12-01', 'short_break_first', true, true],
      ['2022-05-15', 'short_break_later', true, false],
    ]);
    expect(s.pending.dueDate).toBe('2022-12-01');
  });

  it('a change from short breaks restarts the ordinary schedule as if just looked after', () => {
    const p = periodsOfCare([
      episode('2021-09-01', '2022-03-14', 'X1', { ls: 'V3' }),
      episode('2022-03-14', null, null, { rne: 'L', ls: 'C1' }),
    ]).periods[0]!;
    const s = reviewSchedule(p, held('2021-11-15', '2022-04-01', '2022-05-20'));
    expect(s.reviews.map((r) => [r.date, r.dueDate, r.basis, r.shortBreak])).toEqual([
      ['2021-11-15', '2021-12-01', 'short_break_first', true],
      ['2022-04-01', addWorkingDays('2022-03-14', 20), 'short_break_change', false],
      ['2022-05-20', '2022-07-01', 'second_review', false],
    ]);
  });

  it('the change applies before a review held on the day it happens', () => {
    const p = periodsOfCare([
      episode('2021-09-01', '2022-03-14', 'X1', { ls: 'V3' }),
      episode('2022-03-14', null, null, { rne: 'L', ls: 'C1' }),
    ]).periods[0]!;
    const s = reviewSchedule(p, held('2022-03-14'));
    expect(s.reviews[0]).toMatchObject({ basis: 'short_break_change', shortBreak: false, onTime: true });
    expect(s.pending).toMatchObject({ basis: 'second_review', dueDate: '2022-06-14' });
  });
});

describe('placement for adoption (§3.3, §14)', () => {
  const placed = periodsOfCare([
    episode('2022-01-10', '2022-06-01', 'X1', { place: 'U6', ls: 'C2' }),
    episode('2022-06-01', null, null, { rne: 'P', place: 'A5', ls: 'E1' }),
  ]).periods[0]!;

  it('restarts: 28 days after placement, then 3 months, then 6 months', () => {
    const s = reviewSchedule(placed, held('2022-02-01', '2022-06-20', '2022-09-15', '2023-03-01'));
    expect(s.reviews.map((r) => [r.dueDate, r.basis])).toEqual([
      ['2022-02-07', 'first_review'],
      ['2022-06-29', 'adoption_placement'],
      ['2022-09-20', 'adoption_second'],
      ['2023-03-15', 'adoption_later'],
    ]);
  });

  it('the placement applies before a review held that day', () => {
    const s = reviewSchedule(placed, held('2022-02-01', '2022-06-01'));
    expect(s.reviews[1]).toMatchObject({ dueDate: '2022-06-29', basis: 'adoption_placement', onTime: true });
    expect(s.pending).toMatchObject({ dueDate: '2022-09-01', basis: 'adoption_second' });
  });

  it('a placement that opens the period replaces the 20-working-day date with 28 days', () => {
    const p = single(['2022-01-10', null, null, { place: 'A6', ls: 'E1' }]);
    expect(reviewSchedule(p, []).pending).toMatchObject({
      dueDate: '2022-02-07',
      basis: 'adoption_placement',
    });
  });

  it('a change between A codes, or of legal status while placed, is no new placement', () => {
    const p = periodsOfCare([
      episode('2022-01-10', '2022-06-01', 'X1', { place: 'U6' }),
      episode('2022-06-01', '2022-08-01', 'X1', { rne: 'P', place: 'A5', ls: 'E1' }),
      episode('2022-08-01', '2022-09-01', 'X1', { rne: 'T', place: 'A6', ls: 'E1' }),
      episode('2022-09-01', null, null, { rne: 'L', place: 'A6', ls: 'C2' }),
    ]).periods[0]!;
    const s = reviewSchedule(p, held('2022-02-01', '2022-06-20'));
    expect(s.pending).toMatchObject({ dueDate: '2022-09-20', basis: 'adoption_second' });
  });

  it('on leaving the placement, the next review is due 6 months after the last review held', () => {
    const p = periodsOfCare([
      episode('2022-01-10', '2022-06-01', 'X1', { place: 'U6' }),
      episode('2022-06-01', '2022-07-15', 'X1', { rne: 'P', place: 'A5', ls: 'E1' }),
      episode('2022-07-15', null, null, { rne: 'P', place: 'U6', ls: 'E1' }),
    ]).periods[0]!;
    const s = reviewSchedule(p, held('2022-02-01', '2022-06-20', '2023-01-10', '2023-06-01'));
    expect(s.reviews.map((r) => [r.dueDate, r.basis])).toEqual([
      ['2022-02-07', 'first_review'],
      ['2022-06-29', 'adoption_placement'],
      ['2022-12-20', 'left_adoptive_placement'],
      ['2023-07-10', 'later_review'],
    ]);
  });

  it('on leaving with no review held in the period, the pending due date stands', () => {
    const p = periodsOfCare([
      episode('2022-01-10', '2022-01-20', 'X1', { place: 'A5', ls: 'E1' }),
      episode('2022-01-20', null, null, { rne: 'P', place: 'U6', ls: 'E1' }),
    ]).periods[0]!;
    const s = reviewSchedule(p, held('2022-02-01', '2022-03-01'));
    expect(s.reviews.map((r) => [r.dueDate, r.basis])).toEqual([
      ['2022-02-07', 'adoption_placement'],
      ['2022-05-01', 'second_review'],
    ]);
  });
});

describe('reviews of a child across periods (§3.1, §14)', () => {
  const { periods } = periodsOfCare([
    episode('2020-01-10', '2020-06-01', 'E4A'),
    episode('2021-03-01', '2021-05-01', 'X1'),
    episode('2021-05-01', null, null, { rne: 'S' }),
  ]);

  it('two reviews on the same date count once; the first row in file order stands', () => {
    const r = childReviewSchedules(periods, [
      { date: '2020-01-30', code: 'PN1' },
      { date: '2020-01-30', code: 'PN7' },
    ]);
    expect(r.schedules[0]!.reviews.map((x) => x.review.code)).toEqual(['PN1']);
    expect(r.duplicates).toEqual([{ date: '2020-01-30', code: 'PN7' }]);
  });

  it('a review outside every period is an orphan, never on time or late', () => {
    const r = childReviewSchedules(periods, held('2019-12-01', '2020-08-01', '2020-06-01'));
    expect(r.orphans.map((x) => x.date)).toEqual(['2019-12-01', '2020-08-01']);
    expect(r.schedules[0]!.reviews.map((x) => x.date)).toEqual(['2020-06-01']);
  });

  it('a review on the day an S episode follows an X1 end belongs to the period that starts', () => {
    const r = childReviewSchedules(periods, held('2021-05-01'));
    expect(r.schedules[1]!.reviews).toHaveLength(0);
    expect(r.schedules[2]!.reviews.map((x) => x.basis)).toEqual(['first_review']);
  });

  it('each period has its own schedule', () => {
    const r = childReviewSchedules(periods, []);
    expect(r.schedules.map((s) => s.pending.dueDate)).toEqual([
      addWorkingDays('2020-01-10', 20),
      addWorkingDays('2021-03-01', 20),
      addWorkingDays('2021-05-01', 20),
    ]);
  });

  it('reviews of a short-break-only period are kept apart', () => {
    const sb = periodsOfCare([episode('2021-09-01', null, null, { ls: 'V4' })]).periods;
    const r = childReviewSchedules(sb, held('2021-10-01'));
    expect(r.shortBreakReviews.map((x) => x.date)).toEqual(['2021-10-01']);
    expect(r.schedules[0]!.reviews).toHaveLength(1);
  });
});

describe('local policy (§3.4)', () => {
  const policy = { ...defaultLocalPolicy, reviewIntervals: [{ fromAge: 0, toAge: 5, months: 3 }] };
  const p = single(['2022-01-10', null, null]);

  it('adds a stricter local due date without changing the statutory one', () => {
    const s = reviewSchedule(p, held('2022-02-01', '2022-05-01', '2022-09-01'), {
      dob: '2018-06-01',
      policy,
    });
    expect(s.reviews.map((r) => [r.dueDate, r.localDueDate, r.onTime, r.localOnTime])).toEqual([
      ['2022-02-07', '2022-02-07', true, true],
      ['2022-05-01', '2022-05-01', true, true],
      ['2022-11-01', '2022-08-01', true, false],
    ]);
    expect(isOverdueOn(s, '2022-12-05')).toBe(false);
    expect(isLocallyOverdueOn(s, '2022-12-05')).toBe(true);
  });

  it('applies by age on the date the interval counts from', () => {
    const s = reviewSchedule(p, held('2022-02-01', '2022-05-01'), { dob: '2016-04-01', policy });
    expect(s.pending).toMatchObject({ dueDate: '2022-11-01', localDueDate: '2022-11-01' });
  });

  it('takes the version in force on that date', () => {
    const versions = [{ effective: '2022-06-01', settings: { reviewIntervals: policy.reviewIntervals } }];
    const s = reviewSchedule(p, held('2022-02-01', '2022-05-01', '2022-09-01'), {
      dob: '2018-06-01',
      policy: versions,
    });
    expect(s.reviews[2]!.localDueDate).toBe('2022-11-01');
    expect(s.pending.localDueDate).toBe('2022-12-01');
  });
});
