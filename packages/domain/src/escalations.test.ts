import { describe, expect, it } from 'vitest';
import {
  type Escalation,
  type EscalationEvent,
  escalationFigures,
  escalationFiguresBehind,
  escalationStageWarnings,
  escalationStateAt,
  escalationsBehindFigure,
  isKnownEscalationTheme,
  workingDaysToResolve,
} from './escalations.ts';
import { DEFAULT_ESCALATION_STAGES, defaultLocalPolicy } from './local-policy.ts';
import { readCsv, readExpected } from './testing/exampleshire.ts';

const ev = (date: string, event: EscalationEvent['event'], stage: string): EscalationEvent => ({
  date,
  event,
  stage,
});

describe('escalation stages (§9)', () => {
  it('warns when the formal stages take more than 20 working days together', () => {
    expect(escalationStageWarnings(DEFAULT_ESCALATION_STAGES)).toEqual([]);
    const longer = DEFAULT_ESCALATION_STAGES.map((s) =>
      s.key === 'stage3' ? { ...s, responseWorkingDays: 11 } : s,
    );
    expect(escalationStageWarnings(longer)).toEqual([
      'the formal stages take 21 working days together; the IRO Handbook asks for no more than 20',
    ]);
  });

  it('knows the spec’s themes and the council’s own', () => {
    expect(isKnownEscalationTheme('drift_delay')).toBe(true);
    expect(isKnownEscalationTheme('housing')).toBe(false);
    const policy = { ...defaultLocalPolicy, escalationThemes: [{ code: 'housing', label: 'Housing' }] };
    expect(isKnownEscalationTheme('housing', policy)).toBe(true);
  });
});

describe('escalation state (§9, §14)', () => {
  const events = [
    ev('2023-03-01', 'raised', 'informal'),
    ev('2023-03-08', 'escalated', 'stage1'),
    ev('2023-04-03', 'resolved', 'stage1'),
  ];

  it('the current stage is the stage of the latest event; deadlines count from reaching it', () => {
    const s = escalationStateAt(events, '2023-03-16');
    expect(s).toMatchObject({
      open: true,
      currentStage: 'stage1',
      highestStage: 'stage1',
      atStageSince: '2023-03-08',
      responseDue: '2023-03-15',
      overdue: true,
    });
    expect(escalationStateAt(events, '2023-03-15').overdue).toBe(false);
  });

  it('ignores events after the date asked about; closing events close it', () => {
    expect(escalationStateAt(events, '2023-03-31')).toMatchObject({ open: true, outcome: null });
    expect(escalationStateAt(events, '2023-04-03')).toMatchObject({
      open: false,
      outcome: 'resolved',
      closedOn: '2023-04-03',
      responseDue: null,
      overdue: false,
    });
    expect(escalationStateAt([], '2023-04-03')).toMatchObject({ open: true, currentStage: null });
  });

  it('the highest stage follows the council’s order even when stages are skipped', () => {
    const s = escalationStateAt(
      [ev('2023-01-02', 'raised', 'stage2'), ev('2023-01-05', 'resolved', 'informal')],
      '2023-02-01',
    );
    expect(s.highestStage).toBe('stage2');
  });

  it('working days to resolve: W with raised < W ≤ resolved', () => {
    expect(workingDaysToResolve('2023-03-01', '2023-03-01')).toBe(0);
    expect(workingDaysToResolve('2023-03-03', '2023-03-06')).toBe(1);
  });
});

