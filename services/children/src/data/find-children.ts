import type { AccessClaims } from '@footprint/auth';
import type { Transaction } from '@footprint/db';
import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import { allocations, children } from '../db/tables.ts';
import { visibleChildren } from '../db/visibility.ts';

export type ChildRow = typeof children.$inferSelect;

export function findChildrenByIds(tx: Transaction, auth: AccessClaims, ids: readonly string[]) {
  return tx
    .select()
    .from(children)
    .where(and(inArray(children.id, [...ids]), visibleChildren(auth)));
}

/** Children the caller may see, optionally only those currently allocated to one IRO. */
export function listChildren(tx: Transaction, auth: AccessClaims, filter: { iroId?: string } = {}) {
  const byIro = filter.iroId
    ? inArray(
        children.id,
        tx
          .select({ id: allocations.childId })
          .from(allocations)
          .where(and(eq(allocations.iroId, filter.iroId), isNull(allocations.endDate))),
      )
    : undefined;
  return tx
    .select()
    .from(children)
    .where(and(visibleChildren(auth), byIro))
    .orderBy(asc(children.familyName), asc(children.givenName), asc(children.id));
}
