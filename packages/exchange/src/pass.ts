import { type BoundHeader, bindHeader, readCsvRows } from './csv.ts';
import { FILE_COLUMNS, type FileName, type FoundFile } from './files.ts';
import type { Problem } from './problems.ts';
import { type Draft, type ExchangeRecords, PARSERS, type ParseContext } from './records.ts';
import { RowReader } from './row-reader.ts';

export type Sink = { error: (problem: Problem) => void; warning: (problem: Problem) => void };

export type ParsedRow<F extends FileName> = {
  row: number;
  draft: Draft<ExchangeRecords[F]>;
  /** True when the row raised no problem: every field of the draft is read. */
  complete: boolean;
  reader: RowReader;
  /** Bytes of the file read so far (for progress). */
  bytes: number;
};

/**
 * Reads a file row by row: the header is matched to the file's columns, then each row is read into a
 * draft record, every bad cell reported to `sink`. Nothing of the file is kept beyond the current row.
 */
export async function* parseFile<F extends FileName>(
  file: F,
  found: FoundFile,
  ctx: ParseContext,
  sink: Sink,
): AsyncGenerator<ParsedRow<F>, { header: BoundHeader | null; rows: number }> {
  const fileName = found.fileName;
  const syntax = (row: number, message: string): void =>
    sink.error({ file: fileName, row, column: '', value: '', rule: 'csv_syntax', message });
  let header: BoundHeader | null = null;
  let rows = 0;
  const parse = PARSERS[file];
  for await (const { row, cells, bytes } of readCsvRows(found.path, syntax)) {
    if (header === null) {
      header = bindHeader(fileName, FILE_COLUMNS[file], cells);
      for (const p of header.errors) sink.error(p);
      for (const p of header.warnings) sink.warning(p);
      for (const p of fileProblems(file, fileName, header, ctx)) sink.error(p);
      continue;
    }
    rows += 1;
    const reader = new RowReader(header, fileName, row, cells, sink.error);
    if (cells.length > header.width && cells.slice(header.width).some((c) => c.trim() !== '')) {
      reader.report(
        '',
        cells.slice(header.width).join(','),
        'too_many_fields',
        `the row has ${cells.length} fields but the header names ${header.width}`,
      );
    }
    const draft = parse(reader, ctx) as Draft<ExchangeRecords[F]>;
    yield { row, draft, complete: reader.problems === 0, reader, bytes };
  }
  if (header === null) {
    sink.error({
      file: fileName,
      row: 1,
      column: '',
      value: '',
      rule: 'empty_file',
      message: 'the file is empty: it has no header row',
    });
  }
  return { header, rows };
}

/** Problems of a whole file that its header shows (further-tables §2a: oc2 without YEAR and --year). */
const fileProblems = (file: FileName, fileName: string, header: BoundHeader, ctx: ParseContext): Problem[] =>
  file === 'oc2' && !header.index.has('YEAR') && ctx.year === undefined
    ? [
        {
          file: fileName,
          row: 1,
          column: 'YEAR',
          value: '',
          rule: 'missing_column',
          message: 'the file has no YEAR column and the import has no --year',
        },
      ]
    : [];
