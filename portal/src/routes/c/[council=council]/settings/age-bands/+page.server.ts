import { isIsoDate } from '@footprint/domain';
import { fail, redirect } from '@sveltejs/kit';
import {
  type AgeBandsForm,
  checkAgeBandsForm,
  loadAgeBands,
  requirePolicyKeeper,
  saveAgeBands,
} from '$lib/server/local-policy.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, locals, url }) => {
  const session = requirePolicyKeeper(locals, params.council);
  const saved = url.searchParams.get('saved');
  return {
    ...(await loadAgeBands(session, locals.requestId)),
    saved: saved && isIsoDate(saved) ? saved : null,
  };
};

export const actions: Actions = {
  default: async ({ params, locals, request }) => {
    const session = requirePolicyKeeper(locals, params.council);
    const data = await request.formData();
    const field = (name: string) => String(data.get(name) ?? '');
    const form: AgeBandsForm = {
      bands: field('bands'),
      day: field('effective-day'),
      month: field('effective-month'),
      year: field('effective-year'),
    };
    const checked = checkAgeBandsForm(form);
    if ('errors' in checked) return fail(400, { values: form, errors: checked.errors });
    await saveAgeBands(session, checked.value, checked.effective, locals.requestId);
    redirect(303, `/c/${params.council}/settings/age-bands?saved=${checked.effective}`);
  },
};
