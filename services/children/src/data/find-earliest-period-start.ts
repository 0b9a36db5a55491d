import type { Transaction } from '@footprint/db';
import type { IsoDate } from '@footprint/domain';
import { sql } from 'drizzle-orm';
import { episodes } from '../db/tables.ts';

/** The first day of the council's earliest period of care on record (its earliest episode); null with none. */
export async function findEarliestPeriodStart(tx: Transaction): Promise<IsoDate | null> {
  const [row] = await tx.select({ start: sql<IsoDate | null>`min(${episodes.startDate})` }).from(episodes);
  return row?.start ?? null;
}
