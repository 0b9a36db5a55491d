import { error } from '@sveltejs/kit';
import { requireCouncilManager } from '$lib/server/access.ts';
import { importState, pastImport } from '$lib/server/imports.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, locals }) => {
  const session = requireCouncilManager(locals, params.council);
  const found =
    (await importState(params.council, params.importId, locals.requestId)) ??
    (await pastImport(session, params.importId, locals.requestId));
  // Another council's import is as unknown here as one that never was.
  if (!found) error(404, { message: 'Page not found' });
  return { importId: params.importId, ...found };
};
