import type { Transaction } from '@footprint/db';
import { invalidInput } from '@footprint/graphql';
import { eq } from 'drizzle-orm';
import { commissions, providers } from '../db/tables.ts';
import { findProvidersByIds } from './find-providers.ts';

export type CommissionProviderInput = { providerId: string; name: string; fromDate: string };

const sameName = (a: string, b: string) =>
  a.trim().toLocaleLowerCase('en-GB') === b.trim().toLocaleLowerCase('en-GB');

/**
 * Commissions a provider for the caller's council from a date, registering the provider first when
 * it is new. Providers are shared by every council, so a known slug must come with that provider's
 * name: a mistyped slug then fails instead of commissioning someone else's organisation.
 */
export async function commissionProvider(tx: Transaction, tenantId: string, input: CommissionProviderInput) {
  const [existing] = await tx.select().from(providers).where(eq(providers.id, input.providerId));
  if (existing && !sameName(existing.name, input.name)) {
    throw invalidInput(
      `Provider ${input.providerId} is registered as “${existing.name}”, not “${input.name}”`,
      'name',
    );
  }
  if (existing?.suspended) throw invalidInput(`Provider ${input.providerId} is suspended`, 'providerId');
  const [commission] = await tx
    .select()
    .from(commissions)
    .where(eq(commissions.providerId, input.providerId));
  if (commission) {
    throw invalidInput(
      `Provider ${input.providerId} is already commissioned by this council from ${commission.fromDate}`,
      'providerId',
    );
  }
  if (!existing) {
    // Another council may register the same provider at the same moment: theirs then stands.
    await tx.insert(providers).values({ id: input.providerId, name: input.name }).onConflictDoNothing();
  }
  await tx.insert(commissions).values({ tenantId, providerId: input.providerId, fromDate: input.fromDate });
  const [provider] = await findProvidersByIds(tx, [input.providerId]);
  return { provider: provider!, created: !existing };
}
