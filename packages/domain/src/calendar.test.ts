import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addDays,
  addMonths,
  addWorkingDays,
  ageOn,
  bankHolidays,
  dayNumber,
  dayOfWeek,
  daysBetween,
  formatUkDate,
  fromDayNumber,
  inDateOrder,
  isBankHoliday,
  isIsoDate,
  isWorkingDay,
  londonDateOf,
  parseDate,
  reportingYear,
  reportingYearOf,
  toIsoDate,
  workingDaysBetween,
} from './calendar.ts';
import { isoDates } from './testing/arbitraries.ts';

describe('bank holidays in England (date-holidays, GB/ENG)', () => {
  it.each([
    ['2022-09-19', 'state funeral of Queen Elizabeth II'],
    ['2023-05-08', 'coronation of King Charles III'],
    ['2022-06-02', 'spring bank holiday moved for the Platinum Jubilee'],
    ['2022-06-03', 'Platinum Jubilee'],
    ['2020-05-08', 'early May bank holiday moved for VE day'],
    ['2021-12-27', 'Christmas Day substitute'],
    ['2021-12-28', 'Boxing Day substitute'],
    ['2022-01-03', 'New Year substitute'],
    ['2020-12-28', 'Boxing Day substitute'],
    ['2023-01-02', 'New Year substitute'],
    ['2024-03-29', 'Good Friday'],
    ['2024-04-01', 'Easter Monday'],
    ['2023-08-28', 'summer bank holiday (England)'],
    ['2011-04-29', 'royal wedding (corrected on top of the library)'],
    ['2012-06-04', 'spring bank holiday moved for the Diamond Jubilee'],
    ['2012-06-05', 'Diamond Jubilee'],
  ])('%s is a bank holiday (%s)', (date) => {
    expect(isBankHoliday(date)).toBe(true);
    expect(isWorkingDay(date)).toBe(false);
  });

  it.each([
    ['2020-05-04', 'the early May date that moved to VE day'],
    ['2022-05-30', 'the spring date that moved to 2 June'],
    ['2012-05-28', 'the spring date that moved to 4 June'],
    ['2023-03-19', "Mother's Day is an observance, not a day off"],
    ['2022-03-17', "St Patrick's Day is a holiday in Northern Ireland only"],
    ['2022-08-01', 'Scottish summer bank holiday'],
  ])('%s is not a bank holiday in England (%s)', (date) => {
    expect(isBankHoliday(date)).toBe(false);
  });

  it('lists the eight usual days and the one-offs of 2022', () => {
    expect(bankHolidays(2022).filter((d) => dayOfWeek(d) !== 0 && dayOfWeek(d) !== 6)).toEqual([
      '2022-01-03',
      '2022-04-15',
      '2022-04-18',
      '2022-05-02',
      '2022-06-02',
      '2022-06-03',
      '2022-08-29',
      '2022-09-19',
      '2022-12-26',
      '2022-12-27',
    ]);
  });
});

