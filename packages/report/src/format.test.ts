import { describe, expect, it } from 'vitest';
import { formatChange, formatFigure, reportingYearText, yearLabel } from './format.ts';

describe('formatting figures', () => {
  it('prints counts with separators, percentages to one decimal, other numbers as they are', () => {
    expect(formatFigure(1234, 'count')).toBe('1,234');
    expect(formatFigure(94.7, 'percent')).toBe('94.7%');
    expect(formatFigure(88, 'percent')).toBe('88.0%');
    expect(formatFigure(59.6, 'number')).toBe('59.6');
    expect(formatFigure(2.25, 'number')).toBe('2.25');
    expect(formatFigure(null, 'percent')).toBe('—');
  });

  it('prints a change with its sign, a true minus, and percentage points', () => {
    expect(formatChange(3, 'count')).toBe('+3');
    expect(formatChange(-2, 'count')).toBe('−2');
    expect(formatChange(0, 'count')).toBe('0');
    expect(formatChange(-1200, 'count')).toBe('−1,200');
    expect(formatChange(3.4, 'percent')).toBe('+3.4 pp');
    expect(formatChange(-0.5, 'percent')).toBe('−0.5 pp');
    expect(formatChange(0, 'percent')).toBe('0.0 pp');
    expect(formatChange(3.8, 'number')).toBe('+3.8');
    expect(formatChange(null, 'count')).toBe('—');
  });

  it('names the years as councils do', () => {
    expect(yearLabel(2023)).toBe('2023-24');
    expect(yearLabel(1999)).toBe('1999-00');
    expect(reportingYearText(2023)).toBe('Reporting year 1 April 2023 to 31 March 2024');
  });
});
