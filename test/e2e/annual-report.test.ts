import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connect } from '@footprint/db';
import { createTenant } from '@footprint/identity';
import { graphql } from '@footprint/testing';
import { parse } from 'csv-parse/sync';
import mammoth from 'mammoth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { footprint } from '../support/footprint-command.ts';
import { startImportWorker } from '../support/import-worker.ts';
import { type System, startSystem } from '../support/system.ts';

const example = new URL('../../../shared/spec/examples/exampleshire/', import.meta.url).pathname;
const expectedReport = async (year: number) =>
  JSON.parse(await readFile(`${example}expected/report-${year}.json`, 'utf8')) as Record<string, unknown>;

/** The required keys of annual-report.md: scalars compare exactly, maps with a missing code as 0. */
const requiredScalars = [
  'tenant',
  'year',
  'period.start',
  'period.end',
  ...[
    'lookedAfterAt31March',
    'shortBreaksDuringYear',
    'lookedAfterDuringYear',
    'startedInYear',
    'ceasedInYear',
    'uascAt31March',
  ].map((k) => `children.${k}`),
  ...[
    'held',
    'onTime',
    'late',
    'onTimePercent',
    'childrenAllOnTime.eligible',
    'childrenAllOnTime.allOnTime',
    'childrenAllOnTime.percent',
    'participationRate4Plus',
    'paperwork.outcomesOnTimePercent',
    'paperwork.recordCompletedOnTimePercent',
    'paperwork.recordDistributedOnTimePercent',
    'midwayReviews',
    'overdueAt31March',
    'orphanReviews',
  ].map((k) => `reviews.${k}`),
  ...[
    'raised',
    'children',
    'referredToCafcass',
    'withdrawn',
    'openAt31March',
    'medianWorkingDaysToResolve',
  ].map((k) => `escalations.${k}`),
  ...['involvements', 'children', 'childrenPercent', 'independentVisitorsAt31March'].map(
    (k) => `advocacy.${k}`,
  ),
  ...[
    'iros',
    'fte',
    'caseloadPerFte.mean',
    'caseloadPerFte.min',
    'caseloadPerFte.max',
    'overCapacity',
    'continuityPercent',
  ].map((k) => `workforce.${k}`),
  ...['due', 'onTime', 'onTimePercent', 'overdueAt31March'].map((k) => `fosterCarerReviews.${k}`),
  'audits.completed',
];
const requiredMaps = [
  ...[
    'byLegalStatus',
    'byLegalStatusAtEntry',
    'byPlacement',
    'byAgeBand',
    'bySex',
    'byEthnicity',
    'byReasonCeased',
  ].map((k) => `children.${k}`),
  'reviews.participation',
  'reviews.chairedByChild',
  'reviews.format',
  'consultation',
  ...['highestStage', 'resolvedAtStage', 'byTheme'].map((k) => `escalations.${k}`),
  'advocacy.byReason',
  'advocacy.bySource',
  'fosterCarerReviews.householdsAt31March',
  'audits.byGrade',
];
const DATA_QUALITY_CODES = [
  'orphan_review',
  'duplicate_review',
  'pn0_after_4th_birthday',
  'pn_code_under_4',
  'participation_not_recorded',
  'period_without_start',
  'no_iro_allocated',
  'short_break_reviews',
];

const at = (value: unknown, path: string): unknown =>
  path.split('.').reduce<unknown>((v, key) => (v as Record<string, unknown> | undefined)?.[key], value);
const withoutZeros = (map: unknown) =>
  Object.fromEntries(Object.entries(map as Record<string, number>).filter(([, n]) => n !== 0));
const requiredParts = (report: unknown) => ({
  scalars: Object.fromEntries(requiredScalars.map((path) => [path, at(report, path)])),
  maps: Object.fromEntries(requiredMaps.map((path) => [path, withoutZeros(at(report, path))])),
  dataQuality: (at(report, 'dataQuality') as { code: string; count: number }[])
    .filter(({ code }) => DATA_QUALITY_CODES.includes(code))
    .map(({ code, count }) => ({ code, count })),
});

