import { GraphQLError } from 'graphql';

/** The caller is who they say, but may not do this here (shown to them as it is, never masked). */
export function forbidden(message: string) {
  return new GraphQLError(message, { extensions: { code: 'FORBIDDEN' } });
}
