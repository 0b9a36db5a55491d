import { connect, withTenant } from '@footprint/db';
import { COMPLIANCE_CHECKS } from '@footprint/domain';
import { entitiesOf, entitiesQuery, rowSecurityOf, testService, withClient } from '@footprint/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  complianceSnapshots,
  computeReviewsCompliance,
  findComplianceRecords,
  service as reviews,
} from '../src/index.ts';
import {
  type ApiCheck,
  AS_OF,
  CHECK_FIELDS,
  complianceRepresentation,
  northChildren,
  northPolicy,
  seedCompliance,
  seedSnapshots,
  southChildren,
  southPolicy,
} from './compliance-fixtures.ts';

const running = testService(reviews, {
  seed: async (db) => {
    await seedCompliance(db);
    await seedSnapshots(db);
  },
});
beforeAll(running.start);
afterAll(running.stop);

const checksOf = <K extends string>(token: string, representations: unknown[], field: K) =>
  entitiesOf<Record<K, ApiCheck[]> & { asOf: string }>(
    running.url,
    entitiesQuery('Compliance', `asOf ${field} { ${CHECK_FIELDS} }`),
    representations,
    { token },
  );

const manager = (tenant = 'north', sub?: string) => running.keys.tokenForRole('manager', { tenant, sub });

const item = (
  childId: string,
  reference: string,
  what: string,
  dueDate: string,
  daysOverdue: number,
  iroId: string | null = null,
) => ({ child: { id: childId }, reference, what, dueDate, daysOverdue, iroId });

/** Every check of this service, with the items given for those that have any. */
const allChecks = (items: Partial<Record<string, ReturnType<typeof item>[]>>) =>
  COMPLIANCE_CHECKS.reviews.map((check) => ({
    check,
    count: items[check]?.length ?? 0,
    items: items[check] ?? [],
  }));

const auditOf = async (sub: string) =>
  (
    await running.database.superuser.query(
      'select tenant_id, action, entity, entity_ids, detail from reviews.audit_events where actor = $1 order by at',
      [sub],
    )
  ).rows;

