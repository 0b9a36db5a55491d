import { composeServices } from '@apollo/composition';
import { printSubgraphSchema } from '@apollo/subgraph';
import { ApolloServer } from '/work/main/services/gateway/node_modules/@apollo/server/dist/esm/index.js';
import { startStandaloneServer } from '/work/main/services/gateway/node_modules/@apollo/server/dist/esm/standalone/index.js';
import { parse } from 'graphql';
import { startService } from '@footprint/graphql';
import { createTestDatabase, createTestKeys, graphql } from '@footprint/testing';
import { service as children } from '../children/src/index.ts';
import { seedTwoCouncils as seedChildren } from '../children/test/fixtures.ts';
import { service as advocacy } from './src/index.ts';
import { seedTwoCouncils } from './test/fixtures.ts';

const gw = await import('/work/main/services/gateway/node_modules/@apollo/gateway/dist/index.js');
const db = await createTestDatabase([
  { schema: 'children', folder: children.migrationsFolder },
  { schema: 'advocacy', folder: advocacy.migrationsFolder },
]);
try {
  await seedChildren(db.superuser);
  await seedTwoCouncils(db.superuser);
  await db.superuser.query(`update children.episodes set placement = 'K1' where tenant_id = 'north' and child_id = 'C2'`);
  const keys = await createTestKeys();
  const c = await startService(children, { databaseUrl: db.urlFor('children'), verifyingKey: keys.verifyingKey, port: 0 });
  const a = await startService(advocacy, { databaseUrl: db.urlFor('advocacy'), verifyingKey: keys.verifyingKey, port: 0 });
  const composed = composeServices([
    { name: 'children', url: c.url, typeDefs: parse(printSubgraphSchema(children.schema)) },
    { name: 'advocacy', url: a.url, typeDefs: parse(printSubgraphSchema(advocacy.schema)) },
  ]);
  if (composed.errors) throw new Error(composed.errors.map((e) => e.message).join('\n'));
  const gateway = new gw.ApolloGateway({
    supergraphSdl: composed.supergraphSdl,
    buildService: ({ url }: { url: string }) =>
      new gw.RemoteGraphQLDataSource({
        url,
        willSendRequest({ request, context }: any) { request.http.headers.set('authorization', context.authorization); },
      }),
  });
  const server = new ApolloServer({ gateway });
  const { url } = await startStandaloneServer(server, { listen: { port: 0 }, context: async ({ req }) => ({ authorization: req.headers.authorization }) });
  const token = await keys.tokenFor({ tenant: 'north', roles: ['manager'] });
  const r = await graphql(url, '{ children { id advocacyRequiredInSecurePlacement advocacyInvolvements { id provider { name } child { displayName } } independentVisitor { startDate } } advocacyInvolvements { id child { id displayName } } }', { token });
  console.log(JSON.stringify(r, null, 1));
  await server.stop(); await c.stop(); await a.stop();
} finally {
  await db.drop();
}
