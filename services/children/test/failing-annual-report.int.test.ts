import type { Role } from '@footprint/auth';
import {
  annualReport,
  callEntities,
  entitiesQuery,
  graphql,
  inCouncilTransaction,
  rolesExcept,
  rowSecurityOf,
  type Snapshot,
  snapshotSchema,
  testService,
  withClient,
} from '@footprint/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { service as children } from '../src/index.ts';
import { seedAnnualReportCouncils } from './annual-report-fixtures.ts';

const running = testService(children, {
  seed: async (db) => {
    await seedAnnualReportCouncils(db);
    await db.query(`
      insert into children.report_narratives (tenant_id, year, section, text, updated_by) values
        ('north', 2023, 'priorities', 'North’s priorities.', 'M1'),
        ('south', 2023, 'priorities', 'South’s priorities.', 'S1');
    `);
  },
});
beforeAll(running.start);
afterAll(running.stop);

const token = (role: Role) => running.keys.tokenForRole(role);
const manager = (tenant = 'north') => running.keys.tokenForRole('manager', { tenant });

/** Every row of the schema, audit trail included, read past row-level security. */
const everything = () => snapshotSchema(running.database.superuser, 'children');

/** The audit rows `after` has that `before` had not. */
const auditedSince = (before: Snapshot, after: Snapshot) => {
  const seen = new Set(before.audit_events!.map((row) => JSON.stringify(row)));
  return after.audit_events!.filter((row) => !seen.has(JSON.stringify(row)));
};

const code = (result: { errors?: { extensions?: Record<string, unknown> }[] }) =>
  result.errors?.[0]?.extensions?.code;

const otherRoles = rolesExcept('manager');

describe('roles', () => {
  it.each(otherRoles)('refuses the report to a %s', async (role) => {
    const t = await token(role);
    const query = await graphql(
      running.url,
      '{ annualReport(year: 2023) { year children { lookedAfterAt31March } } }',
      {
        token: t,
      },
    );
    expect(code(query)).toBe('FORBIDDEN');
    expect(query.data).toBeNull();
    const entity = await callEntities(
      running.url,
      entitiesQuery(
        'AnnualReport',
        `children { lookedAfterDuringYear } careHistory workforce { iros } narratives { text }
         childrenRecordsBehind(figure: "children.lookedAfterAt31March") { description }`,
      ),
      [annualReport(2023)],
      { token: t },
    );
    expect(entity.errors?.length).toBeGreaterThan(0);
    for (const error of entity.errors ?? []) expect(error.extensions?.code).toBe('FORBIDDEN');
    expect(JSON.stringify(entity.data)).not.toMatch(/C1|lookedAfter|North/);
  });

  it.each(otherRoles)('refuses narratives to a %s and writes nothing', async (role) => {
    const before = await everything();
    const result = await graphql(
      running.url,
      'mutation { saveReportNarrative(input: { year: 2023, section: "priorities", text: "Mine now." }) { text } }',
      { token: await token(role) },
    );
    expect(code(result)).toBe('FORBIDDEN');
    expect(await everything()).toEqual(before);
  });

  it('refuses a manager of no council', async () => {
    const t = await running.keys.tokenForRole('manager', { tenant: null });
    const result = await graphql(
      running.url,
      '{ annualReport(year: 2023) { children { lookedAfterAt31March } } }',
      {
        token: t,
      },
    );
    expect(code(result)).toBe('FORBIDDEN');
  });

  it('refuses a call with no token', async () => {
    const result = await graphql(running.url, '{ annualReport(year: 2023) { year } }');
    expect(result.status).toBe(401);
  });
});

