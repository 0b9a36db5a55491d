import { entitiesOf, entitiesQuery, testService } from '@footprint/testing';
import { describeRecordedCheck } from '@footprint/testing/compliance';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { service as fosterCarerReviews } from '../src/index.ts';
import { seedCompliance, seedSnapshots, storedItems } from './compliance-fixtures.ts';

const running = testService(fosterCarerReviews, {
  seed: async (db) => {
    await seedCompliance(db);
    await seedSnapshots(db);
  },
});
beforeAll(running.start);
afterAll(running.stop);

const itemFields = 'child { id } reference what dueDate daysOverdue iroId';
type Check = { check: string; count: number; items: Record<string, unknown>[] };

const liveChecks = async (tenant: string, ...dates: string[]) =>
  entitiesOf<{ asOf: string; fosterCarerReviewsChecks: Check[] }>(
    running.url,
    entitiesQuery('Compliance', `asOf fosterCarerReviewsChecks { check count items { ${itemFields} } }`),
    dates.map((asOf) => ({ __typename: 'Compliance', asOf })),
    { token: await running.keys.tokenForRole('manager', { tenant }) },
  );

describe('live foster carer review check', () => {
  it('lists north’s households overdue a review on 11 March 2024, most overdue first', async () => {
    const [north] = await liveChecks('north', '2024-03-11');
    expect(north).toEqual({
      asOf: '2024-03-11',
      fosterCarerReviewsChecks: [
        {
          check: 'foster_carer_review_overdue',
          count: 4,
          items: [
            {
              child: null,
              reference: 'H7',
              what: 'Foster carer review due 2023-01-01 (approved 2022-01-01)',
              dueDate: '2023-01-01',
              daysOverdue: 435,
              iroId: 'R1',
            },
            {
              child: null,
              reference: 'H6',
              what: 'Foster carer review due 2024-01-20 (approved 2023-01-20)',
              dueDate: '2024-01-20',
              daysOverdue: 51,
              iroId: null,
            },
            {
              child: null,
              reference: 'H2',
              what: 'Foster carer review due 2024-01-31 (last review 2023-01-31)',
              dueDate: '2024-01-31',
              daysOverdue: 40,
              iroId: 'R2',
            },
            {
              child: null,
              reference: 'H1',
              what: 'Foster carer review due 2024-03-10 (approved 2023-03-10)',
              dueDate: '2024-03-10',
              daysOverdue: 1,
              iroId: 'R1',
            },
          ],
        },
      ],
    });
  });

  it('gives south only its own households, with the same ids', async () => {
    const [south] = await liveChecks('south', '2024-03-11');
    expect(south!.fosterCarerReviewsChecks).toEqual([
      {
        check: 'foster_carer_review_overdue',
        count: 1,
        items: [
          {
            child: null,
            reference: 'S2',
            what: 'Foster carer review due 2023-12-01 (approved 2022-12-01)',
            dueDate: '2023-12-01',
            daysOverdue: 101,
            iroId: 'R1',
          },
        ],
      },
    ]);
  });

  it('answers several dates in one call, each from its own day', async () => {
    const [early, later] = await liveChecks('north', '2023-12-31', '2024-03-21');
    // 31 December 2023: H4 (ending that day) is no longer approved at its end; H7 is overdue.
    expect(early!.fosterCarerReviewsChecks[0]!.items.map((i) => i.reference)).toEqual(['H7']);
    // 21 March 2024: H7 has ended, H6 was reviewed on 15 March, H3 is now overdue.
    expect(later!.fosterCarerReviewsChecks[0]!.items.map((i) => [i.reference, i.daysOverdue])).toEqual([
      ['H2', 50],
      ['H1', 11],
      ['H3', 10],
    ]);
  });

  it('audits the read, naming the dates and the households listed', async () => {
    await liveChecks('north', '2024-03-11');
    const { rows } = await running.database.superuser.query(
      `select actor, entity_ids, detail from foster_carer_reviews.audit_events
       where tenant_id = 'north' and entity = 'Compliance' order by at desc limit 1`,
    );
    expect(rows[0]).toEqual({
      actor: 'north-manager',
      entity_ids: ['2024-03-11'],
      detail: { service: 'foster-carer-reviews', households: ['H1', 'H2', 'H6', 'H7'] },
    });
  });
});

describeRecordedCheck({
  running,
  schema: 'foster_carer_reviews',
  prefix: 'fosterCarerReviews',
  service: 'foster-carer-reviews',
  check: 'foster_carer_review_overdue',
  storedItems,
  iro: 'R1',
});
