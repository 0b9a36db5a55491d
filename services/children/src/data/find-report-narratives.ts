import type { Transaction } from '@footprint/db';
import { inArray } from 'drizzle-orm';
import { reportNarratives } from '../db/tables.ts';

export type ReportNarrativeRow = typeof reportNarratives.$inferSelect;

/** The council's narrative sections of the given reporting years, per year. */
export async function findReportNarratives(tx: Transaction, years: readonly number[]) {
  const rows = await tx
    .select()
    .from(reportNarratives)
    .where(inArray(reportNarratives.year, [...years]));
  const byYear = new Map<number, ReportNarrativeRow[]>();
  for (const row of rows) byYear.set(row.year, [...(byYear.get(row.year) ?? []), row]);
  return byYear;
}
