import type { Transaction } from '@footprint/db';
import { excluded } from '@footprint/db';
import type { ReviewRecord } from '@footprint/exchange';
import { reviews } from '../db/tables.ts';

/**
 * Writes rows of the 903 Reviews file. A review is (CHILD, REVIEW, sequence): the exchange numbers
 * the rows of one child and date in file order, so a same-day duplicate stays the second row and
 * a file imported again lands on the same rows. Only the participation code comes from this file:
 * the details (IRO, format, paperwork) are review_details' and are kept.
 */
export async function upsertReviews(tx: Transaction, tenantId: string, records: readonly ReviewRecord[]) {
  if (records.length === 0) return;
  await tx
    .insert(reviews)
    .values(
      records.map((record) => ({
        tenantId,
        childId: record.child,
        reviewDate: record.review,
        sequence: record.sequence,
        participation: record.code,
      })),
    )
    .onConflictDoUpdate({
      target: [reviews.tenantId, reviews.childId, reviews.reviewDate, reviews.sequence],
      set: { participation: excluded(reviews.participation) },
    });
}
