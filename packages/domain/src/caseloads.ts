import { addWorkingDays, type IsoDate, maxDate, reportingYear } from './calendar.ts';
import { mean, percent, roundHalfUp } from './numbers.ts';
import { isOpenAtEndOf, type PeriodOfCare } from './periods-of-care.ts';

export type Iro = {
  iro: string;
  role: 'iro' | 'fcro' | 'manager';
  fte: number;
  start: IsoDate;
  end: IsoDate | null;
};
export type Allocation = { child: string; iro: string; start: IsoDate; end: IsoDate | null };

/** In post at the end of `date` (§14): START ≤ date and END empty or after it. */
export const isInPostAt = (person: Pick<Iro, 'start' | 'end'>, date: IsoDate): boolean =>
  person.start <= date && (person.end === null || person.end > date);

/** An allocation open at the end of `date`: started by then, END empty or after it. */
export const isAllocationOpenAt = (allocation: Pick<Allocation, 'start' | 'end'>, date: IsoDate): boolean =>
  allocation.start <= date && (allocation.end === null || allocation.end > date);

/** The IRO allocated to a child at the end of `date`, if any (one IRO per child at a time). */
export const iroOf = (allocations: readonly Allocation[], child: string, date: IsoDate): string | null =>
  allocations.find((a) => a.child === child && isAllocationOpenAt(a, date))?.iro ?? null;

/**
 * Caseloads at the end of `date` (§8, §14): per IRO, the children in any period of care (short breaks
 * included) whose allocation to that IRO is open then. `inCare` says whether a child is in a period then.
 */
export const caseloads = (
  allocations: readonly Allocation[],
  inCare: (child: string) => boolean,
  date: IsoDate,
): Map<string, number> => {
  const children = new Map<string, Set<string>>();
  for (const a of allocations) {
    if (!isAllocationOpenAt(a, date) || !inCare(a.child)) continue;
    const set = children.get(a.iro) ?? new Set<string>();
    set.add(a.child);
    children.set(a.iro, set);
  }
  return new Map([...children].map(([iro, set]) => [iro, set.size]));
};

/** Caseload per full-time equivalent, unrounded (round once, at the end). */
export const caseloadPerFte = (caseload: number, fte: number): number => caseload / fte;

/** Above the band per FTE (default 70, the IRO Handbook's top of range). */
export const isOverCapacity = (perFte: number, band: number): boolean => perFte > band;

export type WorkforceFigures = {
  iros: number;
  fte: number;
  caseloadPerFte: { mean: number | null; min: number | null; max: number | null };
  overCapacity: number;
};

/** One person in post behind a workforce figure, with their caseload at the date. */
export type IroCaseload<P extends Iro = Iro> = {
  person: P;
  caseload: number;
  /** Unrounded, as the figures take it (round once, at the end). */
  perFte: number;
};

/**
 * The people behind each workforce count, keyed by the figure's path in the report's JSON:
 * `workforce.iros` (IROs in post) and `workforce.overCapacity` (of those, above the band).
 */
export type WorkforceBehind<P extends Iro = Iro> = Record<
  'workforce.iros' | 'workforce.overCapacity',
  IroCaseload<P>[]
>;

/**
 * Workforce figures at the end of `date` (§8, §14) over people with ROLE `iro` in post: their number,
 * total FTE (two decimals), caseload per FTE (mean of unrounded values rounded once; min and max to
 * one decimal) and how many are above the band; with the people behind each count (every count is
 * the length of its list).
 */
export const workforceFiguresBehind = <P extends Iro>(
  iros: readonly P[],
  caseloadByIro: ReadonlyMap<string, number>,
  date: IsoDate,
  band: number,
): { figures: WorkforceFigures; behind: WorkforceBehind<P> } => {
  const inPost: IroCaseload<P>[] = iros
    .filter((p) => p.role === 'iro' && isInPostAt(p, date))
    .map((person) => {
      const caseload = caseloadByIro.get(person.iro) ?? 0;
      return { person, caseload, perFte: caseloadPerFte(caseload, person.fte) };
    });
  const overCapacity = inPost.filter((p) => isOverCapacity(p.perFte, band));
  const perFte = inPost.map((p) => p.perFte);
  const meanValue = mean(perFte);
  return {
    figures: {
      iros: inPost.length,
      fte: roundHalfUp(
        inPost.reduce((sum, p) => sum + p.person.fte, 0),
        2,
      ),
      caseloadPerFte: {
        mean: meanValue === null ? null : roundHalfUp(meanValue, 1),
        min: perFte.length ? roundHalfUp(Math.min(...perFte), 1) : null,
        max: perFte.length ? roundHalfUp(Math.max(...perFte), 1) : null,
      },
      overCapacity: overCapacity.length,
    },
    behind: { 'workforce.iros': inPost, 'workforce.overCapacity': overCapacity },
  };
};

