import type { AccessClaims } from '@footprint/auth';
import { and, eq, exists, isNull, type SQL, sql } from 'drizzle-orm';
import { allocations, children } from './tables.ts';

/**
 * Which children of the caller's council the caller may read (shared/spec/README.md):
 * managers every child; an IRO their own caseload; everyone else no child records here.
 * Row-level security has already confined the query to the caller's council.
 */
export function visibleChildren(auth: AccessClaims): SQL {
  if (auth.roles.includes('manager')) return sql`true`;
  if (auth.roles.includes('iro') && auth.staffRef) {
    return exists(
      sql`(select 1 from ${allocations} where ${and(
        eq(allocations.childId, children.id),
        eq(allocations.iroId, auth.staffRef),
        isNull(allocations.endDate),
      )})`,
    );
  }
  return sql`false`;
}
