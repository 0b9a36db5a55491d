import type { Transaction } from '@footprint/db';
import { replaceFromExcluded } from '@footprint/db';
import { type ExchangeRecords, type FileName, readRecords } from '@footprint/exchange';
import type { ImportPart } from '@footprint/jobs';
import { allocations, children, episodes, missingSpells, staff, uasc } from '../db/tables.ts';

const BATCH = 1000;

/** Key columns of each table, for `on conflict`: the council's own references (data-exchange.md). */
const keys = {
  children: [children.tenantId, children.id],
  episodes: [episodes.tenantId, episodes.childId, episodes.startDate],
  uasc: [uasc.tenantId, uasc.childId],
  missing: [missingSpells.tenantId, missingSpells.childId, missingSpells.startDate],
  staff: [staff.tenantId, staff.id],
  allocations: [allocations.tenantId, allocations.childId, allocations.startDate],
};

/**
 * The children service's share of an import: the SSDA903 header, episodes, uasc and missing files,
 * and the IRO service's people and allocations. Every write is an upsert on the council's own
 * references, so the same files twice change nothing and a later year's files update the overlap.
 */
export const importPart: ImportPart = {
  service: 'children',
  files: ['header', 'episodes', 'uasc', 'missing', 'iros', 'allocations'],
  existingIds: async (tx) => ({
    children: new Set((await tx.select({ id: children.id }).from(children)).map((row) => row.id)),
    iros: new Set((await tx.select({ id: staff.id }).from(staff)).map((row) => row.id)),
  }),
  write: async (tx, { tenant, set, onRows }) => {
    const counts: Partial<Record<FileName, number>> = {};
    const each = async <F extends FileName>(
      file: F,
      write: (tx: Transaction, batch: Batch<F>) => Promise<void>,
    ) => {
      if (!set.files[file]) return;
      let rows = 0;
      for await (const batch of readRecords(set, file, { batchSize: BATCH })) {
        await write(tx, batch);
        rows += batch.length;
        onRows(batch.length);
      }
      counts[file] = rows;
    };
    const writers = writersFor(tenant);
    // People and children first: episodes, spells and allocations refer to them.
    await each('header', writers.header);
    await each('iros', writers.iros);
    await each('episodes', writers.episodes);
    await each('uasc', writers.uasc);
    await each('missing', writers.missing);
    await each('allocations', writers.allocations);
    return counts;
  },
};

type Batch<F extends FileName> = ExchangeRecords[F][];

function writersFor(tenantId: string) {
  return {
    header: async (tx: Transaction, batch: Batch<'header'>) => {
      await tx
        .insert(children)
        .values(
          batch.map((r) => ({
            tenantId,
            id: r.child,
            sex: r.sex,
            dateOfBirth: r.dob,
            ethnicity: r.ethnic,
            upn: r.upn,
            mother: r.mother,
            motherChildDateOfBirth: r.mcDob,
          })),
        )
        // Names are not in the 903: a name recorded in Footprint survives every import.
        .onConflictDoUpdate({
          target: keys.children,
          set: replaceFromExcluded(children, keys.children, ['givenName', 'familyName']),
        });
    },
    iros: async (tx: Transaction, batch: Batch<'iros'>) => {
      await tx
        .insert(staff)
        .values(
          batch.map((r) => ({
            tenantId,
            id: r.iro,
            name: r.name ?? r.iro,
            role: r.role,
            fte: r.fte,
            employment: r.employment,
            startDate: r.start,
            endDate: r.end,
            ethnicity: r.ethnicity,
            sex: r.sex,
          })),
        )
        .onConflictDoUpdate({ target: keys.staff, set: replaceFromExcluded(staff, keys.staff) });
    },
    episodes: async (tx: Transaction, batch: Batch<'episodes'>) => {
      await tx
        .insert(episodes)
        .values(
          batch.map((r) => ({
            tenantId,
            childId: r.child,
            startDate: r.decom,
            reasonNewEpisode: r.rne,
            legalStatus: r.ls,
            categoryOfNeed: r.cin,
            placement: r.place,
            placementProvider: r.placeProvider,
            endDate: r.dec,
            reasonEnded: r.rec,
            reasonPlaceChange: r.reasonPlaceChange,
            homePostcode: r.homePost,
            placementPostcode: r.plPost,
            urn: r.urn,
          })),
        )
        .onConflictDoUpdate({ target: keys.episodes, set: replaceFromExcluded(episodes, keys.episodes) });
    },
    uasc: async (tx: Transaction, batch: Batch<'uasc'>) => {
      await tx
        .insert(uasc)
        .values(batch.map((r) => ({ tenantId, childId: r.child, uascCeased: r.duc })))
        .onConflictDoUpdate({ target: keys.uasc, set: replaceFromExcluded(uasc, keys.uasc) });
    },
    missing: async (tx: Transaction, batch: Batch<'missing'>) => {
      await tx
        .insert(missingSpells)
        .values(
          batch.map((r) => ({
            tenantId,
            childId: r.child,
            startDate: r.misStart,
            endDate: r.misEnd,
            kind: r.missing,
          })),
        )
        .onConflictDoUpdate({ target: keys.missing, set: replaceFromExcluded(missingSpells, keys.missing) });
    },
    allocations: async (tx: Transaction, batch: Batch<'allocations'>) => {
      await tx
        .insert(allocations)
        .values(
          batch.map((r) => ({
            tenantId,
            childId: r.child,
            iroId: r.iro,
            startDate: r.start,
            endDate: r.end,
          })),
        )
        .onConflictDoUpdate({
          target: keys.allocations,
          set: replaceFromExcluded(allocations, keys.allocations),
        });
    },
  };
}
