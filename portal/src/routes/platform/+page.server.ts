import { listTenants } from '@footprint/identity';
import { requirePlatformSession } from '$lib/server/access.ts';
import { identityDb } from '$lib/server/identity.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
  requirePlatformSession(locals);
  const tenants = await listTenants(identityDb());
  return {
    councils: tenants.map((t) => ({
      slug: t.slug,
      name: t.name,
      status: t.status,
      createdOn: t.createdAt.toISOString().slice(0, 10),
    })),
  };
};
