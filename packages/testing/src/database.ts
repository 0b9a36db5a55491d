import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { type MigrationSet, roleUrl, serviceRole, setUpDatabase } from '@footprint/db';
import pg from 'pg';

export const rolesSql = fileURLToPath(new URL('../../../infra/sql/roles.sql', import.meta.url));

export function superuserUrl() {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('DATABASE_URL is not set: run the tests through ./scripts/test');
  return url;
}

export type TestDatabase = {
  name: string;
  ownerUrl: string;
  /** The URL a service connects with: its own non-owner role, so row-level security applies. */
  urlFor: (service: string) => string;
  /** A superuser pool on this database (bypasses row-level security): for arranging fixtures and checking. */
  superuser: pg.Pool;
  drop: () => Promise<void>;
};

/** A fresh database with the real migrations, dropped after the suite. */
export async function createTestDatabase(migrations: MigrationSet[]): Promise<TestDatabase> {
  const name = `footprint_test_${randomBytes(5).toString('hex')}`;
  const admin = superuserUrl();
  const ownerUrl = await setUpDatabase({ superuserUrl: admin, database: name, rolesSql, migrations });
  const superuserDbUrl = new URL(admin);
  superuserDbUrl.pathname = `/${name}`;
  const superuser = new pg.Pool({ connectionString: superuserDbUrl.toString(), max: 2 });
  // Dropping the database ends its connections; an idle one ending then is expected, not a failure.
  superuser.on('error', () => {});
  return {
    name,
    ownerUrl,
    urlFor: (service) => roleUrl(admin, serviceRole(service), name),
    superuser,
    drop: async () => {
      await superuser.end();
      const client = new pg.Client({ connectionString: admin });
      await client.connect();
      await client.query(`drop database if exists ${pg.escapeIdentifier(name)} with (force)`);
      await client.end();
    },
  };
}
