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
import { service as advocacy } from '../src/index.ts';
import { advocacyQuery, recordsBehindQuery, report, seedAnnualReport } from './annual-report-fixtures.ts';

const running = testService(advocacy, { seed: seedAnnualReport });
beforeAll(running.start);
afterAll(running.stop);

const tokenFor = (role: Role, person: { provider?: string | null } = {}) =>
  running.keys.tokenForRole(role, person);

/** Every row of the schema, recorded reads included: a refused request writes nothing at all. */
const everything = () => snapshotSchema(running.database.superuser, 'advocacy');

const fields: Record<string, { query: string; variables: Record<string, unknown> }> = {
  'AnnualReport.year': {
    query: entitiesQuery('AnnualReport', 'year'),
    variables: { reps: [report(2023)] },
  },
  'AnnualReport.advocacy': { query: advocacyQuery, variables: { reps: [report(2023)] } },
  'AnnualReport.advocacyRecordsBehind': {
    query: recordsBehindQuery,
    variables: { reps: [report(2023)], figure: 'advocacy.involvements' },
  },
};

describe('roles', () => {
  it.each(casesForOtherRoles(Object.keys(fields), 'manager'))('%s is FORBIDDEN to %s', async (name, role) => {
    const before = await everything();
    const { query, variables } = fields[name]!;
    const result = await graphql(running.url, query, { token: await tokenFor(role), variables });
    expect(result.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(JSON.stringify(result)).not.toContain('INV');
    expect(await everything()).toEqual(before);
  });

  it('an advocate never sees the council’s report, not even their own provider’s part', async () => {
    for (const provider of ['voice', 'speakup']) {
      const result = await graphql(running.url, advocacyQuery, {
        token: await tokenFor('advocate', { provider }),
        variables: { reps: [report(2023)] },
      });
      expect(result.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    }
  });

  it('a manager’s token that names a provider is refused rather than given one provider’s figures', async () => {
    // Row-level security would confine such a transaction to that provider's involvements.
    for (const { query, variables } of [
      fields['AnnualReport.advocacy']!,
      fields['AnnualReport.advocacyRecordsBehind']!,
    ]) {
      const result = await graphql(running.url, query, {
        token: await tokenFor('manager', { provider: 'voice' }),
        variables,
      });
      expect(result.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      expect(result.errors?.[0]?.message).toMatch(/every provider/);
    }
  });

  it('needs a signed token', async () => {
    const result = await graphql(running.url, advocacyQuery, { variables: { reps: [report(2023)] } });
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
    ['missing', { __typename: 'AnnualReport', year: 2023 }],
    ['null', { __typename: 'AnnualReport', year: 2023, children: null }],
    ['without the count', { __typename: 'AnnualReport', year: 2023, children: {} }],
    ['negative', report(2023, -1)],
    ['fractional', report(2023, 2.5)],
    ['text', report(2023, '40')],
  ])('children.lookedAfterDuringYear %s is BAD_USER_INPUT', async (_label, rep) => {
    const before = await everything();
    const result = await graphql(running.url, advocacyQuery, {
      token: await tokenFor('manager'),
      variables: { reps: [rep] },
    });
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'children' });
    expect(result.errors?.[0]?.message).toMatch(/children \{ lookedAfterDuringYear \}/);
    expect(await everything()).toEqual(before);
  });

  it.each([
    'advocacy.childrenPercent',
    'advocacy.byReason',
    'advocacy.bySource.',
    'advocacy.unknown',
    'advocacy.involvements.INV1',
    'advocacy.byReason.placement.extra',
    'advocacy',
    'reviews.held',
    'children.lookedAfterDuringYear',
    'dataQuality.orphan_review',
    'fosterCarerReviews.due',
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
