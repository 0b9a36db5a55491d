import { type SubgraphService, startService } from '@footprint/graphql';
import type pg from 'pg';
import { createTestDatabase, type TestDatabase } from './database.ts';
import { createTestKeys, type TestKeys } from './identity.ts';

export type TestService = {
  database: TestDatabase;
  keys: TestKeys;
  /** The running subgraph's GraphQL URL. */
  url: string;
  /** Stops the service and drops its database. */
  stop: () => Promise<void>;
};

export type TestServiceOptions = { seed?: (db: pg.Pool) => Promise<void> };

/**
 * A service on a fresh database with its real migrations, optionally seeded through the superuser
 * pool, connected as its own role and verifying tokens from fresh test keys, on any free port.
 */
export async function startTestService(
  service: SubgraphService,
  options: TestServiceOptions = {},
): Promise<TestService> {
  const database = await createTestDatabase([{ schema: service.pgSchema, folder: service.migrationsFolder }]);
  try {
    await options.seed?.(database.superuser);
    const keys = await createTestKeys();
    const running = await startService(service, {
      databaseUrl: database.urlFor(service.name),
      verifyingKey: keys.verifyingKey,
      port: 0,
    });
    return {
      database,
      keys,
      url: running.url,
      stop: async () => {
        await running.stop();
        await database.drop();
      },
    };
  } catch (error) {
    await database.drop();
    throw error;
  }
}

/**
 * One test file's service, as startTestService starts it: `beforeAll(running.start)` and
 * `afterAll(running.stop)`; its URL, keys and database are there once it has started.
 */
export function testService(service: SubgraphService, options: TestServiceOptions = {}) {
  let running: TestService | undefined;
  const started = () => {
    if (!running) throw new Error(`The ${service.name} service has not started: call start in beforeAll`);
    return running;
  };
  return {
    start: async () => {
      running = await startTestService(service, options);
    },
    stop: async () => {
      await running?.stop();
    },
    get url() {
      return started().url;
    },
    get keys() {
      return started().keys;
    },
    get database() {
      return started().database;
    },
  };
}
