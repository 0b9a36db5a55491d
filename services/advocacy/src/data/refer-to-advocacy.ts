import type { Transaction } from '@footprint/db';
import { invalidInput } from '@footprint/graphql';
import { eq } from 'drizzle-orm';
import { commissions, involvements, providers } from '../db/tables.ts';

export type ReferToAdvocacyInput = {
  id: string;
  childId: string;
  providerId: string;
  referralDate: string;
  source: string;
  reasons: string[];
};

/**
 * Refers a child to a provider the council has commissioned (statutory-rules §10). Codes and dates
 * are checked by the caller; this checks what needs the council's records.
 */
export async function referToAdvocacy(tx: Transaction, tenantId: string, input: ReferToAdvocacyInput) {
  const [provider] = await tx
    .select({ name: providers.name, suspended: providers.suspended, commissionedFrom: commissions.fromDate })
    .from(providers)
    .leftJoin(commissions, eq(commissions.providerId, providers.id))
    .where(eq(providers.id, input.providerId));
  if (!provider) throw invalidInput(`No advocacy provider ${input.providerId}`, 'providerId');
  if (provider.suspended) throw invalidInput(`${provider.name} is suspended`, 'providerId');
  if (!provider.commissionedFrom) {
    throw invalidInput(`${provider.name} is not commissioned by this council`, 'providerId');
  }
  if (provider.commissionedFrom > input.referralDate) {
    throw invalidInput(
      `${provider.name} is commissioned by this council only from ${provider.commissionedFrom}, after the referral date ${input.referralDate}`,
      'referralDate',
    );
  }
  const [taken] = await tx
    .select({ id: involvements.id })
    .from(involvements)
    .where(eq(involvements.id, input.id));
  if (taken) throw invalidInput(`Involvement ${input.id} already exists in this council`, 'id');
  const [created] = await tx
    .insert(involvements)
    .values({ tenantId, ...input })
    .returning();
  return created!;
}
