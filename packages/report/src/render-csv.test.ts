import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { annualReportSchema } from './annual-report.ts';
import { renderCsv, renderTableCsv } from './render-csv.ts';
import { reportSections } from './sections.ts';
import { exampleshireJson } from './testing/exampleshire.ts';

const meta = { council: 'Exampleshire', year: 2023 };
const sections = reportSections(
  annualReportSchema.parse(exampleshireJson(2023)),
  annualReportSchema.parse(exampleshireJson(2022)),
  { priorities: 'Not a table.' },
);
const tables = sections.flatMap((s) => s.tables);

describe('renderCsv', () => {
  const csv = renderCsv(sections, meta);
  const records = parse(csv, { columns: true }) as Record<string, string>[];
  const byFigure = (figure: string) => records.find((r) => r.figure === figure);

  it('has the long-form header, one line for every row of every table and one for each text written', () => {
    expect(csv.split('\r\n')[0]).toBe('section,table,row,figure,previous_year,current_year,change');
    // Each table's rows, the trend's seven measures for five years, and the one narrative written.
    expect(records).toHaveLength(tables.reduce((n, t) => n + t.rows.length, 0) + 7 * 5 + 1);
    expect(new Set(records.map((r) => r.table)).size).toBe(new Set(tables.map((t) => t.caption)).size + 2);
    expect(byFigure('narratives.priorities')).toMatchObject({
      table: 'Narrative',
      current_year: 'Not a table.',
    });
  });

  it('writes the trend a line a measure and year, the year in the figure’s path', () => {
    expect(byFigure('trend.2019.lookedAfterAt31March')).toMatchObject({
      section: 'Five-year trend',
      table: '2019-20 to 2023-24',
      row: 'Children looked after at 31 March, 2019-20',
      previous_year: '',
      current_year: '137',
    });
    expect(byFigure('trend.2023.reviewsOnTimePercent')).toMatchObject({ current_year: '94.7' });
  });

  it('writes plain numbers, and empty cells where a year has no figure', () => {
    expect(byFigure('reviews.held')).toEqual({
      section: 'Reviews',
      table: 'Timeliness of reviews',
      row: 'Reviews held in the year',
      figure: 'reviews.held',
      previous_year: '276',
      current_year: '300',
      change: '24',
    });
    expect(byFigure('reviews.onTimePercent')).toMatchObject({
      previous_year: '91.3',
      current_year: '94.7',
      change: '3.4',
    });
    expect(byFigure('children.byLegalStatus.L1')).toMatchObject({
      row: 'L1 — Under police protection and in local authority accommodation',
      previous_year: '2',
      current_year: '0',
      change: '-2',
    });
    const alone = parse(
      renderCsv(reportSections(annualReportSchema.parse(exampleshireJson(2023)), null, {}), meta),
      {
        columns: true,
      },
    ) as Record<string, string>[];
    expect(alone.find((r) => r.figure === 'reviews.held')).toMatchObject({ previous_year: '', change: '' });
  });

  it('quotes text that needs it, and starts with a byte order mark only when asked', () => {
    const ceased = tables.find((t) => t.id === 'children.byReasonCeased')!;
    const label = ceased.rows.find((r) => r.figure === 'children.byReasonCeased.E4A')!.label;
    expect(label).toContain(',');
    expect(csv).toContain(`"${label}"`);
    const lines = parse(renderTableCsv(ceased, meta), { columns: true }) as Record<string, string>[];
    expect(lines.find((l) => l.figure === 'children.byReasonCeased.E4A')?.row).toBe(label);
    expect(csv.charCodeAt(0)).not.toBe(0xfeff);
    expect(renderCsv(sections, meta, { bom: true }).charCodeAt(0)).toBe(0xfeff);
  });
});

describe('renderTableCsv', () => {
  it('writes one table with the years as column names', () => {
    const table = tables.find((t) => t.id === 'children.bySex')!;
    const csv = renderTableCsv(table, meta);
    expect(csv).toBe(
      [
        'row,figure,2022-23,2023-24,change',
        'Male,children.bySex.male,64,63,-1',
        'Female,children.bySex.female,50,55,5',
        'Unknown,children.bySex.unknown,0,0,0',
        '',
      ].join('\r\n'),
    );
  });
});
