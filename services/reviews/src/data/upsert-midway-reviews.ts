import type { Transaction } from '@footprint/db';
import { excluded } from '@footprint/db';
import type { MidwayReviewRecord } from '@footprint/exchange';
import { midwayReviews } from '../db/tables.ts';

/**
 * Writes rows of midway_reviews: one midway review per child and date, as the figures count them
 * (statutory-rules §14). The file may repeat a pair; the later row wins, within a batch as across
 * batches (one statement cannot update a row twice).
 */
export async function upsertMidwayReviews(
  tx: Transaction,
  tenantId: string,
  records: readonly MidwayReviewRecord[],
) {
  const byKey = new Map(records.map((record) => [`${record.child}|${record.date}`, record]));
  if (byKey.size === 0) return;
  await tx
    .insert(midwayReviews)
    .values(
      [...byKey.values()].map((record) => ({
        tenantId,
        childId: record.child,
        midwayDate: record.date,
        iroId: record.iro,
      })),
    )
    .onConflictDoUpdate({
      target: [midwayReviews.tenantId, midwayReviews.childId, midwayReviews.midwayDate],
      set: { iroId: excluded(midwayReviews.iroId) },
    });
}
