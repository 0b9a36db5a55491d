import { addBehind, type Behind, countOf, emptyBehind } from './behind.ts';
import { addMonths, ageOn, type IsoDate, reportingYear } from './calendar.ts';
import { isPlacedForAdoption, isTemporaryPlacement } from './codes.ts';
import type { ChildWithBirth } from './health.ts';
import { percent } from './numbers.ts';
import {
  type ChildPeriods,
  type Episode,
  episodeOpenAt,
  isOpenAtEndOf,
  overlaps,
  type PeriodOfCare,
} from './periods-of-care.ts';

/**
 * A placement (further-tables §2 Placements): consecutive episodes of one period, from the DECOM of
 * its first to the DEC of its last (null while open). `episodes` are its own (non-temporary)
 * episodes; `temporary` the T0–T4 episodes it spans because the child came back to it.
 */
export type Placement<E extends Episode = Episode> = {
  start: IsoDate;
  end: IsoDate | null;
  episodes: E[];
  temporary: E[];
};

/** RNE `L` (change of legal status only) continues a placement; S, P, T, B and U start a new one. */
export const continuesPlacement = (rne: string): boolean => rne.trim().toUpperCase() === 'L';

const same = (a: string | null | undefined, b: string | null | undefined): boolean =>
  (a ?? '').toUpperCase().replace(/\s+/g, '') === (b ?? '').toUpperCase().replace(/\s+/g, '');

/** The same carer (§2a): PLACE, PLACE_PROVIDER, URN and PL_POST equal, ignoring case and spaces. */
export const isSamePlacement = (a: Episode, b: Episode): boolean =>
  same(a.place, b.place) &&
  same(a.placeProvider, b.placeProvider) &&
  same(a.urn, b.urn) &&
  same(a.plPost, b.plPost);

/**
 * The placements of a period (further-tables §2, §2a). Temporary episodes (PLACE T0–T4) are no
 * placement. The first non-temporary episode starts the first placement; after it an episode with
 * RNE L continues the placement and any other RNE starts a new one. After temporary episodes the next
 * episode continues the last placement when it is the same carer as the last non-temporary episode
 * (whatever its RNE; the placement then spans the temporary spell), and starts a new one otherwise
 * (even with RNE L; the placement left ended with the episode before the temporary one).
 */
export const placementsOf = <E extends Episode>(period: PeriodOfCare<E>): Placement<E>[] => {
  const placements: Placement<E>[] = [];
  let current: Placement<E> | null = null;
  let temporary: E[] = [];
  for (const episode of period.episodes) {
    if (isTemporaryPlacement(episode.place)) {
      temporary.push(episode);
      continue;
    }
    const last = current?.episodes[current.episodes.length - 1];
    const continues =
      current !== null &&
      last !== undefined &&
      (temporary.length > 0 ? isSamePlacement(episode, last) : continuesPlacement(episode.rne));
    if (continues && current) {
      current.temporary.push(...temporary);
      current.episodes.push(episode);
      current.end = episode.dec;
    } else {
      current = { start: episode.decom, end: episode.dec, episodes: [episode], temporary: [] };
      placements.push(current);
    }
    temporary = [];
  }
  return placements;
};

/** The placement of a period open at the end of `date`: the one whose span covers it, or none (a temporary episode not returned from). */
export const placementOpenAt = <E extends Episode>(
  placements: readonly Placement<E>[],
  date: IsoDate,
): Placement<E> | undefined => placements.find((p) => isOpenAtEndOf(p, date));

/** A child of a stability figure with the placements it read. */
export type ShortTermStabilityMember<C extends ChildPeriods> = {
  child: C;
  /** The placements of the child's periods (not short-break-only) that overlap the year. */
  placements: Placement<C['periods'][number]['episodes'][number]>[];
};

export type ShortTermStability = { eligible: number; threeOrMore: number; percent: number | null };

/**
 * Short-term placement stability of reporting year `year` (further-tables §2, §2a): of the children
 * looked after at 31 March, those with three or more placements overlapping the year (starting on
 * or before 31 March, ending on or after 1 April or still open), counted over every period of the
 * child that is not short-break-only. Paths: `stability.shortTerm.eligible`, `.threeOrMore`.
 */
