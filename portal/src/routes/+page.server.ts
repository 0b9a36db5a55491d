import { listTenants } from '@footprint/identity';
import { identityDb } from '$lib/server/identity.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async () => {
  const tenants = await listTenants(identityDb());
  return {
    councils: tenants.filter((t) => t.status === 'active').map((t) => ({ slug: t.slug, name: t.name })),
    person: null,
  };
};
