import { describe, expect, it } from 'vitest';
import { periodsOfCare } from './periods-of-care.ts';
import { episode } from './testing/builders.ts';
import { earliestPeriodStart, type TrendFigures, trend, trendYears } from './trend.ts';

describe('five-year trend (further-tables §2, §2a)', () => {
  it('is the year and four before it, oldest first', () => {
    expect(trendYears(2023, '2001-01-01')).toEqual([2019, 2020, 2021, 2022, 2023]);
  });

  it('leaves out a year whose 31 March is before the earliest period on record', () => {
    expect(trendYears(2023, '2021-03-31')).toEqual([2020, 2021, 2022, 2023]); // 31 March 2021 ends 2020-21
    expect(trendYears(2023, '2021-04-01')).toEqual([2021, 2022, 2023]);
    expect(trendYears(2023, null)).toEqual([2023]);
  });

  it('takes the earliest period, short-break-only ones included', () => {
    const children = [
      { child: 'a', periods: periodsOfCare([episode('2019-05-01', null, null)]).periods },
      {
        child: 'b',
        periods: periodsOfCare([episode('2018-07-01', '2018-07-03', 'E11', { ls: 'V3' })]).periods,
      },
    ];
    expect(earliestPeriodStart(children)).toBe('2018-07-01');
    expect(earliestPeriodStart([])).toBeNull();
  });

  it("gives each year's own figures", () => {
    const zero: TrendFigures = {
      lookedAfterAt31March: 0,
      startedInYear: 0,
      ceasedInYear: 0,
      reviewsHeld: 0,
      reviewsOnTimePercent: null,
      participationRate4Plus: null,
      escalationsRaised: 0,
    };
    const rows = trend(2023, '2020-06-01', (y) => ({ ...zero, reviewsHeld: y }));
    expect(rows.map((r) => [r.year, r.reviewsHeld])).toEqual([
      [2020, 2020],
      [2021, 2021],
      [2022, 2022],
      [2023, 2023],
    ]);
  });
});
