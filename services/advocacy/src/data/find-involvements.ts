import type { AccessClaims } from '@footprint/auth';
import type { Transaction } from '@footprint/db';
import { and, asc, eq, gte, inArray, lte } from 'drizzle-orm';
import { involvements } from '../db/tables.ts';
import { visibleInvolvements } from '../db/visibility.ts';

export type InvolvementRow = typeof involvements.$inferSelect;

/** The involvements of the given children the caller may see, oldest referral first, per child. */
export async function findInvolvementsByChild(
  tx: Transaction,
  auth: AccessClaims,
  childIds: readonly string[],
) {
  const rows = await tx
    .select()
    .from(involvements)
    .where(and(inArray(involvements.childId, [...childIds]), visibleInvolvements(auth)))
    .orderBy(asc(involvements.childId), asc(involvements.referralDate), asc(involvements.id));
  const byChild = new Map<string, InvolvementRow[]>();
  for (const row of rows) byChild.set(row.childId, [...(byChild.get(row.childId) ?? []), row]);
  return byChild;
}

export type InvolvementFilter = { referredFrom?: string | null; referredTo?: string | null };

/** The involvements the caller may see, referred between two dates (both included) when given. */
export function listInvolvements(tx: Transaction, auth: AccessClaims, filter: InvolvementFilter = {}) {
  return tx
    .select()
    .from(involvements)
    .where(
      and(
        visibleInvolvements(auth),
        filter.referredFrom ? gte(involvements.referralDate, filter.referredFrom) : undefined,
        filter.referredTo ? lte(involvements.referralDate, filter.referredTo) : undefined,
      ),
    )
    .orderBy(asc(involvements.referralDate), asc(involvements.id));
}

export async function findInvolvement(tx: Transaction, auth: AccessClaims, id: string) {
  const [row] = await tx
    .select()
    .from(involvements)
    .where(and(eq(involvements.id, id), visibleInvolvements(auth)));
  return row ?? null;
}
