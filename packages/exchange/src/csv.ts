import { createReadStream } from 'node:fs';
import { parse } from 'csv-parse';
import type { ColumnSpec } from './files.ts';
import type { Problem } from './problems.ts';

/** One record of a CSV file. `row` counts the header as row 1, as a spreadsheet shows it. */
export type CsvRow = { row: number; cells: string[] };

/**
 * Streams the records of a CSV file with csv-parse: UTF-8 byte-order mark, CRLF or LF, quoted fields
 * (commas and line breaks inside quotes) and rows shorter or longer than the header are accepted. A
 * blank line counts as a row (as a spreadsheet numbers it) but yields nothing; so does a row of empty
 * fields (`,,,`, as spreadsheets save trailing rows). A quoted field spanning lines is one row.
 * Malformed quoting is reported through `onSyntaxError` and the record skipped.
 */
export async function* readCsvRows(
  path: string,
  onSyntaxError: (row: number, message: string) => void,
): AsyncGenerator<CsvRow> {
  let lastRow = 0;
  const parser = parse({
    bom: true,
    relax_column_count: true,
    skip_empty_lines: true,
    info: true,
    skip_records_with_error: true,
    on_skip: (err) => {
      lastRow += 1;
      onSyntaxError(lastRow, err?.message ?? 'malformed CSV');
      return undefined;
    },
  });
  const input = createReadStream(path);
  input.on('error', (err) => parser.destroy(err));
  input.pipe(parser);
  for await (const { record, info } of parser as AsyncIterable<{
    record: string[];
    info: { records: number; empty_lines: number };
  }>) {
    // csv-parse counts emitted records and skipped blank lines; skipped bad records come between.
    lastRow = Math.max(lastRow + 1, info.records + info.empty_lines);
    if (record.every((cell) => cell.trim() === '')) continue;
    yield { row: lastRow, cells: record };
  }
}

/** How a file's header maps onto its columns. */
export type BoundHeader = {
  /** Column name (upper case) → index of its cell, for the columns of the file present in the header. */
  index: ReadonlyMap<string, number>;
  /** Required columns absent from the header: their values are not read (the error is at row 1). */
  missing: ReadonlySet<string>;
  /** Number of header cells, trailing empty ones left out. */
  width: number;
  errors: Problem[];
  warnings: Problem[];
};

/** A header name as matched: case-insensitive, surrounding spaces ignored. */
export const normaliseHeader = (cell: string): string => cell.trim().toUpperCase();

export const bindHeader = (fileName: string, columns: readonly ColumnSpec[], cells: readonly string[]): BoundHeader => {
  const known = new Set(columns.map((c) => c.name));
  const index = new Map<string, number>();
  const errors: Problem[] = [];
  const warnings: Problem[] = [];
  let width = 0;
  cells.forEach((cell, i) => {
    const name = normaliseHeader(cell);
    if (name === '') return; // trailing (or stray) empty header cells are accepted
    width = i + 1;
    if (!known.has(name)) {
      warnings.push({
        file: fileName,
        row: 1,
        column: cell.trim(),
        value: cell,
        rule: 'unknown_column',
        message: `unknown column ${cell.trim()}; ignored`,
      });
      return;
    }
    if (index.has(name)) {
      errors.push({
        file: fileName,
        row: 1,
        column: name,
        value: cell,
        rule: 'duplicate_column',
        message: `column ${name} appears twice`,
      });
      return;
    }
    index.set(name, i);
  });
  const missing = new Set<string>();
  for (const column of columns) {
    if (column.required && !index.has(column.name)) {
      missing.add(column.name);
      errors.push({
        file: fileName,
        row: 1,
        column: column.name,
        value: '',
        rule: 'missing_column',
        message: `required column ${column.name} is missing`,
      });
    }
  }
  return { index, missing, width: Math.max(width, 0), errors, warnings };
};

/** Quotes a field when it must be (RFC 4180): commas, quotes, line breaks, surrounding spaces. */
export const csvField = (value: string): string =>
  /[",\r\n]/.test(value) || value !== value.trim() ? `"${value.replace(/"/g, '""')}"` : value;

export const csvLine = (values: readonly string[]): string => `${values.map(csvField).join(',')}\r\n`;
