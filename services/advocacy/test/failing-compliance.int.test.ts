import { callEntities, entitiesQuery, snapshotSchema, testService } from '@footprint/testing';
import { describeComplianceContract } from '@footprint/testing/compliance';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { service as advocacy } from '../src/index.ts';
import { careHistory, seedCompliance, seedSnapshots } from './compliance-fixtures.ts';

const running = testService(advocacy, {
  seed: async (db) => {
    await seedCompliance(db);
    await seedSnapshots(db);
  },
});
beforeAll(running.start);
afterAll(running.stop);

/** Every row of every table, audit trail included: a refused read writes nothing, not even an audit row. */
const snapshot = () => snapshotSchema(running.database.superuser, 'advocacy');

const live = 'advocacyChecks { check count items { reference iroId } }';
const recorded = 'advocacyRecordedChecks { check count items { reference iroId } }';

const ask = (token: string | undefined, selection: string, representation: Record<string, unknown>) =>
  callEntities(
    running.url,
    entitiesQuery('Compliance', selection),
    [{ __typename: 'Compliance', ...representation }],
    {
      token,
    },
  );
const north = { asOf: '2024-03-10', careHistory: careHistory.north };

describeComplianceContract({ running, schema: 'advocacy', prefix: 'advocacy', representation: north });

describe('roles of this service', () => {
  it('never shows an advocate the checks, even of their own provider', async () => {
    const token = await running.keys.tokenForRole('advocate', { provider: 'voice' });
    for (const selection of [live, recorded]) {
      const result = await ask(token, selection, north);
      expect(result.errors?.[0]?.extensions?.code, selection).toBe('FORBIDDEN');
      expect(JSON.stringify(result.data ?? null)).not.toMatch(/"reference"/);
    }
  });
});

describe('bad input', () => {
  const careHistoryMessage =
    'The advocacy checks need the council’s careHistory from the children subgraph (CareHistory: each child’s id, date of birth and episodes)';

  it.each([
    ['missing', undefined],
    ['null', null],
    ['not a list', 'C1'],
    ['with a bad date', [['C1', '2008-05-01', '2024-02-30,,S,C2,K1,']]],
    ['with a short episode', [['C1', '2008-05-01', '2024-02-01,,S']]],
    ['with episodes as JSON arrays', [['C1', '2008-05-01', [['2024-02-01', null, 'S', 'C2', 'K1', null]]]]],
    ['with no child id', [['', '2008-05-01', '']]],
  ])('refuses a care history %s, writing nothing', async (_what, history) => {
    const before = await snapshot();
    const result = await ask(await running.keys.tokenForRole('manager'), live, {
      asOf: '2024-03-11',
      careHistory: history,
    });
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'careHistory' });
    expect(result.errors?.[0]?.message).toBe(careHistoryMessage);
    expect(await snapshot()).toEqual(before);
  });
});

describe('tenancy', () => {
  it('never covers a child with another council’s involvement of the same ids', async () => {
    // North's C1 has no open involvement on 11 March; south's INV1 for its C1 is open then.
    const result = await ask(await running.keys.tokenForRole('manager'), live, {
      asOf: '2024-03-11',
      careHistory: [careHistory.south[0]],
    });
    expect(result.data).toEqual({
      _entities: [
        {
          advocacyChecks: [
            { check: 'secure_without_advocate', count: 1, items: [{ reference: '2024-02-01', iroId: null }] },
          ],
        },
      ],
    });
  });
});
