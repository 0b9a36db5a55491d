import type { AccessClaims } from '@footprint/auth';
import { eq, type SQL, sql } from 'drizzle-orm';
import { escalations } from './tables.ts';

/**
 * Which escalations of the caller's council the caller may read (shared/spec/README.md):
 * managers every one; an IRO the ones they raised; everyone else none. Row-level security has
 * already confined the query to the caller's council.
 */
export function visibleEscalations(auth: AccessClaims): SQL {
  if (auth.roles.includes('manager')) return sql`true`;
  if (auth.roles.includes('iro') && auth.staffRef) return eq(escalations.iroId, auth.staffRef);
  return sql`false`;
}

/** Whether the caller may see escalations at all (the same rule, without a query). */
export const mayReadEscalations = (auth: AccessClaims) =>
  auth.roles.includes('manager') || (auth.roles.includes('iro') && auth.staffRef !== null);
