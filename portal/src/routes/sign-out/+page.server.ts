import { signOut } from '@footprint/identity';
import { redirect } from '@sveltejs/kit';
import { identityDb } from '$lib/server/identity.ts';
import { clearSessionCookie } from '$lib/server/session-cookie.ts';
import type { Actions, PageServerLoad } from './$types';

// Signing out changes state, so it is a POST (kit checks its origin); a GET only goes home.
export const load: PageServerLoad = () => redirect(303, '/');

export const actions: Actions = {
  default: async ({ locals, cookies, url }) => {
    const session = locals.session;
    if (locals.sessionToken) await signOut(identityDb(), locals.sessionToken);
    clearSessionCookie(cookies, url);
    if (session?.tenant) redirect(303, `/c/${session.tenant.slug}/sign-in?signed-out`);
    redirect(303, session ? '/platform/sign-in?signed-out' : '/');
  },
};
