import { auditTable, complianceSnapshotsTable, tenantPredicate } from '@footprint/db';
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
      // OWNER may be left empty in the file ("not recorded"); a recommendation recorded here always has one.
      owner: text('owner'),
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

/**
 * A consultation form returned before a review (extension file `consultations`, statutory-rules
 * §12): counted by the date received, whether or not its review matches one on record (§14).
 * A form is one respondent's for one child on the date received; `sequence` numbers the forms of
 * that (CHILD, RESPONDENT, RECEIVED) in file order, so two parents returning forms the same day
 * stay two forms. REVIEW is not part of the key: it may be left empty and filled in by a later
 * file, which then updates the form rather than adding a second one.
 */
export const consultations = reviewsSchema
  .table(
    'consultations',
    {
      tenantId: text('tenant_id').notNull(),
      childId: text('child_id').notNull(),
      respondent: text('respondent').notNull(),
      receivedOn: date('received_on').notNull(),
      sequence: integer('sequence').notNull(),
      reviewDate: date('review_date'),
    },
    (t) => [
      primaryKey({ columns: [t.tenantId, t.childId, t.respondent, t.receivedOn, t.sequence] }),
      index().on(t.tenantId, t.receivedOn),
      check('consultations_sequence_positive', sql`${t.sequence} >= 1`),
      check('consultations_respondent_code', sql`${t.respondent} in ('child','carer','parent')`),
      tenantIsolation,
    ],
  )
  .enableRLS();

/**
 * One answer to one question of the council's feedback set after a review (extension file
 * `feedback`, statutory-rules §12): one answer per child, review and question, as the file keys it.
 * Questions are not checked here because a council may replace the default set.
 */
export const feedback = reviewsSchema
  .table(
    'feedback',
    {
      tenantId: text('tenant_id').notNull(),
      childId: text('child_id').notNull(),
      reviewDate: date('review_date').notNull(),
      question: text('question').notNull(),
      answer: text('answer').notNull(),
    },
    (t) => [primaryKey({ columns: [t.tenantId, t.childId, t.reviewDate, t.question] }), tenantIsolation],
  )
  .enableRLS();

/** A quality audit of a child's case (extension file `audits`), named by the council's AUDIT reference. */
export const audits = reviewsSchema
  .table(
    'audits',
    {
      tenantId: text('tenant_id').notNull(),
      auditId: text('audit_id').notNull(),
      childId: text('child_id').notNull(),
      auditDate: date('audit_date').notNull(),
      auditorId: text('auditor_id'),
      grade: text('grade'),
    },
    (t) => [
      primaryKey({ columns: [t.tenantId, t.auditId] }),
      index().on(t.tenantId, t.auditDate),
      check(
        'audits_grade_code',
        sql`${t.grade} in ('outstanding','good','requires_improvement','inadequate')`,
      ),
      tenantIsolation,
    ],
  )
  .enableRLS();

export const audit = auditTable(reviewsSchema);

/** The nightly compliance snapshots of this service's checks (issue #6): one row per council, night and check. */
export const complianceSnapshots = complianceSnapshotsTable(reviewsSchema);
