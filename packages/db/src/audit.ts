import { index, jsonb, type PgSchema, pgPolicy, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { Transaction } from './tenant.ts';
import { tenantPredicate } from './tenant.ts';

export type AuditAction = 'read' | 'create' | 'update' | 'delete' | 'import';

export type AuditEvent = {
  tenantId: string;
  actor: string;
  requestId: string;
  action: AuditAction;
  entity: string;
  entityIds: string[];
  detail?: Record<string, unknown>;
};

/**
 * Every service keeps its own audit trail beside its data, in its own schema: who read or
 * changed which record, in which request. Reads of a child's record are attributable through it.
 */
export function auditTable(schema: PgSchema) {
  return schema
    .table(
      'audit_events',
      {
        id: uuid('id').primaryKey().defaultRandom(),
        tenantId: text('tenant_id').notNull(),
        at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
        actor: text('actor').notNull(),
        requestId: text('request_id').notNull(),
        action: text('action').notNull(),
        entity: text('entity').notNull(),
        entityIds: text('entity_ids').array().notNull(),
        detail: jsonb('detail'),
      },
      (t) => [
        index().on(t.tenantId, t.at),
        pgPolicy('tenant_isolation', { for: 'all', using: tenantPredicate, withCheck: tenantPredicate }),
      ],
    )
    .enableRLS();
}

export type AuditTable = ReturnType<typeof auditTable>;

export async function recordAudit(tx: Transaction, table: AuditTable, event: AuditEvent) {
  if (event.entityIds.length === 0) return;
  await tx.insert(table).values({ ...event, detail: event.detail ?? null });
}
