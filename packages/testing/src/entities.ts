import { type GraphQLResponse, graphql } from './graphql.ts';

/**
 * The query of an `_entities` call as the gateway sends it: `selection` on `typename`, with
 * `variables` declaring any beyond `$reps` (`'$figure: String!'`).
 */
export const entitiesQuery = (typename: string, selection: string, variables?: string): string =>
  `query ($reps: [_Any!]!${variables ? `, ${variables}` : ''}) { _entities(representations: $reps) { ... on ${typename} { ${selection} } } }`;

type EntitiesCall = { token?: string; variables?: Record<string, unknown> };

/** An `_entities` call as the gateway makes it, with these representations: the whole response. */
export const callEntities = <T = Record<string, unknown>>(
  url: string,
  query: string,
  representations: readonly unknown[],
  { token, variables }: EntitiesCall = {},
): Promise<GraphQLResponse<{ _entities: T[] }>> =>
  graphql<{ _entities: T[] }>(url, query, { token, variables: { ...variables, reps: representations } });

/** The entities an `_entities` call answers; any error fails the call, naming what the service said. */
export async function entitiesOf<T = Record<string, unknown>>(
  url: string,
  query: string,
  representations: readonly unknown[],
  call: EntitiesCall = {},
): Promise<T[]> {
  const result = await callEntities<T>(url, query, representations, call);
  if (result.errors !== undefined || !result.data) {
    throw new Error(`_entities answered ${result.status}: ${JSON.stringify(result.errors ?? result)}`);
  }
  return result.data._entities;
}
