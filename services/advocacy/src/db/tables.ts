import { auditTable, complianceSnapshotsTable, providerPredicate, tenantPredicate } from '@footprint/db';
import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
  foreignKey,
  index,
  pgPolicy,
  pgSchema,
  primaryKey,
  text,
  timestamp,
} from 'drizzle-orm/pg-core';

export const advocacySchema = pgSchema('advocacy');

const tenantIsolation = pgPolicy('tenant_isolation', {
  for: 'all',
  using: tenantPredicate,
  withCheck: tenantPredicate,
});

// An advocate's transaction carries their provider organisation (app.provider_id): rows that
// name a provider are confined to it even if a query forgot to filter; council staff see the council's.
const tenantAndProviderIsolation = pgPolicy('tenant_and_provider_isolation', {
  for: 'all',
  using: sql`${tenantPredicate} and ${providerPredicate}`,
  withCheck: sql`${tenantPredicate} and ${providerPredicate}`,
});

/**
 * An advocacy provider: an organisation outside the councils, commissioned by one or more of them.
 * Platform-level (no council), keyed by its slug, the PROVIDER column of advocacy.csv. It holds no
 * child data, so every council may read it; the service may add a provider (commissioning one that
 * is new) but has no policy to change or remove one: suspension is the platform operator's.
 */
export const providers = advocacySchema
  .table(
    'providers',
    {
      id: text('id').primaryKey(),
      name: text('name').notNull(),
      suspended: boolean('suspended').notNull().default(false),
      createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    },
    () => [
      pgPolicy('providers_readable', { for: 'select', using: sql`true` }),
      pgPolicy('providers_creatable', { for: 'insert', withCheck: sql`true` }),
    ],
  )
  .enableRLS();

/** A council's commission of a provider, from a date: what lets the provider's advocates act for it. */
export const commissions = advocacySchema
  .table(
    'commissions',
    {
      tenantId: text('tenant_id').notNull(),
      providerId: text('provider_id')
        .notNull()
        .references(() => providers.id),
      fromDate: date('from_date').notNull(),
    },
    (t) => [primaryKey({ columns: [t.tenantId, t.providerId] }), tenantAndProviderIsolation],
  )
  .enableRLS();

/**
 * One advocacy involvement (statutory-rules §10), keyed by the council's INVOLVEMENT reference.
 * The provider must be commissioned by the council: the foreign key to commissions says so in the database.
 */
export const involvements = advocacySchema
  .table(
    'involvements',
    {
      tenantId: text('tenant_id').notNull(),
      id: text('id').notNull(),
      childId: text('child_id').notNull(),
      providerId: text('provider_id').notNull(),
      referralDate: date('referral_date').notNull(),
      // Empty source or reasons: not recorded in the council's imported files (data-exchange.md §3).
      // A referral made in Footprint always names them (the mutation checks).
      source: text('source'),
      reasons: text('reasons').array().notNull(),
      startDate: date('start_date'),
      endDate: date('end_date'),
      outcome: text('outcome'),
      updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    },
    (t) => [
      primaryKey({ columns: [t.tenantId, t.id] }),
      foreignKey({
        columns: [t.tenantId, t.providerId],
        foreignColumns: [commissions.tenantId, commissions.providerId],
      }),
      index().on(t.tenantId, t.childId),
      index().on(t.tenantId, t.providerId, t.referralDate),
      index().on(t.tenantId, t.referralDate),
      check('involvements_end_not_before_start', sql`${t.endDate} is null or ${t.startDate} <= ${t.endDate}`),
      tenantAndProviderIsolation,
    ],
  )
  .enableRLS();

/** An Independent Visitor allocation of a child (statutory-rules §10); END empty while current. */
export const independentVisitors = advocacySchema
  .table(
    'independent_visitors',
    {
      tenantId: text('tenant_id').notNull(),
      childId: text('child_id').notNull(),
      startDate: date('start_date').notNull(),
      endDate: date('end_date'),
    },
    (t) => [
      primaryKey({ columns: [t.tenantId, t.childId, t.startDate] }),
      check(
        'independent_visitors_end_not_before_start',
        sql`${t.endDate} is null or ${t.startDate} <= ${t.endDate}`,
      ),
      tenantIsolation,
    ],
  )
  .enableRLS();

export const audit = auditTable(advocacySchema);

/** The nightly compliance snapshots of this service's checks (issue #6): one row per council, night and check. */
export const complianceSnapshots = complianceSnapshotsTable(advocacySchema);
