import type { Transaction } from '@footprint/db';
import { excluded } from '@footprint/db';
import type { EscalationEventRecord } from '@footprint/exchange';
import { escalationEvents } from '../db/tables.ts';

/**
 * Writes imported escalation events (escalation_events.csv). An event is named by its escalation,
 * date and place among that day's events (the exchange's `sequence`), the same in every year's
 * file: an overlapping year updates the event instead of adding it again. A note recorded in
 * Footprint is kept (the file has none).
 */
export async function upsertEscalationEvents(
  tx: Transaction,
  tenantId: string,
  records: readonly EscalationEventRecord[],
) {
  if (records.length === 0) return;
  await tx
    .insert(escalationEvents)
    .values(
      records.map((r) => ({
        tenantId,
        escalationId: r.escalation,
        eventDate: r.date,
        sequence: r.sequence,
        event: r.event,
        stage: r.stage,
      })),
    )
    .onConflictDoUpdate({
      target: [
        escalationEvents.tenantId,
        escalationEvents.escalationId,
        escalationEvents.eventDate,
        escalationEvents.sequence,
      ],
      set: { event: excluded(escalationEvents.event), stage: excluded(escalationEvents.stage) },
    });
}
