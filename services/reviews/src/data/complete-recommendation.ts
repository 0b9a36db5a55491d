import type { Transaction } from '@footprint/db';
import { invalidInput } from '@footprint/graphql';
import { and, eq } from 'drizzle-orm';
import { recommendations } from '../db/tables.ts';
import { type ReviewKey, recommendationIdOf } from '../keys.ts';

/** Marks a recommendation done on a date; once done it stays done. */
export async function completeRecommendation(tx: Transaction, key: ReviewKey, completedOn: string) {
  const where = and(
    eq(recommendations.childId, key.childId),
    eq(recommendations.reviewDate, key.reviewDate),
    eq(recommendations.sequence, key.sequence),
  );
  const [current] = await tx.select().from(recommendations).where(where);
  if (!current) throw invalidInput(`No recommendation ${recommendationIdOf(key)} in this council`, 'id');
  if (current.completedOn) {
    throw invalidInput(`This recommendation was already completed on ${current.completedOn}`, 'id');
  }
  if (completedOn < current.reviewDate) {
    throw invalidInput(
      `completedOn (${completedOn}) is before the review on ${current.reviewDate}`,
      'completedOn',
    );
  }
  const [updated] = await tx.update(recommendations).set({ completedOn }).where(where).returning();
  return updated!;
}
