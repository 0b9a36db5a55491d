import type { Transaction } from '@footprint/db';
import { excluded } from '@footprint/db';
import type { RecommendationRecord } from '@footprint/exchange';
import { recommendations } from '../db/tables.ts';

/**
 * Writes rows of recommendations, each the Nth of its (CHILD, REVIEW) in file order (the
 * exchange's sequence), so that a later file's row updates the same recommendation: its completion
 * date, typically.
 */
export async function upsertRecommendations(
  tx: Transaction,
  tenantId: string,
  records: readonly RecommendationRecord[],
) {
  if (records.length === 0) return;
  await tx
    .insert(recommendations)
    .values(
      records.map((record) => ({
        tenantId,
        childId: record.child,
        reviewDate: record.review,
        sequence: record.sequence,
        recommendation: record.recommendation,
        owner: record.owner,
        dueDate: record.due,
        completedOn: record.completed,
      })),
    )
    .onConflictDoUpdate({
      target: [
        recommendations.tenantId,
        recommendations.childId,
        recommendations.reviewDate,
        recommendations.sequence,
      ],
      set: {
        recommendation: excluded(recommendations.recommendation),
        owner: excluded(recommendations.owner),
        dueDate: excluded(recommendations.dueDate),
        completedOn: excluded(recommendations.completedOn),
      },
    });
}
