import { randomUUID } from 'node:crypto';
import { ApolloGateway } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import { startStandaloneServer } from '@apollo/server/standalone';
import { bearerToken, TokenError, type VerifyingKey, verifyAccessToken } from '@footprint/auth';
import { errorLogPlugin, isClientError } from '@footprint/graphql';
import { GraphQLError } from 'graphql';
import type { GatewayContext } from './context.ts';
import { createSubgraphAgent, SubgraphSource } from './subgraph-source.ts';

export type GatewayOptions = {
  supergraphSdl: string;
  /** Where each subgraph runs here, by name: overrides the URLs composed into the supergraph. */
  subgraphUrls: Record<string, string>;
  verifyingKey: VerifyingKey;
  port: number;
  host?: string;
};

const unauthenticated = (message: string) =>
  new GraphQLError(message, { extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } } });

export async function startGateway(options: GatewayOptions) {
  const agent = createSubgraphAgent();
  // A static supergraph: the gateway starts even while a subgraph is down.
  const gateway = new ApolloGateway({
    supergraphSdl: options.supergraphSdl,
    buildService: ({ name, url }) => {
      const target = options.subgraphUrls[name] ?? url;
      if (!target) throw new Error(`No URL for subgraph ${name}`);
      return new SubgraphSource(target, agent);
    },
  });
  const server = new ApolloServer<GatewayContext>({
    gateway,
    plugins: [ApolloServerPluginCacheControlDisabled(), errorLogPlugin('gateway')],
    includeStacktraceInErrorResponses: false,
    formatError: (formatted) =>
      isClientError(formatted.extensions?.code)
        ? formatted
        : { message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } },
  });
  const { url } = await startStandaloneServer(server, {
    listen: { port: options.port, host: options.host ?? '127.0.0.1' },
    context: async ({ req }) => {
      const token = bearerToken(req.headers.authorization);
      if (!token) throw unauthenticated('A signed access token is required');
      try {
        const auth = await verifyAccessToken(options.verifyingKey, token);
        const header = req.headers['x-request-id'];
        return { token, auth, requestId: (Array.isArray(header) ? header[0] : header) ?? randomUUID() };
      } catch (error) {
        throw unauthenticated(
          error instanceof TokenError ? `Access token refused: ${error.message}` : 'Bad token',
        );
      }
    },
  });
  return {
    url,
    stop: async () => {
      await server.stop();
      await agent.close();
    },
  };
}
