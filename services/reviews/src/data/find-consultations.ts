import type { Transaction } from '@footprint/db';
import { and, asc, gte, inArray, lte } from 'drizzle-orm';
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

/** Every consultation form of the council received from `from` to `to`, both included, in date order. */
export function findConsultationsReceived(tx: Transaction, from: string, to: string) {
  return tx
    .select()
    .from(consultations)
    .where(and(gte(consultations.receivedOn, from), lte(consultations.receivedOn, to)))
    .orderBy(
      asc(consultations.receivedOn),
      asc(consultations.childId),
      asc(consultations.respondent),
      asc(consultations.sequence),
    );
}
