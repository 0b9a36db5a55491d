import type { Transaction } from '@footprint/db';
import { excluded } from '@footprint/db';
import type { EscalationRecord } from '@footprint/exchange';
import { escalations } from '../db/tables.ts';

/**
 * Writes imported escalations (escalations.csv), keyed by the council's ESCALATION reference: a
 * reference already held takes the file's child, IRO, raised date and themes, so a later year's file
 * updates it and the same file twice changes nothing.
 */
export async function upsertEscalations(
  tx: Transaction,
  tenantId: string,
  records: readonly EscalationRecord[],
) {
  if (records.length === 0) return;
  await tx
    .insert(escalations)
    .values(
      records.map((r) => ({
        tenantId,
        id: r.escalation,
        childId: r.child,
        iroId: r.iro,
        raisedOn: r.raised,
        themes: r.themes,
      })),
    )
    .onConflictDoUpdate({
      target: [escalations.tenantId, escalations.id],
      set: {
        childId: excluded(escalations.childId),
        iroId: excluded(escalations.iroId),
        raisedOn: excluded(escalations.raisedOn),
        themes: excluded(escalations.themes),
      },
    });
}
