import { readFileSync } from 'node:fs';
import { importVerifyingKey } from '@footprint/auth';
import { z } from 'zod';
import topology from '../../../infra/services.json' with { type: 'json' };
import { startGateway } from './index.ts';

const envName = (subgraph: string) => `SUBGRAPH_${subgraph.toUpperCase().replaceAll('-', '_')}_URL`;

const env = z
  .object({
    AUTH_PUBLIC_KEY: z
      .string()
      .includes('BEGIN PUBLIC KEY', { message: 'AUTH_PUBLIC_KEY must be a PEM public key' }),
    PORT: z.coerce.number().int().min(0).max(65535).default(topology.gateway.port),
    SUPERGRAPH_PATH: z
      .string()
      .default(new URL('../../../infra/supergraph.graphql', import.meta.url).pathname),
  })
  .safeParse(process.env);
if (!env.success) {
  console.error(
    `gateway: bad settings\n${env.error.issues.map((i) => `  ${i.path}: ${i.message}`).join('\n')}`,
  );
  process.exit(1);
}

const subgraphUrls = Object.fromEntries(
  topology.subgraphs.map(({ name, port }) => [
    name,
    process.env[envName(name)] ?? `http://127.0.0.1:${port}/`,
  ]),
);
const running = await startGateway({
  supergraphSdl: readFileSync(env.data.SUPERGRAPH_PATH, 'utf8'),
  subgraphUrls,
  verifyingKey: await importVerifyingKey(env.data.AUTH_PUBLIC_KEY),
  port: env.data.PORT,
});
console.log(`gateway ready at ${running.url}`);
for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.once(signal, () => void running.stop().then(() => process.exit(0)));
}
