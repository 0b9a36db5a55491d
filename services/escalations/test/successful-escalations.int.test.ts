import {
  graphql,
  startTestService,
  type TestDatabase,
  type TestKeys,
  type TestService,
} from '@footprint/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { service as escalations } from '../src/index.ts';
import { seedTwoCouncils } from './fixtures.ts';

let database: TestDatabase;
let keys: TestKeys;
let running: TestService;

beforeAll(async () => {
  running = await startTestService(escalations, { seed: seedTwoCouncils });
  ({ database, keys } = running);
});

afterAll(() => running?.stop());

const manager = (tenant: string) => keys.tokenFor({ tenant, roles: ['manager'], sub: `${tenant}-manager` });
const iro = (tenant: string, staffRef: string) =>
  keys.tokenFor({ tenant, roles: ['iro'], staffRef, sub: `${tenant}-${staffRef}` });

type EscalationResult = Record<string, unknown>;

describe('reading escalations', () => {
  it('shows a manager every escalation of their council, newest first, and only theirs', async () => {
    const query = `{ escalations { id child { id } raisedBy { id } raisedOn status themes { code label } } }`;
    const north = await graphql(running.url, query, { token: await manager('north') });
    expect(north.errors).toBeUndefined();
    expect(north.data).toEqual({
      escalations: [
        {
          id: 'E1',
          child: { id: 'C1' },
          raisedBy: { id: 'I1' },
          raisedOn: '2024-03-04',
          status: 'open',
          themes: [
            { code: 'drift_delay', label: 'Drift and delay in care planning or permanence' },
            { code: 'care_plan_quality', label: 'Care plan missing, out of date or of poor quality' },
          ],
        },
        {
          id: 'E2',
          child: { id: 'C2' },
          raisedBy: { id: 'I2' },
          raisedOn: '2024-02-01',
          status: 'resolved',
          themes: [{ code: 'placement', label: 'Placement concerns: planning, quality or suitability' }],
        },
      ],
    });
    const south = await graphql(running.url, '{ escalations { id child { id } status } }', {
      token: await manager('south'),
    });
    expect(south.data).toEqual({
      escalations: [
        { id: 'S2', child: { id: 'C9' }, status: 'open' },
        { id: 'E1', child: { id: 'C1' }, status: 'referred_to_cafcass' },
      ],
    });
  });

  it('reads the same ESCALATION reference as two different escalations in two councils', async () => {
    const query = `{ escalation(id: "E1") { raisedOn themes { code } currentStage { key name } events { date event stageKey note } } }`;
    const north = await graphql(running.url, query, { token: await manager('north') });
    const south = await graphql(running.url, query, { token: await manager('south') });
    expect(north.data).toEqual({
      escalation: {
        raisedOn: '2024-03-04',
        themes: [{ code: 'drift_delay' }, { code: 'care_plan_quality' }],
        currentStage: { key: 'informal', name: 'Informal' },
        events: [
          {
            date: '2024-03-04',
            event: 'raised',
            stageKey: 'informal',
            note: 'Care plan not updated since the last review',
          },
        ],
      },
    });
    expect(south.data).toEqual({
      escalation: {
        raisedOn: '2023-11-01',
        themes: [{ code: 'education' }],
        currentStage: { key: 'stage1', name: 'Stage 1' },
        events: [
          { date: '2023-11-01', event: 'raised', stageKey: 'stage1', note: null },
          { date: '2023-11-20', event: 'referred_to_cafcass', stageKey: 'stage1', note: null },
        ],
      },
    });
  });

  it('is not overdue on its deadline day and is overdue the day after', async () => {
    const result = await graphql(
      running.url,
      `{ escalation(id: "E1") { reachedCurrentStageOn respondBy
           onDeadline: overdue(asOf: "2024-03-11") dayAfter: overdue(asOf: "2024-03-12") today: overdue } }`,
      { token: await manager('north') },
    );
    expect(result.data).toEqual({
      escalation: {
        reachedCurrentStageOn: '2024-03-04',
        respondBy: '2024-03-11',
        onDeadline: false,
        dayAfter: true,
        today: true,
      },
    });
  });

  it('reads the council’s own stage deadlines', async () => {
    const result = await graphql(
      running.url,
      `{ escalation(id: "S2") { currentStage { key name goesTo respondsWithinWorkingDays } respondBy
           overdue(asOf: "2024-01-18") } }`,
      { token: await manager('south') },
    );
    expect(result.data).toEqual({
      escalation: {
        currentStage: {
          key: 'alert',
          name: 'Practice alert',
          goesTo: 'Team manager',
          respondsWithinWorkingDays: 3,
        },
        respondBy: '2024-01-18',
        overdue: false,
      },
    });
  });

  it('reads escalations as at a date, filtered by status', async () => {
    const token = await manager('north');
    const asAt = await graphql(
      running.url,
      `{ escalations(asOf: "2024-02-10") { id status currentStage { key } reachedCurrentStageOn respondBy overdue events { event } } }`,
      { token },
    );
    expect(asAt.data).toEqual({
      escalations: [
        {
          id: 'E2',
          status: 'open',
          currentStage: { key: 'stage1' },
          reachedCurrentStageOn: '2024-02-08',
          respondBy: '2024-02-15',
          overdue: false,
          events: [{ event: 'raised' }, { event: 'escalated' }],
        },
      ],
    });
    const resolved = await graphql(
      running.url,
      '{ escalations(status: resolved) { id closedOn respondBy } }',
      {
        token,
      },
    );
    expect(resolved.data).toEqual({ escalations: [{ id: 'E2', closedOn: '2024-02-12', respondBy: null }] });
    const open = await graphql(running.url, '{ escalations(status: open) { id } }', { token });
    expect(open.data).toEqual({ escalations: [{ id: 'E1' }] });
  });

  it('shows an IRO the escalations they raised and no others', async () => {
    const query = '{ escalations { id } other: escalation(id: "E2") { id } }';
    const i1 = await graphql(running.url, query, { token: await iro('north', 'I1') });
    expect(i1.data).toEqual({ escalations: [{ id: 'E1' }], other: null });
    const i2 = await graphql(running.url, '{ escalations { id } }', { token: await iro('north', 'I2') });
    expect(i2.data).toEqual({ escalations: [{ id: 'E2' }] });
  });

  it('extends a child with their escalations, resolving many children in one _entities call', async () => {
    const query = `query ($reps: [_Any!]!) { _entities(representations: $reps) {
      ... on Child { id escalations { id status } } } }`;
    const reps = ['C1', 'C2', 'C9'].map((id) => ({ __typename: 'Child', id }));
    const north = await graphql(running.url, query, { token: await manager('north'), variables: { reps } });
    expect(north.errors).toBeUndefined();
    expect(north.data).toEqual({
      _entities: [
        { id: 'C1', escalations: [{ id: 'E1', status: 'open' }] },
        { id: 'C2', escalations: [{ id: 'E2', status: 'resolved' }] },
        { id: 'C9', escalations: [] },
      ],
    });
    const south = await graphql(running.url, query, { token: await manager('south'), variables: { reps } });
    expect(south.data).toEqual({
      _entities: [
        { id: 'C1', escalations: [{ id: 'E1', status: 'referred_to_cafcass' }] },
        { id: 'C2', escalations: [] },
        { id: 'C9', escalations: [{ id: 'S2', status: 'open' }] },
      ],
    });
  });

  it('resolves escalations as entities for the other subgraphs', async () => {
    const result = await graphql(
      running.url,
      `query ($reps: [_Any!]!) { _entities(representations: $reps) { ... on Escalation { id raisedOn } } }`,
      {
        token: await manager('north'),
        variables: { reps: ['E1', 'S2', 'E2'].map((id) => ({ __typename: 'Escalation', id })) },
      },
    );
    expect(result.data).toEqual({
      _entities: [{ id: 'E1', raisedOn: '2024-03-04' }, null, { id: 'E2', raisedOn: '2024-02-01' }],
    });
  });

  it('lists the themes a council may use, its own included', async () => {
    const query = '{ escalationThemes { code councilOwn } }';
    const north = await graphql<{ escalationThemes: { code: string; councilOwn: boolean }[] }>(
      running.url,
      query,
      {
        token: await manager('north'),
      },
    );
    const south = await graphql<{ escalationThemes: { code: string; councilOwn: boolean }[] }>(
      running.url,
      query,
      {
        token: await iro('south', 'I1'),
      },
    );
    expect(north.data?.escalationThemes).toHaveLength(22);
    expect(north.data?.escalationThemes.at(-1)).toEqual({ code: 'court_timescales', councilOwn: true });
    expect(south.data?.escalationThemes).toHaveLength(21);
    expect(south.data?.escalationThemes.some((theme) => theme.code === 'court_timescales')).toBe(false);
  });

  it('attributes every read to the person who read it', async () => {
    const token = await keys.tokenFor({ tenant: 'south', roles: ['manager'], sub: 'reader-42' });
    await graphql(running.url, '{ escalation(id: "S2") { id } }', { token });
    const audit = await database.superuser.query(
      `select tenant_id, entity, entity_ids from escalations.audit_events where actor = 'reader-42' and action = 'read'`,
    );
    expect(audit.rows).toEqual([{ tenant_id: 'south', entity: 'Escalation', entity_ids: ['S2'] }]);
  });
});

