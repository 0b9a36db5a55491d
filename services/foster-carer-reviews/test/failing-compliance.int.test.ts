import {
  callEntities,
  casesForOtherRoles,
  entitiesQuery,
  rowSecurityOf,
  snapshotSchema,
  testService,
  withClient,
} from '@footprint/testing';
import { describeComplianceRoles } from '@footprint/testing/compliance';
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

describeComplianceRoles({
  running,
  schema: 'foster_carer_reviews',
  prefix: 'fosterCarerReviews',
  representation: { asOf: '2024-03-11' },
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