describe('the live review checks (worked out in compliance-fixtures.ts)', () => {
  it('gives north every check, each item exact, most overdue first, and audits the read', async () => {
    const [found] = await checksOf(
      await manager('north', 'north-live'),
      [complianceRepresentation(AS_OF, northChildren, northPolicy)],
      'reviewsChecks',
    );
    expect(found).toEqual({
      asOf: AS_OF,
      reviewsChecks: allChecks({
        review_overdue: [
          item(
            'A',
            'A/2023-05-01/1',
            'Review due 2023-11-01 (third review of the period) not held',
            '2023-11-01',
            121,
          ),
          item(
            'E',
            'E/2023-10-20/1',
            'Review due 2024-01-20 (second review of the period) not held',
            '2024-01-20',
            41,
          ),
        ],
        review_due_soon: [
          item('B', '2024-03-04', 'Review due 2024-03-04 (first review of the period)', '2024-03-04', -3),
          item(
            'D',
            '2024-03-10',
            'Review due 2024-03-10 (first review of the period, short breaks)',
            '2024-03-10',
            -9,
          ),
          item(
            'C',
            'C/2023-09-15/1',
            'Review due 2024-03-15 (third review of the period)',
            '2024-03-15',
            -14,
          ),
        ],
        local_review_overdue: [
          item(
            'C',
            'C/2023-09-15/1',
            'Review due 2023-12-15 under local policy (statutory 2024-03-15; third review of the period) not held',
            '2023-12-15',
            77,
          ),
        ],
        midway_review_due: [
          item(
            'E',
            'E/2023-10-20/1',
            'Midway review due 2023-12-05 (between the review of 2023-10-20 and the next, due 2024-01-20) not held',
            '2023-12-05',
            87,
          ),
          item(
            'C',
            'C/2023-09-15/1',
            'Midway review due 2023-12-15 (between the review of 2023-09-15 and the next, due 2024-03-15) not held',
            '2023-12-15',
            77,
          ),
        ],
        paperwork_overdue: [
          item(
            'A',
            'A/2023-05-01/1',
            'Record of the review of 2023-05-01 not completed (due by 2023-05-23)',
            '2023-05-23',
            283,
            'I1',
          ),
          item(
            'A',
            'A/2023-05-01/1',
            'Record of the review of 2023-05-01 not distributed (due by 2023-05-31)',
            '2023-05-31',
            275,
            'I1',
          ),
          item(
            'E',
            'E/2023-10-20/1',
            'Record of the review of 2023-10-20 not completed (due by 2023-11-10)',
            '2023-11-10',
            112,
            'I2',
          ),
          item(
            'E',
            'E/2023-10-20/1',
            'Record of the review of 2023-10-20 not distributed (due by 2023-11-17)',
            '2023-11-17',
            105,
            'I2',
          ),
        ],
        recommendation_overdue: [
          item(
            'A',
            'A/2023-05-01/1',
            'Recommendation of the review of 2023-05-01 due 2023-06-01 not completed; owner social worker: Arrange a dental check',
            '2023-06-01',
            274,
          ),
        ],
      }),
    });
    expect(await auditOf('north-live')).toEqual([
      {
        tenant_id: 'north',
        action: 'read',
        entity: 'Compliance',
        entity_ids: [AS_OF],
        detail: { read: ['reviews', 'midway_reviews', 'recommendations'] },
      },
    ]);
  });

  it('gives south only its own, with the same ids', async () => {
    const [found] = await checksOf(
      await manager('south'),
      [complianceRepresentation(AS_OF, southChildren, southPolicy)],
      'reviewsChecks',
    );
    expect(found!.reviewsChecks).toEqual(
      allChecks({
        review_overdue: [
          item(
            'A',
            '2024-02-12',
            'Review due 2024-02-12 (first review of the period) not held',
            '2024-02-12',
            18,
          ),
        ],
        recommendation_overdue: [
          item(
            'A',
            'A/2023-06-01/1',
            'Recommendation of the review of 2023-06-01 due 2023-07-01 not completed; owner carer: South recommendation',
            '2023-07-01',
            244,
          ),
        ],
      }),
    );
  });

  /*
   * North's children and policy with south's token: only south's rows are read. A, C and E have no
   * review then: first due 2023-02-06, 2023-06-29 and 2023-10-30. South's B review of Tue
   * 2024-02-20 is north B's first (next due 2024-05-20; its midway review 2024-04-05, too far off);
   * its outcomes were due 5 working days on, 2024-02-27. South's A recommendation stands, and its
   * B recommendation of that review, due 2024-02-21, is 9 days overdue; south's C
   * midway review clears nothing, as C has no review here.
   */
  it('reads none of the other council’s rows, whatever children are sent', async () => {
    const [found] = await checksOf(
      await manager('south'),
      [complianceRepresentation(AS_OF, northChildren, northPolicy)],
      'reviewsChecks',
    );
    const brief = found!.reviewsChecks.map(({ check, items }) => [
      check,
      items.map((i) => [i.child?.id, i.reference, i.daysOverdue, i.iroId]),
    ]);
    expect(brief).toEqual([
      [
        'review_overdue',
        [
          ['A', '2023-02-06', 389, null],
          ['C', '2023-06-29', 246, null],
          ['E', '2023-10-30', 123, null],
        ],
      ],
      ['review_due_soon', [['D', '2024-03-10', -9, null]]],
      ['local_review_overdue', []],
      ['local_review_due_soon', []],
      ['midway_review_due', []],
      ['paperwork_overdue', [['B', 'B/2024-02-20/1', 3, 'I1']]],
      [
        'recommendation_overdue',
        [
          ['A', 'A/2023-06-01/1', 244, null],
          ['B', 'B/2024-02-20/1', 9, null],
        ],
      ],
    ]);
  });

  /*
   * 2023-12-01 for north: B and D are not yet in care. E's midway review (2023-12-05) is due in 4
   * days; its record was due 2023-11-10 and 11-17 (21 and 14 days). C's local date 2023-12-15 is
   * due soon (−14), as is its midway review. A's third review (2023-11-01) is 30 days overdue.
   */
  it('answers several dates of one request from one read, each as things stood then', async () => {
    const sub = 'north-two-dates';
    const found = await checksOf(
      await manager('north', sub),
      [
        complianceRepresentation(AS_OF, northChildren, northPolicy),
        complianceRepresentation('2023-12-01', northChildren, northPolicy),
      ],
      'reviewsChecks',
    );
    expect(found.map((f) => f.asOf)).toEqual([AS_OF, '2023-12-01']);
    const brief = found[1]!.reviewsChecks.map(({ check, items }) => [
      check,
      items.map((i) => [i.child?.id, i.dueDate, i.daysOverdue]),
    ]);
    expect(brief).toEqual([
      ['review_overdue', [['A', '2023-11-01', 30]]],
      ['review_due_soon', []],
      ['local_review_overdue', []],
      ['local_review_due_soon', [['C', '2023-12-15', -14]]],
      [
        'midway_review_due',
        [
          ['E', '2023-12-05', -4],
          ['C', '2023-12-15', -14],
        ],
      ],
      [
        'paperwork_overdue',
        [
          ['A', '2023-05-23', 192],
          ['A', '2023-05-31', 184],
          ['E', '2023-11-10', 21],
          ['E', '2023-11-17', 14],
        ],
      ],
      ['recommendation_overdue', [['A', '2023-06-01', 183]]],
    ]);
    expect(await auditOf(sub)).toEqual([
      {
        tenant_id: 'north',
        action: 'read',
        entity: 'Compliance',
        entity_ids: [AS_OF, '2023-12-01'],
        detail: { read: ['reviews', 'midway_reviews', 'recommendations'] },
      },
    ]);
  });

  it('gives every check empty for a council with no children in care', async () => {
    const [found] = await checksOf(
      await manager('north'),
      [complianceRepresentation(AS_OF, [], northPolicy)],
      'reviewsChecks',
    );
    expect(found!.reviewsChecks).toEqual(allChecks({}));
  });
});

