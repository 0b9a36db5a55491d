import type { Transaction } from '@footprint/db';
import { asc, inArray } from 'drizzle-orm';
import { consultations } from '../db/tables.ts';

export type ConsultationRow = typeof consultations.$inferSelect;

/** The consultation forms of the given children, by date received, grouped per child. */
export async function findConsultationsByChild(tx: Transaction, childIds: readonly string[]) {
  const rows = await tx
    .select()
    .from(consultations)
    .where(inArray(consultations.childId, [...childIds]))
    .orderBy(
      asc(consultations.childId),
      asc(consultations.receivedOn),
      asc(consultations.respondent),
      asc(consultations.sequence),
    );
  const byChild = new Map<string, ConsultationRow[]>();
  for (const row of rows) byChild.set(row.childId, [...(byChild.get(row.childId) ?? []), row]);
  return byChild;
}
