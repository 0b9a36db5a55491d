import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { entrantsAndLeaversBehind } from './entrants-leavers.ts';
import {
  ageBandLabels,
  ageBandOf,
  ageBandsForYear,
  defaultLocalPolicy,
  policyVersionsFromRows,
} from './local-policy.ts';
import { childrenLookedAfterFigures, periodsOfCare } from './periods-of-care.ts';
import { episode } from './testing/builders.ts';

/** Ascending lower bounds from 0. */
const bounds = fc
  .uniqueArray(fc.integer({ min: 1, max: 25 }), { maxLength: 8 })
  .map((rest) => [0, ...rest.sort((a, b) => a - b)]);

describe('age bands (further-tables §2)', () => {
  it('partition every age: each age falls in exactly one band, the one whose range holds it', () => {
    fc.assert(
      fc.property(bounds, fc.integer({ min: 0, max: 120 }), (b, age) => {
        const labels = ageBandLabels(b);
        const holding = b.filter((lower, i) => age >= lower && (i === b.length - 1 || age < b[i + 1]!));
        expect(holding).toHaveLength(1);
        expect(ageBandOf(age, b)).toBe(labels[b.indexOf(holding[0]!)]);
      }),
    );
  });

  it('label under1 for [0,1), a+ for the last, a-c with c the next bound − 1 otherwise', () => {
    fc.assert(
      fc.property(bounds, (b) => {
        const labels = ageBandLabels(b);
        expect(new Set(labels).size).toBe(b.length);
        b.forEach((lower, i) => {
          const next = b[i + 1];
          if (next === undefined) expect(labels[i]).toBe(`${lower}+`);
          else if (lower === 0 && next === 1) expect(labels[i]).toBe('under1');
          else expect(labels[i]).toBe(`${lower}-${next - 1}`);
        });
      }),
    );
    expect(ageBandLabels([0, 5, 10, 16])).toEqual(['0-4', '5-9', '10-15', '16+']);
  });

  it('of a report year are those in force on its 31 March', () => {
    const { versions } = policyVersionsFromRows([
      { key: 'age_bands', value: '0, 5,11 ,16', effective: '2022-04-01' },
      { key: 'AGE_BANDS', value: '0,10', effective: '2024-03-31' },
    ]);
    expect(ageBandsForYear(versions, 2021)).toEqual(defaultLocalPolicy.ageBands);
    expect(ageBandsForYear(versions, 2022)).toEqual([0, 5, 11, 16]);
    expect(ageBandsForYear(versions, 2023)).toEqual([0, 10]); // changed on 31 March: the whole year
  });
});

describe('entrants by age band and sex, leavers by age band', () => {
  const year = 2023;
  const bands = [0, 5, 11, 16];
  const child = (id: string, dob: string, sex: string | null, decom: string, dec: string | null) => ({
    child: id,
    dateOfBirth: dob,
    sex,
    periods: periodsOfCare([episode(decom, dec, dec ? 'E11' : null)]).periods,
  });
  const children = [
    child('a', '2018-05-01', '1', '2023-04-30', '2023-05-01'), // 4 at start, 5 at DEC
    child('b', '2018-05-01', 'F', '2023-05-01', null), // 5 at start
    child('c', '2007-06-01', 'U', '2023-06-01', null), // 16 at start, unknown sex
    child('d', '2007-06-01', null, '2020-01-01', '2024-03-31'), // left at 16
    child('e', '2010-01-01', '9', '2024-04-01', null), // the year after
  ];

  it('bands the age at the period start with sex, and the age at DEC; every band is reported', () => {
    const { figures, behind } = entrantsAndLeaversBehind(children, year, bands);
    expect(figures.startedByAgeBandAndSex).toEqual({
      '0-4': { male: 1, female: 0, unknown: 0 },
      '5-10': { male: 0, female: 1, unknown: 0 },
      '11-15': { male: 0, female: 0, unknown: 0 },
      '16+': { male: 0, female: 0, unknown: 1 },
    });
    expect(figures.ceasedByAgeBand).toEqual({ '0-4': 0, '5-10': 1, '11-15': 0, '16+': 1 });
    expect(behind['children.ceasedByAgeBand.16+']!.map((m) => m.child)).toEqual(['d']);
  });

  it('adds up to startedInYear and ceasedInYear', () => {
    const { figures } = entrantsAndLeaversBehind(children, year, defaultLocalPolicy.ageBands);
    const counts = childrenLookedAfterFigures(children, year);
    const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
    expect(sum(Object.values(figures.startedByAgeBandAndSex).flatMap(Object.values))).toBe(
      counts.startedInYear,
    );
    expect(sum(Object.values(figures.ceasedByAgeBand))).toBe(counts.ceasedInYear);
  });
});
