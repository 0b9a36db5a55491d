import type { AccessClaims } from '@footprint/auth';
import { eq, type SQL, sql } from 'drizzle-orm';
import { involvements } from './tables.ts';

/**
 * How much of a council's advocacy the caller may read (shared/spec/README.md): managers and IROs
 * the council's; an advocate only their own provider's; everyone else none.
 */
export type InvolvementAccess = 'council' | 'provider' | 'none';

export function involvementAccess(auth: AccessClaims): InvolvementAccess {
  if (auth.roles.includes('manager') || auth.roles.includes('iro')) return 'council';
  if (auth.roles.includes('advocate')) return 'provider';
  return 'none';
}

/**
 * The same rule as a filter. Row-level security already confines an advocate's transaction to
 * their provider; this says so in the query too, so neither depends on the other alone.
 */
export function visibleInvolvements(auth: AccessClaims): SQL {
  const access = involvementAccess(auth);
  if (access === 'council') return sql`true`;
  if (access === 'provider' && auth.provider) return eq(involvements.providerId, auth.provider);
  return sql`false`;
}
