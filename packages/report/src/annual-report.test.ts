import { describe, expect, it } from 'vitest';
import { annualReportSchema } from './annual-report.ts';
import { exampleshireJson } from './testing/exampleshire.ts';

describe('successful: annualReportSchema', () => {
  it.each([2021, 2022, 2023] as const)('parses Exampleshire’s expected %i report', (year) => {
    const json = exampleshireJson(year);
    const report = annualReportSchema.parse(json);
    expect(report.year).toBe(year);
    expect(report.period).toEqual({ start: `${year}-04-01`, end: `${year + 1}-03-31` });
    // Extra keys (the further tables) are allowed and kept.
    expect(report).toEqual(json);
  });

  it('takes null percentages and medians (a denominator of 0) and maps that leave codes out', () => {
    const json = exampleshireJson(2023) as {
      reviews: Record<string, unknown>;
      escalations: Record<string, unknown>;
    };
    json.reviews.onTimePercent = null;
    json.reviews.participation = {};
    json.escalations.medianWorkingDaysToResolve = null;
    expect(annualReportSchema.safeParse(json).success).toBe(true);
  });
});

describe('failing: annualReportSchema', () => {
  const broken = (edit: (json: Record<string, Record<string, unknown>>) => void) => {
    const json = exampleshireJson(2023) as Record<string, Record<string, unknown>>;
    edit(json);
    const result = annualReportSchema.safeParse(json);
    expect(result.success).toBe(false);
    return result.error?.issues.map((i) => i.path.join('.')) ?? [];
  };

  it('names a required key that is missing', () => {
    expect(broken((j) => delete j.reviews!.held)).toEqual(['reviews.held']);
    expect(broken((j) => delete j.dataQuality)).toEqual(['dataQuality']);
  });

  it('refuses a count that is not a whole number of 0 or more, and a percentage given as text', () => {
    expect(broken((j) => (j.children!.lookedAfterAt31March = 1.5))).toEqual([
      'children.lookedAfterAt31March',
    ]);
    expect(broken((j) => ((j.children!.byPlacement as Record<string, number>).U4 = -1))).toEqual([
      'children.byPlacement.U4',
    ]);
    expect(broken((j) => (j.reviews!.onTimePercent = '94.7%'))).toEqual(['reviews.onTimePercent']);
  });

  it('refuses a further table of the wrong shape', () => {
    expect(broken((j) => (j.reviews!.byMonth = { April: { held: 1, onTime: 1 } }))).toEqual([
      'reviews.byMonth.April',
    ]);
  });
});
