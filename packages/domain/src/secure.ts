import { addBehind, type Behind, countOf, emptyBehind } from './behind.ts';
import { reportingYear } from './calendar.ts';
import { isSecurePlacement, YOUTH_JUSTICE_LEGAL_STATUSES } from './codes.ts';
import { type ChildPeriods, type Episode, overlaps } from './periods-of-care.ts';

/** Placements where a child on remand or sentenced (LS J1–J3) is securely held: secure children's home, YOI or prison. */
export const YOUTH_JUSTICE_SECURE_PLACEMENTS: ReadonlySet<string> = new Set(['K1', 'R5']);

export const isYouthJusticeLegalStatus = (ls: string): boolean => YOUTH_JUSTICE_LEGAL_STATUSES.has(ls);

/** Welfare secure placement: PLACE K1 with LS not J1–J3. */
export const isWelfareSecureEpisode = (episode: Episode): boolean =>
  isSecurePlacement(episode.place) && !isYouthJusticeLegalStatus(episode.ls);

/** Youth-justice secure placement: LS J1–J3 in PLACE K1 or R5. */
export const isYouthJusticeSecureEpisode = (episode: Episode): boolean =>
  isYouthJusticeLegalStatus(episode.ls) && YOUTH_JUSTICE_SECURE_PLACEMENTS.has(episode.place);

/** A child of a secure figure with the episodes of that kind overlapping the year. */
export type SecureMember<C extends ChildPeriods> = {
  child: C;
  episodes: C['periods'][number]['episodes'][number][];
};

export type SecureFigures = { welfare: number; youthJustice: number };

/**
 * Secure placements during reporting year `year` (further-tables §2, §2a): children with an episode
 * overlapping the year (DECOM ≤ 31 March, DEC empty or ≥ 1 April) of each kind. Every episode of the
 * child counts, short breaks included; a child with both kinds counts in both. Paths:
 * `secure.welfare`, `secure.youthJustice`.
 */
export const secureFiguresBehind = <C extends ChildPeriods>(
  children: readonly C[],
  year: number,
): { figures: SecureFigures; behind: Behind<SecureMember<C>> } => {
  const { start, end } = reportingYear(year);
  const behind = emptyBehind<SecureMember<C>>(['secure.welfare', 'secure.youthJustice']);
  for (const child of children) {
    const inYear = child.periods.flatMap((p) =>
      p.episodes.filter((e) => overlaps({ start: e.decom, end: e.dec }, start, end)),
    );
    const welfare = inYear.filter(isWelfareSecureEpisode);
    const youthJustice = inYear.filter(isYouthJusticeSecureEpisode);
    if (welfare.length > 0) addBehind(behind, 'secure.welfare', { child, episodes: welfare });
    if (youthJustice.length > 0) addBehind(behind, 'secure.youthJustice', { child, episodes: youthJustice });
  }
  return {
    figures: {
      welfare: countOf(behind, 'secure.welfare'),
      youthJustice: countOf(behind, 'secure.youthJustice'),
    },
    behind,
  };
};

/** The `secure.*` figures of reporting year `year`; see `secureFiguresBehind`. */
export const secureFigures = (children: readonly ChildPeriods[], year: number): SecureFigures =>
  secureFiguresBehind(children, year).figures;
