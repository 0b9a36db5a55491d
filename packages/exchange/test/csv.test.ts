import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type CsvRow, csvLine, readCsvRows } from '../src/csv.ts';
import { formatProblem, formatProblems } from '../src/index.ts';
import { tempDir } from './support.ts';

const readAll = async (path: string): Promise<{ rows: CsvRow[]; errors: string[] }> => {
  const rows: CsvRow[] = [];
  const errors: string[] = [];
  for await (const row of readCsvRows(path, (r, m) => errors.push(`${r}: ${m}`))) rows.push(row);
  return { rows, errors };
};

describe('CSV reading and writing', () => {
  it('reads back whatever it writes: commas, quotes, line breaks, spaces, any text', async () => {
    const dir = await tempDir();
    const cell = fc.string({ unit: 'grapheme', maxLength: 12 }).filter((s) => !s.includes('\uFEFF'));
    const table = fc.array(
      fc.array(cell, { minLength: 1, maxLength: 5 }).filter((cells) => cells.some((c) => c.trim() !== '')),
      { minLength: 1, maxLength: 8 },
    );
    let n = 0;
    await fc.assert(
      fc.asyncProperty(table, async (rows) => {
        const path = join(dir, `t${n++}.csv`);
        await writeFile(path, rows.map(csvLine).join(''), 'utf8');
        const read = await readAll(path);
        expect(read.errors).toEqual([]);
        expect(read.rows.map((r) => r.cells)).toEqual(rows);
        // A quoted line break stays inside its row: rows are numbered as records, not as lines.
        expect(read.rows.map((r) => r.row)).toEqual(rows.map((_, i) => i + 1));
      }),
      { numRuns: 60 },
    );
  });

  it('numbers rows as a spreadsheet does: blank lines count, rows of empty fields are skipped', async () => {
    const dir = await tempDir();
    const path = join(dir, 'x.csv');
    await writeFile(path, '\uFEFFA,B\r\n1,"two\r\nlines"\r\n\r\n,,\r\n3,x\r\n', 'utf8');
    const { rows } = await readAll(path);
    expect(rows.map(({ row, cells }) => ({ row, cells }))).toEqual([
      { row: 1, cells: ['A', 'B'] },
      { row: 2, cells: ['1', 'two\r\nlines'] },
      { row: 5, cells: ['3', 'x'] },
    ]);
    expect(rows.at(-1)?.bytes).toBe(35);
  });
});

describe('problem lines', () => {
  const base = {
    file: 'episodes.csv',
    row: 4,
    column: 'DEC',
    value: 'x',
    rule: 'date',
    message: 'not a valid date: x',
  };

  it('prints file:row: COLUMN: message', () => {
    expect(formatProblem(base)).toBe('episodes.csv:4: DEC: not a valid date: x');
    expect(formatProblems([base, { ...base, row: 9 }])).toEqual([
      'episodes.csv:4: DEC: not a valid date: x',
      'episodes.csv:9: DEC: not a valid date: x',
    ]);
  });

  it('leaves out the column of a whole-row problem and the row of a whole-file one', () => {
    expect(formatProblem({ ...base, column: '', message: 'the row has 14 fields' })).toBe(
      'episodes.csv:4: the row has 14 fields',
    );
    expect(formatProblem({ ...base, row: 0, column: '', message: 'not a file Footprint imports' })).toBe(
      'episodes.csv: not a file Footprint imports',
    );
  });
});
