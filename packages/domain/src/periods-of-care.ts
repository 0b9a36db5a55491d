import { addDays, type IsoDate, reportingYear } from './calendar.ts';
import { isPlacedForAdoption, isShortBreakLegalStatus } from './codes.ts';
import { tally } from './numbers.ts';

/** One row of the SSDA903 Episodes file for a child (dates already parsed). */
export type Episode = {
  decom: IsoDate;
  rne: string;
  ls: string;
  cin?: string | null;
  place: string;
  placeProvider?: string | null;
  dec: IsoDate | null;
  rec: string | null;
  reasonPlaceChange?: string | null;
  homePost?: string | null;
  plPost?: string | null;
  urn?: string | null;
};

/** A period of care (§2): DECOM of its first episode to DEC of its last, both days included (§14). */
export type PeriodOfCare<E extends Episode = Episode> = {
  start: IsoDate;
  /** null while open. */
  end: IsoDate | null;
  episodes: E[];
  /** Every episode is V3/V4: left out of the children-looked-after counts and the review figures. */
  shortBreakOnly: boolean;
  /** For a period that began as short breaks and changed: DECOM of its first non-V3/V4 episode. */
  shortBreakUntil?: IsoDate;
  /** LS of the first episode (byLegalStatusAtEntry). */
  legalStatusAtEntry: string;
  /** REC of the last episode, when the period has ended (byReasonCeased). */
  reasonCeased: string | null;
  /** False when the first episode's RNE is not S (data-quality `period_without_start`). */
  startedWithS: boolean;
};

export type PeriodProblemCode = 'period_without_start' | 'x1_without_next_episode';

export type PeriodProblem = { code: PeriodProblemCode; date: IsoDate; message: string };

const byDecom = <E extends Episode>(episodes: readonly E[]): E[] =>
  // A stable sort keeps file order for episodes starting the same day.
  [...episodes].sort((a, b) => (a.decom < b.decom ? -1 : a.decom > b.decom ? 1 : 0));

const closePeriod = <E extends Episode>(episodes: E[]): PeriodOfCare<E> => {
  const first = episodes[0]!;
  const last = episodes[episodes.length - 1]!;
  const shortBreakOnly = episodes.every((e) => isShortBreakLegalStatus(e.ls));
  const firstOrdinary = episodes.find((e) => !isShortBreakLegalStatus(e.ls));
  const period: PeriodOfCare<E> = {
    start: first.decom,
    end: last.dec,
    episodes,
    shortBreakOnly,
    legalStatusAtEntry: first.ls,
    reasonCeased: last.dec === null ? null : last.rec,
    startedWithS: first.rne === 'S',
  };
  if (isShortBreakLegalStatus(first.ls) && firstOrdinary) period.shortBreakUntil = firstOrdinary.decom;
  return period;
};

/**
 * Chains one child's episodes into periods of care (§2, §14). A period starts with an episode whose
 * RNE is S and runs until an episode ends with a REC other than X1. An S episode starts a new period
 * even straight after an X1 end; any other episode after a closed period starts one too and is
 * reported as `period_without_start`.
 */
export const periodsOfCare = <E extends Episode>(
  episodes: readonly E[],
): { periods: PeriodOfCare<E>[]; problems: PeriodProblem[] } => {
  const periods: PeriodOfCare<E>[] = [];
  const problems: PeriodProblem[] = [];
  let current: E[] = [];
  for (const episode of byDecom(episodes)) {
    if (current.length > 0 && episode.rne === 'S') {
      periods.push(closePeriod(current));
      current = [];
    }
    if (current.length === 0 && episode.rne !== 'S') {
      problems.push({
        code: 'period_without_start',
        date: episode.decom,
        message: `period of care starts with RNE ${episode.rne || '(empty)'}, not S`,
      });
    }
    current.push(episode);
    if (episode.dec !== null && episode.rec !== 'X1') {
      periods.push(closePeriod(current));
      current = [];
    }
  }
  if (current.length > 0) {
    const last = current[current.length - 1]!;
    if (last.dec !== null) {
      // An X1 end with nothing after it: the period ends there, as the 903 records nothing later.
      problems.push({
        code: 'x1_without_next_episode',
        date: last.dec,
        message: 'last episode ended X1 with no episode starting that day',
      });
    }
    periods.push(closePeriod(current));
  }
  return { periods, problems };
};

/** Looked after on `date` (any part of the day): DECOM ≤ date ≤ DEC. */
export const isInPeriodOn = (period: Pick<PeriodOfCare, 'start' | 'end'>, date: IsoDate): boolean =>
  period.start <= date && (period.end === null || date <= period.end);

/** Looked after at the end of `date` ("at 31 March", §14): a period with DEC on that day is not. */
export const isOpenAtEndOf = (period: Pick<PeriodOfCare, 'start' | 'end'>, date: IsoDate): boolean =>
  period.start <= date && (period.end === null || period.end > date);

