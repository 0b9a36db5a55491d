import type { Transaction } from '@footprint/db';
import type { IsoDate } from '@footprint/domain';
import { asc, getTableColumns, gte, type SQL, sql } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
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
import type { AllocationRow } from './find-allocations.ts';
import type { ChildRow } from './find-children.ts';
import type { EpisodeRow } from './find-episodes.ts';
import type { StaffRow } from './find-staff.ts';

export type UascRow = typeof uasc.$inferSelect;
export type HealthOutcomeRow = typeof healthOutcomes.$inferSelect;
export type MissingSpellRow = typeof missingSpells.$inferSelect;
export type PostcodeSectorRow = typeof postcodeSectors.$inferSelect;
export type PopulationRow = typeof population.$inferSelect;
export type ComparatorRow = typeof comparators.$inferSelect;
export type LocalPolicyRow = typeof localPolicy.$inferSelect;

/**
 * The columns of an episode the figures and the care history read: placement stability and distance
 * from home (further-tables §2) need the provider, postcodes and URN as well. The rest of a row
 * (CIN, reason for a placement change) is read only when a caller asks for it (see schema/episode.ts).
 */
const reportEpisodeColumns = {
  childId: episodes.childId,
  startDate: episodes.startDate,
  reasonNewEpisode: episodes.reasonNewEpisode,
  legalStatus: episodes.legalStatus,
  placement: episodes.placement,
  endDate: episodes.endDate,
  reasonEnded: episodes.reasonEnded,
  placementProvider: episodes.placementProvider,
  homePostcode: episodes.homePostcode,
  placementPostcode: episodes.placementPostcode,
  urn: episodes.urn,
};

export type ReportEpisodeRow = Pick<EpisodeRow, keyof typeof reportEpisodeColumns>;

/** Everything of a council the annual report's children and workforce figures read. */
export type ReportRecords = {
  children: ChildRow[];
  episodes: ReportEpisodeRow[];
  allocations: AllocationRow[];
  staff: StaffRow[];
  uasc: UascRow[];
  /** OC2 rows of the reporting years from `from` on. */
  healthOutcomes: HealthOutcomeRow[];
  /** Missing spells starting on or after `from`. */
  missing: MissingSpellRow[];
  postcodeSectors: PostcodeSectorRow[];
  population: PopulationRow[];
  comparators: ComparatorRow[];
  localPolicy: LocalPolicyRow[];
};

/**
 * The rows of a table that match `where`, the given columns (all text or date) as the driver gives them. The two big
 * tables (tens of thousands of episodes) skip the query builder's per-row mapping, which for these
 * column types changes nothing: drizzle's `date` columns are strings either way.
 */
async function plainRows<C extends Record<string, PgColumn>>(
  tx: Transaction,
  table: PgTable,
  columns: C,
  where: SQL,
  orderBy: SQL,
): Promise<{ [K in keyof C]: C[K]['_']['data'] | (C[K]['_']['notNull'] extends true ? never : null) }[]> {
  const list = Object.entries(columns).map(
    ([key, column]) => sql`${sql.identifier(column.name)} as ${sql.identifier(key)}`,
  );
  const result = await tx.execute(
    sql`select ${sql.join(list, sql`, `)} from ${table} where ${where} order by ${orderBy}`,
  );
  return result.rows as never;
}

/**
 * The council's records that can count in reporting years starting on or after `from`, one query
 * per table (row-level security confines each to the caller's council). A period of care touching
 * such a year has an episode that is open or ended on or after `from`, so the children with one
 * are read with their whole history (a period can start years before the year); children whose
 * every episode ended earlier count in none of those years and are not read. Allocations that
 * ended earlier count in no caseload, continuity or allocation check of those years either.
 */
export async function loadReportRecords(tx: Transaction, from: IsoDate): Promise<ReportRecords> {
  const inCareSince = sql`(select ${episodes.childId} from ${episodes} where ${episodes.endDate} is null or ${episodes.endDate} >= ${from})`;
  // One transaction runs its queries one after another; awaiting them in turn says so.
  const episodeRows = await plainRows(
    tx,
    episodes,
    reportEpisodeColumns,
    sql`${episodes.childId} in ${inCareSince}`,
    sql`child_id, start_date`,
  );
  const allocationRows = await plainRows(
    tx,
    allocations,
    getTableColumns(allocations),
    sql`${allocations.endDate} is null or ${allocations.endDate} >= ${from}`,
    sql`child_id, start_date`,
  );
  const childRows = await tx
    .select()
    .from(children)
    .where(sql`${children.id} in ${inCareSince}`)
    .orderBy(asc(children.id));
  const staffRows = await tx.select().from(staff);
  const uascRows = await tx.select().from(uasc);
  // The further tables (further-tables.md): small, or confined to the years asked for; one query each.
  const healthRows = await tx
    .select()
    .from(healthOutcomes)
    .where(gte(healthOutcomes.year, Number(from.slice(0, 4))))
    .orderBy(asc(healthOutcomes.year), asc(healthOutcomes.childId));
  const missingRows = await tx
    .select()
    .from(missingSpells)
    .where(gte(missingSpells.startDate, from))
    .orderBy(asc(missingSpells.childId), asc(missingSpells.startDate));
  const sectorRows = await tx.select().from(postcodeSectors);
  const populationRows = await tx.select().from(population).orderBy(asc(population.year));
  // Comparators in a stable order: by area, then measure, then year.
  const comparatorRows = await tx
    .select()
    .from(comparators)
    .orderBy(asc(comparators.area), asc(comparators.measure), asc(comparators.year));
  const policyRows = await tx
    .select()
    .from(localPolicy)
    .orderBy(asc(localPolicy.key), asc(localPolicy.effective));
  return {
    children: childRows,
    episodes: episodeRows,
    allocations: allocationRows,
    staff: staffRows,
    uasc: uascRows,
    healthOutcomes: healthRows,
    missing: missingRows,
    postcodeSectors: sectorRows,
    population: populationRows,
    comparators: comparatorRows,
    localPolicy: policyRows,
  };
}
