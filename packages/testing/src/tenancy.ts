import pg from 'pg';

/** Whether row-level security is enabled and forced, for every table of a schema. */
export async function rowSecurityOf(db: pg.Pool, schema: string) {
  const { rows } = await db.query(
    `select c.relname, c.relrowsecurity, c.relforcerowsecurity from pg_class c
     join pg_namespace n on n.oid = c.relnamespace where n.nspname = $1 and c.relkind = 'r'`,
    [schema],
  );
  return rows as { relname: string; relrowsecurity: boolean; relforcerowsecurity: boolean }[];
}

/** A client connected to the given URL (a service's own role) for the length of `work`. */
export async function withClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** `work` inside a transaction with one council set, as the service runs it; always rolled back. */
export function inCouncilTransaction<T>(
  url: string,
  tenant: string,
  work: (client: pg.Client) => Promise<T>,
): Promise<T> {
  return withClient(url, async (client) => {
    try {
      await client.query('begin');
      await client.query(`select set_config('app.tenant_id', $1, true)`, [tenant]);
      return await work(client);
    } finally {
      await client.query('rollback');
    }
  });
}
