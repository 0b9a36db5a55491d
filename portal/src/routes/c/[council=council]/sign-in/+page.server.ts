import { redirect } from '@sveltejs/kit';
import { councilSession } from '$lib/server/access.ts';
import { signInFromForm } from '$lib/server/sign-in.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ params, locals, url }) => {
  if (councilSession(locals, params.council)) redirect(303, `/c/${params.council}`);
  return { signedOut: url.searchParams.has('signed-out') };
};

export const actions: Actions = {
  default: async (event) => {
    const result = await signInFromForm(event, event.params.council);
    if (!('session' in result)) return result;
    redirect(303, `/c/${event.params.council}`);
  },
};
