import { resolveSession, signOut } from '@footprint/identity';
import type { Handle, HandleServerError, ServerInit } from '@sveltejs/kit';
import { getSettings } from '$lib/server/env.ts';
import { closeIdentityDb, identityDb } from '$lib/server/identity.ts';
import { closeImportsQueue } from '$lib/server/imports.ts';
import { log } from '$lib/server/log.ts';
import { closeQueues } from '$lib/server/queues.ts';
import { clearSessionCookie, sessionCookie } from '$lib/server/session-cookie.ts';

/** Refuse to start with bad settings, rather than fail on the first person to sign in. */
export const init: ServerInit = () => {
  getSettings();
  process.once(
    'sveltekit:shutdown',
    () => void Promise.all([closeIdentityDb(), closeImportsQueue(), closeQueues()]),
  );
};

const requestIdPattern = /^[A-Za-z0-9._-]{1,100}$/;

export const handle: Handle = async ({ event, resolve }) => {
  const incoming = event.request.headers.get('x-request-id');
  event.locals.requestId = incoming && requestIdPattern.test(incoming) ? incoming : crypto.randomUUID();
  event.locals.session = null;
  event.locals.sessionToken = null;

  const token = event.cookies.get(sessionCookie);
  if (token) {
    const session = await resolveSession(identityDb(), token);
    if (session) {
      event.locals.session = session;
      event.locals.sessionToken = token;
    } else {
      // Expired, signed out elsewhere, or the council suspended: end it here too.
      await signOut(identityDb(), token);
      clearSessionCookie(event.cookies, event.url);
    }
  }

  const response = await resolve(event);
  response.headers.set('x-content-type-options', 'nosniff');
  // Not no-referrer: Chrome then sends `Origin: null` with form posts, which kit's CSRF check refuses.
  response.headers.set('referrer-policy', 'same-origin');
  response.headers.set('x-frame-options', 'DENY');
  response.headers.set('permissions-policy', 'camera=(), microphone=(), geolocation=(), interest-cohort=()');
  // Pages about children must not outlive the session in a cache or the back/forward history.
  response.headers.set('cache-control', 'no-store');
  response.headers.set('x-request-id', event.locals.requestId);
  return response;
};

export const handleError: HandleServerError = ({ error, event, status, message }) => {
  const requestId = event.locals.requestId ?? crypto.randomUUID();
  if (status !== 404) {
    log('error', 'unhandled error', {
      requestId,
      status,
      path: event.url.pathname,
      error: error instanceof Error ? `${error.name}: ${error.message}` : String(error),
    });
  }
  return { message: status === 404 ? message : 'Sorry, there is a problem with the service', requestId };
};
