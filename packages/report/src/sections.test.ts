import { participationWording } from '@footprint/domain';
import { describe, expect, it } from 'vitest';
import { type AnnualReport, annualReportSchema } from './annual-report.ts';
import { NARRATIVE_SECTIONS, type Narratives } from './narratives.ts';
import { figureLabel, hasContent, printOrder, type ReportRow, reportSections } from './sections.ts';
import { exampleshireJson, figureIn } from './testing/exampleshire.ts';

const json2022 = exampleshireJson(2022);
const json2023 = exampleshireJson(2023);
const report2022 = annualReportSchema.parse(json2022);
const report2023 = annualReportSchema.parse(json2023);

const narratives: Narratives = {
  service_profile: 'Three IROs, two full-time equivalents.',
  good_practice: 'Letters to children.',
  escalation_examples: 'A placement move agreed at Stage 1.',
  case_examples: 'A.',
  priorities: 'Midway reviews for every child.',
};

const sections = reportSections(report2023, report2022, narratives);
const rows = sections.flatMap((s) => s.tables.flatMap((t) => t.rows));
const rowOf = (figure: string): ReportRow => {
  const row = rows.find((r) => r.figure === figure);
  if (!row) throw new Error(`no row for ${figure}`);
  return row;
};
const tableOf = (id: string) => {
  const table = sections.flatMap((s) => s.tables).find((t) => t.id === id);
  if (!table) throw new Error(`no table ${id}`);
  return table;
};
const tableOfIn = (model: ReturnType<typeof reportSections>, id: string) => {
  const table = model.flatMap((s) => s.tables).find((t) => t.id === id);
  if (!table) throw new Error(`no table ${id}`);
  return table;
};
/** A copy of a report with some of its values changed. */
const edited = (report: AnnualReport, edit: (copy: AnnualReport) => void): AnnualReport => {
  const copy = structuredClone(report);
  edit(copy);
  return copy;
};

describe('reportSections: the order of the source reports', () => {
  it('has every section, in the order of annual-report.md "Presentation"', () => {
    expect(sections.map((s) => s.id)).toEqual([
      'service_profile',
      'children',
      'trend',
      'reviews',
      'consultation',
      'escalations',
      'escalation_examples',
      'advocacy',
      'foster_carer_reviews',
      'audits',
      'good_practice',
      'case_examples',
      'data_quality',
      'priorities',
    ]);
    expect(sections.map((s) => s.heading)).toEqual([
      'Service profile and workforce',
      'Children looked after',
      'Five-year trend',
      'Reviews',
      'Consultation and the child’s voice',
      'Escalations',
      'Escalations: examples',
      'Advocacy and Independent Visitors',
      'Foster carer reviews',
      'Audits',
      'Good practice',
      'Case examples',
      'Data quality',
      'Priorities for the year ahead',
    ]);
  });

  it('orders the tables of each section as the spec lists them', () => {
    const tablesOf = (id: string) => sections.find((s) => s.id === id)?.tables.map((t) => t.id);
    // further-tables §3 "placement": distance, missing and secure with placements; the council's
    // age bands with the DfE's; IRO diversity beside the children's ethnic groups; health and
    // stability with the profile; entrants and leavers with entering and leaving care.
    expect(tablesOf('children')).toEqual([
      'children.summary',
      'children.byLegalStatus',
      'children.byPlacement',
      'placement.distance',
      'missing',
      'secure',
      'children.byAgeBand',
      'children.byLocalAgeBand',
      'children.bySex',
      'children.byEthnicGroup',
      'workforce.diversity',
      'children.byEthnicity',
      'health',
      'health.sdq',
      'stability',
      'children.byLegalStatusAtEntry',
      'children.startedByAgeBandAndSex',
      'children.byReasonCeased',
      'children.ceasedByAgeBand',
      'children.uasc',
      'children.uascByEthnicity',
    ]);
    expect(tablesOf('reviews')).toEqual([
      'reviews.timeliness',
      'reviews.participation',
      'reviews.chairedByChild',
      'reviews.format',
      'reviews.paperwork',
      'reviews.betweenReviews',
    ]);
    expect(tablesOf('escalations')).toEqual([
      'escalations.raised',
      'escalations.stages',
      'escalations.byTheme',
      'escalations.outcomes',
    ]);
  });

  it('carries each narrative in its section, and marks every section a manager writes in', () => {
    for (const name of NARRATIVE_SECTIONS) {
      const section = sections.find((s) => s.narrativeSection === name);
      expect(section?.narrative, name).toBe(narratives[name]);
    }
    expect(sections.find((s) => s.id === 'service_profile')?.tables.map((t) => t.id)).toEqual(['workforce']);
  });

  it('keeps a narrative section nobody wrote in the model, empty, for the portal to offer', () => {
    const bare = reportSections(report2023, report2022, { priorities: '  \n ' });
    const priorities = bare.find((s) => s.id === 'priorities')!;
    expect(priorities).toEqual({
      id: 'priorities',
      heading: 'Priorities for the year ahead',
      narrativeSection: 'priorities',
      tables: [],
      charts: [],
    });
    expect(hasContent(priorities)).toBe(false);
    expect(bare.filter(hasContent).map((s) => s.id)).toEqual([
      'service_profile',
      'children',
      'trend',
      'reviews',
      'consultation',
      'escalations',
      'advocacy',
      'foster_carer_reviews',
      'audits',
      'data_quality',
    ]);
  });
});

