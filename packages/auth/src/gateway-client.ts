import type { AccessClaims, SigningKey } from './token.ts';
import { signAccessToken } from './token.ts';

/** Runs one query against the gateway; the answer's `data`, or a GatewayError. */
export type AskGateway = <T>(query: string, variables: Record<string, unknown>) => Promise<T>;

export class GatewayError extends Error {}

/**
 * Asks the gateway as `claims` (a command or the nightly run acting for a council), each query
 * with a fresh short-lived token signed by the deployment's key: the figures come from the same
 * services by the same route as for a signed-in person, and the audit trail names `claims.sub`.
 */
export function gatewayAs(gatewayUrl: string, key: SigningKey, claims: AccessClaims): AskGateway {
  return async <T>(query: string, variables: Record<string, unknown>) => {
    const token = await signAccessToken(key, claims, 120);
    let response: Response;
    try {
      response = await fetch(gatewayUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ query, variables }),
      });
    } catch (cause) {
      throw new GatewayError(
        `the gateway at ${gatewayUrl} is not answering (${String(cause)}); is the system started?`,
      );
    }
    const body = (await response.json()) as { data?: T; errors?: { message: string }[] };
    if (body.errors?.length || !body.data)
      throw new GatewayError(
        body.errors?.map((e) => e.message).join('; ') ?? `gateway answered ${response.status}`,
      );
    return body.data;
  };
}
