import type { Role } from '@footprint/auth';
import {
  casesForOtherRoles,
  entitiesQuery,
  graphql,
  notReportingYears,
  snapshotSchema,
  testService,
} from '@footprint/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { service as fosterCarerReviews } from '../src/index.ts';
import { figuresQuery, recordsBehindQuery, report, seedAnnualReport } from './annual-report-fixtures.ts';

const running = testService(fosterCarerReviews, { seed: seedAnnualReport });
beforeAll(running.start);
afterAll(running.stop);

const tokenFor = (role: Role) => running.keys.tokenForRole(role);

/** Every row of the schema, recorded reads included: to prove a refused request wrote nothing at all. */
const everything = () => snapshotSchema(running.database.superuser, 'foster_carer_reviews');

const fields: Record<string, { query: string; variables: Record<string, unknown> }> = {
  'AnnualReport.year': {
    query: entitiesQuery('AnnualReport', 'year'),
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
  it.each(casesForOtherRoles(Object.keys(fields), 'manager'))('%s is FORBIDDEN to %s', async (name, role) => {
    const before = await everything();
    const { query, variables } = fields[name]!;
    const result = await graphql(running.url, query, { token: await tokenFor(role), variables });
    expect(result.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(JSON.stringify(result)).not.toMatch(/household|H\d/);
    expect(await everything()).toEqual(before);
  });

  it('needs a signed token', async () => {
    const result = await graphql(running.url, figuresQuery, { variables: { reps: [report(2023)] } });
    expect(result.status).toBe(401);
  });
});

describe('bad input', () => {
  it.each(notReportingYears.map((year) => [JSON.stringify(year), year] as const))(
    'year %s is BAD_USER_INPUT on every field and writes nothing',
    async (_label, year) => {
      const before = await everything();
      for (const { query, variables } of Object.values(fields)) {
        const result = await graphql(running.url, query, {
          token: await tokenFor('manager'),
          variables: { ...variables, reps: [report(year)] },
        });
        expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'year' });
        expect(result.errors?.[0]?.message).toBe('year must be a reporting year such as 2023');
      }
      expect(await everything()).toEqual(before);
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
    const before = await everything();
    const result = await graphql(running.url, recordsBehindQuery, {
      token: await tokenFor('manager'),
      variables: { reps: [report(2023)], figure },
    });
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'figure' });
    expect(result.errors?.[0]?.message).toBe(`No records behind figure "${figure}"`);
    expect(await everything()).toEqual(before);
  });
});
