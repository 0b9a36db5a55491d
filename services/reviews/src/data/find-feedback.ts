import type { Transaction } from '@footprint/db';
import { asc, inArray } from 'drizzle-orm';
import { feedback } from '../db/tables.ts';

export type FeedbackRow = typeof feedback.$inferSelect;

/** The feedback answers of the given children, by review date then question, grouped per child. */
export async function findFeedbackByChild(tx: Transaction, childIds: readonly string[]) {
  const rows = await tx
    .select()
    .from(feedback)
    .where(inArray(feedback.childId, [...childIds]))
    .orderBy(asc(feedback.childId), asc(feedback.reviewDate), asc(feedback.question));
  const byChild = new Map<string, FeedbackRow[]>();
  for (const row of rows) byChild.set(row.childId, [...(byChild.get(row.childId) ?? []), row]);
  return byChild;
}
