/** How a figure reads: a whole count, a percentage (one decimal), or another number (FTE, a mean, a median). */
export type ReportUnit = 'count' | 'percent' | 'number';

/** What every rendering needs besides the sections. */
export type ReportMeta = { council: string; year: number };

const counts = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 0 });
const numbers = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 2 });
const MINUS = '\u2212';

/** A figure as the report prints it: "1,234", "94.7%", "59.6"; "—" when there is none. */
export const formatFigure = (value: number | null | undefined, unit: ReportUnit): string => {
  if (value === null || value === undefined) return '—';
  if (unit === 'percent') return `${value.toFixed(1)}%`;
  return (unit === 'count' ? counts : numbers).format(value).replace('-', MINUS);
};

/**
 * A change from the year before: "+3", "−2", "0"; a percentage's change is in percentage points,
 * "+3.4 pp". "—" when either year has no figure.
 */
export const formatChange = (change: number | null | undefined, unit: ReportUnit): string => {
  if (change === null || change === undefined) return '—';
  const sign = change > 0 ? '+' : change < 0 ? MINUS : '';
  const size = Math.abs(change);
  if (unit === 'percent') return `${sign}${size.toFixed(1)} pp`;
  return `${sign}${(unit === 'count' ? counts : numbers).format(size)}`;
};

/** A reporting year as councils write it: 2023 → "2023-24". */
export const yearLabel = (year: number): string => `${year}-${String((year + 1) % 100).padStart(2, '0')}`;

/** "Reporting year 1 April 2023 to 31 March 2024". */
export const reportingYearText = (year: number): string =>
  `Reporting year 1 April ${year} to 31 March ${year + 1}`;

/** The report's title, the same in every rendering. */
export const reportTitle = (meta: ReportMeta): string =>
  `${meta.council}: Independent Reviewing Officer annual report ${yearLabel(meta.year)}`;
