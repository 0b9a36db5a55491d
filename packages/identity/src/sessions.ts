import { createHash, randomBytes } from 'node:crypto';
import { type AccessClaims, type Role, verifyPassword } from '@footprint/auth';
import type { Database } from '@footprint/db';
import { and, eq, gt, isNull, lte } from 'drizzle-orm';
import { memberships, sessions, tenants, users } from './tables.ts';

/** A working day's sign-in; the cookie carries only a random token. */
export const sessionLifetimeMs = 8 * 60 * 60 * 1000;

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

export type SignedIn = {
  userId: string;
  name: string;
  email: string;
  tenant: { slug: string; name: string } | null;
  roles: Role[];
  staffRef: string | null;
  providerId: string | null;
  expiresAt: Date;
};

/**
 * Signs a person in to one council (or, for a platform operator, to the platform). Returns null
 * for a wrong password, an unknown person, a disabled account, a suspended council or no membership,
 * without saying which, so the form cannot be used to discover accounts.
 */
export async function signIn(
  db: Database,
  input: { email: string; password: string; tenantSlug: string | null },
): Promise<{ token: string; session: SignedIn } | null> {
  const [user] = await db
    .select()
    .from(users)
    .where(and(eq(users.email, input.email.trim().toLowerCase()), isNull(users.disabledAt)));
  const passwordOk = user ? await verifyPassword(user.passwordHash, input.password) : false;
  if (!user || !passwordOk) return null;
  if (input.tenantSlug === null && !user.platformOperator) return null;
  if (input.tenantSlug !== null) {
    const [membership] = await db
      .select()
      .from(memberships)
      .innerJoin(tenants, eq(tenants.slug, memberships.tenantSlug))
      .where(
        and(
          eq(memberships.userId, user.id),
          eq(memberships.tenantSlug, input.tenantSlug),
          eq(tenants.status, 'active'),
        ),
      );
    if (!membership) return null;
  }
  const token = randomBytes(32).toString('base64url');
  await db.insert(sessions).values({
    tokenHash: hashToken(token),
    userId: user.id,
    tenantSlug: input.tenantSlug,
    expiresAt: new Date(Date.now() + sessionLifetimeMs),
  });
  const session = await resolveSession(db, token);
  return session ? { token, session } : null;
}

export async function resolveSession(db: Database, token: string): Promise<SignedIn | null> {
  const [row] = await db
    .select({ session: sessions, user: users })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(
      and(
        eq(sessions.tokenHash, hashToken(token)),
        gt(sessions.expiresAt, new Date()),
        isNull(users.disabledAt),
      ),
    );
  if (!row) return null;
  const base = {
    userId: row.user.id,
    name: row.user.name,
    email: row.user.email,
    expiresAt: row.session.expiresAt,
  };
  if (row.session.tenantSlug === null) {
    return { ...base, tenant: null, roles: ['platform_operator'], staffRef: null, providerId: null };
  }
  const [membership] = await db
    .select({ membership: memberships, tenant: tenants })
    .from(memberships)
    .innerJoin(tenants, eq(tenants.slug, memberships.tenantSlug))
    .where(
      and(
        eq(memberships.userId, row.user.id),
        eq(memberships.tenantSlug, row.session.tenantSlug),
        eq(tenants.status, 'active'),
      ),
    );
  if (!membership) return null;
  return {
    ...base,
    tenant: { slug: membership.tenant.slug, name: membership.tenant.name },
    roles: membership.membership.roles as Role[],
    staffRef: membership.membership.staffRef,
    providerId: membership.membership.providerId,
  };
}

export async function signOut(db: Database, token: string) {
  await db.delete(sessions).where(eq(sessions.tokenHash, hashToken(token)));
}

export async function deleteExpiredSessions(db: Database) {
  await db.delete(sessions).where(lte(sessions.expiresAt, new Date()));
}

export function accessClaimsFor(session: SignedIn): AccessClaims {
  return {
    sub: session.userId,
    name: session.name,
    tenant: session.tenant?.slug ?? null,
    roles: session.roles,
    provider: session.providerId,
    staffRef: session.staffRef,
  };
}
