import { redirect } from '@sveltejs/kit';
import { platformSession } from '$lib/server/access.ts';
import { signInFromForm } from '$lib/server/sign-in.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, url }) => {
  if (platformSession(locals)) redirect(303, '/platform');
  return { signedOut: url.searchParams.has('signed-out') };
};

export const actions: Actions = {
  default: async (event) => {
    const result = await signInFromForm(event, null);
    if (!('session' in result)) return result;
    redirect(303, '/platform');
  },
};
