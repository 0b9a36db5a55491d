import { addBehind, type Behind, countOf, countsUnder, emptyBehind } from './behind.ts';
import { type IsoDate, reportingYear } from './calendar.ts';

/** One row of the 903 `missing` file as the figures read it: MISSING `M`, `A` or empty (null). */
export type MissingEpisode = { child: string; missing: string | null; misStart: IsoDate };

export type MissingTypeKey = 'M' | 'A' | 'notRecorded';
export const MISSING_TYPE_KEYS: readonly MissingTypeKey[] = ['M', 'A', 'notRecorded'];

/** `M` missing, `A` away without authorisation, empty not recorded (other values are an import error). */
export const missingTypeOf = (missing: string | null | undefined): MissingTypeKey => {
  const code = (missing ?? '').trim().toUpperCase();
  return code === 'M' || code === 'A' ? code : 'notRecorded';
};

export type MissingFigures = { episodes: number; children: number; byType: Record<MissingTypeKey, number> };

/** A child counted in `missing.children`, with their episodes of the year (in the order given). */
export type MissingChild<R extends MissingEpisode> = { child: string; episodes: R[] };

/**
 * Missing episodes of reporting year `year` (further-tables §2, §2a): every row whose MIS_START is in
 * the year, whether or not the child was looked after that day; the distinct children among them;
 * and the rows by type. Paths of `behind`: `missing.episodes`, `missing.byType.M`, `.A`,
 * `.notRecorded`; `children` lists the children of `missing.children`.
 */
export const missingFiguresBehind = <R extends MissingEpisode>(
  rows: readonly R[],
  year: number,
): { figures: MissingFigures; behind: Behind<R>; children: MissingChild<R>[] } => {
  const { start, end } = reportingYear(year);
  const behind = emptyBehind<R>(['missing.episodes', ...MISSING_TYPE_KEYS.map((k) => `missing.byType.${k}`)]);
  const byChild = new Map<string, MissingChild<R>>();
  for (const row of rows) {
    if (row.misStart < start || row.misStart > end) continue;
    addBehind(behind, 'missing.episodes', row);
    addBehind(behind, `missing.byType.${missingTypeOf(row.missing)}`, row);
    const child = byChild.get(row.child);
    if (child) child.episodes.push(row);
    else byChild.set(row.child, { child: row.child, episodes: [row] });
  }
  const children = [...byChild.values()];
  return {
    figures: {
      episodes: countOf(behind, 'missing.episodes'),
      children: children.length,
      byType: countsUnder(behind, 'missing.byType') as Record<MissingTypeKey, number>,
    },
    behind,
    children,
  };
};

/** The `missing.*` figures of reporting year `year`; see `missingFiguresBehind`. */
export const missingFigures = (rows: readonly MissingEpisode[], year: number): MissingFigures =>
  missingFiguresBehind(rows, year).figures;
