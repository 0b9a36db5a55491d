import type { SignedIn } from '@footprint/identity';

declare global {
  namespace App {
    interface Error {
      message: string;
      /** Quoted to support staff so they can find the request in the logs. */
      requestId?: string;
    }
    interface PageData {
      /** The council whose URL this is (/c/<slug>/…); absent on the platform's own pages. */
      council?: { slug: string; name: string };
      /** Who is signed in for this URL's council (or the platform), for the header. */
      person?: { name: string; roles: string } | null;
    }
    interface Locals {
      requestId: string;
      /** Whoever the session cookie names, whichever council that is: check it against the URL. */
      session: SignedIn | null;
      sessionToken: string | null;
    }
  }
}
