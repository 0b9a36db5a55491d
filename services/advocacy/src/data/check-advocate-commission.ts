import type { AccessClaims } from '@footprint/auth';
import type { Transaction } from '@footprint/db';
import { londonDateOf } from '@footprint/domain';
import { eq } from 'drizzle-orm';
import { commissions, providers } from '../db/tables.ts';
import { involvementAccess } from '../db/visibility.ts';
import { forbidden } from '../errors.ts';

/**
 * An advocate acts for the council named in their token only while their provider organisation is
 * commissioned by it and not suspended; otherwise they are refused outright rather than shown an
 * empty list, so a wrong council in a token is noticed. Council staff pass through.
 */
export async function checkAdvocateCommission(tx: Transaction, auth: AccessClaims) {
  if (involvementAccess(auth) !== 'provider') return;
  if (!auth.provider) throw forbidden('An advocate’s token must name their provider organisation');
  const [commission] = await tx
    .select({ fromDate: commissions.fromDate, suspended: providers.suspended })
    .from(commissions)
    .innerJoin(providers, eq(providers.id, commissions.providerId))
    .where(eq(commissions.providerId, auth.provider));
  if (!commission) throw forbidden(`Provider ${auth.provider} is not commissioned by this council`);
  if (commission.suspended) throw forbidden(`Provider ${auth.provider} is suspended`);
  if (commission.fromDate > londonDateOf(new Date())) {
    throw forbidden(
      `Provider ${auth.provider} is commissioned by this council only from ${commission.fromDate}`,
    );
  }
}
