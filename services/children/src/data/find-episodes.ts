import type { Transaction } from '@footprint/db';
import { asc, inArray } from 'drizzle-orm';
import { episodes } from '../db/tables.ts';

export type EpisodeRow = typeof episodes.$inferSelect;

/** Episodes of the given children, in date order, grouped per child. */
export async function findEpisodesByChild(tx: Transaction, childIds: readonly string[]) {
  const rows = await tx
    .select()
    .from(episodes)
    .where(inArray(episodes.childId, [...childIds]))
    .orderBy(asc(episodes.childId), asc(episodes.startDate));
  const byChild = new Map<string, EpisodeRow[]>();
  for (const row of rows) byChild.set(row.childId, [...(byChild.get(row.childId) ?? []), row]);
  return byChild;
}
