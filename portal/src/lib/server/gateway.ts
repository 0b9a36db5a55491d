import { importSigningKey, type SigningKey, signAccessToken } from '@footprint/auth';
import { accessClaimsFor, type SignedIn } from '@footprint/identity';
import { error } from '@sveltejs/kit';
import { getSettings } from './env.ts';
import { log } from './log.ts';

/** Each call to the gateway carries its own token, alive for one minute. */
const tokenLifetimeSeconds = 60;
const timeoutMs = 15_000;

let signingKey: Promise<SigningKey> | undefined;
const key = () => {
  signingKey ??= importSigningKey(getSettings().AUTH_PRIVATE_KEY);
  return signingKey;
};

type GraphQLBody<T> = { data?: T | null; errors?: { message: string; extensions?: { code?: string } }[] };

function unavailable(requestId: string): never {
  error(503, { message: 'Sorry, there is a problem with the service. Try again later.', requestId });
}

/**
 * Asks the gateway on behalf of the signed-in person. The token names their council, roles and
 * staff reference; the gateway and every subgraph verify it, so nothing here widens what they see.
 * Any GraphQL error becomes a page error with the request id: never partial data, never a stack.
 */
export async function queryGateway<T>(
  session: SignedIn,
  query: string,
  variables: Record<string, unknown> = {},
  requestId: string = crypto.randomUUID(),
): Promise<T> {
  const token = await signAccessToken(await key(), accessClaimsFor(session), tokenLifetimeSeconds);
  let response: Response;
  try {
    response = await fetch(getSettings().GATEWAY_URL, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: 'application/json',
        authorization: `Bearer ${token}`,
        'x-request-id': requestId,
      },
      body: JSON.stringify({ query, variables }),
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch (cause) {
    log('error', 'gateway unreachable', { requestId, error: String(cause) });
    unavailable(requestId);
  }
  let body: GraphQLBody<T>;
  try {
    body = (await response.json()) as GraphQLBody<T>;
  } catch (cause) {
    log('error', 'gateway answered without JSON', {
      requestId,
      status: response.status,
      error: String(cause),
    });
    unavailable(requestId);
  }
  if (body.errors?.length || !response.ok || !body.data) {
    log('error', 'gateway query failed', {
      requestId,
      status: response.status,
      errors: body.errors?.map((e) => ({ message: e.message, code: e.extensions?.code })),
    });
    unavailable(requestId);
  }
  return body.data;
}
