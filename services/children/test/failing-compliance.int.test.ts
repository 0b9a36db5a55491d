import type { Role } from '@footprint/auth';
import {
  callEntities,
  casesForOtherRoles,
  entitiesQuery,
  graphql,
  inCouncilTransaction,
  rowSecurityOf,
  snapshotSchema,
  testService,
  withClient,
} from '@footprint/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { service as children } from '../src/index.ts';
import { AS_OF, seedComplianceCouncils, seedStoredChecks } from './compliance-fixtures.ts';

const running = testService(children, {
  seed: async (db) => {
    await seedComplianceCouncils(db);
    await seedStoredChecks(db);
  },
});
beforeAll(running.start);
afterAll(running.stop);

const token = (role: Role) => running.keys.tokenForRole(role);
const manager = (tenant = 'north') => running.keys.tokenForRole('manager', { tenant });

/** Every row of the schema, audit trail included, read past row-level security. */
const everything = () => snapshotSchema(running.database.superuser, 'children');

const code = (result: { errors?: { extensions?: Record<string, unknown> }[] }) =>
  result.errors?.[0]?.extensions?.code;

const compliance = (asOf: unknown = AS_OF) => ({ __typename: 'Compliance', asOf });

/** What only a manager may ask: the live computation and what other subgraphs require for it. */
const computerQueries = {
  compliance: `{ compliance(asOf: "${AS_OF}") { asOf } }`,
  'compliance.childrenChecks': `{ compliance(asOf: "${AS_OF}") { childrenChecks { check } } }`,
} as const;
const computerFields = {
  careHistory: 'careHistory',
  policy: 'policy',
  allocatedIros: 'allocatedIros { childId iroId }',
  childrenChecks: 'childrenChecks { check items { reference } }',
} as const;
/** What a manager or an IRO may ask: the stored nights. */
const readerQueries = {
  complianceHistory: '{ complianceHistory(from: "2024-05-01", to: "2024-06-30") { asOf } }',
  latestCompliance: '{ latestCompliance { asOf } }',
  'latestCompliance.childrenRecordedChecks': '{ latestCompliance { childrenRecordedChecks { check } } }',
} as const;
const readerFields = {
  asOf: 'asOf',
  childrenRecordedChecks: 'childrenRecordedChecks { check items { reference } }',
} as const;
const mutations = {
  recordSiblingGroup: 'mutation { recordSiblingGroup(childIds: ["C3", "C5"]) { id } }',
  removeFromSiblingGroup: 'mutation { removeFromSiblingGroup(childId: "C1") { id } }',
} as const;

