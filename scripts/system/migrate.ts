import { fileURLToPath } from 'node:url';
import { setUpDatabase } from '@footprint/db';
import { identityMigrations } from '@footprint/identity';
import type { SystemSettings } from './settings.ts';

/** Every schema's migrations, identity first, each service in its own schema. */
export async function migrateAll(settings: SystemSettings) {
  await setUpDatabase({
    superuserUrl: settings.superuserUrl,
    database: settings.database,
    rolesSql: fileURLToPath(new URL('../../infra/sql/roles.sql', import.meta.url)),
    migrations: [
      identityMigrations,
      ...settings.topology.subgraphs.map(({ name, pgSchema }) => ({
        schema: pgSchema,
        folder: `${settings.root}services/${name}/drizzle`,
      })),
    ],
  });
}
