import { readFileSync } from 'node:fs';
import { service as advocacy } from '@footprint/advocacy';
import { service as children } from '@footprint/children';
import { service as escalations } from '@footprint/escalations';
import { service as fosterCarerReviews } from '@footprint/foster-carer-reviews';
import { startGateway } from '@footprint/gateway';
import { type SubgraphService, startService } from '@footprint/graphql';
import { identityMigrations } from '@footprint/identity';
import { service as reviews } from '@footprint/reviews';
import { createTestDatabase, createTestKeys, type TestDatabase } from '@footprint/testing';

export const subgraphServices: SubgraphService[] = [
  children,
  reviews,
  escalations,
  advocacy,
  fosterCarerReviews,
];

const supergraphSdl = readFileSync(new URL('../../infra/supergraph.graphql', import.meta.url), 'utf8');

/**
 * The whole federated system for one suite: a fresh database with every migration, the five
 * subgraphs each as its own role over real HTTP, and the gateway loading the committed supergraph.
 * A bench may pass a database of its own (already migrated): it is then the caller's to drop.
 */
export async function startSystem(options: { database?: TestDatabase } = {}) {
  const database =
    options.database ??
    (await createTestDatabase([
      identityMigrations,
      ...subgraphServices.map((s) => ({ schema: s.pgSchema, folder: s.migrationsFolder })),
    ]));
  const keys = await createTestKeys();
  const subgraphs = await Promise.all(
    subgraphServices.map((s) =>
      startService(s, {
        databaseUrl: database.urlFor(s.name),
        verifyingKey: keys.verifyingKey,
        port: 0,
        poolSize: 4,
      }),
    ),
  );
  const gateway = await startGateway({
    supergraphSdl,
    subgraphUrls: Object.fromEntries(subgraphs.map((s) => [s.name, s.url])),
    verifyingKey: keys.verifyingKey,
    port: 0,
  });
  return {
    database,
    keys,
    gatewayUrl: gateway.url,
    subgraphUrl: (name: string) => subgraphs.find((s) => s.name === name)!.url,
    stop: async () => {
      await gateway.stop();
      await Promise.all(subgraphs.map((s) => s.stop()));
      if (!options.database) await database.drop();
    },
  };
}

export type System = Awaited<ReturnType<typeof startSystem>>;
