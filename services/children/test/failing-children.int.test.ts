import {
  createTestKeys,
  graphql,
  inCouncilTransaction,
  rowSecurityOf,
  startTestService,
  type TestDatabase,
  type TestKeys,
  type TestService,
  withClient,
} from '@footprint/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { service as children } from '../src/index.ts';
import { seedTwoCouncils } from './fixtures.ts';

let database: TestDatabase;
let keys: TestKeys;
let running: TestService;

beforeAll(async () => {
  running = await startTestService(children, { seed: seedTwoCouncils });
  ({ database, keys } = running);
});

afterAll(() => running?.stop());

describe('tokens', () => {
  it('refuses a call with no token', async () => {
    const result = await graphql(running.url, '{ children { id } }');
    expect(result.status).toBe(401);
    expect(result.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('refuses an expired token', async () => {
    const token = await keys.tokenFor({ tenant: 'north', roles: ['manager'] }, -5);
    const result = await graphql(running.url, '{ children { id } }', { token });
    expect(result.status).toBe(401);
  });

  it('refuses a token signed with another key', async () => {
    const other = await createTestKeys();
    const token = await other.tokenFor({ tenant: 'north', roles: ['manager'] });
    const result = await graphql(running.url, '{ children { id } }', { token });
    expect(result.status).toBe(401);
  });
});

describe('roles', () => {
  it('shows an IRO nothing of a child outside their caseload', async () => {
    const token = await keys.tokenFor({ tenant: 'north', roles: ['iro'], staffRef: 'I2' });
    const result = await graphql(running.url, '{ child(id: "C1") { id } children { id } }', { token });
    expect(result.data).toEqual({ child: null, children: [{ id: 'C2' }] });
  });

  it.each([['council_admin'], ['ccc_member'], ['platform_operator'], ['fcro'], ['advocate']] as const)(
    'gives a %s no child records',
    async (role) => {
      const token = await keys.tokenFor({ tenant: 'north', roles: [role] });
      const result = await graphql(running.url, '{ child(id: "C1") { id } }', { token });
      expect(result.data).toEqual({ child: null });
      const list = await graphql(running.url, '{ children { id } }', { token });
      expect(list.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    },
  );

  it('refuses allocation to anyone but a manager', async () => {
    const token = await keys.tokenFor({ tenant: 'north', roles: ['iro'], staffRef: 'I1' });
    const result = await graphql(
      running.url,
      'mutation { allocateIro(input: { childId: "C2", iroId: "I1", startDate: "2024-01-01" }) { startDate } }',
      { token },
    );
    expect(result.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});

describe('tenancy in the database', () => {
  it('forces row-level security on every table', async () => {
    const rows = await rowSecurityOf(database.superuser, 'children');
    expect(rows.length).toBeGreaterThanOrEqual(5);
    for (const row of rows)
      expect(row, row.relname).toMatchObject({ relrowsecurity: true, relforcerowsecurity: true });
  });

  it('returns no rows to the service role with no council set', async () => {
    await withClient(database.urlFor('children'), async (client) => {
      const { rows: role } = await client.query(
        `select rolsuper, rolbypassrls from pg_roles where rolname = current_user`,
      );
      expect(role).toEqual([{ rolsuper: false, rolbypassrls: false }]);
      for (const table of ['children', 'episodes', 'staff', 'allocations', 'audit_events']) {
        const { rows } = await client.query(`select count(*)::int as n from children.${table}`);
        expect(rows[0].n, table).toBe(0);
      }
    });
  });

  it('cannot write a row into another council from inside one council', async () => {
    await inCouncilTransaction(database.urlFor('children'), 'north', async (client) => {
      await expect(
        client.query(
          `insert into children.children (tenant_id, id, sex, date_of_birth, ethnicity) values ('south', 'X', 'F', '2010-01-01', 'WBRI')`,
        ),
      ).rejects.toThrow(/row-level security/);
    });
  });
});

describe('bad input', () => {
  const allocate = async (input: string) =>
    graphql(running.url, `mutation { allocateIro(input: { ${input} }) { startDate } }`, {
      token: await keys.tokenFor({ tenant: 'north', roles: ['manager'] }),
    });

  it.each([
    ['childId: "NOPE", iroId: "I1", startDate: "2024-01-01"', /No child NOPE/],
    ['childId: "C2", iroId: "NOPE", startDate: "2024-01-01"', /No IRO NOPE/],
    ['childId: "C2", iroId: "M1", startDate: "2024-01-01"', /not an IRO/],
    ['childId: "C2", iroId: "I1", startDate: "2021-02-30"', /not a real date/],
    ['childId: "C2", iroId: "I1", startDate: "2022-01-01"', /must start after 2022-03-02/],
    [
      'childId: "C2", iroId: "I2", startDate: "2024-01-01"',
      /already this child's IRO|already this child’s IRO/,
    ],
  ])('rejects %s and changes nothing', async (input, message) => {
    const before = await database.superuser.query('select * from children.allocations order by 1, 2, 3');
    const result = await allocate(input);
    expect(result.errors?.[0]?.message).toMatch(message);
    const after = await database.superuser.query('select * from children.allocations order by 1, 2, 3');
    expect(after.rows).toEqual(before.rows);
  });

  it('cannot allocate a child of another council', async () => {
    const token = await keys.tokenFor({ tenant: 'north', roles: ['manager'] });
    const result = await graphql(
      running.url,
      'mutation { allocateIro(input: { childId: "S9", iroId: "I1", startDate: "2024-01-01" }) { startDate } }',
      { token },
    );
    expect(result.errors?.[0]?.message).toMatch(/No child S9/);
  });
});