/** Workforce figures at the end of `date` (§8, §14); see `workforceFiguresBehind`. */
export const workforceFigures = (
  iros: readonly Iro[],
  caseloadByIro: ReadonlyMap<string, number>,
  date: IsoDate,
  band: number,
): WorkforceFigures => workforceFiguresBehind(iros, caseloadByIro, date, band).figures;

/** A child's periods and allocations, for continuity and allocation timeliness. */
export type ChildAllocations = {
  child: string;
  periods: readonly PeriodOfCare[];
  allocations: readonly Allocation[];
};

const overlapsRange = (a: Pick<Allocation, 'start' | 'end'>, from: IsoDate, to: IsoDate): boolean =>
  a.start <= to && (a.end === null || a.end >= from);

/**
 * IRO changes of a child over [from, to]: the number of times the IRO named changes between
 * consecutive allocations overlapping the range (a re-allocation to the same IRO is no change).
 */
export const iroChanges = (allocations: readonly Allocation[], from: IsoDate, to: IsoDate): number => {
  const named = allocations
    .filter((a) => overlapsRange(a, from, to))
    .sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : 0))
    .map((a) => a.iro);
  let changes = 0;
  for (let i = 1; i < named.length; i++) if (named[i] !== named[i - 1]) changes++;
  return changes;
};

/**
 * IRO continuity (§8, §14): of the children whose period (not short-break-only) started on or before
 * 1 April and ended on or after 31 March or is open, the share whose allocations overlapping the year
 * name exactly one IRO. A child with no allocation has not had one IRO.
 */
export const continuity = (
  children: readonly ChildAllocations[],
  year: number,
): { eligible: number; oneIro: number; percent: number | null } => {
  const { start, end } = reportingYear(year);
  let eligible = 0;
  let oneIro = 0;
  for (const child of children) {
    const throughout = child.periods.some(
      (p) => !p.shortBreakOnly && p.start <= start && (p.end === null || p.end >= end),
    );
    if (!throughout) continue;
    eligible++;
    const named = new Set(child.allocations.filter((a) => overlapsRange(a, start, end)).map((a) => a.iro));
    if (named.size === 1) oneIro++;
  }
  return { eligible, oneIro, percent: percent(oneIro, eligible) };
};

/** Children looked after at the end of `date` (not short-break-only) with no IRO allocated then (`no_iro_allocated`). */
export const childrenWithoutIro = (children: readonly ChildAllocations[], date: IsoDate): string[] =>
  children
    .filter((c) => c.periods.some((p) => !p.shortBreakOnly && isOpenAtEndOf(p, date)))
    .filter((c) => !c.allocations.some((a) => isAllocationOpenAt(a, date)))
    .map((c) => c.child);

export type AllocationTimeliness = {
  periodStart: IsoDate;
  deadline: IsoDate;
  /** When an IRO was first allocated for the period (an allocation already open counts from the start). */
  allocatedOn: IsoDate | null;
  onTime: boolean;
};

/**
 * IRO allocated on time (§8): within N working days (default 5) of the child becoming looked after.
 * The allocation that counts is the first one open on or after the period's start and started by its end.
 */
export const iroAllocationTimeliness = (
  period: Pick<PeriodOfCare, 'start' | 'end'>,
  allocations: readonly Pick<Allocation, 'start' | 'end'>[],
  workingDays = 5,
): AllocationTimeliness => {
  const deadline = addWorkingDays(period.start, workingDays);
  const candidates = allocations
    .filter(
      (a) => (a.end === null || a.end >= period.start) && (period.end === null || a.start <= period.end),
    )
    .map((a) => maxDate(a.start, period.start))
    .sort();
  const allocatedOn = candidates[0] ?? null;
  return {
    periodStart: period.start,
    deadline,
    allocatedOn,
    onTime: allocatedOn !== null && allocatedOn <= deadline,
  };
};

/**
 * Sibling groups split across IROs (§8): the Handbook expects one IRO per group unless there is a
 * conflict; groups whose allocated members name more than one IRO are returned for review.
 */
export const splitSiblingGroups = (
  groups: readonly (readonly string[])[],
  iroOfChild: (child: string) => string | null,
): { children: readonly string[]; iros: string[] }[] =>
  groups
    .map((children) => ({
      children,
      iros: [...new Set(children.map(iroOfChild).filter((i): i is string => i !== null))].sort(),
    }))
    .filter((g) => g.iros.length > 1);
