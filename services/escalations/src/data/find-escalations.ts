import type { AccessClaims } from '@footprint/auth';
import type { Transaction } from '@footprint/db';
import { and, asc, desc, inArray, lte } from 'drizzle-orm';
import { escalations } from '../db/tables.ts';
import { visibleEscalations } from '../db/visibility.ts';

export type EscalationRow = typeof escalations.$inferSelect;

export function findEscalationsByIds(tx: Transaction, auth: AccessClaims, ids: readonly string[]) {
  return tx
    .select()
    .from(escalations)
    .where(and(inArray(escalations.id, [...ids]), visibleEscalations(auth)));
}

/** The escalations about the given children that the caller may see, grouped per child, newest first. */
export async function findEscalationsByChild(
  tx: Transaction,
  auth: AccessClaims,
  childIds: readonly string[],
) {
  const rows = await tx
    .select()
    .from(escalations)
    .where(and(inArray(escalations.childId, [...childIds]), visibleEscalations(auth)))
    .orderBy(desc(escalations.raisedOn), asc(escalations.id));
  const byChild = new Map<string, EscalationRow[]>();
  for (const row of rows) byChild.set(row.childId, [...(byChild.get(row.childId) ?? []), row]);
  return byChild;
}

/** The escalations the caller may see that had been raised by `asOf`, newest first. */
export function listEscalations(tx: Transaction, auth: AccessClaims, asOf: string) {
  return tx
    .select()
    .from(escalations)
    .where(and(lte(escalations.raisedOn, asOf), visibleEscalations(auth)))
    .orderBy(desc(escalations.raisedOn), asc(escalations.id));
}
