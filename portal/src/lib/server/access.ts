import type { SignedIn } from '@footprint/identity';
import { error, redirect } from '@sveltejs/kit';

/**
 * The session, only when it belongs to this council. A session of another council is treated as
 * signed out here: its person goes to this council's sign-in, never sees that council's data here.
 */
export function councilSession(locals: App.Locals, council: string): SignedIn | null {
  const session = locals.session;
  return session?.tenant?.slug === council ? session : null;
}

export function requireCouncilSession(locals: App.Locals, council: string): SignedIn {
  const session = councilSession(locals, council);
  if (!session) redirect(303, `/c/${council}/sign-in`);
  return session;
}

/** A platform operator's session: signed in to the platform, to no council. */
export function platformSession(locals: App.Locals): SignedIn | null {
  const session = locals.session;
  return session && session.tenant === null && session.roles.includes('platform_operator') ? session : null;
}

export function requirePlatformSession(locals: App.Locals): SignedIn {
  const session = platformSession(locals);
  if (!session) redirect(303, '/platform/sign-in');
  return session;
}

/** A council manager's session; anyone else signed in to the council gets a 403 page. */
export function requireCouncilManager(
  locals: App.Locals,
  council: string,
  refusal = 'Only the council’s managers can import its files.',
): SignedIn {
  const session = requireCouncilSession(locals, council);
  if (!session.roles.includes('manager')) error(403, { message: refusal });
  return session;
}
