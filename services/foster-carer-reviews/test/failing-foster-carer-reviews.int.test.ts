import type { Role } from '@footprint/auth';
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
import { service as fosterCarerReviews } from '../src/index.ts';
import { seedTwoCouncils, snapshot } from './fixtures.ts';

let database: TestDatabase;
let keys: TestKeys;
let running: TestService;

beforeAll(async () => {
  running = await startTestService(fosterCarerReviews, { seed: seedTwoCouncils });
  ({ database, keys } = running);
});

afterAll(() => running?.stop());

const approve = `mutation ($input: ApproveFosterHouseholdInput!) { approveFosterHousehold(input: $input) { id } }`;
const record = `mutation ($input: RecordFosterCarerReviewInput!) { recordFosterCarerReview(input: $input) { date } }`;
const end = `mutation ($input: EndFosterHouseholdInput!) { endFosterHousehold(input: $input) { id } }`;

const manager = () => keys.tokenFor({ tenant: 'north', roles: ['manager'] });

/** Runs a call and proves it changed nothing in either table. */
async function unchanged<T>(call: () => Promise<T>) {
  const before = await snapshot(database.superuser);
  const result = await call();
  expect(await snapshot(database.superuser)).toEqual(before);
  return result;
}

describe('tokens', () => {
  it('refuses a call with no token', async () => {
    const result = await graphql(running.url, '{ fosterHouseholds { id } }');
    expect(result.status).toBe(401);
    expect(result.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('refuses a token signed with another key', async () => {
    const other = await createTestKeys();
    const token = await other.tokenFor({ tenant: 'north', roles: ['manager'] });
    expect((await graphql(running.url, '{ fosterHouseholds { id } }', { token })).status).toBe(401);
  });
});

describe('roles', () => {
  const outsiders: Role[] = ['iro', 'council_admin', 'advocate', 'ccc_member', 'platform_operator'];

  it.each(outsiders)('gives a %s no household, review or change', async (role) => {
    const token = await keys.tokenFor({ tenant: 'north', roles: [role], staffRef: 'F1', provider: null });
    const calls = [
      graphql(running.url, '{ fosterHouseholds { id } }', { token }),
      graphql(running.url, '{ fosterHousehold(id: "H1") { id } }', { token }),
      graphql(running.url, approve, {
        token,
        variables: { input: { id: 'X1', type: 'mainstream', approvedOn: '2024-01-01' } },
      }),
      graphql(running.url, record, {
        token,
        variables: { input: { householdId: 'H1', date: '2024-01-01', outcome: 'continued' } },
      }),
      graphql(running.url, end, {
        token,
        variables: { input: { householdId: 'H1', endedOn: '2024-01-01' } },
      }),
    ];
    const results = await unchanged(() => Promise.all(calls));
    for (const result of results) {
      for (const value of Object.values(result.data ?? {})) expect(value).toBeNull();
      expect(result.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    }
  });

  it.each(outsiders)('resolves no household entity for a %s', async (role) => {
    const token = await keys.tokenFor({ tenant: 'north', roles: [role] });
    const result = await graphql<{ _entities: unknown[] }>(
      running.url,
      `query ($reps: [_Any!]!) { _entities(representations: $reps) { ... on FosterHousehold { id name } } }`,
      { token, variables: { reps: [{ __typename: 'FosterHousehold', id: 'H1' }] } },
    );
    expect(result.data?._entities ?? [null]).toEqual([null]);
    expect(JSON.stringify(result)).not.toContain('Smith');
  });

  it('lets only a manager approve or end a household', async () => {
    const token = await keys.tokenFor({ tenant: 'north', roles: ['fcro'], staffRef: 'F1' });
    const [approved, ended] = await unchanged(() =>
      Promise.all([
        graphql(running.url, approve, {
          token,
          variables: { input: { id: 'X1', type: 'mainstream', approvedOn: '2024-01-01' } },
        }),
        graphql(running.url, end, {
          token,
          variables: { input: { householdId: 'H1', endedOn: '2024-01-01' } },
        }),
      ]),
    );
    expect(approved.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(ended.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('lets an FCRO record reviews only as themselves', async () => {
    const token = await keys.tokenFor({ tenant: 'north', roles: ['fcro'], staffRef: 'F1' });
    const result = await unchanged(() =>
      graphql(running.url, record, {
        token,
        variables: { input: { householdId: 'H1', date: '2024-08-01', outcome: 'continued', fcroId: 'F2' } },
      }),
    );
    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(result.errors?.[0]?.message).toMatch(/records reviews as themselves: fcroId must be F1/);
  });

  it('refuses a review from an FCRO account with no staff reference', async () => {
    const token = await keys.tokenFor({ tenant: 'north', roles: ['fcro'], staffRef: null });
    const result = await unchanged(() =>
      graphql(running.url, record, {
        token,
        variables: { input: { householdId: 'H1', date: '2024-08-01', outcome: 'continued' } },
      }),
    );
    expect(result.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(result.errors?.[0]?.message).toMatch(/no staff reference/);
  });

  it('needs a council: a token with no tenant reads nothing', async () => {
    const token = await keys.tokenFor({ tenant: null, roles: ['manager'] });
    const result = await graphql(running.url, '{ fosterHouseholds { id } }', { token });
    expect(result.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});

describe('tenancy in the database', () => {
  it('forces row-level security on every table', async () => {
    const rows = await rowSecurityOf(database.superuser, 'foster_carer_reviews');
    expect(rows.map((row) => row.relname).sort()).toEqual([
      'audit_events',
      'compliance_snapshots',
      'households',
      'reviews',
    ]);
    for (const row of rows)
      expect(row, row.relname).toMatchObject({ relrowsecurity: true, relforcerowsecurity: true });
  });

  it('returns no rows to the service role with no council set', async () => {
    await withClient(database.urlFor('foster-carer-reviews'), async (client) => {
      const { rows: role } = await client.query(
        `select rolsuper, rolbypassrls from pg_roles where rolname = current_user`,
      );
      expect(role).toEqual([{ rolsuper: false, rolbypassrls: false }]);
      for (const table of ['households', 'reviews', 'audit_events']) {
        const { rows } = await client.query(`select count(*)::int as n from foster_carer_reviews.${table}`);
        expect(rows[0].n, table).toBe(0);
      }
    });
  });

  it('cannot write a row into another council from inside one council', async () => {
    await inCouncilTransaction(database.urlFor('foster-carer-reviews'), 'north', async (client) => {
      await expect(
        client.query(
          `insert into foster_carer_reviews.households (tenant_id, id, type, approved_on) values ('south', 'X', 'mainstream', '2024-01-01')`,
        ),
      ).rejects.toThrow(/row-level security/);
    });
  });

  it('cannot change or delete the audit trail', async () => {
    await withClient(database.urlFor('foster-carer-reviews'), async (client) => {
      await expect(client.query('delete from foster_carer_reviews.audit_events')).rejects.toThrow(
        /permission denied/,
      );
    });
  });
});

describe('bad input to recordFosterCarerReview', () => {
  const base = { householdId: 'H1', date: '2024-08-01', outcome: 'continued' };

  it.each([
    [
      'an unknown household',
      { householdId: 'NOPE' },
      /No foster household NOPE in this council/,
      'householdId',
    ],
    [
      'a household of another council',
      { householdId: 'H9' },
      /No foster household H9 in this council/,
      'householdId',
    ],
    [
      'a date before approval',
      { householdId: 'H5', date: '2024-05-31' },
      /2024-05-31 is before household H5 was approved on 2024-06-01/,
      'date',
    ],
    [
      'a date after approval ended',
      { householdId: 'H6', date: '2023-07-01' },
      /H6 was not approved on 2023-07-01: its approval ended on 2023-06-30/,
      'date',
    ],
    ['a date in the future', { date: '2999-01-01' }, /2999-01-01 is in the future/, 'date'],
    [
      'a second review on one date',
      { date: '2023-08-31' },
      /review of household H1 on 2023-08-31 is already recorded/,
      'date',
    ],
    [
      'an ending outcome before a later review',
      { date: '2023-01-10', outcome: 'resigned' },
      /H1 has a review on 2023-08-31, so its approval cannot end on 2023-01-10/,
      'outcome',
    ],
    ['an empty household reference', { householdId: '  ' }, /householdId is required/, 'householdId'],
    ['an empty FCRO reference', { fcroId: '' }, /fcroId must not be empty/, 'fcroId'],
    [
      'notes that are too long',
      { notes: 'x'.repeat(4001) },
      /notes are longer than 4000 characters/,
      'notes',
    ],
  ])('refuses %s and changes nothing', async (_name, change, message, field) => {
    const result = await unchanged(async () =>
      graphql(running.url, record, { token: await manager(), variables: { input: { ...base, ...change } } }),
    );
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect(result.errors?.[0]?.message).toMatch(message);
  });

  it.each([
    [
      'an unknown outcome',
      { outcome: 'approved' },
      /Value "approved" does not exist in "FosterReviewOutcome" enum/,
    ],
    ['an impossible date', { date: '2023-02-30' }, /2023-02-30 is not a real date/],
    ['a date in another form', { date: '01/08/2024' }, /Date must be a calendar date as YYYY-MM-DD/],
    ['a missing outcome', { outcome: undefined }, /outcome.*required|Field "outcome" of required type/],
  ])('refuses %s and changes nothing', async (_name, change, message) => {
    const result = await unchanged(async () =>
      graphql(running.url, record, { token: await manager(), variables: { input: { ...base, ...change } } }),
    );
    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(result.errors?.[0]?.message).toMatch(message);
  });
});

describe('bad input to approveFosterHousehold', () => {
  const base = { id: 'H8', type: 'mainstream', approvedOn: '2024-01-01' };

  it.each([
    [
      'a reference already recorded',
      { id: 'H1' },
      /Household H1 is already recorded in this council \(approved on 2022-08-31\)/,
      'id',
    ],
    ['an empty reference', { id: ' ' }, /HOUSEHOLD reference \(id\) is required/, 'id'],
    [
      'an approval in the future',
      { approvedOn: '2999-01-01' },
      /approval date 2999-01-01 is in the future/,
      'approvedOn',
    ],
    ['a name that is too long', { name: 'x'.repeat(201) }, /name is longer than 200 characters/, 'name'],
  ])('refuses %s and changes nothing', async (_name, change, message, field) => {
    const result = await unchanged(async () =>
      graphql(running.url, approve, { token: await manager(), variables: { input: { ...base, ...change } } }),
    );
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect(result.errors?.[0]?.message).toMatch(message);
  });

  it('refuses an unknown household type and changes nothing', async () => {
    const result = await unchanged(async () =>
      graphql(running.url, approve, {
        token: await manager(),
        variables: { input: { ...base, type: 'kinship' } },
      }),
    );
    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(result.errors?.[0]?.message).toMatch(
      /Value "kinship" does not exist in "FosterHouseholdType" enum/,
    );
  });
});

describe('bad input to endFosterHousehold', () => {
  it.each([
    [
      'an unknown household',
      { householdId: 'NOPE', endedOn: '2024-01-01' },
      /No foster household NOPE in this council/,
      'householdId',
    ],
    [
      'a household of another council',
      { householdId: 'H9', endedOn: '2024-01-01' },
      /No foster household H9/,
      'householdId',
    ],
    [
      'a household already ended',
      { householdId: 'H6', endedOn: '2024-01-01' },
      /H6's approval already ended on 2023-06-30/,
      'householdId',
    ],
    [
      'an end before approval',
      { householdId: 'H5', endedOn: '2024-05-01' },
      /end date 2024-05-01 is before household H5 was approved on 2024-06-01/,
      'endedOn',
    ],
    [
      'an end in the future',
      { householdId: 'H1', endedOn: '2999-01-01' },
      /end date 2999-01-01 is in the future/,
      'endedOn',
    ],
    [
      'an end before a review held',
      { householdId: 'H1', endedOn: '2023-08-30' },
      /H1 has a review on 2023-08-31, so its approval cannot end on 2023-08-30/,
      'endedOn',
    ],
  ])('refuses %s and changes nothing', async (_name, input, message, field) => {
    const result = await unchanged(async () =>
      graphql(running.url, end, { token: await manager(), variables: { input } }),
    );
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect(result.errors?.[0]?.message).toMatch(message);
  });
});
