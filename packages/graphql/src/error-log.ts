import type { ApolloServerPlugin } from '@apollo/server';
import { isClientError } from './errors.ts';

/**
 * Logs every error a client will see masked, with the request id it shares with the gateway and the
 * other subgraphs, so one id finds a failure in every service's log. Client mistakes are not logged.
 */
export function errorLogPlugin<C extends { requestId: string }>(service: string): ApolloServerPlugin<C> {
  return {
    async requestDidStart() {
      return {
        async didEncounterErrors({ contextValue, errors, operationName }) {
          for (const error of errors) {
            if (isClientError(error.extensions?.code)) continue;
            console.error(
              JSON.stringify({
                level: 'error',
                service,
                requestId: contextValue.requestId,
                operation: operationName ?? null,
                path: error.path ?? null,
                error: error.originalError?.message ?? error.message,
              }),
            );
          }
        },
      };
    },
  };
}