describe('roles', () => {
  it.each(casesForOtherRoles(Object.keys(computerQueries) as (keyof typeof computerQueries)[], 'manager'))(
    'refuses %s to a %s and writes nothing',
    async (name, role) => {
      const before = await everything();
      const result = await graphql(running.url, computerQueries[name], { token: await token(role) });
      expect(code(result)).toBe('FORBIDDEN');
      expect(result.data).toBeNull();
      expect(await everything()).toEqual(before);
    },
  );

  it.each(casesForOtherRoles(Object.keys(computerFields) as (keyof typeof computerFields)[], 'manager'))(
    'refuses Compliance.%s to a %s through _entities',
    async (name, role) => {
      const result = await callEntities(
        running.url,
        entitiesQuery('Compliance', computerFields[name]),
        [compliance()],
        {
          token: await token(role),
        },
      );
      expect(code(result)).toBe('FORBIDDEN');
      expect(JSON.stringify(result.data)).not.toMatch(/C1|I2|G1|capacityBand/);
    },
  );

  it.each(casesForOtherRoles(Object.keys(readerQueries) as (keyof typeof readerQueries)[], 'manager', 'iro'))(
    'refuses %s to a %s',
    async (name, role) => {
      const result = await graphql(running.url, readerQueries[name], { token: await token(role) });
      expect(code(result)).toBe('FORBIDDEN');
      expect(JSON.stringify(result.data)).not.toMatch(/2024-06|caseload/);
    },
  );

  it.each(casesForOtherRoles(Object.keys(readerFields) as (keyof typeof readerFields)[], 'manager', 'iro'))(
    'refuses Compliance.%s to a %s through _entities',
    async (name, role) => {
      const result = await callEntities(
        running.url,
        entitiesQuery('Compliance', readerFields[name]),
        [compliance('2024-06-02')],
        { token: await token(role) },
      );
      expect(code(result)).toBe('FORBIDDEN');
      expect(JSON.stringify(result.data)).not.toMatch(/I2|G1|caseload/);
    },
  );

  it.each(casesForOtherRoles(Object.keys(mutations) as (keyof typeof mutations)[], 'manager', 'iro'))(
    'refuses %s to a %s and changes nothing',
    async (name, role) => {
      const before = await everything();
      const result = await graphql(running.url, mutations[name], { token: await token(role) });
      expect(code(result)).toBe('FORBIDDEN');
      expect(await everything()).toEqual(before);
    },
  );

  it.each(casesForOtherRoles(['Child.siblingGroup'], 'manager', 'iro'))(
    'shows %s to a %s never',
    async (_name, role) => {
      const t = await token(role);
      const direct = await graphql(running.url, '{ child(id: "C1") { siblingGroup { id childIds } } }', {
        token: t,
      });
      const entity = await callEntities(
        running.url,
        entitiesQuery('Child', 'siblingGroup { id childIds }'),
        [{ __typename: 'Child', id: 'C1' }],
        { token: t },
      );
      for (const result of [direct, entity]) {
        expect(JSON.stringify(result.data ?? null)).not.toMatch(/G1|C2/);
        for (const error of result.errors ?? []) expect(error.extensions?.code).toBe('FORBIDDEN');
      }
    },
  );

  it('shows an IRO the stored items of no other IRO, and no group of a child not theirs', async () => {
    const t = await running.keys.tokenForRole('iro', { staffRef: 'I3' });
    const result = await graphql<{ latestCompliance: { childrenRecordedChecks: { count: number }[] } }>(
      running.url,
      '{ latestCompliance { childrenRecordedChecks { count } } }',
      { token: t },
    );
    expect(result.data?.latestCompliance.childrenRecordedChecks).toEqual([
      { count: 0 },
      { count: 0 },
      { count: 0 },
    ]);
    const child = await graphql(running.url, '{ child(id: "C1") { siblingGroup { id } } }', { token: t });
    expect(child.data).toEqual({ child: null });
  });

  it('refuses a manager of no council', async () => {
    const t = await running.keys.tokenForRole('manager', { tenant: null });
    for (const query of [
      computerQueries.compliance,
      readerQueries.latestCompliance,
      mutations.recordSiblingGroup,
    ]) {
      expect(code(await graphql(running.url, query, { token: t }))).toBe('FORBIDDEN');
    }
  });

  it('refuses a call with no token', async () => {
    expect((await graphql(running.url, computerQueries.compliance)).status).toBe(401);
  });
});