describe('reportSections: rows', () => {
  it('reads every row’s current and previous figure from the JSON at its figure path', () => {
    expect(rows.length).toBeGreaterThan(100);
    for (const row of rows) {
      expect(row.current, row.figure).toBe(figureIn(json2023, row.figure));
      expect(row.previous, row.figure).toBe(figureIn(json2022, row.figure));
    }
  });

  it('gives each figure one row', () => {
    expect(new Set(rows.map((r) => r.figure)).size).toBe(rows.length);
  });

  it('labels the participation table with the DfE’s PN wording, PN0 to PN7 then not recorded', () => {
    const participation = tableOf('reviews.participation');
    expect(participation.rows.map((r) => r.figure)).toEqual([
      ...['PN0', 'PN1', 'PN2', 'PN3', 'PN4', 'PN5', 'PN6', 'PN7', 'notRecorded'].map(
        (c) => `reviews.participation.${c}`,
      ),
      'reviews.participationRate4Plus',
    ]);
    expect(rowOf('reviews.participation.PN1').label).toBe(`PN1 — ${participationWording('PN1')}`);
    expect(rowOf('reviews.participation.PN1').label).toBe(
      'PN1 — Child physically attends and speaks for him or herself (attendance)',
    );
    expect(rowOf('reviews.participation.notRecorded').label).toBe('Not recorded');
    expect(rowOf('reviews.participationRate4Plus')).toMatchObject({ unit: 'percent', traceable: false });
  });

  it('lists a map’s codes of both years in code-list order, with 0 in the year a code is missing from', () => {
    // 2022 had L1 (2 children) and 2023 has none; J1 is in both.
    expect(tableOf('children.byLegalStatus').rows.map((r) => r.figure.split('.').pop())).toEqual([
      'C1',
      'C2',
      'E1',
      'V2',
      'L1',
      'J1',
    ]);
    expect(rowOf('children.byLegalStatus.L1')).toMatchObject({
      label: 'L1 — Under police protection and in local authority accommodation',
      current: 0,
      previous: 2,
      change: -2,
    });
    // A3 appears in 2023 only.
    expect(rowOf('children.byPlacement.A3')).toMatchObject({ current: 1, previous: 0, change: 1 });
    // Themes new in 2023 and gone since 2022.
    expect(rowOf('escalations.byTheme.other')).toMatchObject({ current: 1, previous: 0 });
    expect(rowOf('escalations.byTheme.health')).toMatchObject({ current: 0, previous: 2, change: -2 });
    expect(rowOf('escalations.byTheme.drift_delay').label).toBe(
      'Drift and delay in care planning or permanence',
    );
    // A data-quality code listed in 2022 only.
    expect(rowOf('dataQuality.no_iro_allocated')).toMatchObject({
      label: 'Child looked after at 31 March with no IRO allocated',
      current: 0,
      previous: 3,
      change: -3,
    });
  });

  it('shows every key of a fixed list, zeros included, and a council’s own codes after the listed ones', () => {
    expect(tableOf('children.bySex').rows.map((r) => [r.label, r.current])).toEqual([
      ['Male', 63],
      ['Female', 55],
      ['Unknown', 0],
    ]);
    expect(tableOf('children.byAgeBand').rows.map((r) => r.label)).toEqual([
      'Under 1',
      '1 to 4',
      '5 to 9',
      '10 to 15',
      '16 and over',
    ]);
    const own = edited(report2023, (r) => {
      r.escalations.byTheme = { zz_local: 2, drift_delay: 1 };
      r.escalations.highestStage = { panel: 1, informal: 3 };
    });
    const local = reportSections(own, null, {});
    const themes = local.flatMap((s) => s.tables).find((t) => t.id === 'escalations.byTheme')!;
    expect(themes.rows.map((r) => [r.label, r.current])).toEqual([
      ['Drift and delay in care planning or permanence', 1],
      ['zz_local', 2],
    ]);
    const stages = local.flatMap((s) => s.tables).find((t) => t.id === 'escalations.stages')!;
    expect(stages.rows.map((r) => r.label).slice(0, 2)).toEqual([
      'Informal: highest stage reached',
      'Informal: resolved at this stage',
    ]);
    expect(stages.rows.map((r) => r.figure)).toContain('escalations.highestStage.panel');
  });

  it('puts each stage’s highest-stage and resolved rows together', () => {
    expect(tableOf('escalations.stages').rows.map((r) => [r.figure, r.current])).toEqual([
      ['escalations.highestStage.informal', 6],
      ['escalations.resolvedAtStage.informal', 6],
      ['escalations.highestStage.stage1', 7],
      ['escalations.resolvedAtStage.stage1', 6],
      ['escalations.highestStage.stage2', 1],
      ['escalations.resolvedAtStage.stage2', 1],
    ]);
  });

  it('takes the change as current − previous, percentages in points to one decimal', () => {
    expect(rowOf('reviews.held')).toMatchObject({ current: 300, previous: 276, change: 24 });
    expect(rowOf('children.byLegalStatus.C1')).toMatchObject({ current: 21, previous: 23, change: -2 });
    // 94.7 − 91.3 is 3.4000000000000057 in floating point.
    expect(rowOf('reviews.onTimePercent')).toMatchObject({ current: 94.7, previous: 91.3, change: 3.4 });
    expect(rowOf('workforce.caseloadPerFte.mean')).toMatchObject({
      current: 59.6,
      previous: 55.8,
      change: 3.8,
    });
    for (const row of rows) {
      if (row.current === null || row.previous === null) expect(row.change, row.figure).toBeNull();
      else expect(row.change, row.figure).toBeCloseTo(row.current - row.previous, 9);
    }
  });

  it('has no change where either year’s percentage is null (a denominator of 0)', () => {
    const current = edited(report2023, (r) => {
      r.reviews.onTimePercent = null;
      r.escalations.medianWorkingDaysToResolve = null;
    });
    const previous = edited(report2022, (r) => {
      r.fosterCarerReviews.onTimePercent = null;
    });
    const all = reportSections(current, previous, {}).flatMap((s) => s.tables.flatMap((t) => t.rows));
    const of = (figure: string) => all.find((r) => r.figure === figure);
    expect(of('reviews.onTimePercent')).toMatchObject({ current: null, previous: 91.3, change: null });
    expect(of('fosterCarerReviews.onTimePercent')).toMatchObject({
      current: 91.1,
      previous: null,
      change: null,
    });
    expect(of('escalations.medianWorkingDaysToResolve')).toMatchObject({ current: null, change: null });
    // A change to the same value is 0, never −0.
    const same = reportSections(report2023, report2023, {}).flatMap((s) => s.tables.flatMap((t) => t.rows));
    for (const row of same) expect(Object.is(row.change, 0), row.figure).toBe(row.current !== null);
  });

  it('has no previous figures and no change without a previous report', () => {
    const alone = reportSections(report2023, null, {}).flatMap((s) => s.tables.flatMap((t) => t.rows));
    expect(alone.length).toBeGreaterThan(100);
    for (const row of alone) expect([row.previous, row.change], row.figure).toEqual([null, null]);
    // Only the codes of this year: no L1, which was 2022's.
    expect(alone.some((r) => r.figure === 'children.byLegalStatus.L1')).toBe(false);
  });

  it('marks counts traceable, and percentages, means, medians and FTE not', () => {
    const untraceable = rows.filter((r) => !r.traceable).map((r) => r.figure);
    expect(untraceable).toEqual([
      'workforce.fte',
      'workforce.caseloadPerFte.mean',
      'workforce.caseloadPerFte.min',
      'workforce.caseloadPerFte.max',
      'workforce.continuityPercent',
      'children.ratePer10000',
      'children.startedRatePer10000',
      'children.ceasedRatePer10000',
      'placement.distance.percent',
      'health.healthAssessmentPercent',
      'health.immunisationsPercent',
      'health.teethCheckPercent',
      'health.healthCheckUnder5Percent',
      'health.substanceMisusePercent',
      'health.convictedAged10PlusPercent',
      'health.sdq.mean',
      'stability.shortTerm.percent',
      'stability.longTerm.percent',
      'reviews.onTimePercent',
      'reviews.childrenAllOnTime.percent',
      'reviews.participationRate4Plus',
      'reviews.paperwork.outcomesOnTimePercent',
      'reviews.paperwork.recordCompletedOnTimePercent',
      'reviews.paperwork.recordDistributedOnTimePercent',
      'escalations.medianWorkingDaysToResolve',
      'advocacy.childrenPercent',
      'fosterCarerReviews.onTimePercent',
    ]);
    for (const row of rows) expect(row.traceable, row.figure).toBe(row.unit === 'count');
    expect(rowOf('reviews.childrenAllOnTime.percent').unit).toBe('percent');
    expect(tableOf('reviews.timeliness').unit).toBe('count');
    expect(tableOf('reviews.paperwork').unit).toBe('percent');
  });

  it('uses the further tables when the report has them, and leaves them out when it does not', () => {
    expect(rowOf('advocacy.independentVisitorsDuringYear')).toMatchObject({ current: 5 });
    expect(rowOf('children.byEthnicGroup.white')).toMatchObject({ label: 'White', current: 79 });
    const core = edited(report2023, (r) => {
      delete r.children.byEthnicGroup;
      delete r.advocacy.independentVisitorsDuringYear;
      delete r.reviews.byMonth;
    });
    const plain = reportSections(core, report2022, {});
    const figures = plain.flatMap((s) => s.tables.flatMap((t) => t.rows.map((r) => r.figure)));
    expect(figures.some((f) => f.startsWith('children.byEthnicGroup'))).toBe(false);
    expect(figures).not.toContain('advocacy.independentVisitorsDuringYear');
    expect(plain.flatMap((s) => s.charts.map((c) => c.id))).not.toContain('reviews.byMonth');
    // A previous report without them: this year's table, no figures for the year before.
    const older = edited(report2022, (r) => {
      delete r.children.byEthnicGroup;
    });
    const rowsAgainstOlder = reportSections(report2023, older, {}).flatMap((s) =>
      s.tables.flatMap((t) => t.rows),
    );
    expect(rowsAgainstOlder.find((r) => r.figure === 'children.byEthnicGroup.white')).toMatchObject({
      current: 79,
      previous: null,
      change: null,
    });
  });

  it('puts each rate beside the count it divides, and reads the nested and council-band maps', () => {
    const summary = tableOf('children.summary').rows.map((r) => r.figure);
    expect(summary).toEqual([
      'children.lookedAfterAt31March',
      'children.ratePer10000',
      'children.lookedAfterDuringYear',
      'children.startedInYear',
      'children.startedRatePer10000',
      'children.ceasedInYear',
      'children.ceasedRatePer10000',
      'children.shortBreaksDuringYear',
    ]);
    expect(rowOf('children.ratePer10000')).toMatchObject({
      unit: 'number',
      current: 66.3,
      previous: 64.3,
      change: 2,
    });
    expect(tableOf('children.startedByAgeBandAndSex').rows.slice(0, 3)).toMatchObject([
      { figure: 'children.startedByAgeBandAndSex.0-4.male', label: '0-4: Male', current: 5, traceable: true },
      { figure: 'children.startedByAgeBandAndSex.0-4.female', label: '0-4: Female', current: 7 },
      { figure: 'children.startedByAgeBandAndSex.0-4.unknown', label: '0-4: Unknown', current: 0 },
    ]);
    expect(tableOf('children.startedByAgeBandAndSex').rows).toHaveLength(12);
    expect(tableOf('children.ceasedByAgeBand').rows.map((r) => r.label)).toEqual([
      '0-4',
      '5-10',
      '11-15',
      '16+',
    ]);
    expect(rowOf('health.sdq.concern')).toMatchObject({ current: 16, previous: 9, traceable: true });
    expect(tableOf('workforce.diversity').rows.map((r) => r.figure.split('.').slice(1, 2)[0])).toEqual([
      ...Array(3).fill('bySex'),
      ...Array(6).fill('byEthnicGroup'),
    ]);
    expect(figureLabel('children.startedByAgeBandAndSex.16+.female')).toMatch(/: 16\+, Female$/);
  });

  it('puts each comparator beside the figure it compares, and nowhere else', () => {
    expect(rowOf('children.ratePer10000')).toMatchObject({
      label:
        'Children looked after at 31 March per 10,000 children (England 2023: 71.0; Statistical neighbours 2022: 61.4)',
      comparators: ['England 2023: 71.0', 'Statistical neighbours 2022: 61.4'],
      current: 66.3,
    });
    expect(rowOf('reviews.onTimePercent').comparators).toEqual(['Statistical neighbours 2022: 88.5%']);
    expect(rowOf('children.startedRatePer10000').comparators).toEqual(['Statistical neighbours 2023: 24.8']);
    expect(rows.filter((r) => r.comparators).map((r) => r.figure)).toEqual([
      'children.ratePer10000',
      'children.startedRatePer10000',
      'reviews.onTimePercent',
    ]);
    // A DfE symbol is printed as it is; the figure's own row is unchanged.
    const suppressed = edited(report2023, (r) => {
      r.comparators = [{ year: 2023, area: 'England', measure: 'reviews.late', value: 'c' }];
    });
    const late = reportSections(suppressed, report2022, {})
      .flatMap((s) => s.tables.flatMap((t) => t.rows))
      .find((r) => r.figure === 'reviews.late');
    expect(late).toMatchObject({
      label: 'Reviews held late (England 2023: c)',
      comparators: ['England 2023: c'],
    });
    expect(late?.current).toBe(rowOf('reviews.late').current);
  });

  it('gives a report without the further keys exactly the tables it gave before them', () => {
    const strip = (report: AnnualReport) =>
      edited(report, (r) => {
        const c = r.children;
        for (const key of [
          'byEthnicGroup',
          'byLocalAgeBand',
          'startedByAgeBandAndSex',
          'ceasedByAgeBand',
          'uascByEthnicity',
          'ratePer10000',
          'startedRatePer10000',
          'ceasedRatePer10000',
        ] as const)
          delete c[key];
        delete r.health;
        delete r.stability;
        delete r.placement;
        delete r.missing;
        delete r.secure;
        delete r.comparators;
        delete r.reviews.byMonth;
        delete r.advocacy.independentVisitorsDuringYear;
        delete r.workforce.bySex;
        delete r.workforce.byEthnicGroup;
      });
    const plain = reportSections(strip(report2023), strip(report2022), narratives);
    expect(plain.flatMap((s) => s.tables.map((t) => t.id))).toEqual([
      'workforce',
      'children.summary',
      'children.byLegalStatus',
      'children.byPlacement',
      'children.byAgeBand',
      'children.bySex',
      'children.byEthnicity',
      'children.byLegalStatusAtEntry',
      'children.byReasonCeased',
      'children.uasc',
      'reviews.timeliness',
      'reviews.participation',
      'reviews.chairedByChild',
      'reviews.format',
      'reviews.paperwork',
      'reviews.betweenReviews',
      'consultation',
      'escalations.raised',
      'escalations.stages',
      'escalations.byTheme',
      'escalations.outcomes',
      'advocacy.summary',
      'advocacy.byReason',
      'advocacy.bySource',
      'advocacy.independentVisitors',
      'fosterCarerReviews.householdsAt31March',
      'fosterCarerReviews.timeliness',
      'audits',
      'dataQuality',
    ]);
    expect(tableOfIn(plain, 'children.summary').rows.map((r) => r.figure)).toEqual([
      'children.lookedAfterAt31March',
      'children.lookedAfterDuringYear',
      'children.startedInYear',
      'children.ceasedInYear',
      'children.shortBreaksDuringYear',
    ]);
    expect(tableOfIn(plain, 'children.uasc').rows.map((r) => r.figure)).toEqual(['children.uascAt31March']);
    expect(plain.flatMap((s) => s.tables.flatMap((t) => t.rows)).some((r) => r.comparators)).toBe(false);
  });

  it('says so when no record breaks a rule in either year', () => {
    const clean = reportSections(
      report2023,
      edited(report2022, (r) => {
        r.dataQuality = [];
      }),
      {},
    );
    const dq = clean.find((s) => s.id === 'data_quality')!;
    expect(dq.tables).toEqual([]);
    expect(dq.note).toMatch(/No records broke/);
    expect(hasContent(dq)).toBe(true);
  });
});

