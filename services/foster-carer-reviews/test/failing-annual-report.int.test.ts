import { type Role, roles } from '@footprint/auth';
import {
  graphql,
  startTestService,
  type TestDatabase,
  type TestKeys,
  type TestService,
} from '@footprint/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { service as fosterCarerReviews } from '../src/index.ts';
import {
  everything,
  figuresQuery,
  recordsBehindQuery,
  report,
  seedAnnualReport,
} from './annual-report-fixtures.ts';

let database: TestDatabase;
let keys: TestKeys;
let running: TestService;

beforeAll(async () => {
  running = await startTestService(fosterCarerReviews, { seed: seedAnnualReport });
  ({ database, keys } = running);
});

afterAll(() => running?.stop());

const tokenFor = (role: Role) =>
  keys.tokenFor({
    tenant: role === 'platform_operator' ? null : 'north',
    roles: [role],
    staffRef: role === 'fcro' ? 'F1' : null,
    provider: role === 'advocate' ? 'voice' : null,
  });

type Failed = { errors?: { message: string; extensions?: Record<string, unknown> }[] };

const fields: Record<string, { query: string; variables: Record<string, unknown> }> = {
  'AnnualReport.year': {
    query: 'query ($reps: [_Any!]!) { _entities(representations: $reps) { ... on AnnualReport { year } } }',
    variables: { reps: [report(2023)] },
  },
  'AnnualReport.fosterCarerReviews': { query: figuresQuery, variables: { reps: [report(2023)] } },
  'AnnualReport.fosterCarerReviewsRecordsBehind': {
    query: recordsBehindQuery,
    variables: { reps: [report(2023)], figure: 'fosterCarerReviews.due' },
  },
};

describe('roles', () => {
  // An FCRO works with every household of the council, but the annual report is the managers'.
  const cases = Object.keys(fields).flatMap((name) =>
    roles.filter((role) => role !== 'manager').map((role) => [name, role] as const),
  );

  it.each(cases)('%s is FORBIDDEN to %s', async (name, role) => {
    const before = await everything(database.superuser);
    const { query, variables } = fields[name]!;
    const result = (await graphql(running.url, query, { token: await tokenFor(role), variables })) as Failed;
    expect(result.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(JSON.stringify(result)).not.toMatch(/household|H\d/);
    expect(await everything(database.superuser)).toEqual(before);
  });

  it('needs a signed token', async () => {
    const result = await graphql(running.url, figuresQuery, { variables: { reps: [report(2023)] } });
    expect(result.status).toBe(401);
  });
});

describe('bad input', () => {
  const badYears: unknown[] = [1989, 2101, 2023.5, '2023', null, -1];

  it.each(badYears.map((year) => [JSON.stringify(year), year] as const))(
    'year %s is BAD_USER_INPUT on every field and writes nothing',
    async (_label, year) => {
      const before = await everything(database.superuser);
      for (const { query, variables } of Object.values(fields)) {
        const result = (await graphql(running.url, query, {
          token: await tokenFor('manager'),
          variables: { ...variables, reps: [report(year)] },
        })) as Failed;
        expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'year' });
        expect(result.errors?.[0]?.message).toBe('year must be a reporting year such as 2023');
      }
      expect(await everything(database.superuser)).toEqual(before);
    },
  );

  it.each([
    'fosterCarerReviews.onTimePercent',
    'fosterCarerReviews.householdsAt31March',
    'fosterCarerReviews.householdsAt31March.',
    'fosterCarerReviews.householdsAt31March.mainstream.H1',
    'fosterCarerReviews.due.H1',
    'fosterCarerReviews.late',
    'fosterCarerReviews',
    'reviews.onTime',
    'advocacy.involvements',
    'dataQuality.orphan_review',
    '',
  ])('figure "%s" is BAD_USER_INPUT naming it, and writes nothing', async (figure) => {
    const before = await everything(database.superuser);
    const result = (await graphql(running.url, recordsBehindQuery, {
      token: await tokenFor('manager'),
      variables: { reps: [report(2023)], figure },
    })) as Failed;
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'figure' });
    expect(result.errors?.[0]?.message).toBe(`No records behind figure "${figure}"`);
    expect(await everything(database.superuser)).toEqual(before);
  });
});