describe('working days (§1)', () => {
  it('weekends are not working days', () => {
    expect(isWorkingDay('2023-03-04')).toBe(false); // Saturday
    expect(isWorkingDay('2023-03-05')).toBe(false); // Sunday
    expect(isWorkingDay('2023-03-06')).toBe(true);
  });

  it('counts from the day after D; D itself is day 0 whatever day it is', () => {
    expect(addWorkingDays('2023-03-06', 0)).toBe('2023-03-06');
    expect(addWorkingDays('2023-03-04', 0)).toBe('2023-03-04');
    expect(addWorkingDays('2023-03-04', 1)).toBe('2023-03-06'); // Saturday + 1 = Monday
    expect(addWorkingDays('2023-03-10', 1)).toBe('2023-03-13'); // Friday + 1 = Monday
  });

  it('skips Christmas and the substitute days', () => {
    expect(addWorkingDays('2021-12-23', 1)).toBe('2021-12-24');
    expect(addWorkingDays('2021-12-24', 1)).toBe('2021-12-29');
    expect(addWorkingDays('2021-12-24', 3)).toBe('2021-12-31');
    expect(addWorkingDays('2021-12-24', 4)).toBe('2022-01-04'); // 3 January substitute
  });

  it('skips Easter', () => {
    expect(addWorkingDays('2023-04-06', 1)).toBe('2023-04-11');
    // A period starting Monday 3 April 2023: 20 working days skip Good Friday, Easter Monday and 1 May.
    expect(addWorkingDays('2023-04-03', 20)).toBe('2023-05-04');
  });

  it('skips the state funeral', () => {
    expect(addWorkingDays('2022-09-16', 1)).toBe('2022-09-20');
  });

  it('counts back with a negative N', () => {
    expect(addWorkingDays('2021-12-29', -1)).toBe('2021-12-24');
    expect(addWorkingDays('2023-05-04', -20)).toBe('2023-04-03');
  });

  it('workingDaysBetween counts W with a < W ≤ b', () => {
    expect(workingDaysBetween('2023-03-06', '2023-03-06')).toBe(0);
    expect(workingDaysBetween('2023-03-10', '2023-03-13')).toBe(1);
    expect(workingDaysBetween('2023-03-10', '2023-03-12')).toBe(0);
    expect(workingDaysBetween('2021-12-24', '2022-01-04')).toBe(4);
    expect(workingDaysBetween('2022-01-04', '2021-12-24')).toBe(-4);
    expect(workingDaysBetween('2022-01-01', '2022-12-31')).toBe(250);
  });

  it('a due date from addWorkingDays is never a weekend or bank holiday', () => {
    fc.assert(
      fc.property(isoDates(), fc.integer({ min: 1, max: 300 }), (date, n) => {
        expect(isWorkingDay(addWorkingDays(date, n))).toBe(true);
        expect(isWorkingDay(addWorkingDays(date, -n))).toBe(true);
      }),
    );
  });

  it('workingDaysBetween(d, addWorkingDays(d, n)) === n', () => {
    fc.assert(
      fc.property(isoDates(), fc.integer({ min: 0, max: 400 }), (date, n) => {
        expect(workingDaysBetween(date, addWorkingDays(date, n))).toBe(n);
      }),
    );
  });

  it('counting back from a working day inverts the same way', () => {
    fc.assert(
      fc.property(isoDates().filter(isWorkingDay), fc.integer({ min: 0, max: 400 }), (date, n) => {
        expect(workingDaysBetween(addWorkingDays(date, -n), date)).toBe(n);
      }),
    );
  });

  it('addWorkingDays agrees with stepping day by day, both ways', () => {
    const stepped = (date: string, n: number) => {
      let day = date;
      for (let remaining = Math.abs(n); remaining > 0; ) {
        day = addDays(day, Math.sign(n));
        if (isWorkingDay(day)) remaining--;
      }
      return day;
    };
    fc.assert(
      fc.property(isoDates('1990-01-01', '2035-12-31'), fc.integer({ min: -120, max: 120 }), (date, n) => {
        expect(addWorkingDays(date, n)).toBe(stepped(date, n));
      }),
      { numRuns: 500 },
    );
    for (const [date, n] of [
      ['2020-12-24', 1],
      ['2020-12-24', -1],
      ['2022-12-24', 2],
      ['2023-01-03', -2],
      ['2020-05-07', 1],
    ] as const)
      expect(addWorkingDays(date, n)).toBe(stepped(date, n));
  });

  it('workingDaysBetween agrees with counting day by day', () => {
    fc.assert(
      fc.property(isoDates(), fc.integer({ min: 0, max: 800 }), (date, span) => {
        let count = 0;
        for (let i = 1; i <= span; i++) if (isWorkingDay(addDays(date, i))) count++;
        expect(workingDaysBetween(date, addDays(date, span))).toBe(count);
      }),
      { numRuns: 200 },
    );
  });
});

describe('months (§1)', () => {
  it('31 August + 6 months is the last day of February', () => {
    expect(addMonths('2021-08-31', 6)).toBe('2022-02-28');
    expect(addMonths('2023-08-31', 6)).toBe('2024-02-29');
  });

  it('keeps the day where the month has it', () => {
    expect(addMonths('2022-01-15', 3)).toBe('2022-04-15');
    expect(addMonths('2022-11-30', 3)).toBe('2023-02-28');
    expect(addMonths('2022-12-31', 3)).toBe('2023-03-31');
    expect(addMonths('2024-02-29', 12)).toBe('2025-02-28');
  });

  it('counts back with a negative N', () => {
    expect(addMonths('2024-03-31', -1)).toBe('2024-02-29');
    expect(addMonths('2023-03-31', -30)).toBe('2020-09-30');
    expect(addMonths('2023-03-31', -24)).toBe('2021-03-31');
  });

  it('always gives a valid date, in the right month, with a day no later than the original', () => {
    fc.assert(
      fc.property(isoDates(), fc.integer({ min: -60, max: 60 }), (date, n) => {
        const result = addMonths(date, n);
        expect(isIsoDate(result)).toBe(true);
        expect(Number(result.slice(8))).toBeLessThanOrEqual(Number(date.slice(8)));
        const months = (d: string) => Number(d.slice(0, 4)) * 12 + Number(d.slice(5, 7));
        expect(months(result) - months(date)).toBe(n);
      }),
    );
  });
});

