import type { Transaction } from '@footprint/db';
import { sql } from 'drizzle-orm';
import { midwayReviews, recommendations, reviews } from '../db/tables.ts';

/*
 * What the review checks read of the children in care on a date (issue #6): one query per table
 * for every child of the request, only the columns the rules read, rows taken as PostgreSQL sends
 * them. Nothing dated after the latest date asked about is read: the checks read the records as
 * they stood then. The ids go as one array parameter matched through a hashed `unnest`, as the
 * annual report's reviews do: the nightly run asks for thousands of children at once.
 */

export type ComplianceReviewRow = {
  childId: string;
  reviewDate: string;
  sequence: number;
  iroId: string | null;
  outcomesIssued: string | null;
  recordCompleted: string | null;
  recordDistributed: string | null;
};

/** The reviews of the given children held by `asOf`, in child, date and file order. */
export async function findComplianceReviews(
  tx: Transaction,
  childIds: readonly string[],
  asOf: string,
): Promise<ComplianceReviewRow[]> {
  const { rows } = await tx.execute<ComplianceReviewRow>(sql`
    select ${reviews.childId} as "childId", ${reviews.reviewDate} as "reviewDate", ${reviews.sequence} as "sequence",
      ${reviews.iroId} as "iroId", ${reviews.outcomesIssued} as "outcomesIssued",
      ${reviews.recordCompleted} as "recordCompleted", ${reviews.recordDistributed} as "recordDistributed"
    from ${reviews}
    where ${reviews.childId} in (select unnest(${sql.param([...childIds])}::text[]))
      and ${reviews.reviewDate} <= ${asOf}
    order by ${reviews.childId}, ${reviews.reviewDate}, ${reviews.sequence}`);
  return rows;
}

export type ComplianceMidwayRow = { childId: string; midwayDate: string };

/** The midway reviews of the given children held by `asOf`. */
export async function findComplianceMidwayReviews(
  tx: Transaction,
  childIds: readonly string[],
  asOf: string,
): Promise<ComplianceMidwayRow[]> {
  const { rows } = await tx.execute<ComplianceMidwayRow>(sql`
    select ${midwayReviews.childId} as "childId", ${midwayReviews.midwayDate} as "midwayDate"
    from ${midwayReviews}
    where ${midwayReviews.childId} in (select unnest(${sql.param([...childIds])}::text[]))
      and ${midwayReviews.midwayDate} <= ${asOf}
    order by ${midwayReviews.childId}, ${midwayReviews.midwayDate}`);
  return rows;
}

export type ComplianceRecommendationRow = {
  childId: string;
  reviewDate: string;
  sequence: number;
  recommendation: string;
  owner: string | null;
  dueDate: string;
  completedOn: string | null;
};

/**
 * The recommendations of the given children made at reviews held by `asOf` that can be overdue on
 * some date from `from` to `asOf` (due before `asOf`, not completed by `from`), by review then order:
 * a council's years of recommendations done long ago are never read.
 */
export async function findComplianceRecommendations(
  tx: Transaction,
  childIds: readonly string[],
  asOf: string,
  from: string = asOf,
): Promise<ComplianceRecommendationRow[]> {
  const { rows } = await tx.execute<ComplianceRecommendationRow>(sql`
    select ${recommendations.childId} as "childId", ${recommendations.reviewDate} as "reviewDate",
      ${recommendations.sequence} as "sequence", ${recommendations.recommendation} as "recommendation",
      ${recommendations.owner} as "owner", ${recommendations.dueDate} as "dueDate",
      ${recommendations.completedOn} as "completedOn"
    from ${recommendations}
    where ${recommendations.childId} in (select unnest(${sql.param([...childIds])}::text[]))
      and ${recommendations.reviewDate} <= ${asOf}
      and ${recommendations.dueDate} < ${asOf}
      and (${recommendations.completedOn} is null or ${recommendations.completedOn} > ${from})
    order by ${recommendations.childId}, ${recommendations.reviewDate}, ${recommendations.sequence}`);
  return rows;
}
