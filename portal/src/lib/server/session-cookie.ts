import type { Cookies } from '@sveltejs/kit';
import { getSettings } from './env.ts';

export const sessionCookie = 'footprint_session';

/** Secure whenever the portal is served over https; the cookie holds only a random token. */
const secure = (url: URL) => (getSettings().ORIGIN ?? url.origin).startsWith('https:');

export function setSessionCookie(cookies: Cookies, url: URL, token: string, expires: Date) {
  cookies.set(sessionCookie, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: secure(url),
    expires,
  });
}

export function clearSessionCookie(cookies: Cookies, url: URL) {
  cookies.delete(sessionCookie, { path: '/', httpOnly: true, sameSite: 'lax', secure: secure(url) });
}
