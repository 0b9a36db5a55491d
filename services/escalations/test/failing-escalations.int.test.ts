import type { Role } from '@footprint/auth';
import {
  createTestKeys,
  graphql,
  inCouncilTransaction,
  rowSecurityOf,
  snapshotTables,
  startTestService,
  type TestDatabase,
  type TestKeys,
  type TestService,
  withClient,
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

const tables = [
  'stages',
  'themes',
  'escalations',
  'escalation_events',
  'audit_events',
  'compliance_snapshots',
] as const;

/** Every row of every table of the schema, audit trail included: a refused change leaves all of it as it was. */
const snapshot = () => snapshotTables(database.superuser, 'escalations', tables);

const manager = (tenant: string) => keys.tokenFor({ tenant, roles: ['manager'], sub: `${tenant}-manager` });
const iro = (tenant: string, staffRef: string) => keys.tokenFor({ tenant, roles: ['iro'], staffRef });

const raise = (input: string) => `mutation { raiseEscalation(input: { ${input} }) { id } }`;
const record = (input: string) => `mutation { recordEscalationEvent(input: { ${input} }) { id } }`;
const configure = `mutation ($stages: [EscalationStageInput!]!) { configureEscalationStages(stages: $stages) { isDefault } }`;
const stage = (key: string, respondsWithinWorkingDays = 5, name = `Stage ${key}`) => ({
  key,
  name,
  goesTo: 'Team manager',
  respondsWithinWorkingDays,
});

describe('tokens', () => {
  it('refuses a call with no token', async () => {
    const result = await graphql(running.url, '{ escalations { id } }');
    expect(result.status).toBe(401);
    expect(result.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('refuses a token signed with another key', async () => {
    const other = await createTestKeys();
    const token = await other.tokenFor({ tenant: 'north', roles: ['manager'] });
    const result = await graphql(running.url, '{ escalations { id } }', { token });
    expect(result.status).toBe(401);
  });
});

describe('roles', () => {
  const outsiders: [Role, string | null][] = [
    ['fcro', 'north'],
    ['council_admin', 'north'],
    ['advocate', 'north'],
    ['ccc_member', 'north'],
    ['platform_operator', null],
  ];

  it.each(outsiders)('gives a %s no escalations and no way to change them', async (role, tenant) => {
    const token = await keys.tokenFor({ tenant, roles: [role], staffRef: role === 'fcro' ? 'I1' : null });
    const before = await snapshot();
    for (const query of [
      '{ escalations { id } }',
      '{ escalation(id: "E1") { id } }',
      '{ escalationStages { isDefault } }',
      '{ escalationThemes { code } }',
      raise('childId: "C1", iroId: "I1", raisedOn: "2024-04-02", themes: ["health"]'),
      record('escalationId: "E1", date: "2024-04-02", event: "resolved"'),
    ]) {
      const result = await graphql(running.url, query, { token });
      expect(result.errors?.[0]?.extensions?.code, query).toBe('FORBIDDEN');
    }
    const configured = await graphql(running.url, configure, {
      token,
      variables: { stages: [stage('only')] },
    });
    expect(configured.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const entities = await graphql(
      running.url,
      `query ($reps: [_Any!]!) { _entities(representations: $reps) { ... on Child { escalations { id } } } }`,
      { token, variables: { reps: [{ __typename: 'Child', id: 'C1' }] } },
    );
    expect(entities.data).toEqual({ _entities: [{ escalations: [] }] });
    const referenced = await graphql(
      running.url,
      `query ($reps: [_Any!]!) { _entities(representations: $reps) { ... on Escalation { id } } }`,
      { token, variables: { reps: [{ __typename: 'Escalation', id: 'E1' }] } },
    );
    expect(referenced.errors).toBeUndefined();
    expect(referenced.data).toEqual({ _entities: [null] });
    expect(await snapshot()).toEqual(before);
  });

  it('lets no IRO configure stages', async () => {
    const result = await graphql(running.url, configure, {
      token: await iro('north', 'I1'),
      variables: { stages: [stage('only')] },
    });
    expect(result.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('shows an IRO nothing of escalations another IRO raised, even about a child they share', async () => {
    const token = await iro('north', 'I2');
    const result = await graphql(
      running.url,
      `query ($reps: [_Any!]!) { escalation(id: "E1") { id } _entities(representations: $reps) { ... on Child { escalations { id } } } }`,
      { token, variables: { reps: [{ __typename: 'Child', id: 'C1' }] } },
    );
    expect(result.data).toEqual({ escalation: null, _entities: [{ escalations: [] }] });
  });

  it('lets an IRO record nothing on an escalation another IRO raised', async () => {
    const before = await snapshot();
    const result = await graphql(
      running.url,
      record('escalationId: "E1", date: "2024-03-05", event: "withdrawn"'),
      {
        token: await iro('north', 'I2'),
      },
    );
    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(result.errors?.[0]?.message).toMatch(/No escalation E1/);
    expect(await snapshot()).toEqual(before);
  });

  it('shows an IRO account with no staff reference nothing and lets it raise nothing', async () => {
    const token = await keys.tokenFor({ tenant: 'north', roles: ['iro'] });
    const list = await graphql(running.url, '{ escalations { id } }', { token });
    expect(list.data).toEqual({ escalations: [] });
    const raised = await graphql(
      running.url,
      raise('childId: "C1", raisedOn: "2024-04-02", themes: ["health"]'),
      {
        token,
      },
    );
    expect(raised.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});

describe('tenancy', () => {
  it('never reaches another council’s escalation by its id', async () => {
    const token = await manager('north');
    const read = await graphql(running.url, '{ escalation(id: "S2") { id } }', { token });
    expect(read.data).toEqual({ escalation: null });
    const before = await snapshot();
    const written = await graphql(
      running.url,
      record('escalationId: "S2", date: "2024-01-16", event: "withdrawn"'),
      {
        token,
      },
    );
    expect(written.errors?.[0]?.message).toMatch(/No escalation S2/);
    expect(await snapshot()).toEqual(before);
  });

  it('does not let one council use another council’s own theme', async () => {
    const before = await snapshot();
    const result = await graphql(
      running.url,
      raise('childId: "C1", iroId: "I1", raisedOn: "2024-04-02", themes: ["court_timescales"]'),
      { token: await manager('south') },
    );
    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(result.errors?.[0]?.message).toMatch(/Unknown escalation theme court_timescales/);
    expect(await snapshot()).toEqual(before);
  });

  it('forces row-level security on every table', async () => {
    const rows = await rowSecurityOf(database.superuser, 'escalations');
    expect(rows.map((row) => row.relname).sort()).toEqual([...tables].sort());
    for (const row of rows)
      expect(row, row.relname).toMatchObject({ relrowsecurity: true, relforcerowsecurity: true });
  });

  it('returns no rows to the service role with no council set', async () => {
    await withClient(database.urlFor('escalations'), async (client) => {
      const { rows: role } = await client.query(
        `select rolsuper, rolbypassrls from pg_roles where rolname = current_user`,
      );
      expect(role).toEqual([{ rolsuper: false, rolbypassrls: false }]);
      for (const table of tables) {
        const { rows } = await client.query(`select count(*)::int as n from escalations.${table}`);
        expect(rows[0].n, table).toBe(0);
      }
    });
  });

  it('cannot write a row into another council from inside one council', async () => {
    await inCouncilTransaction(database.urlFor('escalations'), 'north', async (client) => {
      await expect(
        client.query(
          `insert into escalations.escalations (tenant_id, id, child_id, iro_id, raised_on, themes)
         values ('south', 'X', 'C1', 'I1', '2024-01-01', '{health}')`,
        ),
      ).rejects.toThrow(/row-level security/);
    });
  });

  it('keeps the audit trail append-only for the service', async () => {
    await inCouncilTransaction(database.urlFor('escalations'), 'north', async (client) => {
      await expect(client.query('delete from escalations.audit_events')).rejects.toThrow(/permission denied/);
    });
  });
});

describe('raising with bad input', () => {
  it.each([
    [
      'an unknown theme',
      'childId: "C1", raisedOn: "2024-04-02", themes: ["drift_delay", "weather"]',
      /Unknown escalation theme weather/,
    ],
    ['no theme', 'childId: "C1", raisedOn: "2024-04-02", themes: []', /At least one theme is required/],
    [
      'a theme twice',
      'childId: "C1", raisedOn: "2024-04-02", themes: ["health", "health"]',
      /A theme is given twice/,
    ],
    [
      'a date in the future',
      'childId: "C1", raisedOn: "2999-01-01", themes: ["health"]',
      /raisedOn 2999-01-01 is in the future/,
    ],
    [
      'an unknown stage',
      'childId: "C1", raisedOn: "2024-04-02", themes: ["health"], stage: "stage9"',
      /No escalation stage stage9/,
    ],
    ['a blank child', 'childId: " ", raisedOn: "2024-04-02", themes: ["health"]', /childId is required/],
    [
      'another IRO’s name',
      'childId: "C1", iroId: "I2", raisedOn: "2024-04-02", themes: ["health"]',
      /raises escalations as themselves/,
    ],
    [
      'a reference already used',
      'id: "E1", childId: "C1", raisedOn: "2024-04-02", themes: ["health"]',
      /Escalation E1 already exists/,
    ],
  ])('refuses %s from an IRO and changes nothing', async (_what, input, message) => {
    const before = await snapshot();
    const result = await graphql(running.url, raise(input), { token: await iro('north', 'I1') });
    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(result.errors?.[0]?.message).toMatch(message);
    expect(await snapshot()).toEqual(before);
  });

  it('refuses a manager who names no IRO', async () => {
    const before = await snapshot();
    const result = await graphql(
      running.url,
      raise('childId: "C1", raisedOn: "2024-04-02", themes: ["health"]'),
      {
        token: await manager('north'),
      },
    );
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'iroId' });
    expect(result.errors?.[0]?.message).toMatch(/must name the IRO/);
    expect(await snapshot()).toEqual(before);
  });

  it('refuses a date that is not a real date', async () => {
    const result = await graphql(
      running.url,
      raise('childId: "C1", raisedOn: "2024-02-30", themes: ["health"]'),
      {
        token: await iro('north', 'I1'),
      },
    );
    expect(result.errors?.[0]?.message).toMatch(/not a real date/);
  });
});

describe('recording events with bad input', () => {
  it.each([
    [
      'an unknown event kind',
      'escalationId: "E1", date: "2024-03-05", event: "closed"',
      /event must be one of raised, escalated, resolved, withdrawn, referred_to_cafcass; got "closed"/,
    ],
    [
      'an unknown stage',
      'escalationId: "E1", date: "2024-03-05", event: "escalated", stage: "stage9"',
      /No escalation stage stage9/,
    ],
    [
      'escalated with no stage',
      'escalationId: "E1", date: "2024-03-05", event: "escalated"',
      /needs the stage/,
    ],
    [
      'escalated to the stage it is at',
      'escalationId: "E1", date: "2024-03-05", event: "escalated", stage: "informal"',
      /must move to a stage after informal; informal is the current stage/,
    ],
    [
      'a date before the raising',
      'escalationId: "E1", date: "2024-03-01", event: "resolved"',
      /before the escalation was raised on 2024-03-04/,
    ],
    [
      'a date in the future',
      'escalationId: "E1", date: "2999-01-01", event: "resolved"',
      /date 2999-01-01 is in the future/,
    ],
    [
      'a second raised event',
      'escalationId: "E1", date: "2024-03-05", event: "raised", stage: "informal"',
      /already raised on 2024-03-04/,
    ],
    [
      'a resolution at another stage',
      'escalationId: "E1", date: "2024-03-05", event: "resolved", stage: "stage2"',
      /is at stage informal; it can only be resolved there/,
    ],
    [
      'an escalation that does not exist',
      'escalationId: "NOPE", date: "2024-03-05", event: "resolved"',
      /No escalation NOPE/,
    ],
  ])('refuses %s and changes nothing', async (_what, input, message) => {
    const before = await snapshot();
    const result = await graphql(running.url, record(input), { token: await iro('north', 'I1') });
    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(result.errors?.[0]?.message).toMatch(message);
    expect(await snapshot()).toEqual(before);
  });

  it('refuses a date before the previous event, not only before the raising', async () => {
    const before = await snapshot();
    // S2 (south) was raised on 15 January at the alert stage; escalate it, then try to back-date.
    const token = await manager('south');
    const escalated = await graphql(
      running.url,
      record('escalationId: "S2", date: "2024-01-22", event: "escalated", stage: "stage1"'),
      { token },
    );
    expect(escalated.errors).toBeUndefined();
    const middle = await snapshot();
    const result = await graphql(
      running.url,
      record('escalationId: "S2", date: "2024-01-20", event: "resolved"'),
      {
        token,
      },
    );
    expect(result.errors?.[0]?.message).toMatch(
      /2024-01-20 is before the previous event \(escalated on 2024-01-22\)/,
    );
    expect(await snapshot()).toEqual(middle);
    expect(middle).not.toEqual(before);
    const backwards = await graphql(
      running.url,
      record('escalationId: "S2", date: "2024-01-23", event: "escalated", stage: "alert"'),
      { token },
    );
    expect(backwards.errors?.[0]?.message).toMatch(
      /must move to a stage after stage1; alert comes before it/,
    );
    expect(await snapshot()).toEqual(middle);
  });

  it.each([
    ['E2', 'north', 'resolved', 'was resolved on 2024-02-12'],
    ['E1', 'south', 'escalated", stage: "stage2', 'was referred to CAFCASS on 2023-11-20'],
  ])('refuses any event on a closed escalation (%s of %s)', async (id, tenant, event, message) => {
    const before = await snapshot();
    const result = await graphql(
      running.url,
      record(`escalationId: "${id}", date: "2024-03-01", event: "${event}"`),
      { token: await manager(tenant) },
    );
    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(result.errors?.[0]?.message).toContain(message);
    expect(result.errors?.[0]?.message).toMatch(/nothing can be recorded after that/);
    expect(await snapshot()).toEqual(before);
  });
});

describe('configuring stages with bad input', () => {
  it.each([
    ['no stages', [], /At least one stage is required/],
    [
      'a key used twice',
      [stage('informal'), stage('stage1'), stage('stage1')],
      /Stage key stage1 is used twice/,
    ],
    ['zero working days', [stage('informal'), stage('stage1', 0)], /at least 1 working day/],
    ['negative working days', [stage('informal'), stage('stage1', -3)], /at least 1 working day/],
    [
      'a key with capitals',
      [stage('informal'), stage('Stage1')],
      /lower-case letters, digits and underscores/,
    ],
    ['a blank name', [stage('informal'), stage('stage1', 5, ' ')], /needs a name/],
    [
      'dropping a stage events use',
      [stage('stage1'), stage('stage2')],
      /recorded at stage informal: keep it/,
    ],
  ])('refuses %s and changes nothing', async (_what, stages, message) => {
    const before = await snapshot();
    const result = await graphql(running.url, configure, {
      token: await manager('north'),
      variables: { stages },
    });
    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(result.errors?.[0]?.message).toMatch(message);
    expect(await snapshot()).toEqual(before);
  });
});
