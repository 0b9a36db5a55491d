import { callEntities, entitiesQuery, snapshotSchema, testService } from '@footprint/testing';
import { describeComplianceContract } from '@footprint/testing/compliance';
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
const _snapshot = () => snapshotSchema(running.database.superuser, 'foster_carer_reviews');

const ask = (token: string | undefined, selection: string, asOf: unknown = '2024-03-11') =>
  callEntities(running.url, entitiesQuery('Compliance', selection), [{ __typename: 'Compliance', asOf }], {
    token,
  });

const _live = 'fosterCarerReviewsChecks { check count items { reference iroId } }';
const recorded = 'fosterCarerReviewsRecordedChecks { check count items { reference iroId } }';

describeComplianceContract({
  running,
  schema: 'foster_carer_reviews',
  prefix: 'fosterCarerReviews',
  representation: { asOf: '2024-03-11' },
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
});
