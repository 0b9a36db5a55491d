import { type SQL, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';

/**
 * The incoming row's value of a column in `insert … on conflict do update set`: an imported row
 * replaces what is stored, so importing a later year's file updates the overlapping records.
 */
export const excluded = (column: AnyPgColumn): SQL => sql.raw(`excluded."${column.name}"`);
