import { entitiesOf, entitiesQuery, testService } from '@footprint/testing';
import { describeRecordedCheck } from '@footprint/testing/compliance';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { service as advocacy } from '../src/index.ts';
import { careHistory, seedCompliance, seedSnapshots, storedItems } from './compliance-fixtures.ts';

const running = testService(advocacy, {
  seed: async (db) => {
    await seedCompliance(db);
    await seedSnapshots(db);
  },
});
beforeAll(running.start);
afterAll(running.stop);

const itemFields = 'child { id } reference what dueDate daysOverdue iroId';
type Check = { check: string; count: number; items: Record<string, unknown>[] };

const liveChecks = async (tenant: 'north' | 'south', ...dates: string[]) =>
  entitiesOf<{ asOf: string; advocacyChecks: Check[] }>(
    running.url,
    entitiesQuery('Compliance', `asOf advocacyChecks { check count items { ${itemFields} } }`),
    dates.map((asOf) => ({ __typename: 'Compliance', asOf, careHistory: careHistory[tenant] })),
    { token: await running.keys.tokenForRole('manager', { tenant }) },
  );

describe('live advocacy checks', () => {
  it('lists north’s children in a secure placement with no advocate on 11 March 2024', async () => {
    const [north] = await liveChecks('north', '2024-03-11');
    expect(north).toEqual({
      asOf: '2024-03-11',
      advocacyChecks: [
        {
          check: 'secure_without_advocate',
          count: 3,
          items: [
            {
              child: { id: 'C1' },
              reference: '2024-01-10',
              what: 'In a secure placement (K1, C2) since 2024-01-10 with no advocate',
              dueDate: '2024-01-10',
              daysOverdue: 61,
              iroId: null,
            },
            {
              child: { id: 'C3' },
              reference: '2024-03-01',
              what: 'In a secure placement (R5, J2) since 2024-03-01 with no advocate',
              dueDate: '2024-03-01',
              daysOverdue: 10,
              iroId: null,
            },
            {
              child: { id: 'C6' },
              reference: '2024-03-11',
              what: 'In a secure placement (K1, C2) since 2024-03-11 with no advocate',
              dueDate: '2024-03-11',
              daysOverdue: 0,
              iroId: null,
            },
          ],
        },
      ],
    });
  });

  it('gives south only its own involvements, with the same child ids', async () => {
    const [south] = await liveChecks('south', '2024-03-11');
    expect(south!.advocacyChecks).toEqual([
      {
        check: 'secure_without_advocate',
        count: 1,
        items: [
          {
            child: { id: 'S7' },
            reference: '2023-12-01',
            what: 'In a secure placement (K1, C1) since 2023-12-01 with no advocate',
            dueDate: '2023-12-01',
            daysOverdue: 101,
            iroId: null,
          },
        ],
      },
    ]);
  });

  it('answers several dates in one call, each from its own day', async () => {
    const [whileAdvocated, afterAdvocacy] = await liveChecks('north', '2024-02-20', '2024-03-12');
    // On 20 February INV1 is still open (its end day included); on 12 March INV6 has started.
    expect(whileAdvocated!.advocacyChecks[0]!.items.map((i) => i.child)).toEqual([]);
    expect(afterAdvocacy!.advocacyChecks[0]!.items.map((i) => (i.child as { id: string }).id)).toEqual([
      'C1',
      'C3',
    ]);
  });

  it('audits the read, naming the dates and the involvements read', async () => {
    await liveChecks('north', '2024-03-11');
    const { rows } = await running.database.superuser.query(
      `select actor, entity_ids, detail from advocacy.audit_events
       where tenant_id = 'north' and entity = 'Compliance' order by at desc limit 1`,
    );
    expect(rows[0]).toEqual({
      actor: 'north-manager',
      entity_ids: ['2024-03-11'],
      detail: { service: 'advocacy', involvements: ['INV2'] },
    });
  });
});

describeRecordedCheck({
  running,
  schema: 'advocacy',
  prefix: 'advocacy',
  service: 'advocacy',
  check: 'secure_without_advocate',
  storedItems,
  iro: 'I2',
});
