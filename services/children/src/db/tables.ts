import { auditTable, complianceSnapshotsTable, tenantPredicate } from '@footprint/db';
import {
  boolean,
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  numeric,
  pgPolicy,
  pgSchema,
  primaryKey,
  text,
  timestamp,
} from 'drizzle-orm/pg-core';

export const childrenSchema = pgSchema('children');

const tenantIsolation = pgPolicy('tenant_isolation', {
  for: 'all',
  using: tenantPredicate,
  withCheck: tenantPredicate,
});

/** A child known to the council, keyed by the council's own CHILD identifier (SSDA903 header). */
export const children = childrenSchema
  .table(
    'children',
    {
      tenantId: text('tenant_id').notNull(),
      id: text('id').notNull(),
      givenName: text('given_name'),
      familyName: text('family_name'),
      sex: text('sex').notNull(),
      dateOfBirth: date('date_of_birth').notNull(),
      ethnicity: text('ethnicity'),
      upn: text('upn'),
      /** MOTHER: whether the child is a mother; null when not recorded. */
      mother: boolean('mother'),
      motherChildDateOfBirth: date('mother_child_date_of_birth'),
      updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    },
    (t) => [primaryKey({ columns: [t.tenantId, t.id] }), tenantIsolation],
  )
  .enableRLS();

/** One SSDA903 episode: a spell with one legal status and placement. */
export const episodes = childrenSchema
  .table(
    'episodes',
    {
      tenantId: text('tenant_id').notNull(),
      childId: text('child_id').notNull(),
      startDate: date('start_date').notNull(),
      reasonNewEpisode: text('reason_new_episode').notNull(),
      legalStatus: text('legal_status').notNull(),
      categoryOfNeed: text('category_of_need'),
      placement: text('placement').notNull(),
      placementProvider: text('placement_provider'),
      endDate: date('end_date'),
      reasonEnded: text('reason_ended'),
      reasonPlaceChange: text('reason_place_change'),
      homePostcode: text('home_postcode'),
      placementPostcode: text('placement_postcode'),
      urn: text('urn'),
    },
    (t) => [primaryKey({ columns: [t.tenantId, t.childId, t.startDate] }), tenantIsolation],
  )
  .enableRLS();

/** Reviewing officers and their managers, as the council's staff records name them. */
export const staff = childrenSchema
  .table(
    'staff',
    {
      tenantId: text('tenant_id').notNull(),
      id: text('id').notNull(),
      name: text('name').notNull(),
      role: text('role').notNull(),
      fte: numeric('fte', { precision: 4, scale: 2, mode: 'number' }).notNull(),
      employment: text('employment'),
      startDate: date('start_date').notNull(),
      endDate: date('end_date'),
      ethnicity: text('ethnicity'),
      sex: text('sex'),
    },
    (t) => [primaryKey({ columns: [t.tenantId, t.id] }), tenantIsolation],
  )
  .enableRLS();

/** Which IRO holds which child, from when; one open allocation per child at a time. */
export const allocations = childrenSchema
  .table(
    'allocations',
    {
      tenantId: text('tenant_id').notNull(),
      childId: text('child_id').notNull(),
      iroId: text('iro_id').notNull(),
      startDate: date('start_date').notNull(),
      endDate: date('end_date'),
    },
    (t) => [
      primaryKey({ columns: [t.tenantId, t.childId, t.startDate] }),
      index().on(t.tenantId, t.iroId),
      tenantIsolation,
    ],
  )
  .enableRLS();

/** Unaccompanied asylum-seeking children (SSDA903 uasc): DUC is the date UASC status ceased. */
export const uasc = childrenSchema
  .table(
    'uasc',
    {
      tenantId: text('tenant_id').notNull(),
      childId: text('child_id').notNull(),
      uascCeased: date('uasc_ceased'),
    },
    (t) => [primaryKey({ columns: [t.tenantId, t.childId] }), tenantIsolation],
  )
  .enableRLS();

/** Missing or away-from-placement spells (SSDA903 missing): M missing, A away, null not recorded. */
export const missingSpells = childrenSchema
  .table(
    'missing_spells',
    {
      tenantId: text('tenant_id').notNull(),
      childId: text('child_id').notNull(),
      startDate: date('start_date').notNull(),
      endDate: date('end_date'),
      kind: text('kind'),
    },
    (t) => [primaryKey({ columns: [t.tenantId, t.childId, t.startDate] }), tenantIsolation],
  )
  .enableRLS();

/**
 * A council's import history: each import of files, what it wrote or why nothing was written.
 * Kept here because the 903 return is the children service's record; the worker writes it.
 */
export const importRuns = childrenSchema
  .table(
    'import_runs',
    {
      tenantId: text('tenant_id').notNull(),
      id: text('id').notNull(),
      requestedBy: text('requested_by').notNull(),
      requestedAt: timestamp('requested_at', { withTimezone: true }).notNull().defaultNow(),
      updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
      status: text('status').notNull(),
      attempts: integer('attempts').notNull().default(0),
      files: jsonb('files').$type<string[]>().notNull(),
      counts: jsonb('counts').$type<Record<string, number>>(),
      servicesWritten: text('services_written').array().notNull().default([]),
      problemCount: integer('problem_count').notNull().default(0),
      /** The first problems found, as `file:row: COLUMN: message` lines (the full list went to the person). */
      problems: jsonb('problems').$type<string[]>(),
      error: text('error'),
    },
    (t) => [
      primaryKey({ columns: [t.tenantId, t.id] }),
      index().on(t.tenantId, t.requestedAt),
      tenantIsolation,
    ],
  )
  .enableRLS();

