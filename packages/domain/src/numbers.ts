/**
 * Rounds half up (away from zero for negatives) to `decimals` places. Shifting through the
 * decimal exponent rather than multiplying keeps 1.005 → 1.01 and 82.55 → 82.6, where binary
 * floating point would round them down.
 */
export const roundHalfUp = (value: number, decimals = 1): number => {
  if (!Number.isFinite(value)) return value;
  const sign = value < 0 ? -1 : 1;
  const shifted = Math.round(Number(`${Math.abs(value)}e${decimals}`));
  return sign * Number(`${shifted}e${-decimals}`);
};

/**
 * numerator ÷ denominator as a percentage rounded half up to one decimal place, or null when the
 * denominator is 0 (annual-report.md). Whole counts are rounded with integer arithmetic, so the
 * result is exact, not subject to floating point.
 */
export const percent = (numerator: number, denominator: number): number | null => {
  if (denominator === 0) return null;
  if (Number.isInteger(numerator) && Number.isInteger(denominator) && numerator >= 0 && denominator > 0) {
    return Math.floor((numerator * 2000 + denominator) / (2 * denominator)) / 10;
  }
  return roundHalfUp((numerator * 100) / denominator, 1);
};

/** The median; of an even count, the mean of the two middle values (§14). Null when empty. */
export const median = (values: readonly number[]): number | null => {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  if (sorted.length % 2 === 1) return sorted[mid]!;
  return (sorted[mid - 1]! + sorted[mid]!) / 2;
};

/** The mean, or null when empty. Callers round once, at the end (§14 caseload mean). */
export const mean = (values: readonly number[]): number | null =>
  values.length === 0 ? null : values.reduce((sum, v) => sum + v, 0) / values.length;

/** Adds one to `key` of a count map (the report's `{ code: count }` tables). */
export const tally = (counts: Record<string, number>, key: string): void => {
  counts[key] = (counts[key] ?? 0) + 1;
};
