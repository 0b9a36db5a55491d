import { invalidInput } from '@footprint/graphql';
import { z } from 'zod';

/** A reporting year YYYY (1 April YYYY – 31 March YYYY+1) that a report can be asked for. */
export const reportYear = z.number().int().min(1990).max(2100);

export const YEAR_MESSAGE = 'year must be a reporting year such as 2023';

/** The year, or BAD_USER_INPUT naming it. */
export function checkedReportYear(year: unknown): number {
  const parsed = reportYear.safeParse(year);
  if (!parsed.success) throw invalidInput(YEAR_MESSAGE, 'year');
  return parsed.data;
}
