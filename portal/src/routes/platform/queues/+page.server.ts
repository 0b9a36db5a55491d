import { requirePlatformSession } from '$lib/server/access.ts';
import { queueOverviews } from '$lib/server/queues.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
  requirePlatformSession(locals);
  return { queues: await queueOverviews(locals.requestId) };
};
