import type { AccessClaims } from '@footprint/auth';
import type { Transaction } from '@footprint/db';
import { asc } from 'drizzle-orm';
import { households, reviews } from '../db/tables.ts';
import { visibleHouseholds } from '../db/visibility.ts';
import type { HouseholdRow } from './find-households.ts';
import type { ReviewRow } from './find-reviews.ts';

export type ReportRecords = { households: HouseholdRow[]; reviews: ReviewRow[] };

/**
 * Every household of the council and every review, once per request: a review schedule runs from
 * approval and a review held after 31 March still settles a due date of the year (§14), so the
 * annual report's figures for any year are computed from all of them in memory.
 */
export async function findReportRecords(tx: Transaction, auth: AccessClaims): Promise<ReportRecords> {
  const householdRows = await tx
    .select()
    .from(households)
    .where(visibleHouseholds(auth))
    .orderBy(asc(households.id));
  const reviewRows = await tx
    .select()
    .from(reviews)
    .where(visibleHouseholds(auth))
    .orderBy(asc(reviews.householdId), asc(reviews.reviewDate));
  return { households: householdRows, reviews: reviewRows };
}