describe('reportSections: charts', () => {
  const charts = sections.flatMap((s) => s.charts.map((c) => ({ section: s.id, ...c })));

  it('charts the trend, reviews by month, participation and escalations by highest stage', () => {
    expect(charts.map((c) => [c.section, c.id, c.table])).toEqual([
      ['trend', 'trend.counts', 'trend'],
      ['trend', 'trend.percentages', 'trend'],
      ['reviews', 'reviews.byMonth', undefined],
      ['reviews', 'reviews.participation', 'reviews.participation'],
      ['escalations', 'escalations.highestStage', 'escalations.stages'],
    ]);
  });

  it('has the twelve months of the year, April first, held and on time', () => {
    const byMonth = charts.find((c) => c.id === 'reviews.byMonth')!;
    expect(byMonth.categories).toHaveLength(12);
    expect(byMonth.categories[0]).toBe('Apr 2023');
    expect(byMonth.categories[11]).toBe('Mar 2024');
    expect(byMonth.series.map((s) => s.name)).toEqual(['Held', 'On time']);
    expect(byMonth.series[0]!.values.reduce((a, b) => a + b, 0)).toBe(report2023.reviews.held);
    expect(byMonth.series[1]!.values.reduce((a, b) => a + b, 0)).toBe(report2023.reviews.onTime);
    expect(byMonth.series[0]!.values[0]).toBe(28);
  });

  it('draws the PN counts and the stages with a series a year, the year before first', () => {
    const participation = charts.find((c) => c.id === 'reviews.participation')!;
    expect(participation.categories).toEqual([
      'PN0',
      'PN1',
      'PN2',
      'PN3',
      'PN4',
      'PN5',
      'PN6',
      'PN7',
      'Not recorded',
    ]);
    expect(participation.series.map((s) => s.name)).toEqual(['2022-23', '2023-24']);
    expect(participation.series[1]!.values).toEqual([56, 129, 7, 9, 6, 14, 67, 12, 0]);
    const stages = charts.find((c) => c.id === 'escalations.highestStage')!;
    expect(stages.categories).toEqual(['Informal', 'Stage 1', 'Stage 2']);
    expect(stages.series[1]!.values).toEqual([6, 7, 1]);
    const alone = reportSections(report2023, null, {}).flatMap((s) => s.charts);
    expect(alone.find((c) => c.id === 'reviews.participation')!.series.map((s) => s.name)).toEqual([
      '2023-24',
    ]);
  });

  it('carries the five-year trend as a table and two line charts, before the reviews', () => {
    const trend = sections.find((s) => s.id === 'trend')!;
    expect(sections.findIndex((s) => s.id === 'trend')).toBe(
      sections.findIndex((s) => s.id === 'reviews') - 1,
    );
    expect(trend.trend!.years).toEqual([2019, 2020, 2021, 2022, 2023]);
    expect(trend.trend!.rows.find((r) => r.measure === 'lookedAfterAt31March')!.values).toEqual([
      137, 127, 115, 114, 118,
    ]);
    expect(
      printOrder(trend).map((item) => (item.kind === 'chart' ? `chart ${item.chart.id}` : item.kind)),
    ).toEqual(['trend', 'chart trend.counts', 'chart trend.percentages']);
    const percentages = trend.charts.find((c) => c.id === 'trend.percentages')!;
    expect(percentages.kind).toBe('line');
    expect(percentages.series.map((s) => s.values)).toEqual([
      [95.6, 94.6, 95.6, 91.3, 94.7],
      [93.6, 91.8, 92.4, 96.4, 95.1],
    ]);
    expect(reportSections({ ...report2023, trend: [] }, null, {}).find((s) => s.id === 'trend')!.trend).toBe(
      undefined,
    );
  });

  it('prints a chart after its table, and the monthly chart after the timeliness table', () => {
    const reviews = sections.find((s) => s.id === 'reviews')!;
    expect(
      printOrder(reviews)
        .map((item) =>
          item.kind === 'table'
            ? item.table.id
            : item.kind === 'chart'
              ? `chart ${item.chart.id}`
              : item.kind,
        )
        .slice(0, 4),
    ).toEqual([
      'reviews.timeliness',
      'chart reviews.byMonth',
      'reviews.participation',
      'chart reviews.participation',
    ]);
  });
});

describe('figureLabel', () => {
  it('names every figure the report shows', () => {
    for (const row of rows) expect(figureLabel(row.figure), row.figure).toBeTruthy();
  });

  it('reads a figure, a map’s code and a data-quality code', () => {
    expect(figureLabel('reviews.late')).toBe('Reviews held late');
    expect(figureLabel('children.byPlacement.U4')).toBe(
      'Placements of children looked after at 31 March: U4 — Foster placement with other foster carer(s) - long term fostering',
    );
    expect(figureLabel('escalations.resolvedAtStage.stage1')).toMatch(/Stage 1, resolved at this stage$/);
    expect(figureLabel('dataQuality.orphan_review')).toMatch(/Review dated outside every period of care$/);
    expect(figureLabel('reviews.nothing')).toBeNull();
    expect(figureLabel('children.byPlacement.')).toBeNull();
  });
});
