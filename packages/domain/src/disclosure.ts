/**
 * Disclosure control for what young people and the public see (§13), after the DfE's practice for
 * small numbers. Staff views show true numbers; only published and Children in Care Council figures
 * pass through here.
 */

/** The DfE threshold: counts 1–5 are suppressed. A council may raise it, never lower it. */
export const MIN_DISCLOSURE_THRESHOLD = 5;

/** A percentage with a denominator under this is not shown. */
export const MIN_PERCENT_DENOMINATOR = 10;

export const SUPPRESSED = 'c' as const;
export type Suppressed = typeof SUPPRESSED;
export type Cell = number | Suppressed;

const checkThreshold = (threshold: number): void => {
  if (!Number.isInteger(threshold) || threshold < MIN_DISCLOSURE_THRESHOLD) {
    throw new RangeError(
      `the disclosure threshold may only be raised from ${MIN_DISCLOSURE_THRESHOLD}: ${threshold}`,
    );
  }
};

/** A count from 1 to the threshold is suppressed; 0 is shown as 0. */
export const isSmallNumber = (count: number, threshold = MIN_DISCLOSURE_THRESHOLD): boolean =>
  count >= 1 && count <= threshold;

export const suppressCount = (count: number, threshold = MIN_DISCLOSURE_THRESHOLD): Cell => {
  checkThreshold(threshold);
  return isSmallNumber(count, threshold) ? SUPPRESSED : count;
};

/** A percentage is hidden (null) when its denominator is under 10, or when it has no value. */
export const suppressPercent = (value: number | null, denominator: number): number | null =>
  value === null || denominator < MIN_PERCENT_DENOMINATOR ? null : value;

/** How a suppressed cell reads: `c` in data exports, "fewer than 6" on pages (with the default threshold). */
export const formatCell = (
  cell: Cell,
  mode: 'export' | 'page',
  threshold = MIN_DISCLOSURE_THRESHOLD,
): string => {
  if (cell !== SUPPRESSED) return String(cell);
  return mode === 'export' ? SUPPRESSED : `fewer than ${threshold + 1}`;
};

/** A table of counts; a total given for a row or column is published, so secondary suppression protects it. */
export type CountTable = {
  cells: readonly (readonly number[])[];
  rowTotals?: readonly number[];
  columnTotals?: readonly number[];
};

export type SuppressedTable = {
  cells: Cell[][];
  rowTotals?: Cell[];
  columnTotals?: Cell[];
};

/**
 * Primary and secondary suppression of a table (§13). Counts 1..threshold are suppressed; then,
 * while a row or column with a published (unsuppressed) total has exactly one suppressed cell, its
 * next smallest cell is suppressed too, so nothing can be worked back from the total. The next
 * smallest is the smallest non-zero cell not yet suppressed, or a zero when only zeros remain;
 * ties go to the first. Totals are counts and are suppressed like any other; a total whose line has
 * no other cell left to hide is suppressed itself.
 */
export const suppressSmallNumbers = (
  table: CountTable,
  threshold = MIN_DISCLOSURE_THRESHOLD,
): SuppressedTable => {
  checkThreshold(threshold);
  const rows = table.cells.length;
  const columns = rows === 0 ? 0 : Math.max(...table.cells.map((r) => r.length));
  const hidden = table.cells.map((row) => row.map((v) => isSmallNumber(v, threshold)));
  const rowTotalShown = table.rowTotals?.map((t) => !isSmallNumber(t, threshold));
  const columnTotalShown = table.columnTotals?.map((t) => !isSmallNumber(t, threshold));

  const line = (kind: 'row' | 'column', index: number): [number, number][] =>
    kind === 'row'
      ? table.cells[index]!.map((_, c) => [index, c])
      : table.cells.flatMap((row, r) => (index < row.length ? [[r, index] as [number, number]] : []));

  // Returns true when it hid something. A line whose only other cells are already hidden cannot be
  // protected by another cell (a one-cell row equals its total), so its total is hidden instead.
  const protect = (positions: [number, number][], hideTotal: () => void): boolean => {
    const suppressedCount = positions.filter(([r, c]) => hidden[r]![c]).length;
    if (suppressedCount !== 1) return false;
    const candidates = positions.filter(([r, c]) => !hidden[r]![c]);
    if (candidates.length === 0) {
      hideTotal();
      return true;
    }
    const value = ([r, c]: [number, number]): number => table.cells[r]![c]!;
    const nonZero = candidates.filter((p) => value(p) > 0);
    const pool = nonZero.length > 0 ? nonZero : candidates;
    const pick = pool.reduce((best, p) => (value(p) < value(best) ? p : best));
    hidden[pick[0]]![pick[1]] = true;
    return true;
  };

  let changed = true;
  while (changed) {
    changed = false;
    for (let r = 0; r < rows; r++) {
      if (rowTotalShown?.[r] && protect(line('row', r), () => (rowTotalShown[r] = false))) changed = true;
    }
    for (let c = 0; c < columns; c++) {
      if (columnTotalShown?.[c] && protect(line('column', c), () => (columnTotalShown[c] = false)))
        changed = true;
    }
  }

  const result: SuppressedTable = {
    cells: table.cells.map((row, r) => row.map((v, c) => (hidden[r]![c] ? SUPPRESSED : v))),
  };
  if (table.rowTotals) result.rowTotals = table.rowTotals.map((t, r) => (rowTotalShown![r] ? t : SUPPRESSED));
  if (table.columnTotals) {
    result.columnTotals = table.columnTotals.map((t, c) => (columnTotalShown![c] ? t : SUPPRESSED));
  }
  return result;
};

/** A one-column map of counts with a published total (e.g. a `{ code: count }` table). */
export const suppressCountMap = (
  counts: Readonly<Record<string, number>>,
  threshold = MIN_DISCLOSURE_THRESHOLD,
  withTotal = true,
): Record<string, Cell> => {
  const keys = Object.keys(counts);
  const values = keys.map((k) => counts[k]!);
  const total = values.reduce((a, b) => a + b, 0);
  const table = suppressSmallNumbers(
    { cells: values.map((v) => [v]), ...(withTotal ? { columnTotals: [total] } : {}) },
    threshold,
  );
  return Object.fromEntries(keys.map((k, i) => [k, table.cells[i]![0]!]));
};
