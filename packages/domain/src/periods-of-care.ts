import { addDays, type IsoDate, inDateOrder, reportingYear } from './calendar.ts';
import { isPlacedForAdoption, isShortBreakLegalStatus } from './codes.ts';

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

// A stable order keeps file order for episodes starting the same day.
const decomOf = (episode: Episode): IsoDate => episode.decom;

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
  for (const episode of inDateOrder(episodes, decomOf)) {
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
export type ChildPeriods<E extends Episode = Episode> = {
  child: string;
  periods: readonly PeriodOfCare<E>[];
};

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
 * One record behind a children.* figure: the child's period of care the figure read and, for the
 * figures read from one episode (byLegalStatus, byPlacement at 31 March), that episode.
 */
export type PeriodBehind<E extends Episode = Episode> = {
  child: string;
  period: PeriodOfCare<E>;
  episode?: E;
};

/** The children.* counts that are single numbers, under `children.` in the report's JSON. */
export const CHILDREN_LOOKED_AFTER_COUNTS = [
  'lookedAfterAt31March',
  'shortBreaksDuringYear',
  'lookedAfterDuringYear',
  'startedInYear',
  'ceasedInYear',
] as const;

/** The children.* counts from periods that are maps keyed by code. */
export const CHILDREN_LOOKED_AFTER_COUNT_MAPS = [
  'byLegalStatus',
  'byLegalStatusAtEntry',
  'byPlacement',
  'byReasonCeased',
] as const;

/**
 * The records behind each count, keyed by the figure's path in the report's JSON
 * ("children.startedInYear", "children.byPlacement.U4", …). Every single count has a list (empty
 * included); a map has a list for each code that occurs.
 */
export type ChildrenLookedAfterBehind<E extends Episode = Episode> = Record<string, PeriodBehind<E>[]>;

/**
 * The children.* figures of the annual report that come from periods alone, with the records
 * behind each count: every count is the length of its list, so a figure and the list staff open
 * from it cannot disagree. Short-break-only periods are left out of every one except
 * shortBreaksDuringYear; a period that began as short breaks and changed counts for its whole
 * length from its first DECOM (§14). A child counted once (at 31 March, during the year) is listed
 * with the period that counted them: the one open at 31 March, or the first touching the year.
 */
export const childrenLookedAfterFiguresBehind = <E extends Episode>(
  children: readonly ChildPeriods<E>[],
  year: number,
): { figures: ChildrenLookedAfterFigures; behind: ChildrenLookedAfterBehind<E> } => {
  const { start, end } = reportingYear(year);
  const behind: ChildrenLookedAfterBehind<E> = {};
  for (const count of CHILDREN_LOOKED_AFTER_COUNTS) behind[`children.${count}`] = [];
  const add = (path: string, member: PeriodBehind<E>) => {
    const list = behind[path];
    if (list) list.push(member);
    else behind[path] = [member];
  };
  for (const { child, periods } of children) {
    const counted = periods.filter((p) => !p.shortBreakOnly);
    const shortBreaks = periods.find((p) => p.shortBreakOnly && overlaps(p, start, end));
    if (shortBreaks) add('children.shortBreaksDuringYear', { child, period: shortBreaks });
    const during = counted.find((p) => overlaps(p, start, end));
    if (during) add('children.lookedAfterDuringYear', { child, period: during });
    const atEnd = counted.find((p) => isOpenAtEndOf(p, end));
    if (atEnd) {
      const episode = episodeOpenAt(atEnd, end);
      add('children.lookedAfterAt31March', { child, period: atEnd, ...(episode ? { episode } : {}) });
      if (episode) {
        add(`children.byLegalStatus.${episode.ls}`, { child, period: atEnd, episode });
        add(`children.byPlacement.${episode.place}`, { child, period: atEnd, episode });
      }
    }
    for (const p of counted) {
      if (p.start >= start && p.start <= end) {
        add('children.startedInYear', { child, period: p, episode: p.episodes[0]! });
        add(`children.byLegalStatusAtEntry.${p.legalStatusAtEntry}`, {
          child,
          period: p,
          episode: p.episodes[0]!,
        });
      }
      if (p.end !== null && p.end >= start && p.end <= end) {
        const last = p.episodes[p.episodes.length - 1]!;
        add('children.ceasedInYear', { child, period: p, episode: last });
        if (p.reasonCeased)
          add(`children.byReasonCeased.${p.reasonCeased}`, { child, period: p, episode: last });
      }
    }
  }
  const countsOf = (map: (typeof CHILDREN_LOOKED_AFTER_COUNT_MAPS)[number]): Record<string, number> => {
    const prefix = `children.${map}.`;
    return Object.fromEntries(
      Object.entries(behind)
        .filter(([path]) => path.startsWith(prefix))
        .map(([path, list]) => [path.slice(prefix.length), list.length]),
    );
  };
  const countOf = (count: (typeof CHILDREN_LOOKED_AFTER_COUNTS)[number]) =>
    behind[`children.${count}`]!.length;
  return {
    figures: {
      lookedAfterAt31March: countOf('lookedAfterAt31March'),
      lookedAfterDuringYear: countOf('lookedAfterDuringYear'),
      shortBreaksDuringYear: countOf('shortBreaksDuringYear'),
      startedInYear: countOf('startedInYear'),
      ceasedInYear: countOf('ceasedInYear'),
      byLegalStatus: countsOf('byLegalStatus'),
      byLegalStatusAtEntry: countsOf('byLegalStatusAtEntry'),
      byPlacement: countsOf('byPlacement'),
      byReasonCeased: countsOf('byReasonCeased'),
      childrenAt31March: behind['children.lookedAfterAt31March']!.map((m) => m.child),
    },
    behind,
  };
};

/** The children.* figures of the annual report that come from periods alone; see `childrenLookedAfterFiguresBehind`. */
export const childrenLookedAfterFigures = (
  children: readonly ChildPeriods[],
  year: number,
): ChildrenLookedAfterFigures => childrenLookedAfterFiguresBehind(children, year).figures;

/**
 * The periods of care (short-break-only ones too) that started in reporting year `year` with a
 * first episode whose RNE is not S: the data-quality count `period_without_start` of the year.
 */
export const periodsWithoutStartInYear = <E extends Episode>(
  children: readonly ChildPeriods<E>[],
  year: number,
): PeriodBehind<E>[] => {
  const { start, end } = reportingYear(year);
  return children.flatMap(({ child, periods }) =>
    periods
      .filter((p) => !p.startedWithS && p.start >= start && p.start <= end)
      .map((period) => ({ child, period, episode: period.episodes[0]! })),
  );
};

/** Looked after continuously for at least `days` days at the end of `date`, counting days inclusively (§14). */
export const lookedAfterForAtLeast = (period: PeriodOfCare, date: IsoDate, days: number): boolean =>
  isOpenAtEndOf(period, date) && period.start <= addDays(date, -(days - 1));
