import { migrate } from 'drizzle-orm/node-postgres/migrator';
import { connect } from './connect.ts';

/**
 * Applies one service's migrations as the owning role. Each service has its own journal
 * (one table per service in the `migrations` schema) so services migrate independently.
 */
export async function migrateService(adminUrl: string, schema: string, migrationsFolder: string) {
  const { db, close } = connect(adminUrl, { max: 1, applicationName: `migrate:${schema}` });
  try {
    await migrate(db, { migrationsFolder, migrationsSchema: 'migrations', migrationsTable: schema });
  } finally {
    await close();
  }
}
