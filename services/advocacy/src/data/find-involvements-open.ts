import type { AccessClaims } from '@footprint/auth';
import type { Transaction } from '@footprint/db';
import type { IsoDate } from '@footprint/domain';
import { and, asc, gte, isNull, lte, or, sql } from 'drizzle-orm';
import { involvements } from '../db/tables.ts';
import { visibleInvolvements } from '../db/visibility.ts';

export type OpenInvolvementRow = typeof involvements.$inferSelect;

/**
 * The involvements the caller may see that are open on some day from `from` to `to`: started (or,
 * before an advocate starts, referred) by `to` and not ended before `from`. The domain decides
 * which are open on each date; this only leaves out what cannot be.
 */
export function findInvolvementsOpenBetween(tx: Transaction, auth: AccessClaims, from: IsoDate, to: IsoDate) {
  return tx
    .select()
    .from(involvements)
    .where(
      and(
        visibleInvolvements(auth),
        lte(sql`coalesce(${involvements.startDate}, ${involvements.referralDate})`, to),
        or(isNull(involvements.endDate), gte(involvements.endDate, from)),
      ),
    )
    .orderBy(asc(involvements.childId), asc(involvements.referralDate), asc(involvements.id));
}
