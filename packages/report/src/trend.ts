import type { AnnualReport, TrendRow } from './annual-report.ts';
import { type ReportUnit, yearLabel } from './format.ts';
import type { ChartSpec } from './sections.ts';

type TrendMeasure = Exclude<keyof TrendRow, 'year'>;

/** further-tables §3 `trend`: one row a measure, one column a year, oldest first. */
export type TrendTable = {
  id: 'trend';
  caption: string;
  years: number[];
  rows: { label: string; measure: TrendMeasure; unit: ReportUnit; values: (number | null)[] }[];
};

const MEASURES: readonly { measure: TrendMeasure; label: string; unit: ReportUnit }[] = [
  { measure: 'lookedAfterAt31March', label: 'Children looked after at 31 March', unit: 'count' },
  { measure: 'startedInYear', label: 'Periods of care started', unit: 'count' },
  { measure: 'ceasedInYear', label: 'Periods of care ended', unit: 'count' },
  { measure: 'reviewsHeld', label: 'Reviews held', unit: 'count' },
  { measure: 'reviewsOnTimePercent', label: 'Reviews held on time (%)', unit: 'percent' },
  {
    measure: 'participationRate4Plus',
    label: 'Participation of children aged 4 and over (%)',
    unit: 'percent',
  },
  { measure: 'escalationsRaised', label: 'Escalations raised', unit: 'count' },
];

/** The trend of the report, as a table; null when the report carries none. */
export const trendTable = (report: AnnualReport): TrendTable | null => {
  const trend = report.trend;
  if (!trend || trend.length === 0) return null;
  return {
    id: 'trend',
    caption: `${yearLabel(trend[0]!.year)} to ${yearLabel(trend.at(-1)!.year)}`,
    years: trend.map((row) => row.year),
    rows: MEASURES.map(({ measure, label, unit }) => ({
      label,
      measure,
      unit,
      values: trend.map((row) => row[measure]),
    })),
  };
};

/** Two line charts of the table: the counts on one scale, the percentages on another. */
export const trendCharts = (table: TrendTable): ChartSpec[] => {
  const chart = (id: string, title: string, unit: ReportUnit): ChartSpec => ({
    id,
    title,
    kind: 'line',
    axis: 'Year',
    categories: table.years.map(yearLabel),
    series: table.rows
      .filter((row) => row.unit === unit)
      .map((row) => ({ name: row.label, values: row.values.map((v) => v ?? 0) })),
    table: table.id,
  });
  return [
    chart('trend.counts', 'Children, reviews and escalations over five years', 'count'),
    chart('trend.percentages', 'Reviews on time and participation over five years (%)', 'percent'),
  ];
};
