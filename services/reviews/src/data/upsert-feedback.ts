import type { Transaction } from '@footprint/db';
import { excluded } from '@footprint/db';
import type { FeedbackRecord } from '@footprint/exchange';
import { feedback } from '../db/tables.ts';

/** Writes rows of feedback: one answer per (CHILD, REVIEW, QUESTION), the key the file has. */
export async function upsertFeedback(tx: Transaction, tenantId: string, records: readonly FeedbackRecord[]) {
  if (records.length === 0) return;
  await tx
    .insert(feedback)
    .values(
      records.map((record) => ({
        tenantId,
        childId: record.child,
        reviewDate: record.review,
        question: record.question,
        answer: record.answer,
      })),
    )
    .onConflictDoUpdate({
      target: [feedback.tenantId, feedback.childId, feedback.reviewDate, feedback.question],
      set: { answer: excluded(feedback.answer) },
    });
}
