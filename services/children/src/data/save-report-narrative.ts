import type { Transaction } from '@footprint/db';
import { and, eq } from 'drizzle-orm';
import { reportNarratives } from '../db/tables.ts';
import type { ReportNarrativeRow } from './find-report-narratives.ts';

export type SaveReportNarrative = {
  tenantId: string;
  year: number;
  section: string;
  text: string;
  updatedBy: string;
};

/**
 * Writes one section of a year's report, or deletes it when the text is empty. Says what it did,
 * so that the change is audited as what it was.
 */
export async function saveReportNarrative(
  tx: Transaction,
  input: SaveReportNarrative,
): Promise<{ action: 'create' | 'update' | 'delete' | 'none'; row: ReportNarrativeRow }> {
  const key = and(eq(reportNarratives.year, input.year), eq(reportNarratives.section, input.section));
  const [existing] = await tx.select().from(reportNarratives).where(key).for('update');
  if (input.text === '') {
    if (existing) await tx.delete(reportNarratives).where(key);
    return {
      action: existing ? 'delete' : 'none',
      row: { ...input, updatedAt: new Date() },
    };
  }
  const values = { ...input, updatedAt: new Date() };
  const [row] = await tx
    .insert(reportNarratives)
    .values(values)
    .onConflictDoUpdate({
      target: [reportNarratives.tenantId, reportNarratives.year, reportNarratives.section],
      set: { text: values.text, updatedAt: values.updatedAt, updatedBy: values.updatedBy },
    })
    .returning();
  return { action: existing ? 'update' : 'create', row: row! };
}
