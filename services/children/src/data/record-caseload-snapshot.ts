import type { Transaction } from '@footprint/db';
import {
  caseloadPerFte,
  caseloads,
  type Episode,
  isInPostAt,
  isOpenAtEndOf,
  type LocalPolicy,
  periodsOfCare,
  roundHalfUp,
} from '@footprint/domain';
import { sql } from 'drizzle-orm';
import { allocations, caseloadSnapshots, episodes, staff } from '../db/tables.ts';
import { toDomainEpisode } from './to-domain.ts';

/**
 * Computes every IRO's caseload at the end of `date` (statutory-rules §8) and stores it as that
 * night's snapshot. Running it again for the same date overwrites the same rows.
 */
export async function recordCaseloadSnapshot(
  tx: Transaction,
  tenantId: string,
  date: string,
  policy: LocalPolicy,
) {
  const [people, allocationRows, episodeRows] = await Promise.all([
    tx.select().from(staff),
    tx.select().from(allocations),
    tx.select().from(episodes),
  ]);
  const episodesByChild = new Map<string, Episode[]>();
  for (const row of episodeRows) {
    episodesByChild.set(row.childId, [...(episodesByChild.get(row.childId) ?? []), toDomainEpisode(row)]);
  }
  const inCare = (child: string) =>
    periodsOfCare(episodesByChild.get(child) ?? []).periods.some((p) => isOpenAtEndOf(p, date));
  const byIro = caseloads(
    allocationRows.map((a) => ({ child: a.childId, iro: a.iroId, start: a.startDate, end: a.endDate })),
    inCare,
    date,
  );
  const rows = people
    .filter(
      (person) => person.role === 'iro' && isInPostAt({ start: person.startDate, end: person.endDate }, date),
    )
    .map((person) => {
      const children = byIro.get(person.id) ?? 0;
      const perFte = caseloadPerFte(children, person.fte);
      return {
        tenantId,
        snapshotDate: date,
        iroId: person.id,
        children,
        fte: person.fte,
        perFte: roundHalfUp(perFte, 1),
        overCapacity: perFte > policy.capacityBand,
      };
    });
  await tx.delete(caseloadSnapshots).where(sql`${caseloadSnapshots.snapshotDate} = ${date}`);
  if (rows.length) await tx.insert(caseloadSnapshots).values(rows);
  return rows;
}
