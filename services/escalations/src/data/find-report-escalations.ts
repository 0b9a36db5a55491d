import type { AccessClaims } from '@footprint/auth';
import type { Transaction } from '@footprint/db';
import {
  ESCALATION_CLOSING_EVENTS,
  type Escalation,
  type EscalationEvent,
  type EscalationEventKind,
  type IsoDate,
} from '@footprint/domain';
import { sql } from 'drizzle-orm';
import { escalationEvents, escalations } from '../db/tables.ts';
import { visibleEscalations } from '../db/visibility.ts';

/** What an annual report reads: the escalations that can count in its years, with their events. */
export type ReportEscalations = {
  escalations: Escalation[];
  eventsOf: (id: string) => readonly EscalationEvent[];
};

type Row = {
  id: string;
  childId: string;
  iroId: string | null;
  raisedOn: string;
  themes: string[];
  events: { date: IsoDate; event: EscalationEventKind; stage: string }[];
};

/**
 * The escalations that can count in the reporting years from `firstDay` to `lastDay`, each with its
 * events dated by `lastDay` (date, then the day's sequence: the domain's order), in one query, for
 * the domain to compute the years in memory.
 *
 * A council's history goes back years, so this leaves out what cannot count in any of those years:
 * raised after `lastDay`, or raised before `firstDay` and closed before it (latest earlier event a
 * closing one, in the domain's list) with no event since. That is a superset of what counts: the
 * domain still decides, from the events, what is open at each 31 March.
 */
export async function findReportEscalations(
  tx: Transaction,
  auth: AccessClaims,
  firstDay: IsoDate,
  lastDay: IsoDate,
): Promise<ReportEscalations> {
  const closing = sql.join(
    ESCALATION_CLOSING_EVENTS.map((kind) => sql`${kind}`),
    sql`, `,
  );
  const sameEscalation = sql`${escalationEvents.tenantId} = ${escalations.tenantId} and ${escalationEvents.escalationId} = ${escalations.id}`;
  const { rows } = await tx.execute<Row>(sql`
    select ${escalations.id} as "id", ${escalations.childId} as "childId", ${escalations.iroId} as "iroId",
      ${escalations.raisedOn}::text as "raisedOn", ${escalations.themes} as "themes",
      coalesce((
        select json_agg(json_build_object('date', ${escalationEvents.eventDate}, 'event', ${escalationEvents.event}, 'stage', ${escalationEvents.stage})
          order by ${escalationEvents.eventDate}, ${escalationEvents.sequence})
        from ${escalationEvents}
        where ${sameEscalation} and ${escalationEvents.eventDate} <= ${lastDay}
      ), '[]'::json) as "events"
    from ${escalations}
    where ${escalations.raisedOn} <= ${lastDay} and ${visibleEscalations(auth)}
      and (
        ${escalations.raisedOn} >= ${firstDay}
        or exists (
          select 1 from ${escalationEvents}
          where ${sameEscalation} and ${escalationEvents.eventDate} between ${firstDay} and ${lastDay}
        )
        or coalesce((
          select ${escalationEvents.event} from ${escalationEvents}
          where ${sameEscalation} and ${escalationEvents.eventDate} < ${firstDay}
          order by ${escalationEvents.eventDate} desc, ${escalationEvents.sequence} desc
          limit 1
        ), '') not in (${closing})
      )
    order by ${escalations.raisedOn}, ${escalations.id}
  `);
  const events = new Map(rows.map((row) => [row.id, row.events]));
  return {
    escalations: rows.map((row) => ({
      id: row.id,
      child: row.childId,
      iro: row.iroId,
      raised: row.raisedOn,
      themes: row.themes,
    })),
    eventsOf: (id) => events.get(id) ?? [],
  };
}
