import { type IsoDate, reportingYear, reportingYearOf } from './calendar.ts';
import { type ChildPeriods, type ChildrenLookedAfterFigures, isOpenAtEndOf } from './periods-of-care.ts';

/** One row of the report's `trend`: the figures the report of `year` gives. */
export type TrendRow = {
  year: number;
  lookedAfterAt31March: number;
  startedInYear: number;
  ceasedInYear: number;
  reviewsHeld: number;
  reviewsOnTimePercent: number | null;
  participationRate4Plus: number | null;
  escalationsRaised: number;
};

export type TrendFigures = Omit<TrendRow, 'year'>;

/** The report year and up to this many years before it. */
export const TREND_YEARS_BEFORE = 4;

/** The start of the earliest period of care on record, short-break-only periods included; null with none. */
export const earliestPeriodStart = (children: readonly ChildPeriods[]): IsoDate | null => {
  let earliest: IsoDate | null = null;
  for (const { periods } of children)
    for (const p of periods) if (earliest === null || p.start < earliest) earliest = p.start;
  return earliest;
};

/**
 * The years of the trend of reporting year `year` (further-tables §2, §2a): the year and up to four
 * before it, oldest first, leaving out a year whose 31 March is before the earliest period on record
 * (none with no records). The report year itself is always kept.
 */
export const trendYears = (year: number, earliestStart: IsoDate | null): number[] => {
  const years: number[] = [];
  for (let y = year - TREND_YEARS_BEFORE; y <= year; y++)
    if (y === year || (earliestStart !== null && reportingYear(y).end >= earliestStart)) years.push(y);
  return years;
};

/**
 * The `trend` rows of reporting year `year`: for each of `trendYears`, the figures that year's own
 * report gives, from `figuresOf` (the same domain functions the report uses; a later year with no
 * records gives zeros).
 */
export const trend = (
  year: number,
  earliestStart: IsoDate | null,
  figuresOf: (year: number) => TrendFigures,
): TrendRow[] => trendYears(year, earliestStart).map((y) => ({ year: y, ...figuresOf(y) }));

/** The trend's counts of children looked after. */
export type LookedAfterTrendCounts = Pick<
  ChildrenLookedAfterFigures,
  'lookedAfterAt31March' | 'startedInYear' | 'ceasedInYear'
>;

/**
 * The trend's counts of each of `years`, each as `childrenLookedAfterFigures` gives it for that
 * year, from one pass over every child: short-break-only periods left out; a child looked after at
 * the end of 31 March counted once; every period starting, or ending, in the year counted.
 */
export const lookedAfterCountsByYear = (
  children: readonly ChildPeriods[],
  years: readonly number[],
): Map<number, LookedAfterTrendCounts> => {
  const counts = new Map(
    years.map((year): [number, LookedAfterTrendCounts] => [
      year,
      { lookedAfterAt31March: 0, startedInYear: 0, ceasedInYear: 0 },
    ]),
  );
  const yearEnds = years.map((year) => reportingYear(year).end);
  for (const { periods } of children) {
    for (let i = 0; i < years.length; i++) {
      const end = yearEnds[i]!;
      for (const p of periods) {
        if (p.shortBreakOnly || !isOpenAtEndOf(p, end)) continue;
        counts.get(years[i]!)!.lookedAfterAt31March++;
        break;
      }
    }
    for (const p of periods) {
      if (p.shortBreakOnly) continue;
      const started = counts.get(reportingYearOf(p.start));
      if (started) started.startedInYear++;
      const ceased = p.end === null ? undefined : counts.get(reportingYearOf(p.end));
      if (ceased) ceased.ceasedInYear++;
    }
  }
  return counts;
};
