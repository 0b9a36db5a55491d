import { type SignedIn, signIn, signOut } from '@footprint/identity';
import { type ActionFailure, type Cookies, fail } from '@sveltejs/kit';
import { z } from 'zod';
import { identityDb } from './identity.ts';
import { setSessionCookie } from './session-cookie.ts';

export type SignInErrors = { email?: string; password?: string; form?: string };
export type SignInFailure = { email: string; errors: SignInErrors };

const emailFormat = z.email();

/** Reads and checks the form; a wrong email or password gets one message that names neither. */
export async function signInFromForm(
  event: { request: Request; cookies: Cookies; url: URL; locals: App.Locals },
  tenantSlug: string | null,
): Promise<{ session: SignedIn } | ActionFailure<SignInFailure>> {
  const form = await event.request.formData();
  const email = String(form.get('email') ?? '').trim();
  const password = String(form.get('password') ?? '');
  const errors: SignInErrors = {};
  if (!email) errors.email = 'Enter your email address';
  else if (!emailFormat.safeParse(email).success) {
    errors.email = 'Enter an email address in the correct format, like name@example.com';
  }
  if (!password) errors.password = 'Enter your password';
  if (errors.email || errors.password) return fail(400, { email, errors });

  const signedIn = await signIn(identityDb(), { email, password, tenantSlug });
  if (!signedIn) return fail(400, { email, errors: { form: 'Enter a correct email address and password' } });

  // One session per browser: signing in here ends whatever session the cookie held before.
  if (event.locals.sessionToken) await signOut(identityDb(), event.locals.sessionToken);
  setSessionCookie(event.cookies, event.url, signedIn.token, signedIn.session.expiresAt);
  return { session: signedIn.session };
}
