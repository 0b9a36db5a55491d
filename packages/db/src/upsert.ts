import { getTableColumns, type SQL, sql } from 'drizzle-orm';
import type { AnyPgColumn, PgColumn, PgTable } from 'drizzle-orm/pg-core';

/** The incoming row's value of a column in `insert … on conflict do update` (`excluded.<column>`). */
export const excluded = (column: AnyPgColumn): SQL => sql.raw(`excluded."${column.name}"`);

/**
 * The `set` of an `insert … on conflict (target) do update` that takes every other column from the
 * incoming row (`excluded.*`), except those named in `keep`: an import's newer row replaces the stored one.
 */
export function replaceFromExcluded<T extends PgTable>(
  table: T,
  target: readonly PgColumn[],
  keep: readonly string[] = [],
) {
  const targetNames = new Set(target.map((column) => column.name));
  const set: Record<string, SQL> = {};
  for (const [property, column] of Object.entries(getTableColumns(table))) {
    if (targetNames.has(column.name) || keep.includes(property)) continue;
    set[property] = excluded(column);
  }
  return set;
}
