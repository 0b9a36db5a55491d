import type { Role } from '@footprint/auth';
import { addDays, londonDateOf } from '@footprint/domain';
import {
  createTestKeys,
  graphql,
  inCouncilTransaction,
  rowSecurityOf,
  snapshotTables,
  startTestService,
  type TestDatabase,
  type TestKeys,
  type TestService,
  withClient,
} from '@footprint/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { service as reviews } from '../src/index.ts';
import { childRepresentations, seedTwoCouncils } from './fixtures.ts';

let database: TestDatabase;
let keys: TestKeys;
let running: TestService;

const tables = [
  'reviews',
  'midway_reviews',
  'recommendations',
  'consultations',
  'feedback',
  'audits',
  'audit_events',
  'compliance_snapshots',
];

beforeAll(async () => {
  running = await startTestService(reviews, { seed: seedTwoCouncils });
  ({ database, keys } = running);
});

afterAll(() => running?.stop());

/** Every row of the tables a mutation may write, to prove a refused one changed nothing. */
async function snapshot() {
  const out = await snapshotTables(
    database.superuser,
    'reviews',
    tables.filter((table) => table !== 'audit_events'),
    { orderBy: '1, 2, 3, 4' },
  );
  out.changes = (
    await database.superuser.query(`select * from reviews.audit_events where action <> 'read'`)
  ).rows;
  return out;
}

const tomorrow = () => addDays(londonDateOf(new Date()), 1);

const mutations = {
  recordReview:
    'mutation { recordReview(input: { childId: "C2", date: "2022-06-01", participation: "PN0" }) { id } }',
  recordReviewPaperwork:
    'mutation { recordReviewPaperwork(input: { reviewId: "C2/2022-03-20/1", outcomesIssued: "2022-03-25" }) { id } }',
  recordMidwayReview: 'mutation { recordMidwayReview(input: { childId: "C2", date: "2022-06-01" }) { id } }',
  recordRecommendation: `mutation { recordRecommendation(input: { childId: "C2", reviewDate: "2022-03-20",
    recommendation: "Health check", owner: "carer", dueDate: "2022-05-01" }) { id } }`,
  completeRecommendation:
    'mutation { completeRecommendation(id: "C1/2023-07-10/2", completedOn: "2023-11-01") { id } }',
};