/** Each night's caseload per IRO: the history behind caseload trends. */
export const caseloadSnapshots = childrenSchema
  .table(
    'caseload_snapshots',
    {
      tenantId: text('tenant_id').notNull(),
      snapshotDate: date('snapshot_date').notNull(),
      iroId: text('iro_id').notNull(),
      children: integer('children').notNull(),
      fte: numeric('fte', { precision: 4, scale: 2, mode: 'number' }).notNull(),
      perFte: numeric('per_fte', { precision: 6, scale: 1, mode: 'number' }).notNull(),
      overCapacity: boolean('over_capacity').notNull(),
      computedAt: timestamp('computed_at', { withTimezone: true }).notNull().defaultNow(),
    },
    (t) => [primaryKey({ columns: [t.tenantId, t.snapshotDate, t.iroId] }), tenantIsolation],
  )
  .enableRLS();

/**
 * The managers' own text for a council's annual report, one row per section of a reporting year
 * (annual-report.md: good practice, priorities, examples). An empty text deletes the row.
 */
export const reportNarratives = childrenSchema
  .table(
    'report_narratives',
    {
      tenantId: text('tenant_id').notNull(),
      year: integer('year').notNull(),
      section: text('section').notNull(),
      text: text('text').notNull(),
      updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
      /** The staff reference of the person who saved it, or their subject when they have none. */
      updatedBy: text('updated_by'),
    },
    (t) => [primaryKey({ columns: [t.tenantId, t.year, t.section] }), tenantIsolation],
  )
  .enableRLS();

/**
 * The SSDA903 OC2 return (outcomes of children looked after for 12 months): one row per child per
 * reporting year (further-tables.md §1); importing a year again replaces that child's row for the year.
 */
export const healthOutcomes = childrenSchema
  .table(
    'health_outcomes',
    {
      tenantId: text('tenant_id').notNull(),
      /** The reporting year the return is for (2020 for 2020-21). */
      year: integer('year').notNull(),
      childId: text('child_id').notNull(),
      dateOfBirth: date('date_of_birth').notNull(),
      sdqScore: integer('sdq_score'),
      sdqReason: text('sdq_reason'),
      convicted: boolean('convicted'),
      healthCheck: boolean('health_check'),
      immunisations: boolean('immunisations'),
      teethCheck: boolean('teeth_check'),
      healthAssessment: boolean('health_assessment'),
      substanceMisuse: boolean('substance_misuse'),
      interventionReceived: boolean('intervention_received'),
      interventionOffered: boolean('intervention_offered'),
    },
    (t) => [primaryKey({ columns: [t.tenantId, t.year, t.childId] }), tenantIsolation],
  )
  .enableRLS();

/** The centroid of each postcode sector, keyed by its upper-case form without spaces (`BR13`). */
export const postcodeSectors = childrenSchema
  .table(
    'postcode_sectors',
    {
      tenantId: text('tenant_id').notNull(),
      /** Upper case without spaces: HOME_POST and PL_POST match on this form. */
      sector: text('sector').notNull(),
      /** As the file wrote it, upper case with single spaces (`BR1 3`). */
      label: text('label').notNull(),
      latitude: doublePrecision('latitude').notNull(),
      longitude: doublePrecision('longitude').notNull(),
    },
    (t) => [primaryKey({ columns: [t.tenantId, t.sector] }), tenantIsolation],
  )
  .enableRLS();

/** The council's population aged 0–17 used for the rates of reporting year YEAR. */
export const population = childrenSchema
  .table(
    'population',
    {
      tenantId: text('tenant_id').notNull(),
      year: integer('year').notNull(),
      population: integer('population').notNull(),
    },
    (t) => [primaryKey({ columns: [t.tenantId, t.year] }), tenantIsolation],
  )
  .enableRLS();

/**
 * Published figures of other areas, shown beside the council's own: a number in `value`, or one of
 * the DfE's symbols for a figure not shown (`c`, `k`, `u`, `x`, `z`) in `symbol`.
 */
export const comparators = childrenSchema
  .table(
    'comparators',
    {
      tenantId: text('tenant_id').notNull(),
      year: integer('year').notNull(),
      area: text('area').notNull(),
      measure: text('measure').notNull(),
      value: doublePrecision('value'),
      symbol: text('symbol'),
    },
    (t) => [primaryKey({ columns: [t.tenantId, t.year, t.area, t.measure] }), tenantIsolation],
  )
  .enableRLS();

/** The council's local policy as imported: each KEY's VALUE in force from EFFECTIVE (key lower case). */
export const localPolicy = childrenSchema
  .table(
    'local_policy',
    {
      tenantId: text('tenant_id').notNull(),
      key: text('key').notNull(),
      effective: date('effective').notNull(),
      value: text('value').notNull(),
    },
    (t) => [primaryKey({ columns: [t.tenantId, t.key, t.effective] }), tenantIsolation],
  )
  .enableRLS();

/**
 * Sibling groups as the council's managers and IROs record them (statutory-rules §8: one IRO for a
 * group unless there is a conflict). A child is in at most one group, hence the key.
 */
export const siblingGroups = childrenSchema
  .table(
    'sibling_groups',
    {
      tenantId: text('tenant_id').notNull(),
      groupId: text('group_id').notNull(),
      childId: text('child_id').notNull(),
    },
    (t) => [
      primaryKey({ columns: [t.tenantId, t.childId] }),
      index().on(t.tenantId, t.groupId),
      tenantIsolation,
    ],
  )
  .enableRLS();

/** Each night's children compliance checks (issue #6): caseloads over capacity, late IROs, split siblings. */
export const complianceSnapshots = complianceSnapshotsTable(childrenSchema);

export const audit = auditTable(childrenSchema);
