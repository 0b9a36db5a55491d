import type { Transaction } from '@footprint/db';
import { excluded } from '@footprint/db';
import { sql } from 'drizzle-orm';
import { commissions, providers } from '../db/tables.ts';

/**
 * Registers and commissions the providers an import's involvements name (data-exchange.md §3: a
 * PROVIDER is created if new, and commissioned by this council), so that every involvement meets its
 * commission. `earliest` maps each provider slug to the earliest referral date the files give it:
 * the commission runs from then, or from an earlier date the council already has. A new provider is
 * registered under its slug (the files carry no name); a known one, and its name, are left alone.
 * History is imported whatever the provider's standing today, a suspended one included.
 */
export async function commissionImportedProviders(
  tx: Transaction,
  tenantId: string,
  earliest: ReadonlyMap<string, string>,
) {
  if (earliest.size === 0) return;
  const slugs = [...earliest.keys()];
  // Another council may register the same provider at the same moment: theirs then stands.
  await tx
    .insert(providers)
    .values(slugs.map((id) => ({ id, name: id })))
    .onConflictDoNothing({ target: providers.id });
  await tx
    .insert(commissions)
    .values(slugs.map((providerId) => ({ tenantId, providerId, fromDate: earliest.get(providerId)! })))
    .onConflictDoUpdate({
      target: [commissions.tenantId, commissions.providerId],
      set: { fromDate: sql`least(${commissions.fromDate}, ${excluded(commissions.fromDate)})` },
      setWhere: sql`${excluded(commissions.fromDate)} < ${commissions.fromDate}`,
    });
}
