import {
  callEntities,
  casesForOtherRoles,
  entitiesQuery,
  rowSecurityOf,
  snapshotSchema,
  testService,
  withClient,
} from '@footprint/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { service as fosterCarerReviews } from '../src/index.ts';
import { seedCompliance, seedSnapshots } from './compliance-fixtures.ts';

const running = testService(fosterCarerReviews, {
  seed: async (db) => {
    await seedCompliance(db);
    await seedSnapshots(db);
  },
});
beforeAll(running.start);
afterAll(running.stop);

/** Every row of every table, audit trail included: a refused read writes nothing, not even an audit row. */
const snapshot = () => snapshotSchema(running.database.superuser, 'foster_carer_reviews');

const ask = (token: string | undefined, selection: string, asOf: unknown = '2024-03-11') =>
  callEntities(running.url, entitiesQuery('Compliance', selection), [{ __typename: 'Compliance', asOf }], {
    token,
  });

const live = 'fosterCarerReviewsChecks { check count items { reference iroId } }';
const recorded = 'fosterCarerReviewsRecordedChecks { check count items { reference iroId } }';

describe('roles', () => {
  it.each(casesForOtherRoles(['fosterCarerReviewsChecks'], 'manager'))(
    'refuses %s to a %s, reading and writing nothing',
    async (_field, role) => {
      const before = await snapshot();
      const result = await ask(await running.keys.tokenForRole(role), live);
      expect(result.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      expect(JSON.stringify(result.data ?? null)).not.toMatch(/"reference"/);
      expect(await snapshot()).toEqual(before);
    },
  );

  it.each(casesForOtherRoles(['fosterCarerReviewsRecordedChecks', 'asOf'], 'manager', 'iro'))(
    'refuses %s to a %s, reading and writing nothing',
    async (field, role) => {
      const before = await snapshot();
      const result = await ask(
        await running.keys.tokenForRole(role),
        field === 'asOf' ? 'asOf' : recorded,
        '2024-03-10',
      );
      expect(result.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      expect(JSON.stringify(result.data ?? null)).not.toMatch(/"reference"|2024-03-10/);
      expect(await snapshot()).toEqual(before);
    },
  );

  it('refuses a call with no token', async () => {
    const result = await ask(undefined, live);
    expect(result.status).toBe(401);
    expect(result.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
});

describe('bad input', () => {
  it.each([['2024-02-30'], ['11/03/2024'], [''], [20240311], [null]])(
    'refuses the date %j, naming it, and writes nothing',
    async (asOf) => {
      const token = await running.keys.tokenForRole('manager');
      const before = await snapshot();
      for (const selection of [live, recorded]) {
        const result = await ask(token, selection, asOf);
        expect(result.errors?.[0]?.extensions, selection).toMatchObject({
          code: 'BAD_USER_INPUT',
          field: 'asOf',
        });
        expect(result.errors?.[0]?.message).toBe('asOf must be a calendar date as YYYY-MM-DD');
      }
      expect(await snapshot()).toEqual(before);
    },
  );
});

describe('tenancy', () => {
  it('never lists another council’s stored items for the same night', async () => {
    const result = await ask(
      await running.keys.tokenForRole('iro', { tenant: 'south', staffRef: 'R2' }),
      recorded,
      '2024-03-10',
    );
    expect(result.data).toEqual({
      _entities: [
        { fosterCarerReviewsRecordedChecks: [{ check: 'foster_carer_review_overdue', count: 0, items: [] }] },
      ],
    });
  });

  it('forces row-level security on the snapshots, which the service role cannot read without a council', async () => {
    const rows = await rowSecurityOf(running.database.superuser, 'foster_carer_reviews');
    expect(rows.find((row) => row.relname === 'compliance_snapshots')).toMatchObject({
      relrowsecurity: true,
      relforcerowsecurity: true,
    });
    await withClient(running.database.urlFor('foster-carer-reviews'), async (client) => {
      const { rows: counted } = await client.query(
        'select count(*)::int as n from foster_carer_reviews.compliance_snapshots',
      );
      expect(counted[0].n).toBe(0);
    });
  });
});
