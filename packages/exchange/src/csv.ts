import { createReadStream } from 'node:fs';
import { parse } from 'csv-parse';
import type { ColumnSpec } from './files.ts';
import type { Problem } from './problems.ts';

/** One record of a CSV file. `row` counts the header as row 1, as a spreadsheet shows it. */
export type CsvRow = { row: number; cells: string[] /** Bytes of the file read so far. */; bytes: number };

/**
 * Streams the records of a CSV file with csv-parse: UTF-8 byte-order mark, CRLF or LF, quoted fields
 * (commas and line breaks inside quotes) and rows shorter or longer than the header are accepted. A
 * blank line counts as a row (as a spreadsheet numbers it) but yields nothing; so does a row of empty
 * fields (`,,,`, as spreadsheets save trailing rows). A quoted field spanning lines is one row.
 * Malformed quoting is reported through `onSyntaxError` (see below).
 */
export async function* readCsvRows(
  path: string,
  onSyntaxError: (row: number, message: string) => void,
): AsyncGenerator<CsvRow> {
  // Blank lines come through as records (skip_empty_lines off), so the record count is the row
  // number; csv-parse's per-record `info` would cost a third of the parse. After malformed quoting
  // csv-parse cannot tell where records start again, so the first syntax error ends the file: it is
  // reported, and the records before it are still read. The parser reports it while parsing, ahead of
  // the records it has yet to hand over: `brokenAfter` is the number of records before it.
  let brokenAfter = Number.POSITIVE_INFINITY;
  const parser = parse({
    bom: true,
    relax_column_count: true,
    skip_records_with_error: true,
    on_skip: (err) => {
      if (brokenAfter !== Number.POSITIVE_INFINITY) return undefined;
      brokenAfter = parser.info.records;
      onSyntaxError(brokenAfter + 1, `${err?.message ?? 'malformed CSV'}; the rest of the file was not read`);
      return undefined;
    },
  });
  const input = createReadStream(path);
  input.on('error', (err) => parser.destroy(err));
  input.pipe(parser);
  let row = 0;
  for await (const record of parser as AsyncIterable<string[]>) {
    row += 1;
    if (row > brokenAfter) {
      input.destroy();
      parser.destroy();
      break;
    }
    if (record.every((cell) => cell.trim() === '')) continue;
    yield { row, cells: record, bytes: parser.info.bytes };
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

export const bindHeader = (
  fileName: string,
  columns: readonly ColumnSpec[],
  cells: readonly string[],
): BoundHeader => {
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
  return { index, missing, width, errors, warnings };
};

/** Quotes a field when it must be (RFC 4180): commas, quotes, line breaks, surrounding spaces. */
export const csvField = (value: string): string =>
  /[",\r\n]/.test(value) || value !== value.trim() ? `"${value.replace(/"/g, '""')}"` : value;

export const csvLine = (values: readonly string[]): string => `${values.map(csvField).join(',')}\r\n`;
