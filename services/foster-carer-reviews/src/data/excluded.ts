import { type SQL, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';

/** The incoming row's value of `column` in an `insert … on conflict do update` (`excluded.<column>`). */
export const excluded = (column: AnyPgColumn): SQL => sql.raw(`excluded."${column.name}"`);
