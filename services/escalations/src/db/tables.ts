import { auditTable, complianceSnapshotsTable, tenantPredicate } from '@footprint/db';
import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
  foreignKey,
  index,
  integer,
  pgPolicy,
  pgSchema,
  primaryKey,
  text,
  timestamp,
  unique,
} from 'drizzle-orm/pg-core';

export const escalationsSchema = pgSchema('escalations');

const tenantIsolation = pgPolicy('tenant_isolation', {
  for: 'all',
  using: tenantPredicate,
  withCheck: tenantPredicate,
});

/**
 * The council's own escalation stages, in order (statutory-rules §9). A council with no rows here
 * works with the domain's default stages, so defaults are never copied into the table.
 */
export const stages = escalationsSchema
  .table(
    'stages',
    {
      tenantId: text('tenant_id').notNull(),
      key: text('key').notNull(),
      name: text('name').notNull(),
      goesTo: text('goes_to').notNull(),
      respondsWithinWorkingDays: integer('responds_within_working_days').notNull(),
      // The Handbook's 20-working-day limit is on the formal stages only.
      formal: boolean('formal').notNull().default(true),
      position: integer('position').notNull(),
    },
    (t) => [
      primaryKey({ columns: [t.tenantId, t.key] }),
      unique().on(t.tenantId, t.position),
      check('stages_responds_within_positive', sql`${t.respondsWithinWorkingDays} > 0`),
      tenantIsolation,
    ],
  )
  .enableRLS();

/** Themes a council adds to the spec's list (codes/escalation-themes.json). */
export const themes = escalationsSchema
  .table(
    'themes',
    {
      tenantId: text('tenant_id').notNull(),
      code: text('code').notNull(),
      label: text('label').notNull(),
    },
    (t) => [primaryKey({ columns: [t.tenantId, t.code] }), tenantIsolation],
  )
  .enableRLS();

/** One escalation (dispute resolution) about one child, keyed by the council's ESCALATION reference. */
export const escalations = escalationsSchema
  .table(
    'escalations',
    {
      tenantId: text('tenant_id').notNull(),
      id: text('id').notNull(),
      childId: text('child_id').notNull(),
      // Empty when the council's file did not record the raising IRO (data-exchange.md §3).
      iroId: text('iro_id'),
      raisedOn: date('raised_on').notNull(),
      themes: text('themes').array().notNull(),
      createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    },
    (t) => [
      primaryKey({ columns: [t.tenantId, t.id] }),
      index().on(t.tenantId, t.childId),
      index().on(t.tenantId, t.iroId),
      tenantIsolation,
    ],
  )
  .enableRLS();

/**
 * The history of an escalation (escalation_events.csv). STAGE is the stage the escalation is at
 * after the event (§14). `sequence` numbers the events of one day (1, 2, … in file order), as the
 * exchange does: (date, sequence) names an event the same way in every year's file, so importing
 * overlapping years upserts instead of duplicating, and sorting by it gives the domain's order.
 */
export const escalationEvents = escalationsSchema
  .table(
    'escalation_events',
    {
      tenantId: text('tenant_id').notNull(),
      escalationId: text('escalation_id').notNull(),
      sequence: integer('sequence').notNull(),
      eventDate: date('event_date').notNull(),
      event: text('event').notNull(),
      stage: text('stage').notNull(),
      note: text('note'),
      createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    },
    (t) => [
      primaryKey({ columns: [t.tenantId, t.escalationId, t.eventDate, t.sequence] }),
      foreignKey({
        columns: [t.tenantId, t.escalationId],
        foreignColumns: [escalations.tenantId, escalations.id],
      }).onDelete('cascade'),
      check(
        'escalation_events_event_kind',
        sql`${t.event} in ('raised', 'escalated', 'resolved', 'withdrawn', 'referred_to_cafcass')`,
      ),
      check('escalation_events_sequence_positive', sql`${t.sequence} > 0`),
      tenantIsolation,
    ],
  )
  .enableRLS();

export const audit = auditTable(escalationsSchema);

/** The nightly compliance snapshots of this service's checks (issue #6): one row per council, night and check. */
export const complianceSnapshots = complianceSnapshotsTable(escalationsSchema);
