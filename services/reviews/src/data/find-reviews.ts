import type { Transaction } from '@footprint/db';
import { and, asc, eq, gte, inArray, lte, sql } from 'drizzle-orm';
import { reviews } from '../db/tables.ts';

export type ReviewRow = typeof reviews.$inferSelect;

// Every list of reviews is in date order and, within one date, in file order: the order in which
// the first row of a date stands and later ones are duplicates (statutory-rules §14).
const inRecordedOrder = [asc(reviews.reviewDate), asc(reviews.sequence)] as const;

/** The reviews of the given children, grouped per child. */
export async function findReviewsByChild(tx: Transaction, childIds: readonly string[]) {
  const rows = await tx
    .select()
    .from(reviews)
    .where(inArray(reviews.childId, [...childIds]))
    .orderBy(asc(reviews.childId), ...inRecordedOrder);
  const byChild = new Map<string, ReviewRow[]>();
  for (const row of rows) byChild.set(row.childId, [...(byChild.get(row.childId) ?? []), row]);
  return byChild;
}

/** Every review of the council dated from `from` to `to`, both included. */
export function findReviewsHeld(tx: Transaction, from: string, to: string) {
  return tx
    .select()
    .from(reviews)
    .where(and(gte(reviews.reviewDate, from), lte(reviews.reviewDate, to)))
    .orderBy(asc(reviews.reviewDate), asc(reviews.childId), asc(reviews.sequence));
}

/** Every row recorded for one child on one date, first recorded first. */
export function findReviewsOnDate(tx: Transaction, childId: string, reviewDate: string) {
  return tx
    .select()
    .from(reviews)
    .where(and(eq(reviews.childId, childId), eq(reviews.reviewDate, reviewDate)))
    .orderBy(asc(reviews.sequence));
}

/** What the annual report reads of a review: its key, participation code, details and paperwork dates. */
export type ReportReviewRow = Pick<
  ReviewRow,
  | 'childId'
  | 'reviewDate'
  | 'sequence'
  | 'participation'
  | 'format'
  | 'chairedByChild'
  | 'outcomesIssued'
  | 'recordCompleted'
  | 'recordDistributed'
>;

/**
 * For an annual report: every review of the given children (their schedules need the reviews of
 * whole periods of care, however long ago they began) and every review dated from `from` to `to`
 * of any child (a review of a child in no period of care then is an orphan), in child, date and
 * file order. One query of only the columns the report reads, its rows taken as PostgreSQL sends
 * them: a large council has tens of thousands, and mapping each through the query builder took
 * twice as long as the query. The ids go as one array parameter matched through a hashed
 * `unnest`, which PostgreSQL plans in no time for thousands of children (`= any` took 30 ms).
 */
export async function findReviewsForReport(
  tx: Transaction,
  childIds: readonly string[],
  from: string,
  to: string,
): Promise<ReportReviewRow[]> {
  const { rows } = await tx.execute<ReportReviewRow>(sql`
    select ${reviews.childId} as "childId", ${reviews.reviewDate} as "reviewDate", ${reviews.sequence} as "sequence",
      ${reviews.participation} as "participation", ${reviews.format} as "format",
      ${reviews.chairedByChild} as "chairedByChild", ${reviews.outcomesIssued} as "outcomesIssued",
      ${reviews.recordCompleted} as "recordCompleted", ${reviews.recordDistributed} as "recordDistributed"
    from ${reviews}
    where ${reviews.childId} in (select unnest(${sql.param([...childIds])}::text[]))
      or (${reviews.reviewDate} >= ${from} and ${reviews.reviewDate} <= ${to})
    order by ${reviews.childId}, ${reviews.reviewDate}, ${reviews.sequence}`);
  return rows;
}
