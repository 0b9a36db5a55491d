import { invalidInput } from '@footprint/graphql';
import { z } from 'zod';

/** A reporting year YYYY (1 April YYYY – 31 March YYYY+1) that a report can be asked for. */
const reportYear = z.number().int().min(1990).max(2100);

/**
 * The year of a representation, or BAD_USER_INPUT naming it. The gateway passes on the children
 * subgraph's year, already checked; a direct `_entities` call could send anything.
 */
export function checkedReportYear(year: unknown): number {
  const parsed = reportYear.safeParse(year);
  if (!parsed.success) throw invalidInput('year must be a reporting year such as 2023', 'year');
  return parsed.data;
}
