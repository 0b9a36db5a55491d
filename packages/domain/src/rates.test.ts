import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { childrenRates, populationOf, ratePer10000 } from './rates.ts';

describe('rates per 10,000 (further-tables §2)', () => {
  it('divides count × 10,000 by the population, half up to one decimal', () => {
    expect(ratePer10000(115, 17650)).toBe(65.2); // 65.155…
    expect(ratePer10000(1, 20000)).toBe(0.5);
    expect(ratePer10000(1, 40000)).toBe(0.3); // 0.25 half up
    expect(ratePer10000(0, 17650)).toBe(0);
  });

  it('is null with no population row', () => {
    expect(ratePer10000(10, null)).toBeNull();
    expect(ratePer10000(10, 0)).toBeNull();
    expect(populationOf([{ year: 2022, population: 100 }], 2023)).toBeNull();
    expect(childrenRates({ lookedAfterAt31March: 1, startedInYear: 2, ceasedInYear: 3 }, null)).toEqual({
      ratePer10000: null,
      startedRatePer10000: null,
      ceasedRatePer10000: null,
    });
  });

  it('scales linearly with the count: k times the count is k times the rate, to within the rounding', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 5000 }),
        fc.integer({ min: 1, max: 20 }),
        fc.integer({ min: 1, max: 2_000_000 }),
        (count, k, population) => {
          const one = ratePer10000(count, population)!;
          const many = ratePer10000(count * k, population)!;
          expect(Math.abs(one - (count * 10000) / population)).toBeLessThanOrEqual(0.05 + 1e-9);
          expect(Math.abs(many - k * one)).toBeLessThanOrEqual(0.05 * (k + 1) + 1e-9);
        },
      ),
    );
  });

  it('is exactly linear where the population divides 100,000', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 100_000 }),
        fc.constantFrom(1, 2, 5, 10, 1000, 10_000, 100_000),
        (count, population) => {
          expect(ratePer10000(count, population)).toBe((count * 100_000) / population / 10);
        },
      ),
    );
  });
});