describe('bad input', () => {
  it.each(['2024-02-30', '2024-6-3', 'today', '', 20240603, null])(
    'refuses a representation whose asOf is %j, naming asOf',
    async (asOf) => {
      const result = await callEntities(
        running.url,
        entitiesQuery('Compliance', 'asOf childrenChecks { check }'),
        [compliance(asOf)],
        {
          token: await manager(),
        },
      );
      expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'asOf' });
      expect(JSON.stringify(result.data)).not.toMatch(/caseload/);
    },
  );

  it.each(['2024-02-30', '03/06/2024'])('refuses compliance on %s and writes nothing', async (asOf) => {
    const before = await everything();
    const result = await graphql(running.url, 'query ($asOf: Date!) { compliance(asOf: $asOf) { asOf } }', {
      token: await manager(),
      variables: { asOf },
    });
    expect(result.errors?.length).toBeGreaterThan(0);
    expect(result.data ?? null).toBeNull();
    expect(await everything()).toEqual(before);
  });

  it.each([
    ['to before from', '2024-06-02', '2024-06-01', 'to must not be before from'],
    ['401 days', '2023-05-01', '2024-06-05', 'to must be at most 400 days after from'],
  ])('refuses a history with %s, naming to', async (_what, from, to, message) => {
    const result = await graphql(
      running.url,
      'query ($from: Date!, $to: Date!) { complianceHistory(from: $from, to: $to) { asOf } }',
      { token: await manager(), variables: { from, to } },
    );
    expect(result.errors?.[0]).toMatchObject({
      message,
      extensions: { code: 'BAD_USER_INPUT', field: 'to' },
    });
  });

  it('accepts a history of exactly 400 days', async () => {
    const result = await graphql(
      running.url,
      '{ complianceHistory(from: "2023-04-29", to: "2024-06-02") { asOf } }',
      {
        token: await manager(),
      },
    );
    expect(result.data).toEqual({ complianceHistory: [{ asOf: '2024-06-01' }, { asOf: '2024-06-02' }] });
  });

  it.each([
    ['one child', ['C3'], 'A sibling group needs at least two children'],
    ['no child', [], 'A sibling group needs at least two children'],
    ['a child twice', ['C3', 'C5', 'C3'], 'childIds names C3 more than once'],
    ['a blank id', ['C3', ' '], 'childIds must not be empty'],
    ['children of no council here', ['C3', 'S9', 'X1'], 'No child S9 and X1 in this council'],
    [
      'a child already in a group',
      ['C3', 'C2'],
      'C2 is already in a sibling group: remove them from it first',
    ],
    [
      'children already in groups',
      ['C6', 'C1', 'C5'],
      'C1 and C6 are already in a sibling group: remove each from it first',
    ],
  ])(
    'refuses a sibling group of %s, naming the problem, and changes nothing',
    async (_what, childIds, message) => {
      const before = await everything();
      const result = await graphql(
        running.url,
        'mutation ($childIds: [ID!]!) { recordSiblingGroup(childIds: $childIds) { id } }',
        { token: await manager(), variables: { childIds } },
      );
      expect(result.errors?.[0]).toMatchObject({
        message,
        extensions: { code: 'BAD_USER_INPUT', field: 'childIds' },
      });
      expect(await everything()).toEqual(before);
    },
  );

  it('refuses another council’s children although the references match', async () => {
    // South has C1 and C2, both in its G1; north's C3 and C10 are not south's.
    const result = await graphql(
      running.url,
      'mutation { recordSiblingGroup(childIds: ["C3", "C10"]) { id } }',
      {
        token: await manager('south'),
      },
    );
    expect(result.errors?.[0]?.message).toBe('No child C3 and C10 in this council');
  });

  it.each([
    ['a child of no council here', 'S9', 'No child S9 in this council'],
    ['a child in no group', 'C3', 'C3 is in no sibling group'],
    ['a blank id', ' ', 'childId is required'],
  ])('refuses to remove %s from a group, and changes nothing', async (_what, childId, message) => {
    const before = await everything();
    const result = await graphql(
      running.url,
      'mutation ($childId: ID!) { removeFromSiblingGroup(childId: $childId) { id } }',
      { token: await manager(), variables: { childId } },
    );
    expect(result.errors?.[0]).toMatchObject({
      message,
      extensions: { code: 'BAD_USER_INPUT', field: 'childId' },
    });
    expect(await everything()).toEqual(before);
  });
});

describe('tenancy', () => {
  it.each(['sibling_groups', 'compliance_snapshots'])('forces row-level security on %s', async (table) => {
    const rows = await rowSecurityOf(running.database.superuser, 'children');
    expect(rows.find((r) => r.relname === table)).toEqual({
      relname: table,
      relrowsecurity: true,
      relforcerowsecurity: true,
    });
  });

  it('shows the service role no group and no snapshot with no council set', async () => {
    await withClient(running.database.urlFor('children'), async (client) => {
      for (const table of ['sibling_groups', 'compliance_snapshots']) {
        const { rows } = await client.query(`select count(*)::int as n from children.${table}`);
        expect(rows[0].n).toBe(0);
      }
    });
  });

  it('cannot write a group or a snapshot into another council from inside one', async () => {
    await inCouncilTransaction(running.database.urlFor('children'), 'north', async (client) => {
      await expect(
        client.query(
          `insert into children.sibling_groups (tenant_id, group_id, child_id) values ('south', 'G9', 'C9')`,
        ),
      ).rejects.toThrow(/row-level security/);
    });
    await inCouncilTransaction(running.database.urlFor('children'), 'north', async (client) => {
      await expect(
        client.query(
          `insert into children.compliance_snapshots (tenant_id, snapshot_date, "check", count, items) values ('south', '2024-06-03', 'sibling_group_split', 0, '[]')`,
        ),
      ).rejects.toThrow(/row-level security/);
    });
    await inCouncilTransaction(running.database.urlFor('children'), 'north', async (client) => {
      const { rowCount } = await client.query(
        `delete from children.sibling_groups where tenant_id = 'south'`,
      );
      expect(rowCount).toBe(0);
    });
  });
});
