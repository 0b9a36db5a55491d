import { addWorkingDays, type IsoDate, reportingYear, workingDaysBetween } from './calendar.ts';
import { isKnownCode } from './codes.ts';
import { DEFAULT_ESCALATION_STAGES, type EscalationStage, type LocalPolicy } from './local-policy.ts';
import { median, tally } from './numbers.ts';

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

const CLOSING: ReadonlySet<EscalationEventKind> = new Set(['resolved', 'withdrawn', 'referred_to_cafcass']);

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

/**
 * The `escalations.*` figures of reporting year `year` (§9, §14). Stage reached, resolution and
 * still-open are as at the end of 31 March. An escalation counts once under each of its themes.
 */
export const escalationFigures = (
  escalations: readonly Escalation[],
  eventsOf: (id: string) => readonly EscalationEvent[],
  year: number,
  stages: readonly EscalationStage[] = DEFAULT_ESCALATION_STAGES,
): EscalationFigures => {
  const { start, end } = reportingYear(year);
  const figures: EscalationFigures = {
    raised: 0,
    children: 0,
    highestStage: {},
    resolvedAtStage: {},
    referredToCafcass: 0,
    withdrawn: 0,
    openAt31March: 0,
    byTheme: {},
    medianWorkingDaysToResolve: null,
  };
  const children = new Set<string>();
  const daysToResolve: number[] = [];
  for (const escalation of escalations) {
    if (escalation.raised > end) continue;
    const state = escalationStateAt(eventsOf(escalation.id), end, stages);
    if (state.open) figures.openAt31March++;
    if (escalation.raised < start) continue;
    figures.raised++;
    children.add(escalation.child);
    for (const theme of new Set(escalation.themes)) tally(figures.byTheme, theme);
    if (state.highestStage) tally(figures.highestStage, state.highestStage);
    if (state.outcome === 'resolved') {
      tally(figures.resolvedAtStage, state.currentStage!);
      daysToResolve.push(workingDaysToResolve(escalation.raised, state.closedOn!));
    }
    if (state.outcome === 'referred_to_cafcass') figures.referredToCafcass++;
    if (state.outcome === 'withdrawn') figures.withdrawn++;
  }
  figures.children = children.size;
  figures.medianWorkingDaysToResolve = median(daysToResolve);
  return figures;
};
