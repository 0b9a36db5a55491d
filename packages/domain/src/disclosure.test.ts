import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  formatCell,
  SUPPRESSED,
  suppressCount,
  suppressCountMap,
  suppressPercent,
  suppressSmallNumbers,
} from './disclosure.ts';

describe('disclosure control (§13)', () => {
  it('suppresses counts 1–5, shows 0', () => {
    expect([0, 1, 5, 6].map((n) => suppressCount(n))).toEqual([0, 'c', 'c', 6]);
    expect(suppressCount(7, 7)).toBe('c');
  });

  it('the threshold may only be raised', () => {
    expect(() => suppressCount(3, 4)).toThrow(/only be raised/);
  });

  it('reads as c in exports and "fewer than 6" on pages', () => {
    expect(formatCell(SUPPRESSED, 'export')).toBe('c');
    expect(formatCell(SUPPRESSED, 'page')).toBe('fewer than 6');
    expect(formatCell(0, 'page')).toBe('0');
  });

  it('hides a percentage whose denominator is under 10', () => {
    expect(suppressPercent(50, 9)).toBeNull();
    expect(suppressPercent(50, 10)).toBe(50);
  });

  it('suppresses the next smallest cell where one suppressed cell would be worked back from the total', () => {
    const t = suppressSmallNumbers({ cells: [[3, 12, 40]], rowTotals: [55] });
    expect(t.cells).toEqual([['c', 'c', 40]]);
    expect(t.rowTotals).toEqual([55]);
  });

  it('prefers a non-zero cell for secondary suppression', () => {
    expect(suppressSmallNumbers({ cells: [[3, 0, 40, 20]], rowTotals: [63] }).cells).toEqual([
      ['c', 0, 40, 'c'],
    ]);
    expect(suppressSmallNumbers({ cells: [[3, 0, 0]], rowTotals: [3] }).cells).toEqual([['c', 0, 0]]);
  });

  it('leaves a row without a published total alone', () => {
    expect(suppressSmallNumbers({ cells: [[3, 12, 40]] }).cells).toEqual([['c', 12, 40]]);
  });

  it('suppresses a map of counts with its total', () => {
    expect(suppressCountMap({ PN0: 2, PN1: 30, PN2: 8, PN7: 0 })).toEqual({
      PN0: 'c',
      PN1: 30,
      PN2: 'c',
      PN7: 0,
    });
  });

  it('never leaves a single suppressed cell in a row or column with a published total', () => {
    const tables = fc
      .tuple(fc.integer({ min: 1, max: 6 }), fc.integer({ min: 1, max: 6 }))
      .chain(([rows, columns]) =>
        fc.record({
          cells: fc.array(
            fc.array(fc.integer({ min: 0, max: 30 }), { minLength: columns, maxLength: columns }),
            {
              minLength: rows,
              maxLength: rows,
            },
          ),
          rowTotals: fc.boolean(),
          columnTotals: fc.boolean(),
          threshold: fc.integer({ min: 5, max: 8 }),
        }),
      );
    fc.assert(
      fc.property(tables, ({ cells, rowTotals, columnTotals, threshold }) => {
        const rowSums = cells.map((r) => r.reduce((a, b) => a + b, 0));
        const columnSums = cells[0]!.map((_, c) => cells.reduce((a, r) => a + r[c]!, 0));
        const t = suppressSmallNumbers(
          {
            cells,
            ...(rowTotals ? { rowTotals: rowSums } : {}),
            ...(columnTotals ? { columnTotals: columnSums } : {}),
          },
          threshold,
        );
        cells.forEach((row, r) => {
          row.forEach((v, c) => {
            if (v >= 1 && v <= threshold) expect(t.cells[r]![c]).toBe(SUPPRESSED);
            if (t.cells[r]![c] !== SUPPRESSED) expect(t.cells[r]![c]).toBe(v);
          });
        });
        const count = (line: (number | 'c')[]) => line.filter((v) => v === SUPPRESSED).length;
        if (rowTotals) {
          t.cells.forEach((row, r) => {
            if (t.rowTotals![r] !== SUPPRESSED) expect(count(row)).not.toBe(1);
          });
        }
        if (columnTotals) {
          cells[0]!.forEach((_, c) => {
            if (t.columnTotals![c] !== SUPPRESSED) expect(count(t.cells.map((row) => row[c]!))).not.toBe(1);
          });
        }
      }),
    );
  });
});
