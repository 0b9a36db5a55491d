import { fail, redirect } from '@sveltejs/kit';
import { requireCouncilManager } from '$lib/server/access.ts';
import { checkUpload, importRuns, startImport, sweepStaged } from '$lib/server/imports.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, locals }) => {
  const session = requireCouncilManager(locals, params.council);
  await sweepStaged(params.council, locals.requestId);
  return { runs: await importRuns(session, locals.requestId) };
};

export const actions: Actions = {
  default: async ({ params, locals, request }) => {
    const session = requireCouncilManager(locals, params.council);
    let form: FormData;
    try {
      form = await request.formData();
    } catch {
      return fail(400, { errors: { files: 'The files could not be uploaded: try again' } });
    }
    const checked = checkUpload(form.getAll('files'));
    if ('error' in checked) return fail(400, { errors: { files: checked.error } });
    const importId = await startImport(session, params.council, checked.files, locals.requestId);
    redirect(303, `/c/${params.council}/imports/${importId}`);
  },
};
