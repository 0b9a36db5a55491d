import type { Transaction } from '@footprint/db';
import type { EscalationEvent, EscalationEventKind } from '@footprint/domain';
import { asc, inArray } from 'drizzle-orm';
import { escalationEvents } from '../db/tables.ts';

export type EscalationEventRow = typeof escalationEvents.$inferSelect;

export const toDomainEvent = (row: EscalationEventRow): EscalationEvent => ({
  date: row.eventDate,
  event: row.event as EscalationEventKind,
  stage: row.stage,
});

/** Events of the given escalations in order (date, then the day's sequence), grouped per escalation. */
export async function findEventsByEscalation(tx: Transaction, escalationIds: readonly string[]) {
  const rows = await tx
    .select()
    .from(escalationEvents)
    .where(inArray(escalationEvents.escalationId, [...escalationIds]))
    .orderBy(
      asc(escalationEvents.escalationId),
      asc(escalationEvents.eventDate),
      asc(escalationEvents.sequence),
    );
  const byEscalation = new Map<string, EscalationEventRow[]>();
  for (const row of rows)
    byEscalation.set(row.escalationId, [...(byEscalation.get(row.escalationId) ?? []), row]);
  return byEscalation;
}
