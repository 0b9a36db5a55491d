import type { AccessClaims, Role } from '@footprint/auth';
import { type SQL, sql } from 'drizzle-orm';

/**
 * Who may see the council's foster households and their reviews (shared/spec/README.md): FCROs and
 * managers. Everyone else sees none, however the request is formed (an `_entities` call included).
 */
export const householdRoles: readonly Role[] = ['fcro', 'manager'];

export const mayReadHouseholds = (auth: AccessClaims) =>
  householdRoles.some((role) => auth.roles.includes(role));

/** A WHERE clause for the same rule, so the data layer refuses even when a resolver forgets to. */
export function visibleHouseholds(auth: AccessClaims): SQL {
  return mayReadHouseholds(auth) ? sql`true` : sql`false`;
}
