import {
  boolean,
  index,
  pgSchema,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

/**
 * Who may sign in, to which council, as what. Holds no child data; the portal and the
 * `footprint` command are its only users.
 */
export const identitySchema = pgSchema('identity');

export const tenants = identitySchema.table('tenants', {
  slug: text('slug').primaryKey(),
  name: text('name').notNull(),
  status: text('status').notNull().default('active'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

export const users = identitySchema.table(
  'users',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    email: text('email').notNull(),
    name: text('name').notNull(),
    passwordHash: text('password_hash').notNull(),
    /** Platform operators belong to no council. */
    platformOperator: boolean('platform_operator').notNull().default(false),
    disabledAt: timestamp('disabled_at', { withTimezone: true }),
  },
  (t) => [uniqueIndex().on(t.email)],
);

/** A person's roles in one council; an advocate has one membership per commissioning council. */
export const memberships = identitySchema.table(
  'memberships',
  {
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    tenantSlug: text('tenant_slug')
      .notNull()
      .references(() => tenants.slug),
    roles: text('roles').array().notNull(),
    staffRef: text('staff_ref'),
    providerId: text('provider_id'),
  },
  (t) => [primaryKey({ columns: [t.userId, t.tenantSlug] })],
);

export const sessions = identitySchema.table(
  'sessions',
  {
    /** SHA-256 of the cookie's random token: a stolen table cannot be replayed as cookies. */
    tokenHash: text('token_hash').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    tenantSlug: text('tenant_slug'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  },
  (t) => [index().on(t.userId)],
);