describe('tokens', () => {
  it('refuses a call with no token', async () => {
    const result = await graphql(running.url, '{ reviewsHeld(from: "2020-01-01", to: "2024-01-01") { id } }');
    expect(result.status).toBe(401);
    expect(result.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('refuses an expired token', async () => {
    const token = await keys.tokenFor({ tenant: 'north', roles: ['manager'] }, -5);
    const result = await graphql(
      running.url,
      '{ reviewsHeld(from: "2020-01-01", to: "2024-01-01") { id } }',
      {
        token,
      },
    );
    expect(result.status).toBe(401);
  });

  it('refuses a token signed with another key', async () => {
    const other = await createTestKeys();
    const token = await other.tokenFor({ tenant: 'north', roles: ['manager'] });
    const result = await graphql(running.url, mutations.recordReview, { token });
    expect(result.status).toBe(401);
  });
});

describe('roles', () => {
  const noReviewRoles: Role[] = ['fcro', 'council_admin', 'advocate', 'ccc_member', 'platform_operator'];
  const tokenFor = (role: Role) =>
    keys.tokenFor({
      tenant: role === 'platform_operator' ? null : 'north',
      roles: [role],
      provider: role === 'advocate' ? 'voice-advocacy' : null,
      staffRef: role === 'fcro' ? 'F1' : null,
    });

  it.each(noReviewRoles)('gives a %s no reviews of a child', async (role) => {
    const result = await graphql(
      running.url,
      `query ($reps: [_Any!]!) { _entities(representations: $reps) { ... on Child {
         reviews { id } lastReview { id } midwayReviews { id } reviewSchedule(asOf: "2024-02-01") { nextDueDate }
         consultations { id } feedback { id } } } }`,
      { token: await tokenFor(role), variables: { reps: [childRepresentations.northC1] } },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual({
      _entities: [
        {
          reviews: [],
          lastReview: null,
          midwayReviews: [],
          reviewSchedule: null,
          consultations: [],
          feedback: [],
        },
      ],
    });
  });

  it.each(noReviewRoles)('refuses a %s the list of audits, and records no read', async (role) => {
    const before = await database.superuser.query(`select count(*)::int as n from reviews.audit_events`);
    const result = await graphql(running.url, '{ audits(from: "2020-01-01", to: "2024-12-31") { id } }', {
      token: await tokenFor(role),
    });
    expect(result.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(result.data).toBeNull();
    const after = await database.superuser.query(`select count(*)::int as n from reviews.audit_events`);
    expect(after.rows).toEqual(before.rows);
  });

  it.each(noReviewRoles)('refuses a %s the list of reviews held', async (role) => {
    const result = await graphql(
      running.url,
      '{ reviewsHeld(from: "2020-01-01", to: "2024-01-01") { id } }',
      {
        token: await tokenFor(role),
      },
    );
    expect(result.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(result.data).toBeNull();
  });

  it.each(
    noReviewRoles.flatMap((role) =>
      Object.entries(mutations).map(([name, mutation]) => [role, name, mutation]),
    ),
  )('refuses a %s %s and changes nothing', async (role, _name, mutation) => {
    const before = await snapshot();
    const result = await graphql(running.url, mutation!, { token: await tokenFor(role as Role) });
    expect(result.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(await snapshot()).toEqual(before);
  });

  it('refuses an IRO the council-wide list of audits', async () => {
    const token = await keys.tokenFor({ tenant: 'north', roles: ['iro'], staffRef: 'I1' });
    const result = await graphql(running.url, '{ audits(from: "2020-01-01", to: "2024-12-31") { id } }', {
      token,
    });
    expect(result.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('refuses an IRO the council-wide list of reviews held', async () => {
    const token = await keys.tokenFor({ tenant: 'north', roles: ['iro'], staffRef: 'I1' });
    const result = await graphql(
      running.url,
      '{ reviewsHeld(from: "2020-01-01", to: "2024-01-01") { id } }',
      {
        token,
      },
    );
    expect(result.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('lets a manager and an IRO through to the same mutations (they fail here on input, not on role)', async () => {
    for (const roles of [['manager'], ['iro']] as Role[][]) {
      const token = await keys.tokenFor({ tenant: 'north', roles, staffRef: 'I1' });
      const result = await graphql(
        running.url,
        'mutation { completeRecommendation(id: "nope", completedOn: "2023-11-01") { id } }',
        { token },
      );
      expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    }
  });
});

describe('tenancy in the database', () => {
  it('forces row-level security on every table', async () => {
    const rows = await rowSecurityOf(database.superuser, 'reviews');
    expect(rows.map((row) => row.relname).sort()).toEqual([...tables].sort());
    for (const row of rows)
      expect(row, row.relname).toMatchObject({ relrowsecurity: true, relforcerowsecurity: true });
  });

  it('returns no rows to the service role with no council set', async () => {
    await withClient(database.urlFor('reviews'), async (client) => {
      const { rows: role } = await client.query(
        `select rolsuper, rolbypassrls from pg_roles where rolname = current_user`,
      );
      expect(role).toEqual([{ rolsuper: false, rolbypassrls: false }]);
      for (const table of tables) {
        const { rows } = await client.query(`select count(*)::int as n from reviews.${table}`);
        expect(rows[0].n, table).toBe(0);
      }
    });
  });

  it('cannot write a row into another council from inside one council', async () => {
    await inCouncilTransaction(database.urlFor('reviews'), 'north', async (client) => {
      await expect(
        client.query(
          `insert into reviews.reviews (tenant_id, child_id, review_date, sequence) values ('south', 'X', '2024-01-01', 1)`,
        ),
      ).rejects.toThrow(/row-level security/);
    });
  });

  it('cannot change or delete the audit trail', async () => {
    await inCouncilTransaction(database.urlFor('reviews'), 'north', async (client) => {
      await expect(client.query(`delete from reviews.audit_events`)).rejects.toThrow(/permission denied/);
    });
  });
});

describe('two councils sharing ids', () => {
  const south = () => keys.tokenFor({ tenant: 'south', roles: ['manager'] });

  it('shows a manager of one council none of the other’s reviews, by any id', async () => {
    const result = await graphql<{ _entities: { id: string; reviews: { id: string }[] }[] }>(
      running.url,
      `query ($reps: [_Any!]!) { _entities(representations: $reps) { ... on Child {
         id reviews { id } midwayReviews { id } consultations { id } feedback { id } } } }`,
      {
        token: await south(),
        variables: {
          reps: [{ ...childRepresentations.northC1 }, { ...childRepresentations.northC2 }],
        },
      },
    );
    expect(result.data?._entities).toEqual([
      {
        id: 'C1',
        reviews: [{ id: 'C1/2021-06-20/1' }],
        midwayReviews: [{ id: 'C1/2021-07-30' }],
        consultations: [{ id: 'C1/2021-06-10/carer/1' }],
        feedback: [{ id: 'C1/2021-06-20/listened_to' }],
      },
      { id: 'C2', reviews: [], midwayReviews: [], consultations: [], feedback: [] },
    ]);
  });

  it('shows a manager of one council none of the other’s audits, whatever the range', async () => {
    const result = await graphql(
      running.url,
      '{ audits(from: "1900-01-01", to: "2100-12-31") { id date } }',
      {
        token: await south(),
      },
    );
    expect(result.data).toEqual({ audits: [{ id: 'A1', date: '2021-09-01' }] });
  });

  it.each([
    [
      'paperwork of the other council’s review',
      'mutation { recordReviewPaperwork(input: { reviewId: "C1/2023-07-10/1", recordDistributed: "2023-08-01" }) { id } }',
      /No review C1\/2023-07-10\/1/,
    ],
    [
      'a recommendation of the other council’s review',
      `mutation { recordRecommendation(input: { childId: "C1", reviewDate: "2023-07-10", recommendation: "x",
        owner: "iro", dueDate: "2023-08-01" }) { id } }`,
      /No review of C1 on 2023-07-10/,
    ],
    [
      'completing the other council’s recommendation',
      'mutation { completeRecommendation(id: "C1/2023-07-10/2", completedOn: "2023-11-01") { id } }',
      /No recommendation C1\/2023-07-10\/2/,
    ],
  ])('refuses %s and changes nothing', async (_what, mutation, message) => {
    const before = await snapshot();
    const result = await graphql(running.url, mutation, { token: await south() });
    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(result.errors?.[0]?.message).toMatch(message);
    expect(await snapshot()).toEqual(before);
  });
});

describe('bad input', () => {
  const manager = () => keys.tokenFor({ tenant: 'north', roles: ['manager'] });

  const refused = async (
    mutation: string,
    variables: Record<string, unknown>,
    message: RegExp,
    code?: string,
  ) => {
    const before = await snapshot();
    const result = await graphql(running.url, mutation, { token: await manager(), variables });
    expect(result.errors?.[0]?.message).toMatch(message);
    expect(result.errors?.[0]?.extensions?.code).toBe(code ?? 'BAD_USER_INPUT');
    expect(await snapshot()).toEqual(before);
    return result;
  };

  const recordReview = 'mutation ($input: RecordReviewInput!) { recordReview(input: $input) { id } }';
  const review = { childId: 'C2', date: '2022-06-01' };

  it.each([
    [{ ...review, participation: 'PN9' }, /participation must be a code PN0–PN7; got "PN9"/, 'participation'],
    [
      { ...review, format: 'telepathy' },
      /format must be one of in_person, virtual, hybrid; got "telepathy"/,
      'format',
    ],
    [
      { ...review, chairedByChild: 'yes' },
      /chairedByChild must be one of no, chair, co_chair; got "yes"/,
      'chairedByChild',
    ],
    [
      { ...review, lateReason: 'traffic' },
      /lateReason must be one of child_unavailable, .*; got "traffic"/,
      'lateReason',
    ],
    [{ ...review, childId: '   ' }, /childId is required/, 'childId'],
    [{ ...review, iroId: ' ' }, /iroId must not be empty/, 'iroId'],
  ])('refuses a review with %o and changes nothing', async (input, message, field) => {
    const result = await refused(recordReview, { input }, message);
    expect(result.errors?.[0]?.extensions?.field).toBe(field);
  });

  it('refuses a review dated in the future', async () => {
    const date = tomorrow();
    const result = await refused(
      recordReview,
      { input: { ...review, date } },
      new RegExp(`date ${date} is in the future`),
    );
    expect(result.errors?.[0]?.extensions?.field).toBe('date');
  });

  it('refuses a review on a date that does not exist', async () => {
    await refused(
      recordReview,
      { input: { ...review, date: '2023-02-29' } },
      /2023-02-29 is not a real date/,
    );
  });

  const paperwork =
    'mutation ($input: RecordReviewPaperworkInput!) { recordReviewPaperwork(input: $input) { id } }';

  it.each([
    [{ reviewId: 'C2/2022-03-20/1' }, /Give at least one of lateReason, outcomesIssued/],
    [{ reviewId: 'not-an-id', outcomesIssued: '2022-03-25' }, /not-an-id is not a review id/],
    [
      { reviewId: 'C2/2022-03-20/7', outcomesIssued: '2022-03-25' },
      /No review C2\/2022-03-20\/7 in this council/,
    ],
    [
      { reviewId: 'C2/2022-03-20/1', recordCompleted: '2022-03-19' },
      /recordCompleted \(2022-03-19\) is before the review on 2022-03-20/,
    ],
    [{ reviewId: 'C2/2022-03-20/1', lateReason: 'weather' }, /lateReason must be one of/],
  ])('refuses paperwork %o and changes nothing', async (input, message) => {
    await refused(paperwork, { input }, message);
  });

  it('refuses paperwork dated in the future', async () => {
    await refused(
      paperwork,
      { input: { reviewId: 'C2/2022-03-20/1', outcomesIssued: tomorrow() } },
      /outcomesIssued .* is in the future/,
    );
  });

  const midway = 'mutation ($input: RecordMidwayReviewInput!) { recordMidwayReview(input: $input) { id } }';

  it.each([
    [{ childId: 'C1', date: '2023-10-05' }, /A midway review of C1 on 2023-10-05 is already recorded/],
    [{ childId: '', date: '2023-10-06' }, /childId is required/],
  ])('refuses a midway review %o and changes nothing', async (input, message) => {
    await refused(midway, { input }, message);
  });

  it('refuses a midway review dated in the future', async () => {
    await refused(midway, { input: { childId: 'C1', date: tomorrow() } }, /date .* is in the future/);
  });

  const recommendation =
    'mutation ($input: RecordRecommendationInput!) { recordRecommendation(input: $input) { id } }';
  const goodRecommendation = {
    childId: 'C1',
    reviewDate: '2023-07-10',
    recommendation: 'Plan for independence',
    owner: 'social_worker',
    dueDate: '2023-09-01',
  };

  it.each([
    [
      { ...goodRecommendation, owner: 'judge' },
      /owner must be one of social_worker, team_manager, carer, iro, other; got "judge"/,
    ],
    [{ ...goodRecommendation, recommendation: '   ' }, /recommendation must not be empty/],
    [
      { ...goodRecommendation, dueDate: '2023-07-01' },
      /dueDate \(2023-07-01\) is before the review on 2023-07-10/,
    ],
    [{ ...goodRecommendation, reviewDate: '2023-07-11' }, /No review of C1 on 2023-07-11 in this council/],
  ])('refuses a recommendation %o and changes nothing', async (input, message) => {
    await refused(recommendation, { input }, message);
  });

  const complete =
    'mutation ($id: ID!, $on: Date!) { completeRecommendation(id: $id, completedOn: $on) { id } }';

  it.each([
    [{ id: 'C1/2023-07-10/1', on: '2023-09-05' }, /already completed on 2023-09-01/],
    [
      { id: 'C1/2023-07-10/2', on: '2023-07-01' },
      /completedOn \(2023-07-01\) is before the review on 2023-07-10/,
    ],
    [{ id: 'C1/2023-07-10/9', on: '2023-09-05' }, /No recommendation C1\/2023-07-10\/9 in this council/],
    [{ id: 'C1-2023', on: '2023-09-05' }, /C1-2023 is not a recommendation id/],
  ])('refuses completing %o and changes nothing', async (variables, message) => {
    await refused(complete, variables, message);
  });

  it('refuses completing a recommendation in the future', async () => {
    await refused(complete, { id: 'C1/2023-07-10/2', on: tomorrow() }, /completedOn .* is in the future/);
  });

  it('refuses a list of reviews whose range runs backwards', async () => {
    const result = await graphql(
      running.url,
      '{ reviewsHeld(from: "2024-01-01", to: "2023-01-01") { id } }',
      {
        token: await manager(),
      },
    );
    expect(result.errors?.[0]).toMatchObject({
      message: 'from (2024-01-01) is after to (2023-01-01)',
      extensions: { code: 'BAD_USER_INPUT', field: 'from' },
    });
  });

  it('refuses a list of audits whose range runs backwards', async () => {
    const result = await graphql(running.url, '{ audits(from: "2024-01-01", to: "2023-01-01") { id } }', {
      token: await manager(),
    });
    expect(result.errors?.[0]).toMatchObject({
      message: 'from (2024-01-01) is after to (2023-01-01)',
      extensions: { code: 'BAD_USER_INPUT', field: 'from' },
    });
  });

  it('refuses a list of audits for a date that does not exist', async () => {
    const result = await graphql(running.url, '{ audits(from: "2023-02-29", to: "2023-12-31") { id } }', {
      token: await manager(),
    });
    expect(result.errors?.[0]?.message).toMatch(/2023-02-29 is not a real date/);
    expect(result.data).toBeUndefined();
  });

  it('refuses a review schedule for a direct call that sends no episodes', async () => {
    const result = await graphql(
      running.url,
      `query ($reps: [_Any!]!) { _entities(representations: $reps) { ... on Child { reviewSchedule { nextDueDate } } } }`,
      {
        token: await manager(),
        variables: {
          reps: [
            { __typename: 'Child', id: 'C1', dateOfBirth: '2015-06-15', episodes: [{ startDate: 'soon' }] },
          ],
        },
      },
    );
    expect(result.errors?.[0]).toMatchObject({
      message: expect.stringMatching(/needs the child’s dateOfBirth and episodes/),
      extensions: { code: 'BAD_USER_INPUT' },
    });
  });
});
