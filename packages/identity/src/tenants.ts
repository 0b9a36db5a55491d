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

export class TenantConflict extends Error {}

/** Creates a council; creating it again with the same name is a no-op, with another name an error. */
export async function createTenant(db: Database, input: { slug: string; name: string }) {
  const slug = tenantSlug.parse(input.slug);
  const name = z.string().trim().min(1, 'a council needs a name').parse(input.name);
  const [created] = await db.insert(tenants).values({ slug, name }).onConflictDoNothing().returning();
  if (created) return { tenant: created, created: true };
  const [existing] = await db.select().from(tenants).where(eq(tenants.slug, slug));
  if (existing?.name !== name) {
    throw new TenantConflict(`Council "${slug}" already exists with the name "${existing?.name}"`);
  }
  return { tenant: existing, created: false };
}

export async function findTenant(db: Database, slug: string) {
  const [tenant] = await db.select().from(tenants).where(eq(tenants.slug, slug));
  return tenant ?? null;
}

export const listTenants = (db: Database) => db.select().from(tenants).orderBy(asc(tenants.name));