describe('bad input', () => {
  it.each([1989, 2101, -2023, 0])('refuses year %i, naming the year, and writes nothing', async (year) => {
    const before = await everything();
    const result = await graphql(
      running.url,
      'query ($year: Int!) { annualReport(year: $year) { children { lookedAfterAt31March } } }',
      { token: await manager(), variables: { year } },
    );
    expect(result.errors?.[0]).toMatchObject({
      message: 'year must be a reporting year such as 2023',
      extensions: { code: 'BAD_USER_INPUT', field: 'year' },
    });
    expect(await everything()).toEqual(before);
  });

  it('refuses a representation whose year is not a reporting year', async () => {
    const result = await callEntities(
      running.url,
      entitiesQuery('AnnualReport', 'year'),
      [annualReport('2023; drop')],
      { token: await manager() },
    );
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'year' });
  });

  it.each([
    'reviews.held', // another subgraph's figure
    'workforce.fte', // not a count
    'workforce.caseloadPerFte.mean',
    'workforce.continuityPercent', // a percentage
    'children.byPlacement', // a table, not a count
    'children.byPlacement.',
    'children',
    'children.notAFigure',
    'dataQuality.orphan_review', // reviews' data-quality code
    '',
  ])('refuses records behind "%s" and audits no read', async (figure) => {
    const before = await everything();
    const result = await graphql(
      running.url,
      'query ($figure: String!) { annualReport(year: 2023) { childrenRecordsBehind(figure: $figure) { description } } }',
      { token: await manager(), variables: { figure } },
    );
    expect(result.errors?.[0]).toMatchObject({
      message: `No records behind figure "${figure}"`,
      extensions: { code: 'BAD_USER_INPUT', field: 'figure' },
    });
    const after = await everything();
    // Nothing changes but the audit of the read of the report itself.
    expect({ ...after, audit_events: [] }).toEqual({ ...before, audit_events: [] });
    expect(auditedSince(before, after)).toEqual([
      expect.objectContaining({ entity: 'AnnualReport', action: 'read' }),
    ]);
  });

  it.each([
    [
      'year 1989',
      { year: 1989, section: 'priorities', text: 'x' },
      'year',
      /year must be a reporting year such as 2023/,
    ],
    [
      'year 2101',
      { year: 2101, section: 'priorities', text: 'x' },
      'year',
      /year must be a reporting year such as 2023/,
    ],
    [
      'an unknown section',
      { year: 2023, section: 'summary', text: 'x' },
      'section',
      /section must be one of service_profile, good_practice, escalation_examples, case_examples, priorities/,
    ],
    [
      'a section in capitals',
      { year: 2023, section: 'PRIORITIES', text: 'x' },
      'section',
      /section must be one of/,
    ],
    [
      '20,001 characters',
      { year: 2023, section: 'priorities', text: 'x'.repeat(20_001) },
      'text',
      /at most 20,000 characters/,
    ],
  ])(
    'refuses a narrative with %s, naming the field, and writes nothing',
    async (_what, input, field, message) => {
      const before = await everything();
      const result = await graphql(
        running.url,
        'mutation ($input: SaveReportNarrativeInput!) { saveReportNarrative(input: $input) { text } }',
        { token: await manager(), variables: { input } },
      );
      expect(result.errors?.[0]?.message).toMatch(message);
      expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
      expect(await everything()).toEqual(before);
    },
  );
});

describe('tenancy', () => {
  it('forces row-level security on the narratives table', async () => {
    const rows = await rowSecurityOf(running.database.superuser, 'children');
    expect(rows.find((r) => r.relname === 'report_narratives')).toEqual({
      relname: 'report_narratives',
      relrowsecurity: true,
      relforcerowsecurity: true,
    });
  });

  it('shows the service role no narrative with no council set', async () => {
    await withClient(running.database.urlFor('children'), async (client) => {
      const { rows } = await client.query('select count(*)::int as n from children.report_narratives');
      expect(rows[0].n).toBe(0);
    });
  });

  it('cannot write a narrative into another council from inside one', async () => {
    await inCouncilTransaction(running.database.urlFor('children'), 'north', async (client) => {
      await expect(
        client.query(
          `insert into children.report_narratives (tenant_id, year, section, text) values ('south', 2022, 'priorities', 'x')`,
        ),
      ).rejects.toThrow(/row-level security/);
    });
    await inCouncilTransaction(running.database.urlFor('children'), 'north', async (client) => {
      const { rowCount } = await client.query(
        `update children.report_narratives set text = 'changed' where tenant_id = 'south'`,
      );
      expect(rowCount).toBe(0);
    });
  });

  it('never shows one council’s narratives in the other’s report', async () => {
    const result = await graphql<{ annualReport: { narratives: { text: string }[] } }>(
      running.url,
      '{ annualReport(year: 2023) { narratives { text } } }',
      { token: await manager('south') },
    );
    expect(result.data?.annualReport.narratives).toEqual([{ text: 'South’s priorities.' }]);
  });

  it('deleting a section in one council leaves the other’s', async () => {
    await graphql(
      running.url,
      'mutation { saveReportNarrative(input: { year: 2023, section: "priorities", text: "" }) { text } }',
      { token: await manager('north') },
    );
    const { rows } = await running.database.superuser.query(
      `select tenant_id from children.report_narratives where year = 2023 and section = 'priorities'`,
    );
    expect(rows).toEqual([{ tenant_id: 'south' }]);
  });
});
