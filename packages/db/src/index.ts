export { type AuditAction, type AuditEvent, type AuditTable, auditTable, recordAudit } from './audit.ts';
export {
  type ComplianceSnapshotsTable,
  complianceSnapshotsTable,
  findComplianceSnapshots,
  latestComplianceSnapshotDate,
  recordComplianceSnapshot,
  type StoredComplianceCheck,
} from './compliance-snapshots.ts';
export { type Connection, connect } from './connect.ts';
export { migrateService } from './migrate.ts';
export { type MigrationSet, setUpDatabase } from './setup.ts';
export { type Database, providerPredicate, type Transaction, tenantPredicate, withTenant } from './tenant.ts';
export { excluded, replaceFromExcluded } from './upsert.ts';
export { roleUrl, serviceRole } from './urls.ts';
