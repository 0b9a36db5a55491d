import { addWorkingDays, type IsoDate, reportingYear, workingDaysBetween } from './calendar.ts';
import { isKnownCode } from './codes.ts';
import { DEFAULT_ESCALATION_STAGES, type EscalationStage, type LocalPolicy } from './local-policy.ts';
import { median } from './numbers.ts';

export type EscalationEventKind = 'raised' | 'escalated' | 'resolved' | 'withdrawn' | 'referred_to_cafcass';
export const ESCALATION_EVENT_KINDS: readonly EscalationEventKind[] = [
  'raised',
  'escalated',
  'resolved',
  'withdrawn',
  'referred_to_cafcass',
];

export type Escalation = {
  id: string;
  child: string;
  iro?: string | null;
  raised: IsoDate;
  themes: readonly string[];
};
/** STAGE is the stage the escalation is at after the event: an `escalated` event names where it went (§14). */
export type EscalationEvent = { date: IsoDate; event: EscalationEventKind; stage: string };

/** The events that close an escalation (§9); a later `raised` or `escalated` opens it again. */
export const ESCALATION_CLOSING_EVENTS: readonly EscalationEventKind[] = [
  'resolved',
  'withdrawn',
  'referred_to_cafcass',
];
const CLOSING: ReadonlySet<EscalationEventKind> = new Set(ESCALATION_CLOSING_EVENTS);

/** The Handbook asks that the formal stages together take no more than 20 working days. */
export const FORMAL_STAGES_LIMIT = 20;

/** Warnings about a council's stage configuration (allowed, but shown): formal stages beyond 20 working days. */
export const escalationStageWarnings = (stages: readonly EscalationStage[]): string[] => {
  const formal = stages.filter((s) => s.formal).reduce((n, s) => n + s.responseWorkingDays, 0);
  return formal > FORMAL_STAGES_LIMIT
    ? [
        `the formal stages take ${formal} working days together; the IRO Handbook asks for no more than ${FORMAL_STAGES_LIMIT}`,
      ]
    : [];
};

/** A theme is known when it is on the spec's list or the council's own (§14: otherwise an import error). */
export const isKnownEscalationTheme = (
  code: string,
  policy?: Pick<LocalPolicy, 'escalationThemes'>,
): boolean =>
  isKnownCode('escalation-themes', code) || (policy?.escalationThemes.some((t) => t.code === code) ?? false);

export type EscalationState = {
  open: boolean;
  /** The stage of the latest event (null with no events). */
  currentStage: string | null;
  /** The furthest stage, in the council's order, named by an event. */
  highestStage: string | null;
  /** The day the escalation reached its current stage (the response deadline counts from it). */
  atStageSince: IsoDate | null;
  /** The response deadline at the current stage while open. */
  responseDue: IsoDate | null;
  /** Past the current stage's deadline and still open. */
  overdue: boolean;
  outcome: 'resolved' | 'withdrawn' | 'referred_to_cafcass' | null;
  closedOn: IsoDate | null;
};

const byDate = (events: readonly EscalationEvent[]): EscalationEvent[] =>
  // A stable sort keeps file order for events of one day.
  [...events].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));

/**
 * An escalation's state at the end of `asOf` (§9, §14), ignoring events dated after it. An
 * escalation with no events, or whose latest event is `raised` or `escalated`, is open.
 */
export const escalationStateAt = (
  events: readonly EscalationEvent[],
  asOf: IsoDate,
  stages: readonly EscalationStage[] = DEFAULT_ESCALATION_STAGES,
): EscalationState => {
  const known = byDate(events).filter((e) => e.date <= asOf);
  const order = new Map(stages.map((s, i) => [s.key, i]));
  const latest = known[known.length - 1];
  let highestStage: string | null = null;
  let atStageSince: IsoDate | null = null;
  let stageNow: string | null = null;
  for (const e of known) {
    if (highestStage === null || (order.get(e.stage) ?? -1) > (order.get(highestStage) ?? -1))
      highestStage = e.stage;
    // A deadline counts from the day the stage was reached, or re-raised after closing.
    if (e.stage !== stageNow || e.event === 'raised') atStageSince = e.date;
    stageNow = e.stage;
  }
  const open = latest === undefined || !CLOSING.has(latest.event);
  const stage = stages.find((s) => s.key === latest?.stage);
  const responseDue =
    open && stage && atStageSince ? addWorkingDays(atStageSince, stage.responseWorkingDays) : null;
  return {
    open,
    currentStage: latest?.stage ?? null,
    highestStage,
    atStageSince,
    responseDue,
    overdue: responseDue !== null && asOf > responseDue,
    outcome: latest && !open ? (latest.event as EscalationState['outcome']) : null,
    closedOn: latest && !open ? latest.date : null,
  };
};

/** Working days to resolve (§14): the working days W with raised < W ≤ resolved; 0 when resolved the same day. */
export const workingDaysToResolve = (raised: IsoDate, resolved: IsoDate): number =>
  workingDaysBetween(raised, resolved);

export type EscalationFigures = {
  raised: number;
  children: number;
  highestStage: Record<string, number>;
  resolvedAtStage: Record<string, number>;
  referredToCafcass: number;
  withdrawn: number;
  openAt31March: number;
  byTheme: Record<string, number>;
  medianWorkingDaysToResolve: number | null;
};

/** The escalation counts of the report that are single numbers, under `escalations.` in its JSON. */
export const ESCALATION_COUNTS = [
  'raised',
  'children',
  'referredToCafcass',
  'withdrawn',
  'openAt31March',
] as const;
/** The escalation counts of the report that are maps keyed by stage or theme. */
export const ESCALATION_COUNT_MAPS = ['highestStage', 'resolvedAtStage', 'byTheme'] as const;

