import type { Transaction } from '@footprint/db';
import { asc, eq, inArray, isNotNull } from 'drizzle-orm';
import { commissions, providers } from '../db/tables.ts';

/** A provider with the date the caller's council commissioned it from (null when it has not). */
export type ProviderRow = typeof providers.$inferSelect & { commissionedFrom: string | null };

// Commissions are council rows under row-level security: the join sees only the caller's council's.
const providerColumns = {
  id: providers.id,
  name: providers.name,
  suspended: providers.suspended,
  createdAt: providers.createdAt,
  commissionedFrom: commissions.fromDate,
};

export function findProvidersByIds(tx: Transaction, ids: readonly string[]): Promise<ProviderRow[]> {
  return tx
    .select(providerColumns)
    .from(providers)
    .leftJoin(commissions, eq(commissions.providerId, providers.id))
    .where(inArray(providers.id, [...ids]));
}

export function listProviders(
  tx: Transaction,
  filter: { commissionedOnly?: boolean } = {},
): Promise<ProviderRow[]> {
  return tx
    .select(providerColumns)
    .from(providers)
    .leftJoin(commissions, eq(commissions.providerId, providers.id))
    .where(filter.commissionedOnly ? isNotNull(commissions.fromDate) : undefined)
    .orderBy(asc(providers.name), asc(providers.id));
}
