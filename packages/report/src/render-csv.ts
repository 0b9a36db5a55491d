import { stringify } from 'csv-stringify/sync';
import { type ReportMeta, yearLabel } from './format.ts';
import type { ReportSection, ReportTable } from './sections.ts';

export type CsvOptions = {
  /** Start with a UTF-8 byte order mark, so that Excel reads "—" and "’" in the labels rightly. */
  bom?: boolean;
};

/** Figures as plain numbers (94.7, not "94.7%"); no figure is an empty cell. */
const cell = (value: number | null): number | string => value ?? '';

/**
 * Every table of the report in one CSV, one line a figure (long form):
 * `section,table,row,figure,previous_year,current_year,change`. The managers' text of a section
 * comes first, as one line with table "Narrative" and the text as the current year's value, so the
 * CSV carries everything the other forms do.
 */
export const renderCsv = (
  sections: readonly ReportSection[],
  // The long form names no year in its columns: it takes meta only to match the other renderings.
  _meta: ReportMeta,
  options: CsvOptions = {},
): string =>
  stringify(
    sections.flatMap((section) => [
      ...(section.narrative && section.narrativeSection
        ? [
            [
              section.heading,
              'Narrative',
              section.heading,
              `narratives.${section.narrativeSection}`,
              '',
              section.narrative,
              '',
            ],
          ]
        : []),
      // The trend in the same long form: a line a measure and year, its value as the current year's.
      ...(section.trend
        ? section.trend.rows.flatMap((row) =>
            section.trend!.years.map((year, i) => [
              section.heading,
              section.trend!.caption,
              `${row.label}, ${yearLabel(year)}`,
              `trend.${year}.${row.measure}`,
              '',
              cell(row.values[i] ?? null),
              '',
            ]),
          )
        : []),
      ...section.tables.flatMap((table) =>
        table.rows.map((row) => [
          section.heading,
          table.caption,
          row.label,
          row.figure,
          cell(row.previous),
          cell(row.current),
          cell(row.change),
        ]),
      ),
    ]),
    {
      header: true,
      columns: ['section', 'table', 'row', 'figure', 'previous_year', 'current_year', 'change'],
      record_delimiter: 'windows',
      bom: options.bom ?? false,
    },
  );

/** One table as CSV, its columns headed with the years: `row,figure,2022-23,2023-24,change`. */
export const renderTableCsv = (table: ReportTable, meta: ReportMeta, options: CsvOptions = {}): string =>
  stringify(
    table.rows.map((row) => [row.label, row.figure, cell(row.previous), cell(row.current), cell(row.change)]),
    {
      header: true,
      columns: ['row', 'figure', yearLabel(meta.year - 1), yearLabel(meta.year), 'change'],
      record_delimiter: 'windows',
      bom: options.bom ?? false,
    },
  );
