import type { Transaction } from '@footprint/db';
import type { ReviewDetailsRecord } from '@footprint/exchange';
import { sql } from 'drizzle-orm';
import { reviews } from '../db/tables.ts';

/**
 * Writes rows of review_details onto the reviews they describe: the first row of that child and
 * date (sequence 1), because of two same-day reviews the first recorded stands (statutory-rules
 * §14). Every column of the row replaces what is stored. A row naming no review on record throws:
 * validation checks the match only when the reviews file comes in the same import.
 */
export async function updateReviewDetails(
  tx: Transaction,
  tenantId: string,
  records: readonly ReviewDetailsRecord[],
) {
  if (records.length === 0) return;
  const values = records.map(
    (r) =>
      sql`(${r.child}::text, ${r.review}::date, ${r.iro}::text, ${r.format}::text, ${r.chairedByChild}::text,
        ${r.lateReason}::text, ${r.outcomesIssued}::date, ${r.recordCompleted}::date, ${r.recordDistributed}::date)`,
  );
  const updated = await tx.execute<{ child_id: string; review_date: string }>(sql`
    update ${reviews} as r set
      iro_id = v.iro_id, format = v.format, chaired_by_child = v.chaired_by_child,
      late_reason = v.late_reason, outcomes_issued = v.outcomes_issued,
      record_completed = v.record_completed, record_distributed = v.record_distributed
    from (values ${sql.join(values, sql`, `)}) as v(child_id, review_date, iro_id, format, chaired_by_child,
      late_reason, outcomes_issued, record_completed, record_distributed)
    where r.tenant_id = ${tenantId} and r.child_id = v.child_id and r.review_date = v.review_date
      and r.sequence = 1
    returning r.child_id, r.review_date`);
  if (updated.rows.length === records.length) return;
  const found = new Set(updated.rows.map((row) => `${row.child_id}|${row.review_date}`));
  const missing = records.filter((r) => !found.has(`${r.child}|${r.review}`));
  throw new Error(
    `review_details names reviews this council does not have: ${missing
      .slice(0, 10)
      .map((r) => `row ${r.row} (CHILD ${r.child}, REVIEW ${r.review})`)
      .join('; ')}${missing.length > 10 ? `; and ${missing.length - 10} more` : ''}`,
  );
}
