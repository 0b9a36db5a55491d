import {
  type CodeCount,
  decodeCareHistory,
  type EncodedCareHistory,
  type RecordBehindFigure,
} from '@footprint/graphql';
import {
  annualReport,
  entitiesOf,
  entitiesQuery,
  graphql,
  recordBehindFields,
  testService,
} from '@footprint/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { service as children } from '../src/index.ts';
import { seedAnnualReportCouncils } from './annual-report-fixtures.ts';

const running = testService(children, { seed: seedAnnualReportCouncils });
beforeAll(running.start);
afterAll(running.stop);

const manager = (tenant: string, extra: { sub?: string; staffRef?: string | null } = {}) =>
  running.keys.tokenForRole('manager', { tenant, ...extra });

type Figures = {
  year: number;
  period: { start: string; end: string };
  children: Record<string, number | CodeCount[]>;
  workforce: Record<string, unknown>;
  careHistory: EncodedCareHistory;
};

const FIGURES = `
  year
  period { start end }
  children {
    lookedAfterAt31March shortBreaksDuringYear lookedAfterDuringYear startedInYear ceasedInYear
    byLegalStatus { code count } byLegalStatusAtEntry { code count } byPlacement { code count }
    byAgeBand { code count } bySex { code count } byEthnicity { code count } byReasonCeased { code count }
    uascAt31March byEthnicGroup { code count } dataQuality { code count }
  }
  workforce { iros fte caseloadPerFte { mean min max } overCapacity continuityPercent }
  careHistory
`;

const report = async (tenant: string, year = 2023) => {
  const result = await graphql<{ annualReport: Figures }>(
    running.url,
    `query ($year: Int!) { annualReport(year: $year) { ${FIGURES} } }`,
    { token: await manager(tenant), variables: { year } },
  );
  expect(result.errors).toBeUndefined();
  return result.data!.annualReport;
};

