import { findTenant } from '@footprint/identity';
import { error } from '@sveltejs/kit';
import { councilSession } from '$lib/server/access.ts';
import { identityDb } from '$lib/server/identity.ts';
import { personOf } from '$lib/server/person.ts';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = async ({ params, locals }) => {
  const tenant = await findTenant(identityDb(), params.council);
  // A suspended council is as unknown to visitors as one that never existed.
  if (tenant?.status !== 'active') error(404, { message: 'Page not found' });
  return {
    council: { slug: tenant.slug, name: tenant.name },
    person: personOf(councilSession(locals, tenant.slug)),
  };
};
