import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mean, median, percent, roundHalfUp } from './numbers.ts';

describe('percent: one decimal, rounded half up (annual-report.md)', () => {
  it('rounds half up', () => {
    expect(percent(1, 8)).toBe(12.5);
    expect(percent(1, 16)).toBe(6.3); // 6.25
    expect(percent(2, 3)).toBe(66.7);
    expect(percent(1, 3)).toBe(33.3);
    expect(percent(252, 276)).toBe(91.3);
    expect(percent(1651, 2000)).toBe(82.6); // 82.55 exactly
    expect(percent(0, 5)).toBe(0);
    expect(percent(5, 5)).toBe(100);
  });

  it('is null on a zero denominator', () => {
    expect(percent(0, 0)).toBeNull();
  });

  it('matches exact rational rounding for whole counts', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 100_000 }), fc.integer({ min: 0, max: 100_000 }), (den, n) => {
        const num = n % (den + 1);
        const exact = (BigInt(num) * 2000n + BigInt(den)) / (2n * BigInt(den));
        expect(percent(num, den)).toBe(Number(exact) / 10);
      }),
    );
  });

  it('roundHalfUp survives binary floating point', () => {
    expect(roundHalfUp(1.005, 2)).toBe(1.01);
    expect(roundHalfUp(82.55, 1)).toBe(82.6);
    expect(roundHalfUp(55.75, 1)).toBe(55.8);
    expect(roundHalfUp(-2.25, 1)).toBe(-2.3);
    expect(roundHalfUp(1.9999999, 2)).toBe(2);
  });
});

describe('median and mean', () => {
  it('takes the mean of the two middle values of an even count', () => {
    expect(median([5, 1, 9])).toBe(5);
    expect(median([4, 1, 9, 6])).toBe(5);
    expect(median([])).toBeNull();
    expect(mean([1, 2])).toBe(1.5);
    expect(mean([])).toBeNull();
  });
});