describe('escalation figures for a year (§9, §14)', () => {
  const escalations: Escalation[] = [
    { id: 'e1', child: 'a', raised: '2022-05-02', themes: ['drift_delay', 'placement'] },
    { id: 'e2', child: 'a', raised: '2022-06-01', themes: ['drift_delay'] },
    { id: 'e3', child: 'b', raised: '2023-03-20', themes: ['health'] },
    { id: 'e4', child: 'c', raised: '2021-12-01', themes: ['other'] },
    { id: 'e5', child: 'd', raised: '2022-07-01', themes: ['other'] },
    { id: 'e6', child: 'e', raised: '2022-08-01', themes: ['other'] },
  ];
  const events: Record<string, EscalationEvent[]> = {
    e1: [ev('2022-05-02', 'raised', 'informal'), ev('2022-05-09', 'resolved', 'informal')],
    e2: [
      ev('2022-06-01', 'raised', 'informal'),
      ev('2022-06-08', 'escalated', 'stage1'),
      ev('2022-06-21', 'resolved', 'stage1'),
    ],
    e3: [ev('2023-03-20', 'raised', 'informal'), ev('2023-04-05', 'resolved', 'informal')],
    e4: [ev('2021-12-01', 'raised', 'informal')],
    e5: [ev('2022-07-01', 'raised', 'stage1'), ev('2022-07-10', 'referred_to_cafcass', 'stage1')],
    e6: [ev('2022-08-01', 'raised', 'informal'), ev('2022-08-02', 'withdrawn', 'informal')],
  };

  it('counts as at 31 March, resolved at stage, and the median working days', () => {
    expect(escalationFigures(escalations, (id) => events[id] ?? [], 2022)).toEqual({
      raised: 5,
      children: 4,
      highestStage: { informal: 3, stage1: 2 },
      resolvedAtStage: { informal: 1, stage1: 1 },
      referredToCafcass: 1,
      withdrawn: 1,
      openAt31March: 2,
      byTheme: { drift_delay: 2, placement: 1, health: 1, other: 2 },
      // e1: 5 working days, e2: 12 (2 and 3 June 2022 were bank holidays): the mean of the two middle values
      medianWorkingDaysToResolve: 8.5,
    });
  });

  const ids = (members: readonly { escalation: Escalation }[] | null) =>
    members?.map((m) => m.escalation.id) ?? null;

  it('gives the escalations behind every count, each count the length of its list', () => {
    const { figures, behind } = escalationFiguresBehind(escalations, (id) => events[id] ?? [], 2022);
    expect(figures).toEqual(escalationFigures(escalations, (id) => events[id] ?? [], 2022));
    expect(ids(behind['escalations.raised']!)).toEqual(['e1', 'e2', 'e3', 'e5', 'e6']);
    // One per child: a's earliest of the year.
    expect(ids(behind['escalations.children']!)).toEqual(['e1', 'e3', 'e5', 'e6']);
    expect(ids(behind['escalations.openAt31March']!)).toEqual(['e3', 'e4']);
    expect(ids(behind['escalations.highestStage.stage1']!)).toEqual(['e2', 'e5']);
    expect(ids(behind['escalations.resolvedAtStage.informal']!)).toEqual(['e1']);
    expect(ids(behind['escalations.byTheme.drift_delay']!)).toEqual(['e1', 'e2']);
    expect(ids(behind['escalations.referredToCafcass']!)).toEqual(['e5']);
    expect(ids(behind['escalations.withdrawn']!)).toEqual(['e6']);
    for (const [map, counts] of [
      ['highestStage', figures.highestStage],
      ['resolvedAtStage', figures.resolvedAtStage],
      ['byTheme', figures.byTheme],
    ] as const) {
      for (const [key, count] of Object.entries(counts))
        expect(behind[`escalations.${map}.${key}`]).toHaveLength(count);
    }
    // The median is taken over exactly those raised and resolved in the year.
    expect(
      behind['escalations.raised']!.flatMap((m) =>
        m.workingDaysToResolve === null ? [] : [[m.escalation.id, m.workingDaysToResolve]],
      ),
    ).toEqual([
      ['e1', 5],
      ['e2', 12],
    ]);
  });

  it('the child’s earliest escalation stands for the child, whatever the order given', () => {
    const reversed = [...escalations].reverse();
    const { behind } = escalationFiguresBehind(reversed, (id) => events[id] ?? [], 2022);
    expect(ids(behind['escalations.children']!)?.sort()).toEqual(['e1', 'e3', 'e5', 'e6']);
  });

  it('reads a figure path: map keys that do not occur have none; other paths are not counts', () => {
    const { behind } = escalationFiguresBehind(escalations, (id) => events[id] ?? [], 2022);
    expect(ids(escalationsBehindFigure(behind, 'escalations.withdrawn'))).toEqual(['e6']);
    expect(ids(escalationsBehindFigure(behind, 'escalations.byTheme.health'))).toEqual(['e3']);
    expect(escalationsBehindFigure(behind, 'escalations.byTheme.education')).toEqual([]);
    expect(escalationsBehindFigure(behind, 'escalations.highestStage.stage3')).toEqual([]);
    for (const figure of [
      'escalations.medianWorkingDaysToResolve',
      'escalations.byTheme',
      'escalations.byTheme.',
      'escalations.raised.x',
      'escalations',
      'reviews.held',
      'children.lookedAfterAt31March',
    ])
      expect(escalationsBehindFigure(behind, figure)).toBeNull();
  });
});

describe.each([2021, 2022, 2023])('Exampleshire %i: the escalations behind every figure', (year) => {
  const escalations: Escalation[] = readCsv('escalations').map((r) => ({
    id: r.ESCALATION!,
    child: r.CHILD!,
    raised: r.RAISED!,
    themes: r.THEMES!.split(';').map((t) => t.trim()),
  }));
  const events = new Map<string, EscalationEvent[]>();
  for (const r of readCsv('escalation_events'))
    events.set(r.ESCALATION!, [
      ...(events.get(r.ESCALATION!) ?? []),
      { date: r.DATE!, event: r.EVENT as EscalationEvent['event'], stage: r.STAGE! },
    ]);

  it('has as many escalations behind each count as the expected report says', () => {
    const { behind } = escalationFiguresBehind(escalations, (id) => events.get(id) ?? [], year);
    const expected = readExpected(year).escalations as unknown as Record<
      string,
      number | Record<string, number>
    >;
    for (const [name, value] of Object.entries(expected)) {
      if (name === 'medianWorkingDaysToResolve') continue;
      if (typeof value === 'number') {
        expect(escalationsBehindFigure(behind, `escalations.${name}`), name).toHaveLength(value);
        continue;
      }
      for (const [key, count] of Object.entries(value))
        expect(escalationsBehindFigure(behind, `escalations.${name}.${key}`), `${name}.${key}`).toHaveLength(
          count,
        );
    }
    const children = new Set(behind['escalations.raised']!.map((m) => m.escalation.child));
    expect(new Set(behind['escalations.children']!.map((m) => m.escalation.child))).toEqual(children);
  });
});
