import { sql } from 'drizzle-orm';
import type { NodePgDatabase } from 'drizzle-orm/node-postgres';

export type Database = NodePgDatabase<Record<string, never>>;
export type Transaction = Parameters<Parameters<Database['transaction']>[0]>[0];

/**
 * Runs `work` in one transaction with the council (and, for an advocate, their provider
 * organisation) set for row-level security. The settings are transaction-local
 * (`set_config(..., true)`), so a pooled connection never carries one council into the next request.
 */
export async function withTenant<T>(
  db: Database,
  tenantId: string,
  work: (tx: Transaction) => Promise<T>,
  options: { providerId?: string | null } = {},
) {
  if (!tenantId) throw new Error('withTenant: a tenant is required');
  return db.transaction(async (tx) => {
    await tx.execute(
      sql`select set_config('app.tenant_id', ${tenantId}, true), set_config('app.provider_id', ${options.providerId ?? ''}, true)`,
    );
    return work(tx);
  });
}

/** The row-level-security predicate every tenant table's policy uses. */
export const tenantPredicate = sql`tenant_id = (select current_setting('app.tenant_id', true))`;

/**
 * For tables that also hold a provider organisation: an advocate's transaction sees only their
 * own provider's rows; council staff (no provider set) see the council's.
 */
export const providerPredicate = sql`(coalesce((select current_setting('app.provider_id', true)), '') = '' or provider_id = (select current_setting('app.provider_id', true)))`;
