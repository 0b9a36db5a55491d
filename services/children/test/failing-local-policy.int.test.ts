import type { Role } from '@footprint/auth';
import { casesForOtherRoles, graphql, type Snapshot, snapshotSchema, testService } from '@footprint/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { service as children } from '../src/index.ts';

const running = testService(children, {
  seed: async (db) => {
    await db.query(`
      insert into children.local_policy (tenant_id, key, effective, value) values
        ('north', 'age_bands', '2020-04-01', '0,5,10,16'),
        ('south', 'age_bands', '2021-04-01', '0,1,5,11,17');
    `);
  },
});
beforeAll(running.start);
afterAll(running.stop);

/** Every row of the schema, audit trail included, read past row-level security. */
const everything = () => snapshotSchema(running.database.superuser, 'children');

const code = (result: { errors?: { extensions?: Record<string, unknown> }[] }) =>
  result.errors?.[0]?.extensions?.code;

const SET = `mutation ($key: String!, $value: String!, $effective: Date!) {
  setLocalPolicy(key: $key, value: $value, effective: $effective) { key value effective }
}`;

const operations = {
  setLocalPolicy: {
    query: SET,
    variables: { key: 'age_bands', value: '0,2,9,18', effective: '2023-04-01' },
  },
  localPolicy: { query: '{ localPolicy { key value effective } }', variables: {} },
  ageBandsInForce: { query: '{ ageBandsInForce { bounds labels effective } }', variables: {} },
} as const;

const allowed: Role[] = ['manager', 'council_admin'];

describe('roles', () => {
  it.each(casesForOtherRoles(Object.keys(operations) as (keyof typeof operations)[], ...allowed))(
    'refuses %s to a %s, shows nothing and writes nothing',
    async (name, role) => {
      const before = await everything();
      const { query, variables } = operations[name];
      const result = await graphql(running.url, query, {
        token: await running.keys.tokenForRole(role),
        variables,
      });
      expect(code(result)).toBe('FORBIDDEN');
      expect(JSON.stringify(result.data ?? null)).not.toMatch(/0,5,10,16|age_bands/);
      expect(await everything()).toEqual(before);
    },
  );

  it.each(allowed)('refuses a %s of no council', async (role) => {
    const before = await everything();
    const result = await graphql(running.url, SET, {
      token: await running.keys.tokenForRole(role, { tenant: null }),
      variables: operations.setLocalPolicy.variables,
    });
    expect(result.errors?.length).toBeGreaterThan(0);
    expect(result.data?.setLocalPolicy ?? null).toBeNull();
    expect(await everything()).toEqual(before);
  });

  it('refuses a call with no token', async () => {
    const result = await graphql(running.url, '{ localPolicy { key } }');
    expect(result.status).toBe(401);
  });
});

describe('two councils', () => {
  it('shows each council only its own settings', async () => {
    for (const [tenant, value] of [
      ['north', '0,5,10,16'],
      ['south', '0,1,5,11,17'],
    ] as const) {
      const result = await graphql<{ localPolicy: { value: string }[] }>(
        running.url,
        '{ localPolicy { value } }',
        { token: await running.keys.tokenForRole('manager', { tenant }) },
      );
      expect(result.data?.localPolicy).toEqual([{ value }]);
    }
  });

  it('a manager of one council cannot change the other’s setting of the same key and date', async () => {
    const result = await graphql(running.url, SET, {
      token: await running.keys.tokenForRole('manager', { tenant: 'south' }),
      variables: { key: 'age_bands', value: '0,2,12', effective: '2020-04-01' },
    });
    expect(result.errors).toBeUndefined();
    const { rows } = await running.database.superuser.query(
      `select tenant_id, value from children.local_policy where effective = '2020-04-01' order by tenant_id`,
    );
    expect(rows).toEqual([
      { tenant_id: 'north', value: '0,5,10,16' },
      { tenant_id: 'south', value: '0,2,12' },
    ]);
  });
});

describe('bad input', () => {
  let before: Snapshot;
  const refused = async (variables: Record<string, unknown>) => {
    before = await everything();
    const result = await graphql(running.url, SET, {
      token: await running.keys.tokenForRole('manager'),
      variables,
    });
    expect(code(result)).toBe('BAD_USER_INPUT');
    expect(result.data?.setLocalPolicy ?? null).toBeNull();
    expect(await everything()).toEqual(before);
    return result.errors![0]!;
  };

  it.each([
    ['not ascending', '0,5,5,10', 'age_bands: age bands must be strictly ascending'],
    ['descending', '0,10,5', 'age_bands: age bands must be strictly ascending'],
    ['not starting at 0', '1,5,10,16', 'age_bands: age bands start at 0'],
    ['not numbers', '0,one,5', 'age_bands: must be whole numbers separated by commas'],
    ['negative', '0,-1,5', 'age_bands: must be whole numbers separated by commas'],
    ['not whole', '0,1.5,5', 'age_bands: must be whole numbers separated by commas'],
    ['empty', '', 'age_bands: must be whole numbers separated by commas'],
    ['a trailing comma', '0,5,', 'age_bands: must be whole numbers separated by commas'],
  ])('refuses age bands %s, naming the problem, and changes nothing', async (_name, value, message) => {
    const error = await refused({ key: 'age_bands', value, effective: '2023-04-01' });
    expect(error).toMatchObject({ message, extensions: { code: 'BAD_USER_INPUT', field: 'value' } });
  });

  it.each(['2023-02-30', '2023-4-1', '01/04/2023', '', 'today', '2023-13-01'])(
    'refuses effective date %j and changes nothing',
    async (effective) => {
      await refused({ key: 'age_bands', value: '0,1,5,10,16', effective });
    },
  );

  it('refuses a key Footprint does not know, naming it, and changes nothing', async () => {
    const error = await refused({ key: 'favourite_colour', value: 'blue', effective: '2023-04-01' });
    expect(error).toMatchObject({
      message: 'favourite_colour is not a setting Footprint knows',
      extensions: { field: 'key' },
    });
  });

  it('refuses a bad value of another key as the import would', async () => {
    const error = await refused({ key: 'capacity_band', value: 'lots', effective: '2023-04-01' });
    expect(error).toMatchObject({
      message: 'capacity_band: must be a number',
      extensions: { field: 'value' },
    });
  });

  it('keeps the setting already stored for the date when a new value is refused', async () => {
    await refused({ key: 'age_bands', value: '5,0', effective: '2020-04-01' });
    const { rows } = await running.database.superuser.query(
      `select value from children.local_policy where tenant_id = 'north'`,
    );
    expect(rows).toEqual([{ value: '0,5,10,16' }]);
  });
});
