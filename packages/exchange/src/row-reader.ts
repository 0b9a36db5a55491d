import { type CodeListName, type IsoDate, parseDate } from '@footprint/domain';
import type { BoundHeader } from './csv.ts';
import type { Problem } from './problems.ts';
import { type CaseInsensitiveIndex, CODE_LIST_NAMES, caseInsensitiveIndex, codeListIndex } from './values.ts';

/**
 * Reads the cells of one row by column name and reports every bad cell. Each reader returns the
 * normalised value, `null` for an empty optional cell ("not recorded"), or `undefined` when the cell
 * is bad or required and empty (reported), so a row's other checks can skip what could not be read.
 * A required column missing from the header yields `undefined` silently: its error is at row 1.
 */
export class RowReader {
  problems = 0;

  constructor(
    private readonly header: BoundHeader,
    readonly fileName: string,
    readonly row: number,
    private readonly cells: readonly string[],
    private readonly sink: (problem: Problem) => void,
  ) {}

  /** The trimmed text of a cell ('' when empty or the column is absent). */
  raw(column: string): string {
    const i = this.header.index.get(column);
    return i === undefined ? '' : (this.cells[i] ?? '').trim();
  }

  has(column: string): boolean {
    return this.header.index.has(column);
  }

  report(column: string, value: string, rule: string, message: string): void {
    this.problems += 1;
    this.sink({ file: this.fileName, row: this.row, column, value, rule, message });
  }

  private empty(column: string, required: boolean): undefined | null {
    // A required column absent from the header is unknown, not empty (its error is at row 1).
    if (this.header.missing.has(column)) return undefined;
    if (!required) return null;
    this.report(column, '', 'required', `${column} is required`);
    return undefined;
  }

  text(column: string): string | null;
  text(column: string, required: true): string | undefined;
  text(column: string, required = false): string | null | undefined {
    const value = this.raw(column);
    return value === '' ? this.empty(column, required) : value;
  }

  date(column: string): IsoDate | null | undefined;
  date(column: string, required: true): IsoDate | undefined;
  date(column: string, required = false): IsoDate | null | undefined {
    const value = this.raw(column);
    if (value === '') return this.empty(column, required);
    const date = parseDate(value);
    if (date === null) {
      this.report(column, value, 'date', `not a valid date: ${value} (write dd/mm/yyyy or yyyy-mm-dd)`);
      return undefined;
    }
    return date;
  }

  /** A code of one of the domain's lists, matched ignoring case, returned as the list spells it. */
  code(column: string, list: CodeListName): string | null | undefined;
  code(column: string, list: CodeListName, required: true): string | undefined;
  code(column: string, list: CodeListName, required = false): string | null | undefined {
    return this.fromIndex(column, codeListIndex(list), CODE_LIST_NAMES[list], required);
  }

  /** One of a fixed set of values, matched ignoring case. */
  oneOf<T extends string>(column: string, values: readonly T[]): T | null | undefined;
  oneOf<T extends string>(column: string, values: readonly T[], required: true): T | undefined;
  oneOf<T extends string>(column: string, values: readonly T[], required = false): T | null | undefined {
    const value = this.raw(column);
    if (value === '') return this.empty(column, required);
    const found = indexOfValues(values).get(value.toUpperCase());
    if (found === undefined) {
      this.report(column, value, 'value', `${value} is not one of ${values.join(', ')}`);
      return undefined;
    }
    return found as T;
  }

  fromIndex(
    column: string,
    index: CaseInsensitiveIndex,
    what: string,
    required: boolean,
  ): string | null | undefined {
    const value = this.raw(column);
    if (value === '') return this.empty(column, required);
    const found = index.get(value.toUpperCase());
    if (found === undefined) {
      this.report(column, value, 'code', `unknown ${what} code ${value}`);
      return undefined;
    }
    return found;
  }

  /**
   * Several codes separated by `;` (data-exchange.md §3); spaces around them and empty parts are
   * ignored, repeats kept once. Every unknown code is reported. Empty: [] (or required).
   */
  codes(column: string, index: CaseInsensitiveIndex, what: string, required = false): string[] | undefined {
    const value = this.raw(column);
    const parts = value
      .split(';')
      .map((p) => p.trim())
      .filter((p) => p !== '');
    if (parts.length === 0) return this.empty(column, required) === null ? [] : undefined;
    const codes: string[] = [];
    let bad = false;
    for (const part of parts) {
      const found = index.get(part.toUpperCase());
      if (found === undefined) {
        this.report(column, value, 'code', `unknown ${what} code ${part}`);
        bad = true;
      } else if (!codes.includes(found)) codes.push(found);
    }
    return bad ? undefined : codes;
  }

  /** `0`, `1` or empty (OC2, MOTHER). */
  flag(column: string): boolean | null | undefined {
    const value = this.raw(column);
    if (value === '') return null;
    if (value === '0' || value === '1') return value === '1';
    this.report(column, value, 'value', `${value} is not 0, 1 or empty`);
    return undefined;
  }

  /** A decimal number (no exponent, no hex): `0.6`, `-1.917`, `.5`. */
  number(column: string): number | null | undefined;
  number(column: string, required: true): number | undefined;
  number(column: string, required = false): number | null | undefined {
    const value = this.raw(column);
    if (value === '') return this.empty(column, required);
    if (!DECIMAL.test(value)) {
      this.report(column, value, 'number', `${value} is not a number`);
      return undefined;
    }
    return Number(value);
  }

  /** A whole number without sign. */
  wholeNumber(column: string): number | null | undefined;
  wholeNumber(column: string, required: true): number | undefined;
  wholeNumber(column: string, required = false): number | null | undefined {
    const value = this.raw(column);
    if (value === '') return this.empty(column, required);
    if (!/^\d+$/.test(value)) {
      this.report(column, value, 'whole_number', `${value} is not a whole number`);
      return undefined;
    }
    return Number(value);
  }

  /** A reporting year written YYYY (2020 for 2020-21). */
  year(column: string): number | null | undefined;
  year(column: string, required: true): number | undefined;
  year(column: string, required = false): number | null | undefined {
    const value = this.raw(column);
    if (value === '') return this.empty(column, required);
    if (!/^\d{4}$/.test(value)) {
      this.report(column, value, 'year', `${value} is not a year written YYYY`);
      return undefined;
    }
    return Number(value);
  }
}

const DECIMAL = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;

const valueIndexes = new WeakMap<readonly string[], CaseInsensitiveIndex>();
const indexOfValues = (values: readonly string[]): CaseInsensitiveIndex => {
  let index = valueIndexes.get(values);
  if (!index) {
    index = caseInsensitiveIndex(values);
    valueIndexes.set(values, index);
  }
  return index;
};
