/**
 * The lists behind a year's figures, keyed by each figure's path in the report's JSON
 * ("health.cohort", "missing.byType.M", …): every count is the length of its list, so a figure and
 * the records staff open from it cannot disagree.
 */
export type Behind<T> = Record<string, T[]>;

/** Adds `member` to the list behind `path`, starting the list when it is the first. */
export const addBehind = <T>(behind: Behind<T>, path: string, member: T): void => {
  const list = behind[path];
  if (list) list.push(member);
  else behind[path] = [member];
};

/** Lists behind `paths`, each empty: figures that are reported even when 0. */
export const emptyBehind = <T>(paths: readonly string[]): Behind<T> =>
  Object.fromEntries(paths.map((path) => [path, [] as T[]]));

/** The counts of the lists directly under `prefix` ("children.ceasedByAgeBand" → { band: count }), in list order. */
export const countsUnder = <T>(behind: Behind<T>, prefix: string): Record<string, number> => {
  const start = `${prefix}.`;
  return Object.fromEntries(
    Object.entries(behind)
      .filter(([path]) => path.startsWith(start) && !path.slice(start.length).includes('.'))
      .map(([path, list]) => [path.slice(start.length), list.length]),
  );
};

/** The length of the list behind `path` (0 when there is none). */
export const countOf = <T>(behind: Behind<T>, path: string): number => behind[path]?.length ?? 0;
