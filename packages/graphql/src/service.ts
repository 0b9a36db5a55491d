import { importVerifyingKey, type VerifyingKey } from '@footprint/auth';
import { type AuditTable, connect } from '@footprint/db';
import type { GraphQLSchema } from 'graphql';
import { z } from 'zod';
import { type RunningSubgraph, startSubgraph } from './server.ts';

/** What a subgraph service is: everything the start script, tests and composition need of it. */
export type SubgraphService = {
  name: string;
  pgSchema: string;
  migrationsFolder: string;
  schema: GraphQLSchema;
  auditTable: AuditTable;
};

export type ServiceOptions = {
  databaseUrl: string;
  verifyingKey: VerifyingKey;
  port: number;
  poolSize?: number;
};

export async function startService(
  service: SubgraphService,
  options: ServiceOptions,
): Promise<RunningSubgraph> {
  const connection = connect(options.databaseUrl, { applicationName: service.name, max: options.poolSize });
  const running = await startSubgraph({
    name: service.name,
    schema: service.schema,
    db: connection.db,
    auditTable: service.auditTable,
    verifyingKey: options.verifyingKey,
    port: options.port,
  });
  return {
    ...running,
    stop: async () => {
      await running.stop();
      await connection.close();
    },
  };
}

const serviceEnv = z.object({
  DATABASE_URL: z.string().url('DATABASE_URL must be the service role’s PostgreSQL URL'),
  AUTH_PUBLIC_KEY: z
    .string()
    .includes('BEGIN PUBLIC KEY', { message: 'AUTH_PUBLIC_KEY must be a PEM public key' }),
  PORT: z.coerce.number().int().min(0).max(65535),
});

/** The process entry point of a service: refuses to boot on bad settings, stops cleanly on SIGTERM. */
export async function runServiceFromEnv(service: SubgraphService) {
  const parsed = serviceEnv.safeParse(process.env);
  if (!parsed.success) {
    console.error(
      `${service.name}: bad settings\n${parsed.error.issues.map((i) => `  ${i.path}: ${i.message}`).join('\n')}`,
    );
    process.exit(1);
  }
  const env = parsed.data;
  const running = await startService(service, {
    databaseUrl: env.DATABASE_URL,
    verifyingKey: await importVerifyingKey(env.AUTH_PUBLIC_KEY),
    port: env.PORT,
  });
  console.log(`${service.name} subgraph ready at ${running.url}`);
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.once(signal, () => void running.stop().then(() => process.exit(0)));
  }
}
