import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, addWorkingDays } from './calendar.ts';
import {
  escalationComplianceChecks,
  escalationResponsesOverdue,
  escalationStagesOver20Days,
} from './escalation-compliance.ts';
import type { Escalation, EscalationEvent } from './escalations.ts';
import { DEFAULT_ESCALATION_STAGES, type EscalationStage } from './local-policy.ts';
import { isoDates } from './testing/arbitraries.ts';

const escalation = (id: string, raised: string, iro: string | null = 'I1'): Escalation => ({
  id,
  child: `C-${id}`,
  iro,
  raised,
  themes: ['drift_delay'],
});
const eventsOf =
  (events: Record<string, EscalationEvent[]>) =>
  (id: string): EscalationEvent[] =>
    events[id] ?? [];

describe('escalation_response_overdue', () => {
  // Stage 1 reached Friday 1 March 2024: 5 working days later is Friday 8 March.
  const e1 = escalation('E1', '2024-03-01');
  const events = eventsOf({ E1: [{ date: '2024-03-01', event: 'raised', stage: 'stage1' }] });

  it('is not overdue on its deadline, overdue the day after, named by the stage and who it goes to', () => {
    expect(escalationResponsesOverdue([e1], events, DEFAULT_ESCALATION_STAGES, '2024-03-08')).toEqual([]);
    expect(escalationResponsesOverdue([e1], events, DEFAULT_ESCALATION_STAGES, '2024-03-11')).toEqual([
      {
        childId: 'C-E1',
        reference: 'E1',
        what: 'Stage 1 (Team manager) response due 2024-03-08',
        dueDate: '2024-03-08',
        daysOverdue: 3,
        iroId: 'I1',
      },
    ]);
  });

  it('counts working days over the Easter bank holidays', () => {
    // Reached Friday 22 March 2024; Good Friday 29 March and Easter Monday 1 April are skipped.
    const e = escalation('E2', '2024-03-22', null);
    const ev = eventsOf({ E2: [{ date: '2024-03-22', event: 'raised', stage: 'stage1' }] });
    expect(escalationResponsesOverdue([e], ev, DEFAULT_ESCALATION_STAGES, '2024-04-02')).toEqual([]);
    expect(escalationResponsesOverdue([e], ev, DEFAULT_ESCALATION_STAGES, '2024-04-03')).toEqual([
      expect.objectContaining({ dueDate: '2024-04-02', daysOverdue: 1, iroId: null }),
    ]);
  });

  it('counts from the day the escalation reached its current stage, with that stage’s deadline', () => {
    const ev = eventsOf({
      E1: [
        { date: '2024-03-01', event: 'raised', stage: 'stage1' },
        { date: '2024-03-07', event: 'escalated', stage: 'stage3' },
      ],
    });
    // Stage 3 (head of service) has 10 working days from Thursday 7 March: Thursday 21 March.
    expect(escalationResponsesOverdue([e1], ev, DEFAULT_ESCALATION_STAGES, '2024-03-21')).toEqual([]);
    expect(escalationResponsesOverdue([e1], ev, DEFAULT_ESCALATION_STAGES, '2024-03-22')).toEqual([
      expect.objectContaining({ what: 'Stage 3 (Head of service) response due 2024-03-21', daysOverdue: 1 }),
    ]);
  });

  it('leaves out closed escalations, ignores events after the date, and those raised later', () => {
    const ev = eventsOf({
      E1: [
        { date: '2024-03-01', event: 'raised', stage: 'stage1' },
        { date: '2024-03-20', event: 'resolved', stage: 'stage1' },
      ],
    });
    expect(escalationResponsesOverdue([e1], ev, DEFAULT_ESCALATION_STAGES, '2024-03-21')).toEqual([]);
    expect(escalationResponsesOverdue([e1], ev, DEFAULT_ESCALATION_STAGES, '2024-03-19')).toHaveLength(1);
    expect(escalationResponsesOverdue([e1], events, DEFAULT_ESCALATION_STAGES, '2024-02-28')).toEqual([]);
  });

  it('reads the council’s own stages, and has no deadline without events', () => {
    const stages: EscalationStage[] = [
      {
        key: 'alert',
        name: 'Practice alert',
        goesTo: 'Social worker',
        responseWorkingDays: 2,
        formal: false,
      },
    ];
    const ev = eventsOf({ E1: [{ date: '2024-03-01', event: 'raised', stage: 'alert' }] });
    expect(escalationResponsesOverdue([e1], ev, stages, '2024-03-06')).toEqual([
      expect.objectContaining({ what: 'Practice alert (Social worker) response due 2024-03-05' }),
    ]);
    expect(escalationResponsesOverdue([e1], eventsOf({}), stages, '2025-01-01')).toEqual([]);
  });
});

describe('escalation_stages_over_20_days', () => {
  it('finds nothing with the default stages (20 formal working days exactly)', () => {
    expect(escalationStagesOver20Days(DEFAULT_ESCALATION_STAGES)).toEqual([]);
  });

  it('gives one item naming the total and the formal stages beyond 20 days', () => {
    const stages = DEFAULT_ESCALATION_STAGES.map((s) =>
      s.key === 'stage3' ? { ...s, responseWorkingDays: 11 } : s,
    );
    expect(escalationStagesOver20Days(stages)).toEqual([
      {
        childId: null,
        reference: 'stages',
        what: 'The formal stages take 21 working days together; the IRO Handbook asks for no more than 20 (Stage 1 5, Stage 2 5, Stage 3 11)',
        dueDate: null,
        daysOverdue: null,
        iroId: null,
      },
    ]);
  });

  it('does not count informal stages', () => {
    const stages = DEFAULT_ESCALATION_STAGES.map((s) => (s.formal ? s : { ...s, responseWorkingDays: 30 }));
    expect(escalationStagesOver20Days(stages)).toEqual([]);
  });
});

describe('escalationComplianceChecks', () => {
  it('gives every check in order, most overdue first, empty ones included', () => {
    const checks = escalationComplianceChecks({
      escalations: [escalation('E1', '2024-03-01'), escalation('E2', '2024-02-01')],
      eventsOf: eventsOf({
        E1: [{ date: '2024-03-01', event: 'raised', stage: 'stage1' }],
        E2: [{ date: '2024-02-01', event: 'raised', stage: 'informal' }],
      }),
      stages: DEFAULT_ESCALATION_STAGES,
      asOf: '2024-03-11',
    });
    expect(checks.map((c) => c.check)).toEqual([
      'escalation_response_overdue',
      'escalation_stages_over_20_days',
    ]);
    expect(checks[0]!.items.map((i) => i.reference)).toEqual(['E2', 'E1']);
    expect(checks[1]!.items).toEqual([]);
  });
});

describe('escalation_response_overdue, for any date and stage', () => {
  it('is in time on the deadline (N working days after reaching the stage) and overdue by one day the day after', () => {
    fc.assert(
      fc.property(isoDates(), fc.constantFrom(...DEFAULT_ESCALATION_STAGES), (reached, stage) => {
        const e = escalation('P', reached);
        const ev = eventsOf({ P: [{ date: reached, event: 'raised', stage: stage.key }] });
        const due = addWorkingDays(reached, stage.responseWorkingDays);
        expect(escalationResponsesOverdue([e], ev, DEFAULT_ESCALATION_STAGES, due)).toEqual([]);
        expect(escalationResponsesOverdue([e], ev, DEFAULT_ESCALATION_STAGES, addDays(due, 1))).toEqual([
          expect.objectContaining({ dueDate: due, daysOverdue: 1 }),
        ]);
      }),
    );
  });
});
