import type { Transaction } from '@footprint/db';
import { and, asc, gte, lte } from 'drizzle-orm';
import { audits } from '../db/tables.ts';

export type AuditRow = typeof audits.$inferSelect;

/** Every audit of the council dated from `from` to `to`, both included. */
export function findAuditsDated(tx: Transaction, from: string, to: string) {
  return tx
    .select()
    .from(audits)
    .where(and(gte(audits.auditDate, from), lte(audits.auditDate, to)))
    .orderBy(asc(audits.auditDate), asc(audits.auditId));
}
