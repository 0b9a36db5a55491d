import {
  annualReport,
  callEntities,
  entitiesQuery,
  notReportingYears,
  rolesExcept,
  rowSecurityOf,
  snapshotSchema,
  testService,
  withClient,
} from '@footprint/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { service as escalations } from '../src/index.ts';
import { seedAnnualReport } from './annual-report-fixtures.ts';

const running = testService(escalations, { seed: seedAnnualReport });
beforeAll(running.start);
afterAll(running.stop);

const tables = [
  'stages',
  'themes',
  'escalations',
  'escalation_events',
  'audit_events',
  'compliance_snapshots',
] as const;

/** Every row of every table, audit trail included: a refused read writes nothing, not even an audit row. */
const snapshot = () => snapshotSchema(running.database.superuser, 'escalations');

const manager = (tenant: string) => running.keys.tokenForRole('manager', { tenant });

const ask = async (token: string, selection: string, year: unknown = 2023) =>
  callEntities(running.url, entitiesQuery('AnnualReport', selection), [annualReport(year)], { token });

const selections = [
  'year',
  'escalations { raised }',
  'escalationsRecordsBehind(figure: "escalations.raised") { reference }',
];

describe('roles', () => {
  it.each(rolesExcept('manager'))(
    'refuses a %s every field of the report, reading and writing nothing',
    async (role) => {
      const token = await running.keys.tokenForRole(role);
      const before = await snapshot();
      for (const selection of selections) {
        const result = await ask(token, selection);
        expect(result.errors?.[0]?.extensions?.code, selection).toBe('FORBIDDEN');
        expect(JSON.stringify(result.data ?? null), selection).not.toMatch(/"raised":\d|"reference"/);
      }
      expect(await snapshot()).toEqual(before);
    },
  );

  it('refuses a call with no token', async () => {
    const result = await callEntities(running.url, entitiesQuery('AnnualReport', 'escalations { raised }'), [
      annualReport(2023),
    ]);
    expect(result.status).toBe(401);
    expect(result.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
});

describe('bad input', () => {
  it.each(notReportingYears)('refuses the year %j, naming it, and writes nothing', async (year) => {
    const token = await manager('north');
    const before = await snapshot();
    for (const selection of selections.slice(1)) {
      const result = await ask(token, selection, year);
      expect(result.errors?.[0]?.extensions, selection).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'year',
      });
      expect(result.errors?.[0]?.message).toBe('year must be a reporting year such as 2023');
    }
    expect(await snapshot()).toEqual(before);
  });

  it.each([
    'escalations.medianWorkingDaysToResolve',
    'escalations.byTheme',
    'escalations.highestStage.',
    'escalations.raised.drift_delay',
    'escalations.opened',
    'escalations',
    'reviews.held',
    'children.lookedAfterAt31March',
    'advocacy.children',
    'dataQuality.orphan_review',
    '',
  ])('has no records behind %j and writes nothing', async (figure) => {
    const before = await snapshot();
    const result = await callEntities(
      running.url,
      entitiesQuery(
        'AnnualReport',
        'escalationsRecordsBehind(figure: $figure) { reference }',
        '$figure: String!',
      ),
      [annualReport(2023)],
      { token: await manager('north'), variables: { figure } },
    );
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'figure' });
    expect(result.errors?.[0]?.message).toBe(`No records behind figure "${figure}"`);
    expect(await snapshot()).toEqual(before);
  });
});

describe('tenancy', () => {
  it('never counts or lists another council’s escalations, stages or themes', async () => {
    const token = await manager('south');
    const before = await snapshot();
    for (const figure of [
      'escalations.highestStage.formal_one',
      'escalations.byTheme.court_timescales',
      'escalations.byTheme.drift_delay',
    ]) {
      const result = await ask(token, `escalationsRecordsBehind(figure: "${figure}") { reference }`);
      expect(result.data, figure).toEqual({ _entities: [{ escalationsRecordsBehind: [] }] });
    }
    // Nothing read, so nothing audited.
    expect(await snapshot()).toEqual(before);
    const figures = await ask(token, 'escalations { raised children byTheme { code } }');
    expect(figures.data).toEqual({
      _entities: [
        { escalations: { raised: 2, children: 1, byTheme: [{ code: 'education' }, { code: 'health' }] } },
      ],
    });
  });

  it('forces row-level security on every table', async () => {
    const rows = await rowSecurityOf(running.database.superuser, 'escalations');
    expect(rows.map((row) => row.relname).sort()).toEqual([...tables].sort());
    for (const row of rows)
      expect(row, row.relname).toMatchObject({ relrowsecurity: true, relforcerowsecurity: true });
  });

  it('returns no rows to the service role with no council set', async () => {
    await withClient(running.database.urlFor('escalations'), async (client) => {
      for (const table of tables) {
        const { rows } = await client.query(`select count(*)::int as n from escalations.${table}`);
        expect(rows[0].n, table).toBe(0);
      }
    });
  });
});