/**
 * Every key of further-tables.md §3 (comparators apart, below).
 * Compared with zero counts left out at every depth, as the example's README allows for maps.
 */
const furtherKeys = [
  ...['byEthnicGroup', 'byLocalAgeBand', 'startedByAgeBandAndSex', 'ceasedByAgeBand', 'uascByEthnicity'].map(
    (k) => `children.${k}`,
  ),
  ...['ratePer10000', 'startedRatePer10000', 'ceasedRatePer10000'].map((k) => `children.${k}`),
  'health',
  'stability',
  'placement',
  'missing',
  'secure',
  'reviews.byMonth',
  'advocacy.independentVisitorsDuringYear',
  'workforce.bySex',
  'workforce.byEthnicGroup',
  'trend',
];
const withoutZeroLeaves = (value: unknown): unknown => {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return value;
  const kept = Object.entries(value)
    .map(([key, v]) => [key, withoutZeroLeaves(v)] as const)
    .filter(([, v]) => v !== 0 && !(v !== null && typeof v === 'object' && Object.keys(v).length === 0));
  return Object.fromEntries(kept);
};
const furtherParts = (report: unknown) => ({
  ...Object.fromEntries(furtherKeys.map((path) => [path, withoutZeroLeaves(at(report, path))])),
  // The database keeps no file order: compare the rows as a set.
  comparators: [...(at(report, 'comparators') as { area: string; measure: string }[])].sort((a, b) =>
    `${a.area}|${a.measure}`.localeCompare(`${b.area}|${b.measure}`),
  ),
});

let system: System;
let worker: ReturnType<typeof startImportWorker>;
let env: Record<string, string>;

beforeAll(async () => {
  system = await startSystem();
  worker = startImportWorker(system);
  const identity = connect(system.database.urlFor('identity'), { max: 1 });
  for (const slug of ['exampleshire', 'otherside'])
    await createTenant(identity.db, { slug, name: `${slug} council` });
  await identity.close();
  env = {
    FOOTPRINT_QUEUE_PREFIX: worker.prefix,
    FOOTPRINT_IMPORTS_DIR: await mkdtemp(join(tmpdir(), 'footprint-staging-')),
    GATEWAY_URL: system.gatewayUrl,
    AUTH_PRIVATE_KEY: system.keys.privateKeyPem,
  };
  // Both councils hold the same CHILD references: one council's records must never count in the other's.
  for (const tenant of ['exampleshire', 'otherside']) {
    const imported = await footprint(system, ['import', '--tenant', tenant, `${example}files`], env);
    expect(imported.code, imported.stderr).toBe(0);
  }
  await system.database.superuser.query(
    `delete from reviews.reviews where tenant_id = 'otherside' and review_date >= '2023-04-01'`,
  );
}, 240_000);

afterAll(async () => {
  await worker?.stop();
  await system?.stop();
});

describe('footprint report --format json', () => {
  it.each([2021, 2022, 2023])(
    'equals Exampleshire’s expected %i report on every required key',
    async (year) => {
      const result = await footprint(
        system,
        ['report', '--tenant', 'exampleshire', '--year', String(year), '--format', 'json'],
        env,
      );
      expect(result.stderr).toBe('');
      expect(result.code).toBe(0);
      expect(requiredParts(JSON.parse(result.stdout))).toEqual(requiredParts(await expectedReport(year)));
    },
  );

  it.each([2021, 2022, 2023])('equals the expected %i report on every further key', async (year) => {
    const result = await footprint(
      system,
      ['report', '--tenant', 'exampleshire', '--year', String(year), '--format', 'json'],
      env,
    );
    expect(result.code, result.stderr).toBe(0);
    expect(furtherParts(JSON.parse(result.stdout))).toEqual(furtherParts(await expectedReport(year)));
  });

  it('computes each council from its own records only', async () => {
    const result = await footprint(
      system,
      ['report', '--tenant', 'otherside', '--year', '2023', '--format', 'json'],
      env,
    );
    const report = JSON.parse(result.stdout);
    expect(report.tenant).toBe('otherside');
    expect(report.reviews.held).toBe(0);
    expect(report.children.lookedAfterAt31March).toBe(118);
  });

  it('refuses a council that does not exist, a bad year and a bad format, with usage', async () => {
    const missing = await footprint(system, ['report', '--tenant', 'nowhere', '--year', '2023'], env);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('no council "nowhere"');
    const badYear = await footprint(system, ['report', '--tenant', 'exampleshire', '--year', '23'], env);
    expect(badYear.code).toBe(2);
    expect(badYear.stderr).toContain('--year <YYYY> is required');
    const badFormat = await footprint(
      system,
      ['report', '--tenant', 'exampleshire', '--year', '2023', '--format', 'pdf'],
      env,
    );
    expect(badFormat.code).toBe(2);
    expect(badFormat.stderr).toContain('--format must be one of json, html, docx, csv');
  });
});

