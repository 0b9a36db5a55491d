import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { childrenLookedAfterFigures, periodsOfCare } from './periods-of-care.ts';
import { childEpisodes } from './testing/arbitraries.ts';
import { episode } from './testing/builders.ts';
import { loadEpisodes } from './testing/exampleshire.ts';
import {
  earliestPeriodStart,
  lookedAfterCountsByYear,
  type TrendFigures,
  trend,
  trendYears,
} from './trend.ts';

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

describe('the trend’s looked-after counts, every year in one pass', () => {
  const years = Array.from({ length: 12 }, (_, i) => 2013 + i);
  const eachYear = (children: Parameters<typeof childrenLookedAfterFigures>[0]) =>
    new Map(
      years.map((year) => {
        const { lookedAfterAt31March, startedInYear, ceasedInYear } = childrenLookedAfterFigures(
          children,
          year,
        );
        return [year, { lookedAfterAt31March, startedInYear, ceasedInYear }];
      }),
    );

  it('gives each year what that year’s figures give, for every Exampleshire child', () => {
    const children = [...loadEpisodes()].map(([child, list]) => ({
      child,
      periods: periodsOfCare(list).periods,
    }));
    const together = lookedAfterCountsByYear(children, years);
    expect(together).toEqual(eachYear(children));
    expect([...together.values()].some((counts) => counts.lookedAfterAt31March > 0)).toBe(true);
  });

  it('gives each year what that year’s figures give, whatever the periods', () => {
    const child = childEpisodes('2013-01-01', '2025-06-01').map(
      (episodes) => periodsOfCare(episodes).periods,
    );
    fc.assert(
      fc.property(fc.array(child, { maxLength: 4 }), (periods) => {
        const children = periods.map((p, i) => ({ child: String(i), periods: p }));
        expect(lookedAfterCountsByYear(children, years)).toEqual(eachYear(children));
      }),
    );
  });

  it('leaves out a year not asked for', () => {
    const children = [
      { child: 'a', periods: periodsOfCare([episode('2020-05-01', '2021-05-01', 'E11')]).periods },
    ];
    expect([...lookedAfterCountsByYear(children, [2021]).entries()]).toEqual([
      [2021, { lookedAfterAt31March: 0, startedInYear: 0, ceasedInYear: 1 }],
    ]);
  });
});