/** One escalation as a year's figures read it: its state at the end of 31 March. */
export type EscalationInYear<E extends Escalation = Escalation> = {
  escalation: E;
  state: EscalationState;
  /** For one raised and resolved in the year (the values the median is taken over); otherwise null. */
  workingDaysToResolve: number | null;
};

/**
 * The escalations behind each count, keyed by the figure's path in the report's JSON
 * ("escalations.raised", "escalations.byTheme.drift_delay", …). Every single count has a list
 * (empty included); a map has a list for each key that occurs.
 */
export type EscalationsBehind<E extends Escalation = Escalation> = Record<string, EscalationInYear<E>[]>;

/**
 * The `escalations.*` figures of reporting year `year` (§9, §14) with the escalations behind each
 * count: every count is the length of its list, so a figure and its records cannot disagree.
 * Stage reached, resolution and still-open are as at the end of 31 March. An escalation counts
 * once under each of its themes. `escalations.children` lists one escalation per child: the
 * child's earliest raised in the year (the first given on a tie).
 */
export const escalationFiguresBehind = <E extends Escalation>(
  escalations: readonly E[],
  eventsOf: (id: string) => readonly EscalationEvent[],
  year: number,
  stages: readonly EscalationStage[] = DEFAULT_ESCALATION_STAGES,
): { figures: EscalationFigures; behind: EscalationsBehind<E> } => {
  const { start, end } = reportingYear(year);
  const behind: EscalationsBehind<E> = {};
  for (const count of ESCALATION_COUNTS) behind[`escalations.${count}`] = [];
  const add = (path: string, member: EscalationInYear<E>) => {
    const members = behind[path] ?? [];
    members.push(member);
    behind[path] = members;
  };
  const firstOfChild = new Map<string, EscalationInYear<E>>();
  for (const escalation of escalations) {
    if (escalation.raised > end) continue;
    const state = escalationStateAt(eventsOf(escalation.id), end, stages);
    const resolvedInYear = escalation.raised >= start && state.outcome === 'resolved';
    const member: EscalationInYear<E> = {
      escalation,
      state,
      workingDaysToResolve: resolvedInYear ? workingDaysToResolve(escalation.raised, state.closedOn!) : null,
    };
    if (state.open) add('escalations.openAt31March', member);
    if (escalation.raised < start) continue;
    add('escalations.raised', member);
    const first = firstOfChild.get(escalation.child);
    if (!first || escalation.raised < first.escalation.raised) firstOfChild.set(escalation.child, member);
    for (const theme of new Set(escalation.themes)) add(`escalations.byTheme.${theme}`, member);
    if (state.highestStage) add(`escalations.highestStage.${state.highestStage}`, member);
    if (state.outcome === 'resolved') add(`escalations.resolvedAtStage.${state.currentStage!}`, member);
    if (state.outcome === 'referred_to_cafcass') add('escalations.referredToCafcass', member);
    if (state.outcome === 'withdrawn') add('escalations.withdrawn', member);
  }
  behind['escalations.children'] = [...firstOfChild.values()];

  const countOf = (count: (typeof ESCALATION_COUNTS)[number]) => behind[`escalations.${count}`]!.length;
  const countsOf = (map: (typeof ESCALATION_COUNT_MAPS)[number]) => {
    const prefix = `escalations.${map}.`;
    return Object.fromEntries(
      Object.entries(behind)
        .filter(([path]) => path.startsWith(prefix))
        .map(([path, members]) => [path.slice(prefix.length), members.length]),
    );
  };
  const daysToResolve = behind['escalations.raised']!.flatMap((m) =>
    m.workingDaysToResolve === null ? [] : [m.workingDaysToResolve],
  );
  return {
    figures: {
      raised: countOf('raised'),
      children: countOf('children'),
      highestStage: countsOf('highestStage'),
      resolvedAtStage: countsOf('resolvedAtStage'),
      referredToCafcass: countOf('referredToCafcass'),
      withdrawn: countOf('withdrawn'),
      openAt31March: countOf('openAt31March'),
      byTheme: countsOf('byTheme'),
      medianWorkingDaysToResolve: median(daysToResolve),
    },
    behind,
  };
};

/**
 * The escalations behind one count of `escalationFiguresBehind` by its path: a map key that does
 * not occur has none; null when the path names no escalation count (an unknown figure, a whole
 * map, or the median, which is not a count of records).
 */
export const escalationsBehindFigure = <E extends Escalation>(
  behind: EscalationsBehind<E>,
  figure: string,
): readonly EscalationInYear<E>[] | null => {
  if (ESCALATION_COUNTS.some((count) => figure === `escalations.${count}`)) return behind[figure] ?? [];
  const isMapKey = ESCALATION_COUNT_MAPS.some(
    (map) => figure.startsWith(`escalations.${map}.`) && figure.length > `escalations.${map}.`.length,
  );
  if (!isMapKey) return null;
  return behind[figure] ?? [];
};

/**
 * The `escalations.*` figures of reporting year `year` (§9, §14); `escalationFiguresBehind` gives
 * the escalations behind them.
 */
export const escalationFigures = (
  escalations: readonly Escalation[],
  eventsOf: (id: string) => readonly EscalationEvent[],
  year: number,
  stages: readonly EscalationStage[] = DEFAULT_ESCALATION_STAGES,
): EscalationFigures => escalationFiguresBehind(escalations, eventsOf, year, stages).figures;
