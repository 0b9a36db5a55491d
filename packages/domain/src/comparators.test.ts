import { describe, expect, it } from 'vitest';
import { type Comparator, comparatorsForYear, comparatorsOf } from './comparators.ts';

describe('comparators (further-tables §3)', () => {
  const rows: Comparator[] = [
    { year: 2021, area: 'England', measure: 'children.ratePer10000', value: 67 },
    { year: 2023, area: 'England', measure: 'children.ratePer10000', value: 71 },
    { year: 2022, area: 'England', measure: 'children.ratePer10000', value: 70 },
    { year: 2024, area: 'England', measure: 'children.ratePer10000', value: 72 }, // after the report year
    { year: 2022, area: 'Neighbours', measure: 'reviews.onTimePercent', value: 'c' },
    { year: 2024, area: 'Neighbours', measure: 'children.startedRatePer10000', value: 24 },
  ];

  it('takes per area and measure the latest year up to the report year, symbols kept as text', () => {
    expect(comparatorsForYear(rows, 2023)).toEqual([
      { year: 2023, area: 'England', measure: 'children.ratePer10000', value: 71 },
      { year: 2022, area: 'Neighbours', measure: 'reviews.onTimePercent', value: 'c' },
    ]);
    expect(comparatorsForYear(rows, 2022).map((c) => c.value)).toEqual([70, 'c']);
    expect(comparatorsForYear(rows, 2020)).toEqual([]);
  });

  it('finds the comparators of one figure', () => {
    expect(comparatorsOf(comparatorsForYear(rows, 2024), 'children.startedRatePer10000')).toEqual([
      { year: 2024, area: 'Neighbours', measure: 'children.startedRatePer10000', value: 24 },
    ]);
  });
});
