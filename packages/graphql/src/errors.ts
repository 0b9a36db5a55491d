import { GraphQLError } from 'graphql';

/** A client's own mistake: shown as it is, never masked. */
export function invalidInput(message: string, field?: string) {
  return new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT', field } });
}

export function notFound(what: string) {
  return new GraphQLError(`${what} not found`, { extensions: { code: 'NOT_FOUND' } });
}

const clientCodes = new Set([
  'BAD_USER_INPUT',
  'GRAPHQL_VALIDATION_FAILED',
  'GRAPHQL_PARSE_FAILED',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'PERSISTED_QUERY_NOT_FOUND',
  'OPERATION_RESOLUTION_FAILURE',
  'BAD_REQUEST',
]);

export function isClientError(code: unknown) {
  return typeof code === 'string' && clientCodes.has(code);
}
