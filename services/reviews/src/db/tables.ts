import { auditTable, tenantPredicate } from '@footprint/db';
import { sql } from 'drizzle-orm';
import { check, date, index, integer, pgPolicy, pgSchema, primaryKey, text } from 'drizzle-orm/pg-core';

export const reviewsSchema = pgSchema('reviews');

const tenantIsolation = pgPolicy('tenant_isolation', {
  for: 'all',
  using: tenantPredicate,
  withCheck: tenantPredicate,
});

/**
 * One child in care review as recorded: a row of the SSDA903 Reviews file (CHILD, REVIEW,
 * REVIEW_CODE) with its review_details row (IRO, FORMAT, CHAIRED_BY_CHILD, LATE_REASON and the
 * paperwork dates). Two rows of one child and date are kept, because a same-day duplicate is
 * reported as data quality and the first row in file order stands; `sequence` keeps that order.
 */
export const reviews = reviewsSchema
  .table(
    'reviews',
    {
      tenantId: text('tenant_id').notNull(),
      childId: text('child_id').notNull(),
      reviewDate: date('review_date').notNull(),
      sequence: integer('sequence').notNull(),
      participation: text('participation'),
      iroId: text('iro_id'),
      format: text('format'),
      chairedByChild: text('chaired_by_child'),
      lateReason: text('late_reason'),
      outcomesIssued: date('outcomes_issued'),
      recordCompleted: date('record_completed'),
      recordDistributed: date('record_distributed'),
    },
    (t) => [
      primaryKey({ columns: [t.tenantId, t.childId, t.reviewDate, t.sequence] }),
      index().on(t.tenantId, t.reviewDate),
      check('reviews_sequence_positive', sql`${t.sequence} >= 1`),
      check(
        'reviews_participation_code',
        sql`${t.participation} in ('PN0','PN1','PN2','PN3','PN4','PN5','PN6','PN7')`,
      ),
      check('reviews_format_code', sql`${t.format} in ('in_person','virtual','hybrid')`),
      check('reviews_chaired_by_child_code', sql`${t.chairedByChild} in ('no','chair','co_chair')`),
      tenantIsolation,
    ],
  )
  .enableRLS();

/** A midway review (midway check) between two reviews: extension file `midway_reviews`. */
export const midwayReviews = reviewsSchema
  .table(
    'midway_reviews',
    {
      tenantId: text('tenant_id').notNull(),
      childId: text('child_id').notNull(),
      midwayDate: date('midway_date').notNull(),
      iroId: text('iro_id'),
    },
    // Midway reviews count as distinct (CHILD, DATE) pairs (§14), so the pair is the key.
    (t) => [primaryKey({ columns: [t.tenantId, t.childId, t.midwayDate] }), tenantIsolation],
  )
  .enableRLS();

/**
 * A recommendation made at a review, with its owner and due date: extension file
 * `recommendations`. It names its review by (CHILD, REVIEW) as the file does; `sequence` is its
 * order among that review's recommendations.
 */
export const recommendations = reviewsSchema
  .table(
    'recommendations',
    {
      tenantId: text('tenant_id').notNull(),
      childId: text('child_id').notNull(),
      reviewDate: date('review_date').notNull(),
      sequence: integer('sequence').notNull(),
      recommendation: text('recommendation').notNull(),
      owner: text('owner').notNull(),
      dueDate: date('due_date').notNull(),
      completedOn: date('completed_on'),
    },
    (t) => [
      primaryKey({ columns: [t.tenantId, t.childId, t.reviewDate, t.sequence] }),
      check('recommendations_sequence_positive', sql`${t.sequence} >= 1`),
      check(
        'recommendations_owner_code',
        sql`${t.owner} in ('social_worker','team_manager','carer','iro','other')`,
      ),
      tenantIsolation,
    ],
  )
  .enableRLS();

export const audit = auditTable(reviewsSchema);
