import { entitiesOf, entitiesQuery, testService } from '@footprint/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { service as escalations } from '../src/index.ts';
import { seedCompliance, seedSnapshots, storedItems } from './compliance-fixtures.ts';

const running = testService(escalations, {
  seed: async (db) => {
    await seedCompliance(db);
    await seedSnapshots(db);
  },
});
beforeAll(running.start);
afterAll(running.stop);

const itemFields = 'child { id } reference what dueDate daysOverdue iroId';
const checksQuery = entitiesQuery(
  'Compliance',
  `asOf escalationsChecks { check count items { ${itemFields} } }`,
);
const recordedQuery = entitiesQuery(
  'Compliance',
  `asOf escalationsRecordedChecks { check count items { ${itemFields} } }`,
);
const compliance = (asOf: string) => ({ __typename: 'Compliance', asOf });

type Check = { check: string; count: number; items: Record<string, unknown>[] };

const liveChecks = async (tenant: string, ...dates: string[]) =>
  entitiesOf<{ asOf: string; escalationsChecks: Check[] }>(running.url, checksQuery, dates.map(compliance), {
    token: await running.keys.tokenForRole('manager', { tenant }),
  });

describe('live escalation checks', () => {
  it('lists north’s responses past their stage’s deadline, most overdue first, on 11 March 2024', async () => {
    const [north] = await liveChecks('north', '2024-03-11');
    expect(north).toEqual({
      asOf: '2024-03-11',
      escalationsChecks: [
        {
          check: 'escalation_response_overdue',
          count: 4,
          items: [
            {
              child: { id: 'C2' },
              reference: 'E2',
              what: 'Stage 2 (Service manager) response due 2024-02-12',
              dueDate: '2024-02-12',
              daysOverdue: 28,
              iroId: 'I2',
            },
            {
              child: { id: 'C6' },
              reference: 'E6',
              what: 'Stage 3 (Head of service) response due 2024-03-05',
              dueDate: '2024-03-05',
              daysOverdue: 6,
              iroId: null,
            },
            {
              child: { id: 'C1' },
              reference: 'E1',
              what: 'Stage 1 (Team manager) response due 2024-03-08',
              dueDate: '2024-03-08',
              daysOverdue: 3,
              iroId: 'I1',
            },
            {
              child: { id: 'C7' },
              reference: 'E7',
              what: 'Stage 1 (Team manager) response due 2024-03-08',
              dueDate: '2024-03-08',
              daysOverdue: 3,
              iroId: 'I1',
            },
          ],
        },
        { check: 'escalation_stages_over_20_days', count: 0, items: [] },
      ],
    });
  });

  it('gives south only its own escalations and warns about its 25 working days of formal stages', async () => {
    const [south] = await liveChecks('south', '2024-03-11');
    expect(south!.escalationsChecks).toEqual([
      {
        check: 'escalation_response_overdue',
        count: 1,
        items: [
          {
            child: { id: 'C9' },
            reference: 'S2',
            what: 'Second (Head of service) response due 2024-01-23',
            dueDate: '2024-01-23',
            daysOverdue: 48,
            iroId: 'I1',
          },
        ],
      },
      {
        check: 'escalation_stages_over_20_days',
        count: 1,
        items: [
          {
            child: null,
            reference: 'stages',
            what: 'The formal stages take 25 working days together; the IRO Handbook asks for no more than 20 (First 10, Second 15)',
            dueDate: null,
            daysOverdue: null,
            iroId: null,
          },
        ],
      },
    ]);
  });

  it('answers several dates in one call, each from its own day', async () => {
    const [before, onDeadline, later] = await liveChecks('north', '2024-02-12', '2024-03-08', '2024-03-21');
    expect(before!.escalationsChecks[0]!.items).toEqual([]);
    expect(onDeadline!.escalationsChecks[0]!.items.map((i) => [i.reference, i.daysOverdue])).toEqual([
      ['E2', 25],
      ['E6', 3],
    ]);
    // By 21 March E7 is resolved; E3 (due 12 March) and E5 (due 19 March) are overdue.
    expect(later!.escalationsChecks[0]!.items.map((i) => [i.reference, i.daysOverdue])).toEqual([
      ['E2', 38],
      ['E6', 16],
      ['E1', 13],
      ['E3', 9],
      ['E5', 2],
    ]);
  });

  it('audits the read, naming the dates and the escalations listed', async () => {
    await liveChecks('north', '2024-03-11');
    const { rows } = await running.database.superuser.query(
      `select actor, entity_ids, detail from escalations.audit_events
       where tenant_id = 'north' and entity = 'Compliance' and action = 'read' order by at desc limit 1`,
    );
    expect(rows[0]).toEqual({
      actor: 'north-manager',
      entity_ids: ['2024-03-11'],
      detail: { service: 'escalations', escalations: ['E1', 'E2', 'E6', 'E7'] },
    });
  });
});

describe('recorded escalation checks', () => {
  const recorded = async (token: string, ...dates: string[]) =>
    entitiesOf<{ asOf: string; escalationsRecordedChecks: Check[] }>(
      running.url,
      recordedQuery,
      dates.map(compliance),
      { token },
    );

  it('gives a manager every item the night stored, its own checks only, in order', async () => {
    const [night, empty, none] = await recorded(
      await running.keys.tokenForRole('manager'),
      '2024-03-10',
      '2024-03-09',
      '2024-03-08',
    );
    expect(night!.escalationsRecordedChecks).toEqual([
      { check: 'escalation_response_overdue', count: 2, items: storedItems.north },
      { check: 'escalation_stages_over_20_days', count: 0, items: [] },
    ]);
    expect(empty!.escalationsRecordedChecks).toEqual([
      { check: 'escalation_response_overdue', count: 0, items: [] },
    ]);
    expect(none!.escalationsRecordedChecks).toEqual([]);
  });

  it('gives an IRO only their own items, counted', async () => {
    const [night] = await recorded(await running.keys.tokenForRole('iro', { staffRef: 'I1' }), '2024-03-10');
    expect(night!.escalationsRecordedChecks).toEqual([
      { check: 'escalation_response_overdue', count: 1, items: [storedItems.north[1]] },
      { check: 'escalation_stages_over_20_days', count: 0, items: [] },
    ]);
    const [other] = await recorded(await running.keys.tokenForRole('iro', { staffRef: 'I9' }), '2024-03-10');
    expect(other!.escalationsRecordedChecks.map((c) => c.count)).toEqual([0, 0]);
  });

  it('gives south its own night, with the same ids', async () => {
    const [night] = await recorded(
      await running.keys.tokenForRole('manager', { tenant: 'south' }),
      '2024-03-10',
    );
    expect(night!.escalationsRecordedChecks.map((c) => [c.check, c.items.map((i) => i.reference)])).toEqual([
      ['escalation_response_overdue', ['S2']],
      ['escalation_stages_over_20_days', ['stages']],
    ]);
  });

  it('audits the nights read', async () => {
    await recorded(await running.keys.tokenForRole('iro', { staffRef: 'I1' }), '2024-03-10', '2024-03-01');
    const { rows } = await running.database.superuser.query(
      `select actor, entity_ids, detail from escalations.audit_events
       where tenant_id = 'north' and entity = 'ComplianceSnapshot' order by at desc limit 1`,
    );
    expect(rows[0]).toEqual({
      actor: 'north-iro',
      entity_ids: ['2024-03-10'],
      detail: { service: 'escalations' },
    });
  });
});
