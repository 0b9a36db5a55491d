import { encodeCareHistory } from '@footprint/graphql';
import {
  callEntities,
  casesForOtherRoles,
  entitiesQuery,
  notReportingYears,
  rowSecurityOf,
  snapshotSchema,
  testService,
  withClient,
} from '@footprint/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { service as reviews } from '../src/index.ts';
import {
  forgedRepresentation,
  northCareHistory,
  reportRepresentation,
  seedAnnualReportCouncils,
} from './annual-report-fixtures.ts';

const running = testService(reviews, { seed: seedAnnualReportCouncils });
beforeAll(running.start);
afterAll(running.stop);

const manager = (tenant = 'north') => running.keys.tokenForRole('manager', { tenant });

/** Every row of the schema, audit trail included: a refused call must add none. */
const everything = () => snapshotSchema(running.database.superuser, 'reviews');

/** An `_entities` call for AnnualReport, as the gateway makes it; the raw response. */
const entities = (token: string | undefined, representations: unknown[], selection: string) =>
  callEntities(running.url, entitiesQuery('AnnualReport', selection), representations, { token });

const FIELDS = {
  year: 'year',
  reviews: 'reviews { held }',
  reviewsRecordsBehind: 'reviewsRecordsBehind(figure: "reviews.held") { reference }',
  reviewsTrend: 'reviewsTrend { year reviewsHeld }',
  consultation: 'consultation { child }',
  audits: 'audits { completed }',
};

describe('roles', () => {
  it.each(casesForOtherRoles(Object.keys(FIELDS) as (keyof typeof FIELDS)[], 'manager'))(
    'refuses the report’s %s to a %s, and reads and records nothing',
    async (field, role) => {
      const before = await everything();
      const result = await entities(
        await running.keys.tokenForRole(role),
        [reportRepresentation(2023, northCareHistory)],
        FIELDS[field],
      );
      expect(result.errors?.map((error) => error.extensions?.code)).toEqual(['FORBIDDEN']);
      expect(result.data?._entities).toEqual([null]);
      expect(await everything()).toEqual(before);
    },
  );

  it('refuses a call with no token', async () => {
    const result = await entities(undefined, [reportRepresentation(2023, northCareHistory)], FIELDS.reviews);
    expect(result.status).toBe(401);
    expect(result.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
});

describe('bad input', () => {
  const refused = async (representation: unknown, selection: string, message: string, field?: string) => {
    const before = await everything();
    const result = await entities(await manager(), [representation], selection);
    expect(result.errors?.[0]?.message).toBe(message);
    expect(result.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      ...(field ? { field } : {}),
    });
    expect(await everything()).toEqual(before);
  };

  const yearMessage = 'year must be a reporting year such as 2023';

  it.each(notReportingYears)('refuses year %j on every section, writing nothing', async (year) => {
    for (const field of [
      'reviews',
      'reviewsRecordsBehind',
      'reviewsTrend',
      'consultation',
      'audits',
    ] as const) {
      await refused(
        { ...reportRepresentation(2023, northCareHistory), year },
        FIELDS[field],
        yearMessage,
        'year',
      );
    }
  });

  it.each([
    'reviews.onTimePercent',
    'reviews.childrenAllOnTime.percent',
    'reviews.participationRate4Plus',
    'reviews.paperwork.outcomesOnTimePercent',
    'reviews.byMonth.2023-04',
    'reviews.byMonth',
    'reviews.participation',
    'reviews',
    'children.lookedAfterAt31March',
    'escalations.raised',
    'dataQuality.period_without_start',
    'dataQuality.no_iro_allocated',
    'dataQuality.made_up',
    'audits',
    'constructor',
    'reviews.held.',
    '',
  ])('refuses figure %j as not one it traces, reading and recording nothing', async (figure) => {
    await refused(
      reportRepresentation(2023, northCareHistory),
      `reviewsRecordsBehind(figure: ${JSON.stringify(figure)}) { reference }`,
      `No records behind figure "${figure}"`,
      'figure',
    );
  });

  const careHistoryMessage =
    'The review figures need the council’s careHistory from the children subgraph (CareHistory: each child’s id, date of birth and episodes)';
  const [north] = encodeCareHistory(northCareHistory);

  it.each([
    ['missing', undefined],
    ['not a list', { childId: 'A' }],
    ['in the GraphQL object form', northCareHistory],
    ['an impossible date of birth', [[north![0], '2012-02-30', north![2]]]],
    [
      'an episode without its legal status',
      [[north![0], north![1], north![2].split(',').slice(0, 3).join(',')]],
    ],
    ['an empty child id', [['', north![1], north![2]]]],
  ])('refuses a care history %s, writing nothing', async (_what, careHistory) => {
    for (const selection of [FIELDS.reviews, FIELDS.reviewsRecordsBehind]) {
      await refused(forgedRepresentation(2023, careHistory), selection, careHistoryMessage);
    }
    await refused(
      { ...reportRepresentation(2023, northCareHistory), trendCareHistory: careHistory },
      FIELDS.reviewsTrend,
      careHistoryMessage,
    );
  });
});

describe('two councils sharing ids', () => {
  it('counts none of the other council’s rows, whatever care history is sent', async () => {
    // North's care history with south's token: only south's rows are read. South's A review of
    // 2023-05-05 is then the first of north A's period (due 2022-02-07): late. South's B review of
    // 2023-06-28 is the first of north B's (due 2023-07-03): on time. South's G (2023-04-02, before
    // G's period here) and F are orphans. Midway reviews, forms and audits are south's own.
    const result = await entities(
      await manager('south'),
      [reportRepresentation(2023, northCareHistory)],
      `reviews { held onTime orphanReviews midwayReviews }
       consultation { child carer parent } audits { completed byGrade { code count } }
       late: reviewsRecordsBehind(figure: "reviews.late") { child { id } reference }`,
    );
    expect(result.errors).toBeUndefined();
    expect(result.data?._entities).toEqual([
      {
        reviews: { held: 2, onTime: 1, orphanReviews: 2, midwayReviews: 2 },
        consultation: { child: 1, carer: 0, parent: 1 },
        audits: {
          completed: 2,
          byGrade: [
            { code: 'inadequate', count: 1 },
            { code: 'outstanding', count: 1 },
          ],
        },
        late: [{ child: { id: 'A' }, reference: 'A/2023-05-05/1' }],
      },
    ]);
  });

  it('forces row-level security on every table, and shows the service role nothing without a council', async () => {
    for (const row of await rowSecurityOf(running.database.superuser, 'reviews')) {
      expect(row, row.relname).toMatchObject({ relrowsecurity: true, relforcerowsecurity: true });
    }
    await withClient(running.database.urlFor('reviews'), async (client) => {
      for (const table of ['reviews', 'midway_reviews', 'consultations', 'audits', 'audit_events']) {
        const { rows } = await client.query(`select count(*)::int as n from reviews.${table}`);
        expect(rows[0].n, table).toBe(0);
      }
    });
  });
});
