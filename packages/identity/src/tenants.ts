import type { Database } from '@footprint/db';
import { asc, eq } from 'drizzle-orm';
import { z } from 'zod';
import { tenants } from './tables.ts';

export const tenantSlug = z
  .string()
  .regex(
    /^[a-z0-9]+(-[a-z0-9]+)*$/,
    'a slug is lower-case letters, digits and single hyphens, e.g. "north-shire"',
  );

export type Tenant = typeof tenants.$inferSelect;

/** A council that cannot be created as asked: a bad slug or name, or a slug taken under another name. */
export class TenantError extends Error {}

const tenantInput = z.object({ slug: tenantSlug, name: z.string().trim().min(1, 'a council needs a name') });

/** Creates a council; creating it again with the same name is a no-op, with another name an error. */
export async function createTenant(db: Database, input: { slug: string; name: string }) {
  const parsed = tenantInput.safeParse(input);
  if (!parsed.success) throw new TenantError(parsed.error.issues.map((issue) => issue.message).join('; '));
  const { slug, name } = parsed.data;
  const [created] = await db.insert(tenants).values({ slug, name }).onConflictDoNothing().returning();
  if (created) return { tenant: created, created: true };
  const [existing] = await db.select().from(tenants).where(eq(tenants.slug, slug));
  if (existing?.name !== name) {
    throw new TenantError(`Council "${slug}" already exists with the name "${existing?.name}"`);
  }
  return { tenant: existing, created: false };
}

export async function findTenant(db: Database, slug: string) {
  const [tenant] = await db.select().from(tenants).where(eq(tenants.slug, slug));
  return tenant ?? null;
}

export const listTenants = (db: Database) => db.select().from(tenants).orderBy(asc(tenants.name));
