import { readFileSync } from 'node:fs';
import pg from 'pg';
import { migrateService } from './migrate.ts';
import { roleUrl } from './urls.ts';

export type MigrationSet = { schema: string; folder: string };

/**
 * Brings a database to the current migrations: roles (cluster-wide, idempotent), the database
 * owned by footprint_owner, then each service's migrations run as that owner.
 */
export async function setUpDatabase(options: {
  superuserUrl: string;
  database: string;
  rolesSql: string;
  migrations: MigrationSet[];
  recreate?: boolean;
}) {
  const admin = new pg.Client({ connectionString: options.superuserUrl });
  await admin.connect();
  try {
    await admin.query(readFileSync(options.rolesSql, 'utf8'));
    const name = pg.escapeIdentifier(options.database);
    if (options.recreate) await admin.query(`drop database if exists ${name} with (force)`);
    const { rowCount } = await admin.query('select 1 from pg_database where datname = $1', [
      options.database,
    ]);
    if (!rowCount) await admin.query(`create database ${name} owner footprint_owner`);
  } finally {
    await admin.end();
  }
  const ownerUrl = roleUrl(options.superuserUrl, 'footprint_owner', options.database);
  for (const { schema, folder } of options.migrations) await migrateService(ownerUrl, schema, folder);
  return ownerUrl;
}
