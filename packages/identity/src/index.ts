import { fileURLToPath } from 'node:url';

export {
  accessClaimsFor,
  deleteExpiredSessions,
  resolveSession,
  type SignedIn,
  sessionLifetimeMs,
  signIn,
  signOut,
} from './sessions.ts';
export { createTenant, findTenant, listTenants, type Tenant, TenantError, tenantSlug } from './tenants.ts';
export { type Membership, type UserInput, upsertUser } from './users.ts';

export const identityMigrations = {
  schema: 'identity',
  folder: fileURLToPath(new URL('../drizzle', import.meta.url)),
};
