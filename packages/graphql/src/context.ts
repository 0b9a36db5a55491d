import type { AccessClaims } from '@footprint/auth';
import type { AuditAction, Database, Transaction } from '@footprint/db';

export type RequestContext = {
  auth: AccessClaims;
  requestId: string;
  db: Database;
  /** One transaction with the caller's council set for row-level security. */
  inTenant: <T>(work: (tx: Transaction) => Promise<T>) => Promise<T>;
  /** Records who read or changed which records, inside the caller's transaction. */
  audit: (
    tx: Transaction,
    action: AuditAction,
    entity: string,
    ids: string[],
    detail?: Record<string, unknown>,
  ) => Promise<void>;
};