describe('escalation stages', () => {
  it('gives a council with no stages of its own the default stages', async () => {
    const result = await graphql(
      running.url,
      `{ escalationStages { isDefault formalStagesExceedTwentyWorkingDays warnings
           stages { key name goesTo respondsWithinWorkingDays formal } } }`,
      { token: await iro('north', 'I1') },
    );
    expect(result.data).toEqual({
      escalationStages: {
        isDefault: true,
        formalStagesExceedTwentyWorkingDays: false,
        warnings: [],
        stages: [
          {
            key: 'informal',
            name: 'Informal',
            goesTo: 'Social worker / team manager',
            respondsWithinWorkingDays: 5,
            formal: false,
          },
          {
            key: 'stage1',
            name: 'Stage 1',
            goesTo: 'Team manager',
            respondsWithinWorkingDays: 5,
            formal: true,
          },
          {
            key: 'stage2',
            name: 'Stage 2',
            goesTo: 'Service manager',
            respondsWithinWorkingDays: 5,
            formal: true,
          },
          {
            key: 'stage3',
            name: 'Stage 3',
            goesTo: 'Head of service',
            respondsWithinWorkingDays: 10,
            formal: true,
          },
        ],
      },
    });
  });

  it('lets a manager configure stages beyond 20 formal working days, with a warning, and audits it', async () => {
    const result = await graphql(
      running.url,
      `mutation ($stages: [EscalationStageInput!]!) { configureEscalationStages(stages: $stages) {
         isDefault formalStagesExceedTwentyWorkingDays warnings stages { key respondsWithinWorkingDays formal } } }`,
      {
        token: await manager('south'),
        variables: {
          stages: [
            {
              key: 'alert',
              name: 'Practice alert',
              goesTo: 'Team manager',
              respondsWithinWorkingDays: 3,
              formal: false,
            },
            { key: 'stage1', name: 'Stage 1', goesTo: 'Service manager', respondsWithinWorkingDays: 10 },
            { key: 'stage2', name: 'Stage 2', goesTo: 'Head of service', respondsWithinWorkingDays: 15 },
          ],
        },
      },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual({
      configureEscalationStages: {
        isDefault: false,
        formalStagesExceedTwentyWorkingDays: true,
        warnings: [
          'the formal stages take 25 working days together; the IRO Handbook asks for no more than 20',
        ],
        stages: [
          { key: 'alert', respondsWithinWorkingDays: 3, formal: false },
          { key: 'stage1', respondsWithinWorkingDays: 10, formal: true },
          { key: 'stage2', respondsWithinWorkingDays: 15, formal: true },
        ],
      },
    });
    const audit = await database.superuser.query(
      `select tenant_id, actor, entity, entity_ids from escalations.audit_events where action = 'update' and entity = 'EscalationStages'`,
    );
    expect(audit.rows).toEqual([
      {
        tenant_id: 'south',
        actor: 'south-manager',
        entity: 'EscalationStages',
        entity_ids: ['alert', 'stage1', 'stage2'],
      },
    ]);
    const north = await graphql(running.url, '{ escalationStages { isDefault stages { key } } }', {
      token: await manager('north'),
    });
    expect(north.data).toEqual({
      escalationStages: {
        isDefault: true,
        stages: [{ key: 'informal' }, { key: 'stage1' }, { key: 'stage2' }, { key: 'stage3' }],
      },
    });
  });

  it('counts the new deadline of a configured stage, skipping a stage', async () => {
    const result = await graphql(
      running.url,
      `mutation { recordEscalationEvent(input: { escalationId: "S2", date: "2024-01-19", event: "escalated", stage: "stage2" }) {
         currentStage { key } highestStage { key } reachedCurrentStageOn respondBy } }`,
      { token: await iro('south', 'I1') },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual({
      recordEscalationEvent: {
        currentStage: { key: 'stage2' },
        highestStage: { key: 'stage2' },
        reachedCurrentStageOn: '2024-01-19',
        respondBy: '2024-02-09',
      },
    });
  });
});

describe('raising and recording', () => {
  let raisedId: string;

  it('lets an IRO raise an escalation as themselves, with a theme of the council’s own', async () => {
    const result = await graphql<{ raiseEscalation: EscalationResult & { id: string } }>(
      running.url,
      `mutation { raiseEscalation(input: { childId: "C1", raisedOn: "2024-04-02",
           themes: ["child_voice", "court_timescales"], note: "No direct work with the child since January" }) {
         id raisedBy { id } child { id } status themes { code label councilOwn } currentStage { key }
         reachedCurrentStageOn respondBy events { date event stageKey note } } }`,
      { token: await iro('north', 'I1') },
    );
    expect(result.errors).toBeUndefined();
    const { id, ...rest } = result.data!.raiseEscalation;
    expect(id).toMatch(/^ESC-[0-9A-F]{8}$/);
    raisedId = id;
    expect(rest).toEqual({
      raisedBy: { id: 'I1' },
      child: { id: 'C1' },
      status: 'open',
      themes: [
        { code: 'child_voice', label: "Insufficient evidence of the child's voice", councilOwn: false },
        { code: 'court_timescales', label: 'Court timescales (PLO) not met', councilOwn: true },
      ],
      currentStage: { key: 'informal' },
      reachedCurrentStageOn: '2024-04-02',
      respondBy: '2024-04-09',
      events: [
        {
          date: '2024-04-02',
          event: 'raised',
          stageKey: 'informal',
          note: 'No direct work with the child since January',
        },
      ],
    });
    const stored = await database.superuser.query(
      `select tenant_id, child_id, iro_id, raised_on, themes from escalations.escalations where id = $1`,
      [id],
    );
    expect(stored.rows).toEqual([
      {
        tenant_id: 'north',
        child_id: 'C1',
        iro_id: 'I1',
        raised_on: '2024-04-02',
        themes: ['child_voice', 'court_timescales'],
      },
    ]);
    const audit = await database.superuser.query(
      `select actor, entity, entity_ids from escalations.audit_events where action = 'create'`,
    );
    expect(audit.rows).toEqual([{ actor: 'north-I1', entity: 'Escalation', entity_ids: [id] }]);
  });

  it('records an escalation that skips a stage', async () => {
    const result = await graphql(
      running.url,
      `mutation ($id: ID!) { recordEscalationEvent(input: { escalationId: $id, date: "2024-04-05", event: "escalated", stage: "stage2" }) {
         status currentStage { key } highestStage { key } reachedCurrentStageOn respondBy
         onDeadline: overdue(asOf: "2024-04-12") dayAfter: overdue(asOf: "2024-04-15") } }`,
      { token: await iro('north', 'I1'), variables: { id: raisedId } },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual({
      recordEscalationEvent: {
        status: 'open',
        currentStage: { key: 'stage2' },
        highestStage: { key: 'stage2' },
        reachedCurrentStageOn: '2024-04-05',
        respondBy: '2024-04-12',
        onDeadline: false,
        dayAfter: true,
      },
    });
  });

  it('closes an escalation referred to CAFCASS, at the stage it had reached', async () => {
    const result = await graphql(
      running.url,
      `mutation ($id: ID!) { recordEscalationEvent(input: { escalationId: $id, date: "2024-04-10", event: "referred_to_cafcass", note: "Referred after no response" }) {
         status closedOn currentStage { key } respondBy overdue(asOf: "2024-06-01") events { date event stageKey } } }`,
      { token: await manager('north'), variables: { id: raisedId } },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual({
      recordEscalationEvent: {
        status: 'referred_to_cafcass',
        closedOn: '2024-04-10',
        currentStage: { key: 'stage2' },
        respondBy: null,
        overdue: false,
        events: [
          { date: '2024-04-02', event: 'raised', stageKey: 'informal' },
          { date: '2024-04-05', event: 'escalated', stageKey: 'stage2' },
          { date: '2024-04-10', event: 'referred_to_cafcass', stageKey: 'stage2' },
        ],
      },
    });
    const audit = await database.superuser.query(
      `select actor, detail->>'event' as event from escalations.audit_events
       where action = 'update' and entity = 'Escalation' and $1 = any(entity_ids) order by at`,
      [raisedId],
    );
    expect(audit.rows).toEqual([
      { actor: 'north-I1', event: 'escalated' },
      { actor: 'north-manager', event: 'referred_to_cafcass' },
    ]);
  });

  it('lets a manager raise an escalation in an IRO’s name, counting past a bank holiday', async () => {
    const result = await graphql(
      running.url,
      `mutation { raiseEscalation(input: { id: "N-100", childId: "C2", iroId: "I2", raisedOn: "2024-05-24",
           themes: ["health"], stage: "stage1" }) { id raisedBy { id } currentStage { key } respondBy } }`,
      { token: await manager('north') },
    );
    expect(result.errors).toBeUndefined();
    // Monday 27 May 2024 was the spring bank holiday.
    expect(result.data).toEqual({
      raiseEscalation: {
        id: 'N-100',
        raisedBy: { id: 'I2' },
        currentStage: { key: 'stage1' },
        respondBy: '2024-06-03',
      },
    });
    const i2 = await graphql(running.url, '{ escalations(status: open) { id } }', {
      token: await iro('north', 'I2'),
    });
    expect(i2.data).toEqual({ escalations: [{ id: 'N-100' }] });
  });

  it('lets the raising IRO resolve their escalation on the day it was raised', async () => {
    const result = await graphql(
      running.url,
      `mutation { recordEscalationEvent(input: { escalationId: "N-100", date: "2024-05-24", event: "resolved", stage: "stage1" }) {
         status closedOn currentStage { key } } }`,
      { token: await iro('north', 'I2') },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual({
      recordEscalationEvent: { status: 'resolved', closedOn: '2024-05-24', currentStage: { key: 'stage1' } },
    });
  });

  it('keeps everything raised in north out of south', async () => {
    const { rows } = await database.superuser.query(
      `select tenant_id, count(*)::int as n from escalations.escalations group by tenant_id order by tenant_id`,
    );
    expect(rows).toEqual([
      { tenant_id: 'north', n: 4 },
      { tenant_id: 'south', n: 2 },
    ]);
    const south = await graphql(running.url, '{ escalations { id } }', { token: await manager('south') });
    expect(south.data).toEqual({ escalations: [{ id: 'S2' }, { id: 'E1' }] });
  });
});