describe('ages and years', () => {
  it('age in completed years', () => {
    expect(ageOn('2010-06-15', '2020-06-14')).toBe(9);
    expect(ageOn('2010-06-15', '2020-06-15')).toBe(10);
    expect(ageOn('2010-06-15', '2010-06-15')).toBe(0);
  });

  it('a child born on 29 February turns a year older on 28 February in common years', () => {
    expect(ageOn('2008-02-29', '2013-02-27')).toBe(4);
    expect(ageOn('2008-02-29', '2013-02-28')).toBe(5);
    expect(ageOn('2008-02-29', '2012-02-28')).toBe(3);
    expect(ageOn('2008-02-29', '2012-02-29')).toBe(4);
  });

  it('reporting years run 1 April to 31 March', () => {
    expect(reportingYear(2020)).toEqual({ year: 2020, start: '2020-04-01', end: '2021-03-31' });
    expect(reportingYearOf('2021-03-31')).toBe(2020);
    expect(reportingYearOf('2021-04-01')).toBe(2021);
  });
});

describe('dates as ISO strings', () => {
  it('reads dd/mm/yyyy and ISO, and refuses impossible dates', () => {
    expect(parseDate('15/11/2018')).toBe('2018-11-15');
    expect(parseDate('1/2/2021')).toBe('2021-02-01');
    expect(parseDate(' 2021-03-04 ')).toBe('2021-03-04');
    expect(parseDate('29/02/2024')).toBe('2024-02-29');
    expect(parseDate('29/02/2023')).toBeNull();
    expect(parseDate('31/02/2021')).toBeNull();
    expect(parseDate('2021-02-31')).toBeNull();
    expect(parseDate('2021-13-01')).toBeNull();
    expect(parseDate('2021-2-3')).toBeNull();
    expect(parseDate('03/04/21')).toBeNull();
    expect(parseDate('')).toBeNull();
    expect(() => toIsoDate('31/04/2022')).toThrow(/not a valid date/);
    expect(formatUkDate('2018-11-15')).toBe('15/11/2018');
  });

  it('day numbers round-trip and count calendar days', () => {
    expect(dayNumber('1970-01-01')).toBe(0);
    expect(daysBetween('2024-02-28', '2024-03-01')).toBe(2);
    expect(daysBetween('2023-02-28', '2023-03-01')).toBe(1);
    fc.assert(
      fc.property(isoDates('1900-01-01', '2100-12-31'), (date) => {
        expect(fromDayNumber(dayNumber(date))).toBe(date);
        expect(isIsoDate(date)).toBe(true);
      }),
    );
  });

  it.each([
    '2021-02-31',
    '2023-02-29',
    '2021-13-01',
    '2021-00-10',
    '2021-01-00',
    '0000-01-01',
    '2021-2-03',
    '2021-02-3',
    ' 2021-02-03',
    '2021-02-03 ',
    '2021/02/03',
    '2021-02-03T00',
    '03/02/2021',
    '2021-0a-03',
    '+021-02-03',
    '',
  ])('refuses %j as an ISO date', (text) => {
    expect(isIsoDate(text)).toBe(false);
  });

  it('takes a string as an ISO date exactly when it reads as one', () => {
    expect([null, undefined, 20210203, new Date(), ['2021-02-03']].some(isIsoDate)).toBe(false);
    fc.assert(
      fc.property(fc.stringMatching(/^[0-9-]{10}$/), (text) => {
        expect(isIsoDate(text)).toBe(parseDate(text) === text);
      }),
    );
  });

  it('puts records in date order, stably, and leaves ordered ones as they are', () => {
    const ordered = [{ d: '2021-01-01' }, { d: '2021-01-01' }, { d: '2021-02-01' }];
    expect(inDateOrder(ordered, (r) => r.d)).toBe(ordered);
    fc.assert(
      fc.property(fc.array(fc.tuple(isoDates('2020-01-01', '2020-01-10'), fc.nat())), (rows) => {
        const sorted = inDateOrder(rows, ([date]) => date);
        const expected = rows
          .map((row, i) => [row, i] as const)
          .sort(([a, i], [b, j]) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : i - j))
          .map(([row]) => row);
        expect(sorted).toEqual(expected);
        expect(sorted.every((row, i) => row === expected[i])).toBe(true);
      }),
    );
  });

  it('gives the date in England at an instant, across the clock change', () => {
    expect(londonDateOf(new Date('2023-06-30T23:30:00Z'))).toBe('2023-07-01');
    expect(londonDateOf(new Date('2023-12-31T23:30:00Z'))).toBe('2023-12-31');
  });
});