describe('for the nightly run', () => {
  it('computes in a council’s transaction, with no request, what the live field gives', async () => {
    const connection = connect(running.database.urlFor('reviews'));
    try {
      const checks = await withTenant(connection.db, 'north', async (tx) =>
        computeReviewsCompliance(
          northChildren,
          northPolicy,
          AS_OF,
          await findComplianceRecords(
            tx,
            northChildren.map((child) => child.childId),
            AS_OF,
          ),
        ),
      );
      const [found] = await checksOf(
        await manager('north'),
        [complianceRepresentation(AS_OF, northChildren, northPolicy)],
        'reviewsChecks',
      );
      expect(
        checks.map(({ check, items }) => ({
          check,
          count: items.length,
          items: items.map(({ childId, ...rest }) => ({
            child: childId === null ? null : { id: childId },
            ...rest,
          })),
        })),
      ).toEqual(found!.reviewsChecks);
    } finally {
      await connection.close();
    }
  });
});

describe('the recorded review checks', () => {
  const stored = (childId: string, reference: string, dueDate: string, daysOverdue: number, iroId: string) =>
    item(childId, reference, `Stored ${reference}`, dueDate, daysOverdue, iroId);
  const recorded = (asOf: string) => ({ __typename: 'Compliance', asOf });

  it('gives a manager every stored item of the night, in the order of the checks, leaving out unknown checks', async () => {
    const sub = 'north-recorded';
    const found = await checksOf(
      await manager('north', sub),
      [recorded(AS_OF), recorded('2024-02-29'), recorded('2024-02-28')],
      'reviewsRecordedChecks',
    );
    expect(found).toEqual([
      {
        asOf: AS_OF,
        reviewsRecordedChecks: [
          {
            check: 'review_overdue',
            count: 2,
            items: [
              stored('A', 'A/2023-05-01/1', '2023-11-01', 121, 'I1'),
              stored('E', 'E/2023-10-20/1', '2024-01-20', 41, 'I2'),
            ],
          },
          {
            check: 'paperwork_overdue',
            count: 1,
            items: [stored('E', 'E/2023-10-20/1', '2023-11-10', 112, 'I2')],
          },
          { check: 'recommendation_overdue', count: 0, items: [] },
        ],
      },
      {
        asOf: '2024-02-29',
        reviewsRecordedChecks: [
          {
            check: 'review_overdue',
            count: 1,
            items: [stored('A', 'A/2023-05-01/1', '2023-11-01', 120, 'I1')],
          },
        ],
      },
      { asOf: '2024-02-28', reviewsRecordedChecks: [] },
    ]);
    const audit = await auditOf(sub);
    expect(audit).toEqual([
      {
        tenant_id: 'north',
        action: 'read',
        entity: 'ComplianceSnapshot',
        entity_ids: [AS_OF, '2024-02-29'],
        detail: { service: 'reviews' },
      },
    ]);
  });

  it('gives an IRO only the items that fall to them, counted', async () => {
    const iro = (staffRef: string, tenant = 'north') =>
      running.keys.tokenForRole('iro', { tenant, staffRef });
    const [first] = await checksOf(await iro('I1'), [recorded(AS_OF)], 'reviewsRecordedChecks');
    expect(first!.reviewsRecordedChecks).toEqual([
      {
        check: 'review_overdue',
        count: 1,
        items: [stored('A', 'A/2023-05-01/1', '2023-11-01', 121, 'I1')],
      },
      { check: 'paperwork_overdue', count: 0, items: [] },
      { check: 'recommendation_overdue', count: 0, items: [] },
    ]);
    const [second] = await checksOf(await iro('I2'), [recorded(AS_OF)], 'reviewsRecordedChecks');
    expect(second!.reviewsRecordedChecks.map((c) => [c.check, c.items.map((i) => i.reference)])).toEqual([
      ['review_overdue', ['E/2023-10-20/1']],
      ['paperwork_overdue', ['E/2023-10-20/1']],
      ['recommendation_overdue', []],
    ]);
    // South's night names I1 too: south's IRO I1 sees it, north's never does.
    const [south] = await checksOf(await iro('I1', 'south'), [recorded(AS_OF)], 'reviewsRecordedChecks');
    expect(south!.reviewsRecordedChecks).toEqual([
      { check: 'review_overdue', count: 1, items: [stored('A', '2024-02-12', '2024-02-12', 18, 'I1')] },
    ]);
  });

  it('keeps the snapshots under forced row-level security, exported for the nightly job', async () => {
    expect(complianceSnapshots).toBeDefined();
    const rows = await rowSecurityOf(running.database.superuser, 'reviews');
    expect(rows.find((row) => row.relname === 'compliance_snapshots')).toMatchObject({
      relrowsecurity: true,
      relforcerowsecurity: true,
    });
    await withClient(running.database.urlFor('reviews'), async (client) => {
      const { rows: counted } = await client.query(
        'select count(*)::int as n from reviews.compliance_snapshots',
      );
      expect(counted[0].n).toBe(0);
    });
  });
});