describe('footprint report in Word, CSV and HTML', () => {
  it('writes a Word document whose tables hold the year’s figures beside the year before', async () => {
    const file = join(await mkdtemp(join(tmpdir(), 'footprint-report-')), 'report.docx');
    const result = await footprint(
      system,
      ['report', '--tenant', 'exampleshire', '--year', '2023', '--format', 'docx', '--output', file],
      env,
    );
    expect(result.code, result.stderr).toBe(0);
    const { value: html } = await mammoth.convertToHtml({ path: file });
    expect(html).toContain('<table>');
    const expected = await expectedReport(2023);
    expect(html).toContain(String(at(expected, 'children.lookedAfterAt31March')));
  });

  it('writes every table as CSV rows carrying the figure’s path and both years', async () => {
    const result = await footprint(
      system,
      ['report', '--tenant', 'exampleshire', '--year', '2023', '--format', 'csv'],
      env,
    );
    expect(result.code, result.stderr).toBe(0);
    const rows = parse(result.stdout, { columns: true }) as Record<string, string>[];
    const held = rows.find((row) => row.figure === 'reviews.held');
    const [current, previous] = await Promise.all([expectedReport(2023), expectedReport(2022)]);
    expect(held?.current_year).toBe(String(at(current, 'reviews.held')));
    expect(held?.previous_year).toBe(String(at(previous, 'reviews.held')));
  });

  it('writes a standalone HTML page', async () => {
    const result = await footprint(
      system,
      ['report', '--tenant', 'exampleshire', '--year', '2023', '--format', 'html'],
      env,
    );
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/^<!DOCTYPE html>/i);
    expect(result.stdout).toContain('<caption');
  });
});

describe('the records behind each figure, through the gateway', () => {
  const behind = async (field: string, figure: string, roles: ('manager' | 'iro')[] = ['manager']) =>
    graphql<{ annualReport: Record<string, { child: { id: string } | null; reference: string | null }[]> }>(
      system.gatewayUrl,
      `query ($figure: String!) { annualReport(year: 2023) { ${field}(figure: $figure) { child { id } reference date description } } }`,
      {
        token: await system.keys.tokenFor({ tenant: 'exampleshire', roles }),
        variables: { figure },
      },
    );

  it.each([
    ['childrenRecordsBehind', 'children.lookedAfterAt31March'],
    ['childrenRecordsBehind', 'children.byPlacement.U4'],
    ['reviewsRecordsBehind', 'reviews.late'],
    ['reviewsRecordsBehind', 'reviews.participation.PN0'],
    ['escalationsRecordsBehind', 'escalations.raised'],
    ['advocacyRecordsBehind', 'advocacy.involvements'],
    ['fosterCarerReviewsRecordsBehind', 'fosterCarerReviews.due'],
  ])('%s(%s) lists as many records as the figure counts', async (field, figure) => {
    const result = await behind(field, figure);
    expect(result.errors).toBeUndefined();
    expect(result.data?.annualReport[field]).toHaveLength(at(await expectedReport(2023), figure) as number);
  });

  it('is for managers only', async () => {
    const result = await behind('reviewsRecordsBehind', 'reviews.late', ['iro']);
    expect(result.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});
