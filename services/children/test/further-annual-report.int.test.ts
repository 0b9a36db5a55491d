import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { type Connection, connect, withTenant } from '@footprint/db';
import { findFiles, formatProblems, validateImportSet } from '@footprint/exchange';
import type { CodeCount, RecordBehindFigure } from '@footprint/graphql';
import { graphql, recordBehindFields, rolesExcept, testService } from '@footprint/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { service as children, importPart } from '../src/index.ts';
import { seedAnnualReportCouncils } from './annual-report-fixtures.ts';

// further-tables.md §3: the keys the children subgraph adds to the report, checked on Exampleshire
// (imported with this service's own import writer) against the spec's expected reports.
const EXAMPLESHIRE = fileURLToPath(
  new URL('../../../../shared/spec/examples/exampleshire/', import.meta.url),
);

const running = testService(children, { seed: seedAnnualReportCouncils });
let connection: Connection;

beforeAll(async () => {
  await running.start();
  connection = connect(running.database.urlFor('children'));
  const set = await findFiles(`${EXAMPLESHIRE}files`);
  expect(formatProblems((await validateImportSet(set)).errors)).toEqual([]);
  await withTenant(connection.db, 'exampleshire', (tx) =>
    importPart.write(tx, { tenant: 'exampleshire', set, onRows: () => {} }),
  );
}, 120_000);

afterAll(async () => {
  await connection?.close();
  await running.stop();
});

const FURTHER = `
  children {
    lookedAfterAt31March startedInYear ceasedInYear uascAt31March
    byLocalAgeBand { code count } byEthnicGroup { code count }
    startedByAgeBandAndSex { band male female unknown }
    ceasedByAgeBand { code count } uascByEthnicity { code count }
    ratePer10000 startedRatePer10000 ceasedRatePer10000
  }
  health {
    cohort healthAssessmentPercent immunisationsPercent teethCheckPercent healthCheckUnder5Percent
    substanceMisusePercent convictedAged10PlusPercent
    sdq { eligible scored mean normal borderline concern }
  }
  stability { shortTerm { eligible threeOrMore percent } longTerm { eligible stable percent } }
  placement { distance { known over20Miles percent } }
  missing { episodes children byType { code count } }
  secure { welfare youthJustice }
  workforce { bySex { code count } byEthnicGroup { code count } }
  comparators { year area measure value symbol }
`;

type Further = {
  children: Record<string, unknown> & {
    lookedAfterAt31March: number;
    startedInYear: number;
    ceasedInYear: number;
    uascAt31March: number;
    byLocalAgeBand: CodeCount[];
    byEthnicGroup: CodeCount[];
    startedByAgeBandAndSex: { band: string; male: number; female: number; unknown: number }[];
    ceasedByAgeBand: CodeCount[];
    uascByEthnicity: CodeCount[];
  };
  health: Record<string, unknown> & { cohort: number; sdq: Record<string, number> };
  stability: {
    shortTerm: { eligible: number; threeOrMore: number };
    longTerm: { eligible: number; stable: number };
  };
  placement: { distance: { known: number; over20Miles: number; percent: number | null } };
  missing: { episodes: number; children: number; byType: CodeCount[] };
  secure: { welfare: number; youthJustice: number };
  workforce: { bySex: CodeCount[]; byEthnicGroup: CodeCount[] };
  comparators: { year: number; area: string; measure: string; value: number | null; symbol: string | null }[];
};

const manager = (tenant: string) => running.keys.tokenForRole('manager', { tenant });

const further = async (tenant: string, year: number) => {
  const result = await graphql<{ annualReport: Further }>(
    running.url,
    `query ($year: Int!) { annualReport(year: $year) { ${FURTHER} } }`,
    { token: await manager(tenant), variables: { year } },
  );
  expect(result.errors).toBeUndefined();
  return result.data!.annualReport;
};

const behind = async (figure: string, tenant: string, year: number) => {
  const result = await graphql<{ annualReport: { childrenRecordsBehind: RecordBehindFigure[] } }>(
    running.url,
    `query ($year: Int!, $figure: String!) {
       annualReport(year: $year) { childrenRecordsBehind(figure: $figure) { ${recordBehindFields} } }
     }`,
    { token: await manager(tenant), variables: { year, figure } },
  );
  expect(result.errors, figure).toBeUndefined();
  return result.data!.annualReport.childrenRecordsBehind;
};

