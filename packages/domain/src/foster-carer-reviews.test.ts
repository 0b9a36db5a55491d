import { describe, expect, it } from 'vitest';
import {
  type FosterHousehold,
  fosterCarerReviewFigures,
  fosterCarerReviewMembers,
  fosterPendingDueOn,
  fosterReviewSchedule,
  isFosterReviewOverdueOn,
} from './foster-carer-reviews.ts';

const household = (overrides: Partial<FosterHousehold> = {}): FosterHousehold => ({
  household: 'H1',
  type: 'mainstream',
  approved: '2021-08-31',
  ended: null,
  ...overrides,
});

describe('foster carer reviews (§11, §14)', () => {
  it('first due 12 months after approval, then 12 months after each review held', () => {
    const s = fosterReviewSchedule(household(), [
      { date: '2022-09-05' },
      { date: '2023-08-01' },
      { date: '2023-08-01' },
    ]);
    expect(s.reviews.map((r) => [r.date, r.dueDate, r.onTime])).toEqual([
      ['2022-09-05', '2022-08-31', false],
      ['2023-08-01', '2023-09-05', true],
    ]);
    expect(s.pendingDue).toBe('2024-08-01');
  });

  it('uses the month rule for 29 February', () => {
    expect(fosterReviewSchedule(household({ approved: '2024-02-29' }), []).pendingDue).toBe('2025-02-28');
  });

  it('is overdue from the day after the due date while approved', () => {
    const s = fosterReviewSchedule(household(), []);
    expect(fosterPendingDueOn(s, '2022-09-01')).toBe('2022-08-31');
    expect(isFosterReviewOverdueOn(s, '2022-08-31')).toBe(false);
    expect(isFosterReviewOverdueOn(s, '2022-09-01')).toBe(true);
    const ended = fosterReviewSchedule(household({ ended: '2022-09-01' }), []);
    expect(isFosterReviewOverdueOn(ended, '2022-09-01')).toBe(false);
  });

  it('figures: households at 31 March, reviews due in the year while approved, on time, overdue', () => {
    const schedules = [
      fosterReviewSchedule(household(), [{ date: '2022-08-01' }]),
      // due 2022-10-01, never held: due in the year and not on time, overdue at 31 March
      fosterReviewSchedule(
        household({ household: 'H2', type: 'connected_person', approved: '2021-10-01' }),
        [],
      ),
      // ended before its due date: nothing due
      fosterReviewSchedule(household({ household: 'H3', approved: '2021-10-01', ended: '2022-09-30' }), []),
      // ended on its due date: still due
      fosterReviewSchedule(household({ household: 'H4', approved: '2021-10-01', ended: '2022-10-01' }), []),
    ];
    expect(fosterCarerReviewFigures(schedules, 2022)).toEqual({
      householdsAt31March: { mainstream: 1, connected_person: 1 },
      due: 3,
      onTime: 1,
      onTimePercent: 33.3,
      overdueAt31March: 1,
    });
  });

  it('names the households and due dates behind each figure, each count the length of its list', () => {
    const schedules = [
      fosterReviewSchedule(household(), [{ date: '2022-08-01' }, { date: '2023-09-01' }]),
      fosterReviewSchedule(
        household({ household: 'H2', type: 'connected_person', approved: '2021-10-01' }),
        [],
      ),
      fosterReviewSchedule(household({ household: 'H3', approved: '2021-10-01', ended: '2023-03-31' }), [
        { date: '2022-10-05' },
      ]),
    ];
    const m = fosterCarerReviewMembers(schedules, 2022);
    expect(
      Object.fromEntries(
        Object.entries(m.householdsAt31March).map(([type, list]) => [type, list.map((h) => h.household)]),
      ),
    ).toEqual({ mainstream: ['H1'], connected_person: ['H2'] });
    expect(m.due.map((d) => [d.household.household, d.dueDate, d.review?.date ?? null, d.onTime])).toEqual([
      ['H1', '2022-08-31', '2022-08-01', true],
      ['H2', '2022-10-01', null, false],
      ['H3', '2022-10-01', '2022-10-05', false],
    ]);
    expect(m.onTime.map((d) => d.household.household)).toEqual(['H1']);
    expect(m.overdueAt31March).toEqual([{ household: schedules[1]!.household, dueDate: '2022-10-01' }]);
    expect(fosterCarerReviewFigures(schedules, 2022)).toEqual({
      householdsAt31March: { mainstream: 1, connected_person: 1 },
      due: m.due.length,
      onTime: m.onTime.length,
      onTimePercent: 33.3,
      overdueAt31March: 1,
    });
  });
});
