import { describe, expect, it } from 'vitest';
import {
  type ChildWithBirth,
  healthFigures,
  healthFiguresBehind,
  isInOc2Cohort,
  isSdqScore,
  type Oc2Row,
  sdqBandOf,
} from './health.ts';
import { type Episode, periodsOfCare } from './periods-of-care.ts';
import { episode } from './testing/builders.ts';

const year = 2023; // 1 April 2023 to 31 March 2024

const child = (id: string, dateOfBirth: string, episodes: Episode[]): ChildWithBirth => ({
  child: id,
  dateOfBirth,
  periods: periodsOfCare(episodes).periods,
});

const row = (id: string, fields: Partial<Oc2Row> = {}): Oc2Row => ({
  child: id,
  year,
  sdqScore: null,
  convicted: null,
  healthCheck: null,
  immunisations: null,
  teethCheck: null,
  healthAssessment: null,
  substanceMisuse: null,
  ...fields,
});

describe('the OC2 cohort (further-tables §2, §2a)', () => {
  const periodOf = (decom: string, dec: string | null, ls = 'C2') =>
    periodsOfCare([episode(decom, dec, dec ? 'E11' : null, { ls })]).periods[0]!;

  it('takes a period started on or before 1 April, not one started on 2 April', () => {
    expect(isInOc2Cohort(periodOf('2023-04-01', null), year)).toBe(true);
    expect(isInOc2Cohort(periodOf('2023-04-02', null), year)).toBe(false);
    expect(isInOc2Cohort(periodOf('2015-01-01', null), year)).toBe(true);
  });

  it('needs the period open at the end of 31 March: a DEC on 31 March is out, on 1 April in', () => {
    expect(isInOc2Cohort(periodOf('2020-01-01', '2024-03-31'), year)).toBe(false);
    expect(isInOc2Cohort(periodOf('2020-01-01', '2024-04-01'), year)).toBe(true);
  });

  it('leaves out short-break-only periods but counts one that changed from its first short-break DECOM', () => {
    expect(isInOc2Cohort(periodOf('2020-01-01', null, 'V4'), year)).toBe(false);
    const changed = periodsOfCare([
      episode('2023-03-01', '2023-05-01', 'X1', { ls: 'V3' }),
      episode('2023-05-01', null, null, { rne: 'L', ls: 'C2' }),
    ]).periods[0]!;
    expect(changed.start).toBe('2023-03-01');
    expect(isInOc2Cohort(changed, year)).toBe(true);
  });
});

describe('health figures', () => {
  const longStay = [episode('2020-01-01', null, null)];
  const children = [
    child('baby', '2021-06-01', longStay), // 2 at 31 March 2024
    child('four', '2019-03-31', longStay), // 5 on 31 March 2024: SDQ age, not under 5
    child('nine', '2014-04-01', longStay), // 9
    child('ten', '2014-03-31', longStay), // 10
    child('sixteen', '2007-04-01', longStay), // 16: SDQ age
    child('seventeen', '2007-03-31', longStay), // 17: not SDQ age
    child('late', '2010-01-01', [episode('2023-04-02', null, null)]), // not in the cohort
    child('norow', '2012-01-01', longStay), // 12, no row of the year
  ];
  const oc2 = [
    row('baby', { healthCheck: true, immunisations: true, healthAssessment: true, teethCheck: false }),
    row('four', { healthCheck: true, sdqScore: 13, immunisations: true }),
    row('nine', { sdqScore: 14, convicted: true, healthAssessment: true }),
    row('ten', { sdqScore: 16, convicted: true, substanceMisuse: true, healthAssessment: true }),
    row('sixteen', { sdqScore: 17, convicted: false, teethCheck: true }),
    row('seventeen', { sdqScore: 40, convicted: true }),
    row('late', { healthAssessment: true }),
    row('norow', { year: 2022, healthAssessment: true, sdqScore: 1 }), // another year's row: not read
  ];
  const { figures, behind } = healthFiguresBehind(children, oc2, year);

  it('counts the cohort and takes every percentage over it, a child with no row as not done', () => {
    expect(figures.cohort).toBe(7);
    expect(figures.healthAssessmentPercent).toBe(42.9); // baby, nine, ten of 7
    expect(figures.immunisationsPercent).toBe(28.6);
    expect(figures.teethCheckPercent).toBe(14.3);
    expect(figures.substanceMisusePercent).toBe(14.3);
    expect(behind['health.healthAssessmentPercent.denominator']!.map((m) => m.child.child)).toContain(
      'norow',
    );
    expect(behind['health.cohort']!.find((m) => m.child.child === 'norow')!.row).toBeNull();
  });

  it('takes health checks over the under-5s and convictions over those aged 10 or over', () => {
    expect(behind['health.healthCheckUnder5Percent.denominator']!.map((m) => m.child.child)).toEqual([
      'baby',
    ]);
    expect(figures.healthCheckUnder5Percent).toBe(100);
    expect(behind['health.convictedAged10PlusPercent.denominator']!.map((m) => m.child.child)).toEqual([
      'ten',
      'sixteen',
      'seventeen',
      'norow',
    ]);
    expect(figures.convictedAged10PlusPercent).toBe(50);
  });

  it('takes SDQ over ages 5 to 16 inclusive, bands 0–13, 14–16, 17–40, mean to one decimal', () => {
    expect(figures.sdq).toEqual({ eligible: 5, scored: 4, mean: 15, normal: 1, borderline: 2, concern: 1 });
    expect(behind['health.sdq.eligible']!.map((m) => m.child.child)).toEqual([
      'four',
      'nine',
      'ten',
      'sixteen',
      'norow',
    ]);
  });

  it('lists the children behind every count', () => {
    for (const [path, list] of Object.entries(behind)) {
      if (path.endsWith('.numerator') || path.endsWith('.denominator')) continue;
      const value = path
        .split('.')
        .slice(1)
        .reduce<unknown>((o, k) => (o as Record<string, unknown>)[k], figures);
      expect(list.length, path).toBe(value);
    }
    expect(healthFigures(children, oc2, year)).toEqual(figures);
  });

  it('gives null percentages and mean on empty denominators', () => {
    const f = healthFigures([], [], year);
    expect(f.cohort).toBe(0);
    expect(f.healthAssessmentPercent).toBeNull();
    expect(f.sdq).toEqual({ eligible: 0, scored: 0, mean: null, normal: 0, borderline: 0, concern: 0 });
  });

  it('rounds the mean half up exactly (13.05 → 13.1)', () => {
    const many = Array.from({ length: 20 }, (_, i) => child(`c${i}`, '2012-01-01', longStay));
    const scores = many.map((c, i) => row(c.child, { sdqScore: i === 0 ? 14 : 13 }));
    expect(healthFigures(many, scores, year).sdq.mean).toBe(13.1);
  });
});

describe('SDQ scores and bands', () => {
  it('reads only whole numbers 0–40 as scores', () => {
    expect([0, 40, 13].every(isSdqScore)).toBe(true);
    expect([-1, 41, 12.5, null, undefined].some((s) => isSdqScore(s))).toBe(false);
  });
  it('bands at 13/14 and 16/17', () => {
    expect([0, 13, 14, 16, 17, 40].map(sdqBandOf)).toEqual([
      'normal',
      'normal',
      'borderline',
      'borderline',
      'concern',
      'concern',
    ]);
  });
});
