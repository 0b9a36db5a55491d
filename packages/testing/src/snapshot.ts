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
