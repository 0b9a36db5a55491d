import type { Transaction } from '@footprint/db';
import { excluded } from '@footprint/db';
import type { ConsultationRecord } from '@footprint/exchange';
import { consultations } from '../db/tables.ts';

/** A consultations row with its order among the forms of one (CHILD, RESPONDENT, RECEIVED). */
export type NumberedConsultation = ConsultationRecord & { sequence: number };

/**
 * Writes rows of consultations. A form is (CHILD, RESPONDENT, RECEIVED, sequence); its REVIEW is
 * updated, so a later file that fills in the review a form was for changes that form.
 */
export async function upsertConsultations(
  tx: Transaction,
  tenantId: string,
  records: readonly NumberedConsultation[],
) {
  if (records.length === 0) return;
  await tx
    .insert(consultations)
    .values(
      records.map((record) => ({
        tenantId,
        childId: record.child,
        respondent: record.respondent,
        receivedOn: record.received,
        sequence: record.sequence,
        reviewDate: record.review,
      })),
    )
    .onConflictDoUpdate({
      target: [
        consultations.tenantId,
        consultations.childId,
        consultations.respondent,
        consultations.receivedOn,
        consultations.sequence,
      ],
      set: { reviewDate: excluded(consultations.reviewDate) },
    });
}
