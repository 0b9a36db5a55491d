import type { Transaction } from '@footprint/db';
import { replaceFromExcluded } from '@footprint/db';
import { type ExchangeRecords, type FileName, readRecords } from '@footprint/exchange';
import type { ImportPart } from '@footprint/jobs';
import {
  allocations,
  children,
  comparators,
  episodes,
  healthOutcomes,
  localPolicy,
  missingSpells,
  population,
  postcodeSectors,
  staff,
  uasc,
} from '../db/tables.ts';

const BATCH = 1000;

/** Key columns of each table, for `on conflict`: the council's own references (data-exchange.md). */
const keys = {
  children: [children.tenantId, children.id],
  episodes: [episodes.tenantId, episodes.childId, episodes.startDate],
  uasc: [uasc.tenantId, uasc.childId],
  missing: [missingSpells.tenantId, missingSpells.childId, missingSpells.startDate],
  staff: [staff.tenantId, staff.id],
  allocations: [allocations.tenantId, allocations.childId, allocations.startDate],
  oc2: [healthOutcomes.tenantId, healthOutcomes.year, healthOutcomes.childId],
  postcodeSectors: [postcodeSectors.tenantId, postcodeSectors.sector],
  population: [population.tenantId, population.year],
  comparators: [comparators.tenantId, comparators.year, comparators.area, comparators.measure],
  localPolicy: [localPolicy.tenantId, localPolicy.key, localPolicy.effective],
};

/**
 * The children service's share of an import: the SSDA903 header, episodes, uasc, missing and OC2
 * files, the IRO service's people and allocations, and the council's reference data for the report
 * (postcode sectors, population, comparators, local policy). Every write is an upsert on the council's own
 * references, so the same files twice change nothing and a later year's files update the overlap.
 */
export const importPart: ImportPart = {
  service: 'children',
  files: [
    'header',
    'episodes',
    'uasc',
    'missing',
    'iros',
    'allocations',
    'oc2',
    'postcode_sectors',
    'population',
    'comparators',
    'local_policy',
  ],
  existingIds: async (tx) => ({
    children: new Set((await tx.select({ id: children.id }).from(children)).map((row) => row.id)),
    iros: new Set((await tx.select({ id: staff.id }).from(staff)).map((row) => row.id)),
  }),
  write: async (tx, { tenant, set, year, onRows }) => {
    const counts: Partial<Record<FileName, number>> = {};
    const each = async <F extends FileName>(
      file: F,
      write: (tx: Transaction, batch: Batch<F>) => Promise<void>,
    ) => {
      if (!set.files[file]) return;
      let rows = 0;
      // `year`: the import's --year, for oc2 rows without a YEAR of their own.
      for await (const batch of readRecords(set, file, { batchSize: BATCH, year })) {
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
    await each('oc2', writers.oc2);
    await each('postcode_sectors', writers.postcodeSectors);
    await each('population', writers.population);
    await each('comparators', writers.comparators);
    await each('local_policy', writers.localPolicy);
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
    oc2: async (tx: Transaction, batch: Batch<'oc2'>) => {
      await tx
        .insert(healthOutcomes)
        .values(
          batch.map((r) => ({
            tenantId,
            year: r.year,
            childId: r.child,
            dateOfBirth: r.dob,
            sdqScore: r.sdqScore,
            sdqReason: r.sdqReason,
            convicted: r.convicted,
            healthCheck: r.healthCheck,
            immunisations: r.immunisations,
            teethCheck: r.teethCheck,
            healthAssessment: r.healthAssessment,
            substanceMisuse: r.substanceMisuse,
            interventionReceived: r.interventionReceived,
            interventionOffered: r.interventionOffered,
          })),
        )
        .onConflictDoUpdate({ target: keys.oc2, set: replaceFromExcluded(healthOutcomes, keys.oc2) });
    },
    postcodeSectors: async (tx: Transaction, batch: Batch<'postcode_sectors'>) => {
      await tx
        .insert(postcodeSectors)
        .values(
          batch.map((r) => ({
            tenantId,
            sector: r.key,
            label: r.sector,
            latitude: r.latitude,
            longitude: r.longitude,
          })),
        )
        .onConflictDoUpdate({
          target: keys.postcodeSectors,
          set: replaceFromExcluded(postcodeSectors, keys.postcodeSectors),
        });
    },
    population: async (tx: Transaction, batch: Batch<'population'>) => {
      await tx
        .insert(population)
        .values(batch.map((r) => ({ tenantId, year: r.year, population: r.population })))
        .onConflictDoUpdate({
          target: keys.population,
          set: replaceFromExcluded(population, keys.population),
        });
    },
    comparators: async (tx: Transaction, batch: Batch<'comparators'>) => {
      await tx
        .insert(comparators)
        .values(
          batch.map((r) => ({
            tenantId,
            year: r.year,
            area: r.area,
            measure: r.measure,
            value: typeof r.value === 'number' ? r.value : null,
            symbol: typeof r.value === 'number' ? null : r.value,
          })),
        )
        .onConflictDoUpdate({
          target: keys.comparators,
          set: replaceFromExcluded(comparators, keys.comparators),
        });
    },
    localPolicy: async (tx: Transaction, batch: Batch<'local_policy'>) => {
      await tx
        .insert(localPolicy)
        .values(batch.map((r) => ({ tenantId, key: r.key, effective: r.effective, value: r.value })))
        .onConflictDoUpdate({
          target: keys.localPolicy,
          set: replaceFromExcluded(localPolicy, keys.localPolicy),
        });
    },
  };
}
