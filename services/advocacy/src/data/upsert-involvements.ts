import type { Transaction } from '@footprint/db';
import { excluded } from '@footprint/db';
import type { AdvocacyRecord } from '@footprint/exchange';
import { sql } from 'drizzle-orm';
import { involvements } from '../db/tables.ts';

// The columns an imported row sets: everything the advocacy file says about an involvement.
const imported = [
  involvements.childId,
  involvements.providerId,
  involvements.referralDate,
  involvements.source,
  involvements.reasons,
  involvements.startDate,
  involvements.endDate,
  involvements.outcome,
] as const;

/**
 * Writes imported advocacy involvements, keyed by the council's INVOLVEMENT reference: a later
 * year's file replaces what an earlier one said (an end date and outcome added). `updated_at` moves
 * only when something changed, so importing the same file twice leaves every row as it was. The
 * providers must be commissioned first (`commissionImportedProviders`).
 */
export async function upsertInvolvements(
  tx: Transaction,
  tenantId: string,
  records: readonly AdvocacyRecord[],
) {
  if (records.length === 0) return;
  await tx
    .insert(involvements)
    .values(
      records.map((r) => ({
        tenantId,
        id: r.involvement,
        childId: r.child,
        providerId: r.provider,
        referralDate: r.referralDate,
        source: r.source,
        reasons: r.reasons,
        startDate: r.start,
        endDate: r.end,
        outcome: r.outcome,
      })),
    )
    .onConflictDoUpdate({
      target: [involvements.tenantId, involvements.id],
      set: {
        childId: excluded(involvements.childId),
        providerId: excluded(involvements.providerId),
        referralDate: excluded(involvements.referralDate),
        source: excluded(involvements.source),
        reasons: excluded(involvements.reasons),
        startDate: excluded(involvements.startDate),
        endDate: excluded(involvements.endDate),
        outcome: excluded(involvements.outcome),
        updatedAt: sql`now()`,
      },
      setWhere: sql`(${sql.join([...imported], sql`, `)}) is distinct from (${sql.join(
        imported.map((column) => excluded(column)),
        sql`, `,
      )})`,
    });
}