/** Looked after on at least one day of [from, to]. */
export const overlaps = (period: Pick<PeriodOfCare, 'start' | 'end'>, from: IsoDate, to: IsoDate): boolean =>
  period.start <= to && (period.end === null || period.end >= from);

/** The episode in force at the end of `date` within a period (the latest one started by then). */
export const episodeOpenAt = <E extends Episode>(period: PeriodOfCare<E>, date: IsoDate): E | undefined => {
  let found: E | undefined;
  for (const e of period.episodes) {
    if (e.decom > date) break;
    if (e.dec === null || e.dec > date) found = e;
  }
  return found;
};

/** The statutory review schedule the period follows on `date`: short breaks (§3.2) or not. */
export const isShortBreakOn = (period: PeriodOfCare, date: IsoDate): boolean =>
  period.shortBreakOnly || (period.shortBreakUntil !== undefined && date < period.shortBreakUntil);

/**
 * Dates on which a child is placed for adoption (an A3–A6 episode following a non-A3–A6 one, or
 * opening the period) and leaves that placement (§3.3, §14). A move between A codes or a change of
 * legal status while the child stays placed is no new placement.
 */
export const adoptionChanges = (period: PeriodOfCare): { placed: IsoDate[]; left: IsoDate[] } => {
  const placed: IsoDate[] = [];
  const left: IsoDate[] = [];
  let wasPlaced = false;
  for (const episode of period.episodes) {
    const isPlaced = isPlacedForAdoption(episode.place);
    if (isPlaced && !wasPlaced) placed.push(episode.decom);
    if (!isPlaced && wasPlaced) left.push(episode.decom);
    wasPlaced = isPlaced;
  }
  return { placed, left };
};

/** One child's periods, for the year figures. */
export type ChildPeriods = { child: string; periods: readonly PeriodOfCare[] };

export type ChildrenLookedAfterFigures = {
  lookedAfterAt31March: number;
  lookedAfterDuringYear: number;
  shortBreaksDuringYear: number;
  startedInYear: number;
  ceasedInYear: number;
  /** LS of the episode open at the end of 31 March, per child looked after then. */
  byLegalStatus: Record<string, number>;
  byLegalStatusAtEntry: Record<string, number>;
  byPlacement: Record<string, number>;
  byReasonCeased: Record<string, number>;
  /** The children behind lookedAfterAt31March, for the lists staff can open. */
  childrenAt31March: string[];
};

/**
 * The children.* figures of the annual report that come from periods alone. Short-break-only
 * periods are left out of every one except shortBreaksDuringYear; a period that began as short
 * breaks and changed counts for its whole length from its first DECOM (§14).
 */
export const childrenLookedAfterFigures = (
  children: readonly ChildPeriods[],
  year: number,
): ChildrenLookedAfterFigures => {
  const { start, end } = reportingYear(year);
  const figures: ChildrenLookedAfterFigures = {
    lookedAfterAt31March: 0,
    lookedAfterDuringYear: 0,
    shortBreaksDuringYear: 0,
    startedInYear: 0,
    ceasedInYear: 0,
    byLegalStatus: {},
    byLegalStatusAtEntry: {},
    byPlacement: {},
    byReasonCeased: {},
    childrenAt31March: [],
  };
  for (const { child, periods } of children) {
    const counted = periods.filter((p) => !p.shortBreakOnly);
    if (periods.some((p) => p.shortBreakOnly && overlaps(p, start, end))) figures.shortBreaksDuringYear++;
    if (counted.some((p) => overlaps(p, start, end))) figures.lookedAfterDuringYear++;
    const atEnd = counted.find((p) => isOpenAtEndOf(p, end));
    if (atEnd) {
      figures.lookedAfterAt31March++;
      figures.childrenAt31March.push(child);
      const episode = episodeOpenAt(atEnd, end);
      if (episode) {
        tally(figures.byLegalStatus, episode.ls);
        tally(figures.byPlacement, episode.place);
      }
    }
    for (const p of counted) {
      if (p.start >= start && p.start <= end) {
        figures.startedInYear++;
        tally(figures.byLegalStatusAtEntry, p.legalStatusAtEntry);
      }
      if (p.end !== null && p.end >= start && p.end <= end) {
        figures.ceasedInYear++;
        if (p.reasonCeased) tally(figures.byReasonCeased, p.reasonCeased);
      }
    }
  }
  return figures;
};

/** Looked after continuously for at least `days` days at the end of `date`, counting days inclusively (§14). */
export const lookedAfterForAtLeast = (period: PeriodOfCare, date: IsoDate, days: number): boolean =>
  isOpenAtEndOf(period, date) && period.start <= addDays(date, -(days - 1));
