import { auditTable, complianceSnapshotsTable, tenantPredicate } from '@footprint/db';
import { sql } from 'drizzle-orm';
import { check, date, foreignKey, index, pgPolicy, pgSchema, primaryKey, text } from 'drizzle-orm/pg-core';

export const fosterCarerReviewsSchema = pgSchema('foster_carer_reviews');

const tenantIsolation = pgPolicy('tenant_isolation', {
  for: 'all',
  using: tenantPredicate,
  withCheck: tenantPredicate,
});

/**
 * An approved foster household, keyed by the council's own HOUSEHOLD reference
 * (data-exchange.md §3 `foster_households`: HOUSEHOLD, TYPE, APPROVED, ENDED, FCRO).
 */
export const households = fosterCarerReviewsSchema
  .table(
    'households',
    {
      tenantId: text('tenant_id').notNull(),
      id: text('id').notNull(),
      name: text('name'),
      type: text('type').notNull(),
      approvedOn: date('approved_on').notNull(),
      endedOn: date('ended_on'),
      fcroId: text('fcro_id'),
    },
    (t) => [
      primaryKey({ columns: [t.tenantId, t.id] }),
      index().on(t.tenantId, t.fcroId),
      check('households_type_check', sql`${t.type} in ('mainstream', 'connected_person')`),
      check('households_ended_after_approval', sql`${t.endedOn} is null or ${t.endedOn} >= ${t.approvedOn}`),
      tenantIsolation,
    ],
  )
  .enableRLS();

/**
 * A foster carer review (Fostering Services Regulations 2011, reg 28), from `foster_reviews`:
 * HOUSEHOLD, DATE, OUTCOME, FCRO. One review per household per date: the schedule counts a date once.
 */
export const reviews = fosterCarerReviewsSchema
  .table(
    'reviews',
    {
      tenantId: text('tenant_id').notNull(),
      householdId: text('household_id').notNull(),
      reviewDate: date('review_date').notNull(),
      // Empty when the council's imported file did not record it (data-exchange.md §3); a review
      // recorded in Footprint always has one (the mutation checks).
      outcome: text('outcome'),
      fcroId: text('fcro_id'),
      notes: text('notes'),
    },
    (t) => [
      primaryKey({ columns: [t.tenantId, t.householdId, t.reviewDate] }),
      foreignKey({
        columns: [t.tenantId, t.householdId],
        foreignColumns: [households.tenantId, households.id],
      }),
      check(
        'reviews_outcome_check',
        sql`${t.outcome} in ('continued', 'terms_changed', 'ended', 'resigned')`,
      ),
      tenantIsolation,
    ],
  )
  .enableRLS();

export const audit = auditTable(fosterCarerReviewsSchema);

/** The nightly compliance snapshots of this service's checks (issue #6): one row per council, night and check. */
export const complianceSnapshots = complianceSnapshotsTable(fosterCarerReviewsSchema);
