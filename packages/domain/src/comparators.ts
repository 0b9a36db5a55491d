/**
 * One row of the `comparators` file: another area's published figure for report key `measure`; a
 * DfE symbol for a figure not shown (`c`, `k`, `u`, `x`, `z`) stays text.
 */
export type Comparator = { year: number; area: string; measure: string; value: number | string };

/**
 * The report's `comparators` for reporting year `year` (further-tables §3): per (AREA, MEASURE), the
 * row of the latest YEAR up to `year` (published comparators usually describe the year before). In
 * the order each (AREA, MEASURE) first appears in `rows`; rows of later years are ignored. On a tie
 * of one YEAR (an import error) the first row stands.
 */
export const comparatorsForYear = <R extends Comparator>(rows: readonly R[], year: number): Comparator[] => {
  const latest = new Map<string, R | null>();
  for (const row of rows) {
    const key = JSON.stringify([row.area, row.measure]);
    const current = latest.get(key);
    if (!latest.has(key)) latest.set(key, null);
    if (row.year > year) continue;
    if (!current || row.year > current.year) latest.set(key, row);
  }
  return [...latest.values()]
    .filter((row): row is R => row !== null)
    .map(({ year: y, area, measure, value }) => ({ year: y, area, measure, value }));
};

/** The comparators of one report key, as shown beside the council's own figure. */
export const comparatorsOf = (comparators: readonly Comparator[], measure: string): Comparator[] =>
  comparators.filter((c) => c.measure === measure);
