import type { Transaction } from '@footprint/db';
import { excluded } from '@footprint/db';
import type { FosterHouseholdRecord } from '@footprint/exchange';
import { households } from '../db/tables.ts';

/**
 * Writes imported foster households (foster_households.csv), keyed by the council's HOUSEHOLD
 * reference: a later year's file updates type, approval, end and FCRO. The file carries no display
 * name, so a name recorded in Footprint is kept.
 */
export async function upsertHouseholds(
  tx: Transaction,
  tenantId: string,
  records: readonly FosterHouseholdRecord[],
) {
  if (records.length === 0) return;
  await tx
    .insert(households)
    .values(
      records.map((r) => ({
        tenantId,
        id: r.household,
        type: r.type,
        approvedOn: r.approved,
        endedOn: r.ended,
        fcroId: r.fcro,
      })),
    )
    .onConflictDoUpdate({
      target: [households.tenantId, households.id],
      set: {
        type: excluded(households.type),
        approvedOn: excluded(households.approvedOn),
        endedOn: excluded(households.endedOn),
        fcroId: excluded(households.fcroId),
      },
    });
}