const asMap = (list: CodeCount[]) => Object.fromEntries(list.map((c) => [c.code, c.count]));
/** Both maps over the union of their keys, a key left out as 0 (the spec's maps may omit zeros). */
const withZeros = (actual: Record<string, number>, expected: Record<string, number>) => {
  const keys = [...new Set([...Object.keys(actual), ...Object.keys(expected)])].sort();
  return [
    Object.fromEntries(keys.map((k) => [k, actual[k] ?? 0])),
    Object.fromEntries(keys.map((k) => [k, expected[k] ?? 0])),
  ];
};

type Expected = {
  children: Record<string, unknown> & {
    byLocalAgeBand: Record<string, number>;
    byEthnicGroup: Record<string, number>;
    startedByAgeBandAndSex: Record<string, Record<string, number>>;
    ceasedByAgeBand: Record<string, number>;
    uascByEthnicity: Record<string, number>;
  };
  health: unknown;
  stability: unknown;
  placement: unknown;
  missing: { episodes: number; children: number; byType: Record<string, number> };
  secure: unknown;
  workforce: { bySex: Record<string, number>; byEthnicGroup: Record<string, number> };
  comparators: { year: number; area: string; measure: string; value: number | string }[];
};

describe.each([2021, 2022, 2023])('Exampleshire %i: the further tables', (year) => {
  const expected = JSON.parse(
    readFileSync(`${EXAMPLESHIRE}expected/report-${year}.json`, 'utf8'),
  ) as Expected;

  it('equal the expected report', async () => {
    const f = await further('exampleshire', year);
    const e = expected.children;
    for (const key of ['byLocalAgeBand', 'byEthnicGroup', 'ceasedByAgeBand', 'uascByEthnicity'] as const) {
      const [actual, wanted] = withZeros(asMap(f.children[key]), e[key]);
      expect(actual, key).toEqual(wanted);
    }
    // The council's bands (0,5,11,16 from 1 April 2022) are listed, every one, in order.
    expect(f.children.byLocalAgeBand.map((c) => c.code)).toEqual(Object.keys(e.byLocalAgeBand));
    expect(
      Object.fromEntries(f.children.startedByAgeBandAndSex.map(({ band, ...bySex }) => [band, bySex])),
    ).toEqual(e.startedByAgeBandAndSex);
    expect({
      ratePer10000: f.children.ratePer10000,
      startedRatePer10000: f.children.startedRatePer10000,
      ceasedRatePer10000: f.children.ceasedRatePer10000,
    }).toEqual({
      ratePer10000: e.ratePer10000,
      startedRatePer10000: e.startedRatePer10000,
      ceasedRatePer10000: e.ceasedRatePer10000,
    });
    expect(f.health).toEqual(expected.health);
    expect(f.stability).toEqual(expected.stability);
    expect(f.placement).toEqual(expected.placement);
    expect({ ...f.missing, byType: asMap(f.missing.byType) }).toEqual({
      ...expected.missing,
      byType: { M: 0, A: 0, notRecorded: 0, ...expected.missing.byType },
    });
    expect(f.secure).toEqual(expected.secure);
    expect(asMap(f.workforce.bySex)).toEqual({ male: 0, female: 0, unknown: 0, ...expected.workforce.bySex });
    expect(f.workforce.bySex.map((c) => c.code)).toEqual(['male', 'female', 'unknown']);
    expect(asMap(f.workforce.byEthnicGroup)).toEqual({
      white: 0,
      mixed: 0,
      asian: 0,
      black: 0,
      other: 0,
      notRecorded: 0,
      ...expected.workforce.byEthnicGroup,
    });
    // Comparators: the same rows; listed in area, measure order (the spec fixes no order).
    const key = (c: { area: string; measure: string }) => `${c.area}|${c.measure}`;
    expect(
      f.comparators.map((c) => ({
        year: c.year,
        area: c.area,
        measure: c.measure,
        value: c.value ?? c.symbol,
      })),
    ).toEqual([...expected.comparators].sort((a, b) => (key(a) < key(b) ? -1 : 1)));
  });

  it('trace every count to as many records', async () => {
    const f = await further('exampleshire', year);
    const counts: Record<string, number> = {
      'health.cohort': f.health.cohort,
      'health.sdq.eligible': f.health.sdq.eligible!,
      'health.sdq.scored': f.health.sdq.scored!,
      'health.sdq.concern': f.health.sdq.concern!,
      'stability.shortTerm.eligible': f.stability.shortTerm.eligible,
      'stability.shortTerm.threeOrMore': f.stability.shortTerm.threeOrMore,
      'stability.longTerm.eligible': f.stability.longTerm.eligible,
      'stability.longTerm.stable': f.stability.longTerm.stable,
      'placement.distance.known': f.placement.distance.known,
      'placement.distance.over20Miles': f.placement.distance.over20Miles,
      'missing.episodes': f.missing.episodes,
      'missing.children': f.missing.children,
      'secure.welfare': f.secure.welfare,
      'secure.youthJustice': f.secure.youthJustice,
    };
    for (const c of f.children.byLocalAgeBand) counts[`children.byLocalAgeBand.${c.code}`] = c.count;
    for (const c of f.children.ceasedByAgeBand) counts[`children.ceasedByAgeBand.${c.code}`] = c.count;
    for (const c of f.children.uascByEthnicity) counts[`children.uascByEthnicity.${c.code}`] = c.count;
    for (const c of f.missing.byType) counts[`missing.byType.${c.code}`] = c.count;
    for (const c of f.workforce.bySex) counts[`workforce.bySex.${c.code}`] = c.count;
    for (const c of f.workforce.byEthnicGroup) counts[`workforce.byEthnicGroup.${c.code}`] = c.count;
    for (const { band, ...bySex } of f.children.startedByAgeBandAndSex) {
      for (const [sex, count] of Object.entries(bySex))
        counts[`children.startedByAgeBandAndSex.${band}.${sex}`] = count;
      counts[`children.startedByAgeBandAndSex.${band}`] = bySex.male + bySex.female + bySex.unknown;
    }
    for (const [figure, count] of Object.entries(counts))
      expect((await behind(figure, 'exampleshire', year)).length, figure).toBe(count);
    const ages = await behind(
      `children.byLocalAgeBand.${f.children.byLocalAgeBand[0]!.code}`,
      'exampleshire',
      year,
    );
    expect(ages.every((r) => r.child?.id && /^Aged \d+ at 31 March/.test(r.description))).toBe(true);
    const people = await behind('workforce.bySex.female', 'exampleshire', year);
    expect(people.every((r) => r.child === null && r.reference?.startsWith('IRO'))).toBe(true);
  });
});

