import { fileURLToPath } from 'node:url';
import type { SubgraphService } from '@footprint/graphql';
import { audit } from './db/tables.ts';
import { schema } from './schema/index.ts';

export const service: SubgraphService = {
  name: 'children',
  pgSchema: 'children',
  migrationsFolder: fileURLToPath(new URL('../drizzle', import.meta.url)),
  schema,
  auditTable: audit,
};

export { type ChildrenCompliance, loadChildrenCompliance } from './data/compute-compliance.ts';
export { export903Records } from './data/export-903.ts';
export { beginImportRun, type ImportRunStatus, updateImportRun } from './data/import-runs.ts';
export { complianceSnapshots } from './db/tables.ts';
export { CASELOAD_SNAPSHOT, caseloadSnapshotJob } from './jobs/caseload-snapshot.job.ts';
export { importPart } from './jobs/import.job.ts';
