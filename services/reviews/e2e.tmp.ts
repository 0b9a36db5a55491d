import { composeServices } from '@apollo/composition';
import { printSubgraphSchema } from '@apollo/subgraph';
import { ApolloServer } from '/work/main/packages/graphql/node_modules/@apollo/server/dist/esm/index.js';
import { startStandaloneServer } from '/work/main/packages/graphql/node_modules/@apollo/server/dist/esm/standalone/index.js';
import { createTestDatabase, createTestKeys, graphql } from '@footprint/testing';
import { startService } from '@footprint/graphql';
import { parse } from 'graphql';
import { service as children } from '../children/src/index.ts';
import { seedTwoCouncils as seedChildren } from '../children/test/fixtures.ts';
import { service as reviews } from './src/index.ts';
import { seedTwoCouncils as seedReviews } from './test/fixtures.ts';
const gw = await import('/work/main/node_modules/.pnpm/@apollo+gateway@2.14.4_graphql@16.15.0/node_modules/@apollo/gateway/dist/index.js');
const { ApolloGateway, RemoteGraphQLDataSource } = gw as any;

const db = await createTestDatabase([
  { schema: 'children', folder: children.migrationsFolder },
  { schema: 'reviews', folder: reviews.migrationsFolder },
]);
try {
  await seedChildren(db.superuser);
  await seedReviews(db.superuser);
  const keys = await createTestKeys();
  const c = await startService(children, { databaseUrl: db.urlFor('children'), verifyingKey: keys.verifyingKey, port: 0 });
  const r = await startService(reviews, { databaseUrl: db.urlFor('reviews'), verifyingKey: keys.verifyingKey, port: 0 });
  const composed = composeServices([c, r].map((s, i) => ({ name: s.name, url: s.url, typeDefs: parse(printSubgraphSchema([children, reviews][i]!.schema)) })));
  if (composed.errors) throw new Error(composed.errors.map((e) => e.message).join('\n'));
  const gateway = new ApolloGateway({
    supergraphSdl: composed.supergraphSdl,
    buildService: ({ url }: { url: string }) => new RemoteGraphQLDataSource({ url, willSendRequest({ request, context }: any) { request.http.headers.set('authorization', context.authorization); } }),
  });
  const server = new ApolloServer({ gateway });
  const { url } = await startStandaloneServer(server, { listen: { port: 0 }, context: async ({ req }) => ({ authorization: req.headers.authorization }) });
  const q = `{ child(id: "C1") { displayName reviews { date countsInSchedule participation } lastReview { date }
     reviewSchedule(asOf: "2023-04-01") { periodStart nextDueDate dueBasis overdue daysOverdue midwayDueDate } } children { id lastReview { date } } }`;
  for (const [tenant, roles, staffRef] of [['north', ['manager'], null], ['south', ['manager'], null], ['north', ['iro'], 'I2']] as const) {
    const token = await keys.tokenFor({ tenant, roles: [...roles], staffRef });
    console.log(tenant, roles, JSON.stringify(await graphql(url, q, { token }), null, 1));
  }
  await server.stop(); await c.stop(); await r.stop();
} finally {
  await db.drop();
}
