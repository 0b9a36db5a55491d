import type { Role } from '@footprint/auth';
import type { LocalPolicy } from '@footprint/domain';
import SchemaBuilder from '@pothos/core';
import DataloaderPlugin from '@pothos/plugin-dataloader';
import DirectivePlugin from '@pothos/plugin-directives';
import FederationPlugin from '@pothos/plugin-federation';
import ScopeAuthPlugin from '@pothos/plugin-scope-auth';
import { GraphQLError, Kind } from 'graphql';
import type { EncodedCareHistory } from './care-history.ts';
import type { RequestContext } from './context.ts';

export type FootprintSchemaTypes = {
  Context: RequestContext;
  AuthScopes: { anyRole: readonly Role[]; councilMember: boolean };
  Scalars: {
    Date: { Input: string; Output: string };
    CareHistory: { Input: EncodedCareHistory; Output: EncodedCareHistory };
    LocalPolicy: { Input: LocalPolicy; Output: LocalPolicy };
  };
  DefaultFieldNullability: false;
};

const isoDate = /^\d{4}-\d{2}-\d{2}$/;

function parseDate(value: unknown) {
  if (typeof value !== 'string' || !isoDate.test(value) || Number.isNaN(Date.parse(`${value}T00:00:00Z`))) {
    throw new GraphQLError(`Date must be a calendar date as YYYY-MM-DD, got ${JSON.stringify(value)}`);
  }
  if (new Date(`${value}T00:00:00Z`).toISOString().slice(0, 10) !== value) {
    throw new GraphQLError(`${value} is not a real date`);
  }
  return value;
}

/** Every subgraph builds its schema from the same plugins, scopes and scalars. */
export function createBuilder() {
  const builder = new SchemaBuilder<FootprintSchemaTypes>({
    // Auth wraps resolvers, so it comes before federation (Pothos' documented order).
    plugins: [ScopeAuthPlugin, DirectivePlugin, DataloaderPlugin, FederationPlugin],
    defaultFieldNullability: false,
    scopeAuth: {
      authScopes: (ctx) => ({
        anyRole: (allowed) => allowed.some((role) => ctx.auth.roles.includes(role)),
        councilMember: ctx.auth.tenant !== null,
      }),
      unauthorizedError: () => new GraphQLError('Not permitted', { extensions: { code: 'FORBIDDEN' } }),
    },
  });

  builder.scalarType('Date', {
    description: 'A calendar date in Europe/London, as YYYY-MM-DD',
    serialize: (value) => value,
    parseValue: parseDate,
    parseLiteral: (ast) => parseDate(ast.kind === Kind.STRING ? ast.value : null),
  });

  builder.queryType({});
  return builder;
}

export type FootprintBuilder = ReturnType<typeof createBuilder>;
