import type { Role } from '@footprint/auth';
import {
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
import { service as children } from '../src/index.ts';
import { seedAnnualReportCouncils } from './annual-report-fixtures.ts';

let database: TestDatabase;
let keys: TestKeys;
let running: TestService;

beforeAll(async () => {
  running = await startTestService(children, {
    seed: async (db) => {
      await seedAnnualReportCouncils(db);
      await db.query(`
        insert into children.report_narratives (tenant_id, year, section, text, updated_by) values
          ('north', 2023, 'priorities', 'North’s priorities.', 'M1'),
          ('south', 2023, 'priorities', 'South’s priorities.', 'S1');
      `);
    },
  });
  ({ database, keys } = running);
});

afterAll(() => running?.stop());

const token = (roles: Role[], tenant = 'north') =>
  keys.tokenFor({ tenant, roles, sub: `${tenant}-${roles.join('-')}` });
const manager = (tenant = 'north') => token(['manager'], tenant);

/** Every table this suite could change, read past row-level security. */
const everything = () =>
  snapshotTables(database.superuser, 'children', ['report_narratives', 'audit_events'], { orderBy: '1, 2' });

const code = (result: { errors?: { extensions?: Record<string, unknown> }[] }) =>
  result.errors?.[0]?.extensions?.code;

const otherRoles: Role[] = ['iro', 'fcro', 'council_admin', 'advocate', 'ccc_member', 'platform_operator'];

describe('roles', () => {
  it.each(otherRoles)('refuses the report to a %s', async (role) => {
    const t = await token([role]);
    const query = await graphql(
      running.url,
      '{ annualReport(year: 2023) { year children { lookedAfterAt31March } } }',
      {
        token: t,
      },
    );
    expect(code(query)).toBe('FORBIDDEN');
    expect(query.data).toBeNull();
    const entity = await graphql(
      running.url,
      `query ($reps: [_Any!]!) { _entities(representations: $reps) {
         ... on AnnualReport { children { lookedAfterDuringYear } careHistory
           workforce { iros } narratives { text } childrenRecordsBehind(figure: "children.lookedAfterAt31March") { description } } } }`,
      { token: t, variables: { reps: [{ __typename: 'AnnualReport', year: 2023 }] } },
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
      { token: await token([role]) },
    );
    expect(code(result)).toBe('FORBIDDEN');
    expect(await everything()).toEqual(before);
  });

  it('refuses a manager of no council', async () => {
    const t = await keys.tokenFor({ tenant: null, roles: ['manager'] });
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
    const result = await graphql(
      running.url,
      `query ($reps: [_Any!]!) { _entities(representations: $reps) { ... on AnnualReport { year } } }`,
      { token: await manager(), variables: { reps: [{ __typename: 'AnnualReport', year: '2023; drop' }] } },
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
    // Only the read of the report itself is audited.
    expect(after.report_narratives).toEqual(before.report_narratives);
    expect(after.audit_events!.slice(before.audit_events!.length)).toEqual([
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
    const rows = await rowSecurityOf(database.superuser, 'children');
    expect(rows.find((r) => r.relname === 'report_narratives')).toEqual({
      relname: 'report_narratives',
      relrowsecurity: true,
      relforcerowsecurity: true,
    });
  });

  it('shows the service role no narrative with no council set', async () => {
    await withClient(database.urlFor('children'), async (client) => {
      const { rows } = await client.query('select count(*)::int as n from children.report_narratives');
      expect(rows[0].n).toBe(0);
    });
  });

  it('cannot write a narrative into another council from inside one', async () => {
    await inCouncilTransaction(database.urlFor('children'), 'north', async (client) => {
      await expect(
        client.query(
          `insert into children.report_narratives (tenant_id, year, section, text) values ('south', 2022, 'priorities', 'x')`,
        ),
      ).rejects.toThrow(/row-level security/);
    });
    await inCouncilTransaction(database.urlFor('children'), 'north', async (client) => {
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
    const { rows } = await database.superuser.query(
      `select tenant_id from children.report_narratives where year = 2023 and section = 'priorities'`,
    );
    expect(rows).toEqual([{ tenant_id: 'south' }]);
  });
});
