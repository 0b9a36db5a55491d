import { encodeCareHistory } from '@footprint/graphql';
import {
  callEntities,
  casesForOtherRoles,
  entitiesQuery,
  inCouncilTransaction,
  snapshotSchema,
  testService,
} from '@footprint/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { service as reviews } from '../src/index.ts';
import {
  AS_OF,
  complianceRepresentation,
  forgedRepresentation,
  northChildren,
  northPolicy,
  seedCompliance,
  seedSnapshots,
} from './compliance-fixtures.ts';

const running = testService(reviews, {
  seed: async (db) => {
    await seedCompliance(db);
    await seedSnapshots(db);
  },
});
beforeAll(running.start);
afterAll(running.stop);

/** Every row of the schema, audit trail included: a refused call must add none. */
const everything = () => snapshotSchema(running.database.superuser, 'reviews');

const entities = (token: string | undefined, representations: unknown[], selection: string) =>
  callEntities(running.url, entitiesQuery('Compliance', selection), representations, { token });

const FIELDS = {
  asOf: 'asOf',
  reviewsChecks: 'reviewsChecks { check count items { reference iroId } }',
  reviewsRecordedChecks: 'reviewsRecordedChecks { check count items { reference iroId } }',
};

const representation = () => complianceRepresentation(AS_OF, northChildren, northPolicy);

describe('roles', () => {
  it.each(casesForOtherRoles(['reviewsChecks'], 'manager'))(
    'refuses %s to a %s, reading and recording nothing',
    async (field, role) => {
      const before = await everything();
      const result = await entities(await running.keys.tokenForRole(role), [representation()], FIELDS[field]);
      expect(result.errors?.map((error) => error.extensions?.code)).toEqual(['FORBIDDEN']);
      expect(result.data?._entities).toEqual([null]);
      expect(await everything()).toEqual(before);
    },
  );

  it.each(casesForOtherRoles(['asOf', 'reviewsRecordedChecks'] as const, 'manager', 'iro'))(
    'refuses %s to a %s, reading and recording nothing',
    async (field, role) => {
      const before = await everything();
      const result = await entities(await running.keys.tokenForRole(role), [representation()], FIELDS[field]);
      expect(result.errors?.map((error) => error.extensions?.code)).toEqual(['FORBIDDEN']);
      expect(result.data?._entities).toEqual([null]);
      expect(await everything()).toEqual(before);
    },
  );

  it('refuses an IRO the live checks, which are for managers', async () => {
    const before = await everything();
    const result = await entities(
      await running.keys.tokenForRole('iro'),
      [representation()],
      FIELDS.reviewsChecks,
    );
    expect(result.errors?.map((error) => error.extensions?.code)).toEqual(['FORBIDDEN']);
    expect(await everything()).toEqual(before);
  });

  it('refuses a call with no token', async () => {
    for (const selection of Object.values(FIELDS)) {
      const result = await entities(undefined, [representation()], selection);
      expect(result.status).toBe(401);
      expect(result.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    }
  });
});

describe('bad input', () => {
  const refused = async (representation: unknown, selection: string, message: string, field?: string) => {
    const before = await everything();
    const result = await entities(await running.keys.tokenForRole('manager'), [representation], selection);
    expect(result.errors?.[0]?.message).toBe(message);
    expect(result.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      ...(field ? { field } : {}),
    });
    expect(result.data?._entities).toEqual([null]);
    expect(await everything()).toEqual(before);
  };

  it.each([['2024-02-30'], ['01/03/2024'], [''], [20240301], [null]])(
    'refuses the date %j on every field, naming it',
    async (asOf) => {
      for (const selection of Object.values(FIELDS)) {
        await refused(
          forgedRepresentation({ asOf }),
          selection,
          'asOf must be a calendar date as YYYY-MM-DD',
          'asOf',
        );
      }
    },
  );

  const careHistoryMessage =
    'The review checks need the council’s careHistory from the children subgraph (CareHistory: each child in a period of care on asOf, with their id, date of birth and episodes)';
  const [a] = encodeCareHistory(northChildren);

  it.each([
    ['missing', undefined],
    ['not a list', { childId: 'A' }],
    ['in the GraphQL object form', northChildren],
    ['an impossible date of birth', [[a![0], '2012-02-30', a![2]]]],
    ['an episode without its legal status', [[a![0], a![1], a![2].split(',').slice(0, 3).join(',')]]],
    ['an empty child id', [['', a![1], a![2]]]],
  ])('refuses a care history %s, writing nothing', async (_what, careHistory) => {
    await refused(forgedRepresentation({ careHistory }), FIELDS.reviewsChecks, careHistoryMessage);
  });

  const policyMessage =
    'The review checks need the council’s policy in force on asOf from the children subgraph (LocalPolicy)';

  it.each([
    ['missing', undefined],
    ['not an object', 'default'],
    ['without midway reviews', { ...northPolicy, midwayReviews: undefined }],
    ['with midway reviews as text', { ...northPolicy, midwayReviews: 'yes' }],
    [
      'with a review interval longer than the statute',
      { ...northPolicy, reviewIntervals: [{ fromAge: 0, toAge: 5, months: 12 }] },
    ],
    [
      'with negative paperwork days',
      { ...northPolicy, paperwork: { ...northPolicy.paperwork, outcomesIssuedDays: -1 } },
    ],
  ])('refuses a policy %s, writing nothing', async (_what, policy) => {
    await refused(forgedRepresentation({ policy }), FIELDS.reviewsChecks, policyMessage);
  });

  it('answers the sound representations of a call and refuses only the bad one', async () => {
    const result = await entities(
      await running.keys.tokenForRole('manager'),
      [representation(), forgedRepresentation({ policy: null })],
      'reviewsChecks { check count }',
    );
    expect(
      result.errors?.map((error) => [
        error.message,
        error.extensions?.code,
        (error as { path?: unknown }).path,
      ]),
    ).toEqual([[policyMessage, 'BAD_USER_INPUT', ['_entities', 1, 'reviewsChecks']]]);
    expect(result.data?._entities[0]).toMatchObject({
      reviewsChecks: expect.arrayContaining([{ check: 'review_overdue', count: 2 }]),
    });
    expect(result.data?._entities[1]).toBeNull();
  });
});

describe('tenancy', () => {
  it('cannot store a snapshot for another council from inside one council', async () => {
    await inCouncilTransaction(running.database.urlFor('reviews'), 'north', async (client) => {
      await expect(
        client.query(
          `insert into reviews.compliance_snapshots (tenant_id, snapshot_date, "check", count, items)
           values ('south', '2024-03-02', 'review_overdue', 0, '[]')`,
        ),
      ).rejects.toThrow(/row-level security/);
    });
  });

  it('never lists another council’s stored items for a night it did not store', async () => {
    const result = await entities(
      await running.keys.tokenForRole('manager', { tenant: 'south' }),
      [{ __typename: 'Compliance', asOf: '2024-02-29' }],
      FIELDS.reviewsRecordedChecks,
    );
    expect(result.data?._entities).toEqual([{ reviewsRecordedChecks: [] }]);
  });
});