export const shortTermStabilityBehind = <C extends ChildPeriods>(
  children: readonly C[],
  year: number,
): { figures: ShortTermStability; behind: Behind<ShortTermStabilityMember<C>> } => {
  const { start, end } = reportingYear(year);
  const behind = emptyBehind<ShortTermStabilityMember<C>>([
    'stability.shortTerm.eligible',
    'stability.shortTerm.threeOrMore',
  ]);
  for (const child of children) {
    const counted = child.periods.filter((p) => !p.shortBreakOnly);
    if (!counted.some((p) => isOpenAtEndOf(p, end))) continue;
    const placements = counted.flatMap((p) => placementsOf(p)).filter((p) => overlaps(p, start, end));
    const member = { child, placements };
    addBehind(behind, 'stability.shortTerm.eligible', member);
    if (placements.length >= 3) addBehind(behind, 'stability.shortTerm.threeOrMore', member);
  }
  const eligible = countOf(behind, 'stability.shortTerm.eligible');
  const threeOrMore = countOf(behind, 'stability.shortTerm.threeOrMore');
  return { figures: { eligible, threeOrMore, percent: percent(threeOrMore, eligible) }, behind };
};

/** The dates long-term stability tests in reporting year `year`: month-rule dates 30 and 24 months before 31 March. */
export const longTermStabilityDates = (year: number): { lookedAfterSince: IsoDate; placedSince: IsoDate } => {
  const { end } = reportingYear(year);
  return { lookedAfterSince: addMonths(end, -30), placedSince: addMonths(end, -24) };
};

export type LongTermStabilityMember<C extends ChildWithBirth> = {
  child: C;
  /** The period open at 31 March. */
  period: C['periods'][number];
  /** The placement open at 31 March, if any. */
  placement: Placement<C['periods'][number]['episodes'][number]> | null;
  /** Placed for adoption at 31 March: the placement before the adoptive one (whose start is tested), if any. */
  beforeAdoption: Placement<C['periods'][number]['episodes'][number]> | null;
  /** The start date tested against 31 March two years earlier (null: no placement open). */
  testedStart: IsoDate | null;
};

export type LongTermStability = { eligible: number; stable: number; percent: number | null };

/**
 * Long-term placement stability of reporting year `year` (further-tables §2, §2a): of the children
 * aged under 16 (completed years) at 31 March whose period open then started on or before 31 March
 * minus 30 months, those whose placement open at 31 March started on or before 31 March minus 24
 * months. A child placed for adoption (the episode open at 31 March has PLACE A3–A6) counts when the
 * previous placement of the same period started by then. Paths: `stability.longTerm.eligible`,
 * `.stable`.
 */
export const longTermStabilityBehind = <C extends ChildWithBirth>(
  children: readonly C[],
  year: number,
): { figures: LongTermStability; behind: Behind<LongTermStabilityMember<C>> } => {
  const { end } = reportingYear(year);
  const { lookedAfterSince, placedSince } = longTermStabilityDates(year);
  const behind = emptyBehind<LongTermStabilityMember<C>>([
    'stability.longTerm.eligible',
    'stability.longTerm.stable',
  ]);
  for (const child of children) {
    if (ageOn(child.dateOfBirth, end) >= 16) continue;
    const period = child.periods.find((p) => !p.shortBreakOnly && isOpenAtEndOf(p, end));
    if (!period || period.start > lookedAfterSince) continue;
    const placements = placementsOf(period);
    const placement = placementOpenAt(placements, end) ?? null;
    const episode = episodeOpenAt(period, end);
    const index = placement ? placements.indexOf(placement) : -1;
    const beforeAdoption =
      placement && episode && isPlacedForAdoption(episode.place) && index > 0 ? placements[index - 1]! : null;
    const testedStart = beforeAdoption?.start ?? placement?.start ?? null;
    const member: LongTermStabilityMember<C> = { child, period, placement, beforeAdoption, testedStart };
    addBehind(behind, 'stability.longTerm.eligible', member);
    if (testedStart !== null && testedStart <= placedSince)
      addBehind(behind, 'stability.longTerm.stable', member);
  }
  const eligible = countOf(behind, 'stability.longTerm.eligible');
  const stable = countOf(behind, 'stability.longTerm.stable');
  return { figures: { eligible, stable, percent: percent(stable, eligible) }, behind };
};

export type StabilityFigures = { shortTerm: ShortTermStability; longTerm: LongTermStability };

/** The `stability.*` figures of reporting year `year`; see the `…Behind` functions for their children. */
export const stabilityFigures = (children: readonly ChildWithBirth[], year: number): StabilityFigures => ({
  shortTerm: shortTermStabilityBehind(children, year).figures,
  longTerm: longTermStabilityBehind(children, year).figures,
});