describe('a council without the further files', () => {
  it('gets the default bands, null rates, no comparators and none of another council’s rows', async () => {
    const f = await further('north', 2023);
    // North's C1 (11), C2 (0), C5 (17), C6 (9) at 31 March 2024, in the DfE's bands.
    expect(f.children.byLocalAgeBand).toEqual([
      { code: 'under1', count: 1 },
      { code: '1-4', count: 0 },
      { code: '5-9', count: 1 },
      { code: '10-15', count: 1 },
      { code: '16+', count: 1 },
    ]);
    // C5 is UASC with ETHNIC NOBT.
    expect(f.children.uascByEthnicity).toEqual([{ code: 'NOBT', count: 1 }]);
    expect([f.children.ratePer10000, f.children.startedRatePer10000, f.children.ceasedRatePer10000]).toEqual([
      null,
      null,
      null,
    ]);
    expect(f.comparators).toEqual([]);
    expect(f.missing).toEqual({
      episodes: 0,
      children: 0,
      byType: [
        { code: 'M', count: 0 },
        { code: 'A', count: 0 },
        { code: 'notRecorded', count: 0 },
      ],
    });
    // No postcodes recorded, no OC2 rows: nobody known, every cohort child counts as not done.
    expect(f.placement.distance).toEqual({ known: 0, over20Miles: 0, percent: null });
    expect(f.health.healthAssessmentPercent).toBe(f.health.cohort > 0 ? 0 : null);
    // Staff rows of north carry no SEX: I1 and I2 in post at 31 March (I3 left that day, as for
    // workforce.iros) are unknown.
    expect(asMap(f.workforce.bySex)).toEqual({ male: 0, female: 0, unknown: 2 });
  });
});

describe('bad figures and roles', () => {
  it.each(['health.healthAssessmentPercent', 'children.ratePer10000', 'stability.shortTerm.percent'])(
    'has no records behind %s',
    async (figure) => {
      const result = await graphql(
        running.url,
        `{ annualReport(year: 2023) { childrenRecordsBehind(figure: "${figure}") { description } } }`,
        { token: await manager('exampleshire') },
      );
      expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    },
  );

  it.each(rolesExcept('manager'))('refuses the further tables to a %s', async (role) => {
    const result = await graphql(
      running.url,
      '{ annualReport(year: 2023) { health { cohort } stability { shortTerm { eligible } } comparators { area } } }',
      { token: await running.keys.tokenForRole(role, { tenant: 'exampleshire' }) },
    );
    expect(result.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(result.data).toBeNull();
  });
});
