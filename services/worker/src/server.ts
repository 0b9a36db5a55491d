import { importSigningKey } from '@footprint/auth';
import { caseloadSnapshotJob } from '@footprint/children';
import { connect } from '@footprint/db';
import {
  connectRedis,
  IMPORT_JOB,
  IMPORTS_QUEUE,
  type ImportJobData,
  type Job,
  queuePrefix,
} from '@footprint/jobs';
import { Worker } from 'bullmq';
import { z } from 'zod';
import { complianceSnapshotJob } from './compliance-snapshot.ts';
import { processImport } from './imports.ts';
import { startNightlyWorker } from './index.ts';
import { connectImportWriters } from './writers.ts';

const env = z
  .object({
    REDIS_URL: z.string().url(),
    IDENTITY_DATABASE_URL: z.string().url(),
    CHILDREN_DATABASE_URL: z.string().url(),
    REVIEWS_DATABASE_URL: z.string().url(),
    ESCALATIONS_DATABASE_URL: z.string().url(),
    ADVOCACY_DATABASE_URL: z.string().url(),
    FOSTER_CARER_REVIEWS_DATABASE_URL: z.string().url(),
    // The nightly compliance run asks the services through the gateway, as each council's manager.
    GATEWAY_URL: z.string().url(),
    AUTH_PRIVATE_KEY: z.string().min(1),
    // A worker that dies mid-run loses its nightly jobs after this long; another then takes them over.
    NIGHTLY_LOCK_MS: z.coerce.number().int().min(1000).default(30_000),
    // A worker that dies mid-import loses its lock after this long; another then takes the job over.
    IMPORT_LOCK_MS: z.coerce.number().int().min(1000).default(30_000),
  })
  .safeParse(process.env);
if (!env.success) {
  console.error(
    `worker: bad settings\n${env.error.issues.map((i) => `  ${i.path}: ${i.message}`).join('\n')}`,
  );
  process.exit(1);
}

const redis = connectRedis(env.data.REDIS_URL);
const identity = connect(env.data.IDENTITY_DATABASE_URL, { applicationName: 'worker', max: 2 });
const children = connect(env.data.CHILDREN_DATABASE_URL, { applicationName: 'worker:children', max: 4 });

// Each service's files are written through that service's own role.
const urls: Record<string, string> = {
  children: env.data.CHILDREN_DATABASE_URL,
  reviews: env.data.REVIEWS_DATABASE_URL,
  escalations: env.data.ESCALATIONS_DATABASE_URL,
  advocacy: env.data.ADVOCACY_DATABASE_URL,
  'foster-carer-reviews': env.data.FOSTER_CARER_REVIEWS_DATABASE_URL,
};
const importWriters = connectImportWriters((service) => urls[service]!);
const dbOf = (service: string) => importWriters.writers.find((w) => w.part.service === service)!.db;
const nightly = startNightlyWorker({
  connection: redis,
  identityDb: identity.db,
  jobs: [
    caseloadSnapshotJob(children.db),
    complianceSnapshotJob({
      gatewayUrl: env.data.GATEWAY_URL,
      signingKey: await importSigningKey(env.data.AUTH_PRIVATE_KEY),
      dbOf,
    }),
  ],
  prefix: queuePrefix(),
  lockDuration: env.data.NIGHTLY_LOCK_MS,
});
const imports = new Worker<ImportJobData>(
  IMPORTS_QUEUE,
  async (job: Job<ImportJobData>) => {
    if (job.name !== IMPORT_JOB) throw new Error(`No processor for job ${job.name}`);
    return processImport(job, importWriters.writers, importWriters.history);
  },
  {
    connection: redis,
    prefix: queuePrefix(),
    concurrency: 1,
    lockDuration: env.data.IMPORT_LOCK_MS,
    stalledInterval: env.data.IMPORT_LOCK_MS,
  },
);
for (const worker of [nightly.worker, imports]) {
  worker.on('failed', (job, error) =>
    console.error(JSON.stringify({ level: 'error', service: 'worker', job: job?.id, error: error.message })),
  );
}

for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.once(signal, async () => {
    await Promise.all([nightly.close(), imports.close()]);
    await Promise.all([identity.close(), children.close(), importWriters.close()]);
    redis.disconnect();
    process.exit(0);
  });
}
console.log('worker ready');
