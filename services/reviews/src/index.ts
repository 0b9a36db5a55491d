import { fileURLToPath } from 'node:url';
import type { SubgraphService } from '@footprint/graphql';
import { audit } from './db/tables.ts';
import { schema } from './schema/index.ts';

export const service: SubgraphService = {
  name: 'reviews',
  pgSchema: 'reviews',
  migrationsFolder: fileURLToPath(new URL('../drizzle', import.meta.url)),
  schema,
  auditTable: audit,
};

export {
  type ComplianceRecords,
  computeReviewsCompliance,
  findComplianceRecords,
} from './compliance.ts';
export { export903Reviews } from './data/export-903.ts';
export { complianceSnapshots } from './db/tables.ts';
export { importPart } from './jobs/import.job.ts';
