import { randomUUID } from 'node:crypto';
import { ApolloServer } from '@apollo/server';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginInlineTraceDisabled,
} from '@apollo/server/plugin/disabled';
import { startStandaloneServer } from '@apollo/server/standalone';
import { bearerToken, TokenError, type VerifyingKey, verifyAccessToken } from '@footprint/auth';
import { type AuditTable, type Database, recordAudit, withTenant } from '@footprint/db';
import { GraphQLError, type GraphQLSchema } from 'graphql';
import type { RequestContext } from './context.ts';
import { errorLogPlugin } from './error-log.ts';
import { isClientError } from './errors.ts';

export type SubgraphOptions = {
  name: string;
  schema: GraphQLSchema;
  db: Database;
  auditTable: AuditTable;
  verifyingKey: VerifyingKey;
  port: number;
  host?: string;
};

export type RunningSubgraph = { name: string; url: string; stop: () => Promise<void> };

function unauthenticated(message: string) {
  return new GraphQLError(message, { extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } } });
}

/**
 * Starts one subgraph. It verifies the caller's token itself: a subgraph is never trusted to be
 * reachable only through the gateway.
 */
export async function startSubgraph(options: SubgraphOptions): Promise<RunningSubgraph> {
  const { name, schema, db, auditTable, verifyingKey } = options;
  const server = new ApolloServer<RequestContext>({
    schema,
    // Traces would travel back to the gateway on every call; nothing here reads them.
    // No HTTP caching of per-person answers, and no hook on every field resolved: a report's
    // care history is tens of thousands of fields.
    plugins: [
      ApolloServerPluginCacheControlDisabled(),
      ApolloServerPluginInlineTraceDisabled(),
      errorLogPlugin(name),
    ],
    includeStacktraceInErrorResponses: false,
    // Masked for clients: no stack, no internals. The plugin has logged it with the request id.
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
      let auth: RequestContext['auth'];
      try {
        auth = await verifyAccessToken(verifyingKey, token);
      } catch (error) {
        throw unauthenticated(
          error instanceof TokenError ? `Access token refused: ${error.message}` : 'Bad token',
        );
      }
      const header = req.headers['x-request-id'];
      const requestId = (Array.isArray(header) ? header[0] : header) ?? randomUUID();
      const tenant = auth.tenant;
      return {
        auth,
        requestId,
        db,
        inTenant: (work) => {
          if (!tenant) throw new GraphQLError('This needs a council', { extensions: { code: 'FORBIDDEN' } });
          return withTenant(db, tenant, work, { providerId: auth.provider });
        },
        audit: (tx, action, entity, ids, detail) =>
          recordAudit(tx, auditTable, {
            tenantId: tenant ?? '',
            actor: auth.sub,
            requestId,
            action,
            entity,
            entityIds: ids,
            detail,
          }),
      } satisfies RequestContext;
    },
  });
  return { name, url, stop: () => server.stop() };
}
