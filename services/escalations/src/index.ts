import { fileURLToPath } from 'node:url';
import type { SubgraphService } from '@footprint/graphql';
import { audit } from './db/tables.ts';
import { schema } from './schema/index.ts';

export const service: SubgraphService = {
  name: 'escalations',
  pgSchema: 'escalations',
  migrationsFolder: fileURLToPath(new URL('../drizzle', import.meta.url)),
  schema,
  auditTable: audit,
};

export { complianceSnapshots } from './db/tables.ts';
export { importPart } from './jobs/import.job.ts';