const behind = async (figure: string, tenant = 'north', year = 2023) => {
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

const cc = (entries: Record<string, number>): CodeCount[] =>
  Object.entries(entries).map(([code, count]) => ({ code, count }));

describe('the children and workforce figures of a year', () => {
  it('are the ones worked out by hand from the spec (see annual-report-fixtures.ts)', async () => {
    const figures = await report('north');
    expect(figures.year).toBe(2023);
    expect(figures.period).toEqual({ start: '2023-04-01', end: '2024-03-31' });
    expect(figures.children).toEqual({
      // C1, C2, C5, C6 (C3 ended on 31 March; C4 has short breaks only)
      lookedAfterAt31March: 4,
      shortBreaksDuringYear: 1,
      // and C3
      lookedAfterDuringYear: 5,
      startedInYear: 2, // C2 (RNE S), C5 (back with RNE P)
      ceasedInYear: 1, // C3
      byLegalStatus: cc({ C1: 1, C2: 2, V2: 1 }),
      byLegalStatusAtEntry: cc({ C1: 1, V2: 1 }),
      // C1 moved to U6 in the year: the episode open at 31 March counts
      byPlacement: cc({ U1: 1, U3: 1, U4: 1, U6: 1 }),
      // ages at 31 March 2024: C2 0, C6 9, C1 11, C5 17 (born 31 March 2007)
      byAgeBand: cc({ under1: 1, '1-4': 0, '5-9': 1, '10-15': 1, '16+': 1 }),
      // SEX 2 and F are female, M male, U unknown
      bySex: cc({ male: 1, female: 2, unknown: 1 }),
      byEthnicity: cc({ BAFR: 1, MWBC: 1, NOBT: 1, WBRI: 1 }),
      byReasonCeased: cc({ E13: 1 }),
      // C5 (no DUC); C2's DUC is 31 March itself, C6's long past
      uascAt31March: 1,
      byEthnicGroup: cc({ white: 1, mixed: 1, asian: 0, black: 1, other: 0, notRecorded: 1 }),
      // C5's second period starts with RNE P; C2 has no IRO
      dataQuality: cc({ period_without_start: 1, no_iro_allocated: 1 }),
    });
    // I1: C1 and C5 → 2 per FTE; I2 (0.02 FTE): C4 (short breaks count) and C6 → 100 per FTE;
    // C3's allocation ended on 31 March; I3 left that day. Continuity: C1 and C3 had one IRO, C6 two.
    expect(figures.workforce).toEqual({
      iros: 2,
      fte: 1.02,
      caseloadPerFte: { mean: 51, min: 2, max: 100 },
      overCapacity: 1,
      continuityPercent: 66.7,
    });
  });

  it('count IROs over the council’s own capacity band when its local policy sets one', async () => {
    const policy = (value: string, effective: string) =>
      running.database.superuser.query(
        `insert into children.local_policy (tenant_id, key, effective, value) values ('north', 'capacity_band', $1, $2)`,
        [effective, value],
      );
    try {
      // A band of 1 per FTE: both I1 (2 per FTE) and I2 (100 per FTE) are over it.
      await policy('1', '2020-04-01');
      expect((await report('north')).workforce).toMatchObject({ overCapacity: 2 });
      // 120 from 1 April 2023 is in force on 31 March 2024; a later change is not.
      await policy('120', '2023-04-01');
      await policy('1', '2024-04-01');
      expect((await report('north')).workforce).toMatchObject({ overCapacity: 0 });
    } finally {
      await running.database.superuser.query(`delete from children.local_policy where tenant_id = 'north'`);
    }
    expect((await report('north')).workforce).toMatchObject({ overCapacity: 1 });
  });

  it('give the care history of every child with a period touching the year, short breaks included', async () => {
    const history = decodeCareHistory((await report('north')).careHistory);
    expect(
      history?.map(({ childId, dateOfBirth, episodes }) => ({
        childId,
        dateOfBirth,
        episodes: episodes.map(({ startDate, placement }) => ({ startDate, placement })),
      })),
    ).toEqual([
      {
        childId: 'C1',
        dateOfBirth: '2012-05-01',
        episodes: [
          { startDate: '2020-06-01', placement: 'U4' },
          { startDate: '2023-09-01', placement: 'U6' },
        ],
      },
      { childId: 'C2', dateOfBirth: '2023-06-15', episodes: [{ startDate: '2023-07-01', placement: 'U3' }] },
      { childId: 'C3', dateOfBirth: '2007-01-01', episodes: [{ startDate: '2019-01-01', placement: 'K2' }] },
      { childId: 'C4', dateOfBirth: '2010-03-01', episodes: [{ startDate: '2022-01-01', placement: 'U6' }] },
      // only the period touching the year, not the one that ended in 2022
      { childId: 'C5', dateOfBirth: '2007-03-31', episodes: [{ startDate: '2023-04-20', placement: 'U1' }] },
      { childId: 'C6', dateOfBirth: '2015-01-01', episodes: [{ startDate: '2018-01-01', placement: 'U4' }] },
    ]);
    // Every column the rules read, in the scalar's order.
    expect((await report('north')).careHistory[0]?.[2].split(';')[1]).toBe('2023-09-01,,P,C2,U6,');
  });

  it('count only the caller’s council, although the councils share references', async () => {
    const south = await report('south');
    expect(south.children).toMatchObject({
      lookedAfterAt31March: 2,
      lookedAfterDuringYear: 3,
      startedInYear: 1,
      ceasedInYear: 1,
      byLegalStatus: cc({ C2: 1, J1: 1 }),
      uascAt31March: 2,
    });
    expect(south.workforce).toMatchObject({ iros: 1, fte: 1, caseloadPerFte: { mean: 2, min: 2, max: 2 } });
    expect(south.careHistory.map(([childId]) => childId)).toEqual(['C1', 'C2', 'S9']);
  });

  it('of another year read the same records as of that year', async () => {
    const figures = await report('north', 2022);
    // At 31 March 2023: C1, C3, C6 (C5 was out of care between periods; C2 not yet)
    expect(figures.children.lookedAfterAt31March).toBe(3);
    expect(figures.children.startedInYear).toBe(0);
    expect(figures.children.dataQuality).toEqual([]);
  });

  it('answer several years in one request, each its own', async () => {
    const result = await graphql<Record<string, Figures>>(
      running.url,
      `{ current: annualReport(year: 2023) { year children { lookedAfterAt31March lookedAfterDuringYear } }
         previous: annualReport(year: 2022) { year children { lookedAfterAt31March lookedAfterDuringYear } }
         early: annualReport(year: 2019) { year children { lookedAfterAt31March lookedAfterDuringYear } } }`,
      { token: await manager('north') },
    );
    expect(result.data).toEqual({
      current: { year: 2023, children: { lookedAfterAt31March: 4, lookedAfterDuringYear: 5 } },
      previous: { year: 2022, children: { lookedAfterAt31March: 3, lookedAfterDuringYear: 3 } },
      // 2019-20: C3 and C6 at 31 March 2020; C8 left care on 1 January 2020
      early: { year: 2019, children: { lookedAfterAt31March: 2, lookedAfterDuringYear: 3 } },
    });
  });

  it('audit the read of the report, naming the year', async () => {
    const token = await manager('north', { sub: 'report-reader' });
    await graphql(running.url, '{ annualReport(year: 2021) { children { lookedAfterAt31March } } }', {
      token,
    });
    const { rows } = await running.database.superuser.query(
      `select tenant_id, action, entity, entity_ids from children.audit_events where actor = 'report-reader'`,
    );
    expect(rows).toEqual([
      { tenant_id: 'north', action: 'read', entity: 'AnnualReport', entity_ids: ['2021'] },
    ]);
  });
});

describe('the records behind a figure', () => {
  it('are as many as the figure, for every count of the report', async () => {
    const figures = await report('north');
    const checks: [string, number][] = [];
    for (const [name, value] of Object.entries(figures.children)) {
      if (typeof value === 'number') checks.push([`children.${name}`, value]);
      else if (name === 'dataQuality')
        for (const { code, count } of value) checks.push([`dataQuality.${code}`, count]);
      else for (const { code, count } of value) checks.push([`children.${name}.${code}`, count]);
    }
    checks.push(['workforce.iros', 2], ['workforce.overCapacity', 1]);
    for (const [figure, count] of checks) expect((await behind(figure)).length, figure).toBe(count);
  });

  it('name the children, their dates and what counted them', async () => {
    expect(await behind('children.lookedAfterAt31March')).toEqual([
      {
        child: { id: 'C1' },
        date: '2020-06-01',
        reference: null,
        description: 'Looked after at 31 March 2024: period of care from 2020-06-01, LS C2, placement U6',
      },
      expect.objectContaining({ child: { id: 'C2' }, date: '2023-07-01' }),
      expect.objectContaining({ child: { id: 'C5' }, date: '2023-04-20' }),
      expect.objectContaining({ child: { id: 'C6' }, date: '2018-01-01' }),
    ]);
    expect((await behind('children.ceasedInYear'))[0]).toMatchObject({
      child: { id: 'C3' },
      date: '2024-03-31',
      description: 'Period of care from 2019-01-01 ended 2024-03-31, REC E13',
    });
    expect((await behind('children.byPlacement.U6')).map((r) => [r.child?.id, r.date])).toEqual([
      ['C1', '2023-09-01'],
    ]);
    expect((await behind('children.bySex.female')).map((r) => r.child?.id)).toEqual(['C1', 'C6']);
    expect((await behind('children.uascAt31March')).map((r) => r.child?.id)).toEqual(['C5']);
    expect((await behind('dataQuality.no_iro_allocated')).map((r) => r.child?.id)).toEqual(['C2']);
    expect(await behind('dataQuality.period_without_start')).toEqual([
      {
        child: { id: 'C5' },
        date: '2023-04-20',
        reference: null,
        description: 'Period of care started 2023-04-20 with RNE P, not S',
      },
    ]);
  });

  it('name the IROs behind the workforce counts, with no child', async () => {
    const iros = await behind('workforce.iros');
    expect(iros.map((r) => [r.child, r.reference])).toEqual([
      [null, 'I1'],
      [null, 'I2'],
    ]);
    expect((await behind('workforce.overCapacity'))[0]).toMatchObject({
      reference: 'I2',
      description: expect.stringContaining('100.0 per FTE'),
    });
  });

  it('are none for a code that does not occur', async () => {
    expect(await behind('children.byAgeBand.1-4')).toEqual([]);
    expect(await behind('children.byPlacement.Z9')).toEqual([]);
    expect(await behind('children.byEthnicGroup.asian')).toEqual([]);
  });

  it('are only the caller’s council’s', async () => {
    expect((await behind('children.lookedAfterAt31March', 'south')).map((r) => r.child?.id)).toEqual([
      'C1',
      'S9',
    ]);
    const [c1] = await behind('children.byLegalStatus.J1', 'south');
    expect(c1?.child?.id).toBe('C1');
    expect(await behind('children.byLegalStatus.J1', 'north')).toEqual([]);
  });

  it('resolve to the Child entity with its own fields', async () => {
    const result = await graphql<{
      annualReport: { childrenRecordsBehind: { child: { displayName: string } }[] };
    }>(
      running.url,
      '{ annualReport(year: 2023) { childrenRecordsBehind(figure: "children.byLegalStatus.J1") { child { displayName } } } }',
      { token: await manager('south') },
    );
    expect(result.data?.annualReport.childrenRecordsBehind).toEqual([
      { child: { displayName: 'Ida South' } },
    ]);
  });

  it('are audited as reads of those children, with the figure and year', async () => {
    const token = await manager('north', { sub: 'figure-reader' });
    await graphql(
      running.url,
      '{ annualReport(year: 2023) { childrenRecordsBehind(figure: "children.bySex.female") { description } } }',
      { token },
    );
    const { rows } = await running.database.superuser.query(
      `select entity, entity_ids, detail from children.audit_events where actor = 'figure-reader' and entity <> 'AnnualReport'`,
    );
    expect(rows).toEqual([
      { entity: 'Child', entity_ids: ['C1', 'C6'], detail: { figure: 'children.bySex.female', year: 2023 } },
    ]);
  });
});

describe('the entity for other subgraphs', () => {
  it('resolves a representation by year, as the gateway asks for @requires data', async () => {
    const entities = await entitiesOf<{
      year: number;
      children: { lookedAfterDuringYear: number };
      careHistory: EncodedCareHistory;
    }>(
      running.url,
      entitiesQuery('AnnualReport', 'year children { lookedAfterDuringYear } careHistory'),
      [annualReport(2023), annualReport(2022)],
      { token: await manager('north') },
    );
    expect(entities.map((e) => [e.year, e.children.lookedAfterDuringYear, e.careHistory.length])).toEqual([
      [2023, 5, 6],
      // 2022-23: C1, C3 and C6 looked after; the care history adds C4's short breaks (C5 was out of care all year)
      [2022, 3, 4],
    ]);
  });
});

describe('narratives', () => {
  const save = async (
    tenant: string,
    input: { year: number; section: string; text: string },
    staffRef?: string,
  ) =>
    graphql<{
      saveReportNarrative: { section: string; text: string; updatedAt: string; updatedBy: string | null };
    }>(
      running.url,
      `mutation ($input: SaveReportNarrativeInput!) {
         saveReportNarrative(input: $input) { section text updatedAt updatedBy } }`,
      { token: await manager(tenant, { staffRef: staffRef ?? null }), variables: { input } },
    );
  const narratives = async (tenant: string, year: number) =>
    (
      await graphql<{
        annualReport: { narratives: { section: string; text: string; updatedBy: string | null }[] };
      }>(
        running.url,
        `query ($year: Int!) { annualReport(year: $year) { narratives { section text updatedBy } } }`,
        { token: await manager(tenant), variables: { year } },
      )
    ).data?.annualReport.narratives;

  it('are written, changed, listed in the report’s order and deleted by empty text, each change audited', async () => {
    const first = await save(
      'north',
      { year: 2020, section: 'priorities', text: 'Fewer late reviews.' },
      'M1',
    );
    expect(first.errors).toBeUndefined();
    expect(first.data?.saveReportNarrative).toMatchObject({
      section: 'priorities',
      text: 'Fewer late reviews.',
      updatedBy: 'M1',
    });
    expect(Number.isNaN(Date.parse(first.data!.saveReportNarrative.updatedAt))).toBe(false);
    await save('north', { year: 2020, section: 'service_profile', text: 'Four IROs.' });
    await save('north', { year: 2020, section: 'priorities', text: 'No late reviews.' }, 'M1');
    expect(await narratives('north', 2020)).toEqual([
      // no staff reference in the token: the subject
      { section: 'service_profile', text: 'Four IROs.', updatedBy: 'north-manager' },
      { section: 'priorities', text: 'No late reviews.', updatedBy: 'M1' },
    ]);
    expect(await narratives('north', 2019)).toEqual([]);
    const deleted = await save('north', { year: 2020, section: 'priorities', text: '  ' });
    expect(deleted.data?.saveReportNarrative).toMatchObject({ section: 'priorities', text: '' });
    expect(await narratives('north', 2020)).toEqual([
      { section: 'service_profile', text: 'Four IROs.', updatedBy: 'north-manager' },
    ]);
    const { rows } = await running.database.superuser.query(
      `select action, entity_ids from children.audit_events where entity = 'ReportNarrative' order by at`,
    );
    expect(rows).toEqual([
      { action: 'create', entity_ids: ['2020/priorities'] },
      { action: 'create', entity_ids: ['2020/service_profile'] },
      { action: 'update', entity_ids: ['2020/priorities'] },
      { action: 'delete', entity_ids: ['2020/priorities'] },
    ]);
  });

  it('are each council’s own, for the same year and section', async () => {
    await save('north', { year: 2024, section: 'good_practice', text: 'North’s practice.' });
    await save('south', { year: 2024, section: 'good_practice', text: 'South’s practice.' });
    expect((await narratives('north', 2024))?.map((n) => n.text)).toEqual(['North’s practice.']);
    expect((await narratives('south', 2024))?.map((n) => n.text)).toEqual(['South’s practice.']);
    const { rows } = await running.database.superuser.query(
      `select tenant_id, text from children.report_narratives where year = 2024 order by tenant_id`,
    );
    expect(rows).toEqual([
      { tenant_id: 'north', text: 'North’s practice.' },
      { tenant_id: 'south', text: 'South’s practice.' },
    ]);
  });

  it('take up to 20,000 characters, counted as people count them', async () => {
    const text = '😀'.repeat(20_000);
    const result = await save('north', { year: 2021, section: 'case_examples', text });
    expect(result.errors).toBeUndefined();
    expect(result.data?.saveReportNarrative.text).toBe(text);
  });
});
