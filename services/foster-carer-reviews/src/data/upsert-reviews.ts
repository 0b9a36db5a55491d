import type { Transaction } from '@footprint/db';
import { excluded } from '@footprint/db';
import type { FosterReviewRecord } from '@footprint/exchange';
import { reviews } from '../db/tables.ts';

/**
 * Writes imported foster carer reviews (foster_reviews.csv), one per household and date (the
 * schedule counts a date once): a later year's file updates the outcome and FCRO, and notes
 * recorded in Footprint are kept. The file has no key of its own, so a second row for one
 * household and date is read as a correction: the later row stands.
 */
export async function upsertReviews(
  tx: Transaction,
  tenantId: string,
  records: readonly FosterReviewRecord[],
) {
  // One statement cannot update a row twice: keep the last row of each key in the batch.
  const byKey = new Map(records.map((r) => [`${r.household}\u0000${r.date}`, r]));
  if (byKey.size === 0) return;
  await tx
    .insert(reviews)
    .values(
      [...byKey.values()].map((r) => ({
        tenantId,
        householdId: r.household,
        reviewDate: r.date,
        outcome: r.outcome,
        fcroId: r.fcro,
      })),
    )
    .onConflictDoUpdate({
      target: [reviews.tenantId, reviews.householdId, reviews.reviewDate],
      set: { outcome: excluded(reviews.outcome), fcroId: excluded(reviews.fcroId) },
    });
}
