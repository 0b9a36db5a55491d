import {
  type IsoDate,
  type LookedAfterTrendCounts,
  lookedAfterCountsByYear,
  reportingYear,
  trendYears,
} from '@footprint/domain';
import { type ChildCareHistory, type CouncilHistory, careHistoryOf } from './compute-annual-report.ts';

/** The children subgraph's part of one row of the report's `trend` (further-tables §3). */
export type ChildrenTrendYear = { year: number } & LookedAfterTrendCounts;

/**
 * The `trend` of reporting year `year` as far as the children's records give it: its years (the
 * year and up to four before, none before the earliest period on record), each year's counts as
 * that year's own report gives them, and the care history of every child touching those years,
 * which the reviews subgraph `@requires` for its part of each row.
 */
export type ChildrenTrend = { years: ChildrenTrendYear[]; careHistory: ChildCareHistory[] };

/** `history` must hold every child in care on or after 1 April of the earliest trend year. */
export function computeChildrenTrend(
  history: CouncilHistory,
  year: number,
  earliestPeriodStart: IsoDate | null,
): ChildrenTrend {
  const years = trendYears(year, earliestPeriodStart);
  const counts = lookedAfterCountsByYear(history.children, years);
  return {
    years: years.map((y) => ({ year: y, ...counts.get(y)! })),
    careHistory: careHistoryOf(history, reportingYear(years[0]!).start, reportingYear(year).end),
  };
}
