import { roleLabels } from '@footprint/auth';
import type { SignedIn } from '@footprint/identity';

/** What the header shows of the signed-in person: nothing more reaches the browser. */
export const personOf = (session: SignedIn | null) =>
  session ? { name: session.name, roles: session.roles.map((role) => roleLabels[role]).join(', ') } : null;
