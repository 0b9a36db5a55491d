import type pg from 'pg';

export type Snapshot = Record<string, unknown[]>;

/**
 * Every row of the given tables of a schema, read through the superuser pool (so row-level
 * security hides nothing): take one before and one after a call to show it changed nothing.
 */
export async function snapshotTables(
  db: pg.Pool,
  schema: string,
  tables: readonly string[],
  options: { orderBy?: string } = {},
): Promise<Snapshot> {
  const contents: Snapshot = {};
  for (const table of tables) {
    const { rows } = await db.query(
      `select * from ${schema}.${table} order by ${options.orderBy ?? '1, 2, 3'}`,
    );
    contents[table] = rows;
  }
  return contents;
}

/**
 * Every row of every table of a schema, audit trail included, read through the superuser pool and
 * in a stable order: the same before and after a call that wrote nothing at all, not even a read.
 */
export async function snapshotSchema(db: pg.Pool, schema: string): Promise<Snapshot> {
  const { rows: tables } = await db.query<{ name: string }>(
    `select c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
     where n.nspname = $1 and c.relkind = 'r' order by c.relname`,
    [schema],
  );
  const contents: Snapshot = {};
  for (const { name } of tables) {
    // Ordered by the whole row, so that any table reads alike twice, whatever its columns.
    const { rows } = await db.query(`select * from "${schema}"."${name}" as r order by r::text`);
    contents[name] = rows;
  }
  return contents;
}
