import { drizzle } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import type { Database } from './tenant.ts';

export type Connection = { db: Database; pool: pg.Pool; close: () => Promise<void> };

// pg returns DATE columns as JS Dates at local midnight; Footprint's dates are calendar dates,
// so keep them as the 'YYYY-MM-DD' text PostgreSQL sends.
pg.types.setTypeParser(pg.types.builtins.DATE, (value: string) => value);

export function connect(url: string, options: { max?: number; applicationName?: string } = {}): Connection {
  const pool = new pg.Pool({
    connectionString: url,
    max: options.max ?? 10,
    application_name: options.applicationName,
  });
  // An idle connection the server ends (a restart, a failover) is dropped from the pool and replaced
  // on next use; unhandled, pg's 'error' event would take the whole process down.
  pool.on('error', (error) =>
    console.error(
      JSON.stringify({ level: 'warn', message: 'idle database connection lost', error: error.message }),
    ),
  );
  const db = drizzle(pool) as unknown as Database;
  return { db, pool, close: () => pool.end() };
}
