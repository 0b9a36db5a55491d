import type { Transaction } from '@footprint/db';
import { excluded } from '@footprint/db';
import type { AuditRecord } from '@footprint/exchange';
import { audits } from '../db/tables.ts';

/** Writes rows of audits, keyed by the council's AUDIT reference; a later row replaces the whole audit. */
export async function upsertAudits(tx: Transaction, tenantId: string, records: readonly AuditRecord[]) {
  if (records.length === 0) return;
  await tx
    .insert(audits)
    .values(
      records.map((record) => ({
        tenantId,
        auditId: record.audit,
        childId: record.child,
        auditDate: record.date,
        auditorId: record.auditor,
        grade: record.grade,
      })),
    )
    .onConflictDoUpdate({
      target: [audits.tenantId, audits.auditId],
      set: {
        childId: excluded(audits.childId),
        auditDate: excluded(audits.auditDate),
        auditorId: excluded(audits.auditorId),
        grade: excluded(audits.grade),
      },
    });
}
