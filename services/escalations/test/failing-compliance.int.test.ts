import { callEntities, entitiesQuery, snapshotSchema, testService } from '@footprint/testing';
import { describeComplianceContract } from '@footprint/testing/compliance';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { service as escalations } from '../src/index.ts';
import { seedCompliance, seedSnapshots } from './compliance-fixtures.ts';

const running = testService(escalations, {
  seed: async (db) => {
    await seedCompliance(db);
    await seedSnapshots(db);
  },
});
beforeAll(running.start);
afterAll(running.stop);

/** Every row of every table, audit trail included: a refused read writes nothing, not even an audit row. */
const _snapshot = () => snapshotSchema(running.database.superuser, 'escalations');

const ask = (token: string | undefined, selection: string, asOf: unknown = '2024-03-11') =>
  callEntities(running.url, entitiesQuery('Compliance', selection), [{ __typename: 'Compliance', asOf }], {
    token,
  });

const _live = 'escalationsChecks { check count items { reference iroId } }';
const recorded = 'escalationsRecordedChecks { check count items { reference iroId } }';

describeComplianceContract({
  running,
  schema: 'escalations',
  prefix: 'escalations',
  representation: { asOf: '2024-03-11' },
});

describe('tenancy', () => {
  it('never lists another council’s stored items for the same night', async () => {
    const result = await ask(
      await running.keys.tokenForRole('iro', { tenant: 'south', staffRef: 'I2' }),
      recorded,
      '2024-03-10',
    );
    expect(result.data).toEqual({
      _entities: [
        {
          escalationsRecordedChecks: [
            { check: 'escalation_response_overdue', count: 0, items: [] },
            { check: 'escalation_stages_over_20_days', count: 0, items: [] },
          ],
        },
      ],
    });
  });
});
