import type { AccessClaims } from '@footprint/auth';
import type { Transaction } from '@footprint/db';
import { and, asc, inArray } from 'drizzle-orm';
import { households } from '../db/tables.ts';
import { visibleHouseholds } from '../db/visibility.ts';

export type HouseholdRow = typeof households.$inferSelect;

export function findHouseholdsByIds(tx: Transaction, auth: AccessClaims, ids: readonly string[]) {
  return tx
    .select()
    .from(households)
    .where(and(inArray(households.id, [...ids]), visibleHouseholds(auth)));
}

/** Every household of the caller's council, in HOUSEHOLD reference order. */
export function listHouseholds(tx: Transaction, auth: AccessClaims) {
  return tx.select().from(households).where(visibleHouseholds(auth)).orderBy(asc(households.id));
}
