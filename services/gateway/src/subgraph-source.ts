import { type GraphQLDataSourceProcessOptions, RemoteGraphQLDataSource } from '@apollo/gateway';
import type { Fetcher } from '@apollo/utils.fetcher';
import { Agent, fetch as undiciFetch } from 'undici';
import type { GatewayContext } from './context.ts';

/**
 * Calls one subgraph over HTTP, forwarding the caller's own token (the subgraph verifies it again)
 * and the request id, over a bounded pool of keep-alive sockets.
 */
export class SubgraphSource extends RemoteGraphQLDataSource<GatewayContext> {
  constructor(url: string, agent: Agent) {
    super({
      url,
      // undici's fetch is shaped like the Fetch API the gateway expects; the cast bridges the two type packages.
      fetcher: ((input: string, init?: object) =>
        undiciFetch(input, { ...init, dispatcher: agent })) as Fetcher,
    });
  }

  override willSendRequest({ request, context }: GraphQLDataSourceProcessOptions<GatewayContext>) {
    if (!('token' in context) || !context.token) return;
    request.http?.headers.set('authorization', `Bearer ${context.token}`);
    request.http?.headers.set('x-request-id', context.requestId);
  }
}

export const createSubgraphAgent = (connections = 32) =>
  new Agent({ connections, keepAliveTimeout: 30_000, keepAliveMaxTimeout: 120_000, pipelining: 1 });
