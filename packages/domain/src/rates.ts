import { percent } from './numbers.ts';

/** One row of the `population` file: the council's population aged 0–17 used for reporting year `year`. */
export type PopulationRow = { year: number; population: number };

/** The population of reporting year `year`, or null with no row (the first row of the year stands). */
export const populationOf = (rows: readonly PopulationRow[], year: number): number | null =>
  rows.find((r) => r.year === year)?.population ?? null;

/**
 * A count per 10,000 of the population (further-tables §2): count × 10,000 ÷ population, half up to
 * one decimal; null with no population (or a population that is not above 0). Exact for whole
 * counts: it is the percentage of count × 100 over the population.
 */
export const ratePer10000 = (count: number, population: number | null | undefined): number | null =>
  population == null || !(population > 0) ? null : percent(count * 100, population);

export type ChildrenRates = {
  ratePer10000: number | null;
  startedRatePer10000: number | null;
  ceasedRatePer10000: number | null;
};

/**
 * `children.ratePer10000`, `startedRatePer10000` and `ceasedRatePer10000` (further-tables §3) from
 * the year's counts and its population; all three null with no population row. The children behind
 * a rate are those behind its count (`childrenLookedAfterFiguresBehind`).
 */
export const childrenRates = (
  counts: { lookedAfterAt31March: number; startedInYear: number; ceasedInYear: number },
  population: number | null | undefined,
): ChildrenRates => ({
  ratePer10000: ratePer10000(counts.lookedAfterAt31March, population),
  startedRatePer10000: ratePer10000(counts.startedInYear, population),
  ceasedRatePer10000: ratePer10000(counts.ceasedInYear, population),
});
