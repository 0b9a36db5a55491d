import { importPart as advocacyImport } from '@footprint/advocacy';
import { caseloadSnapshotJob, importPart as childrenImport } from '@footprint/children';
import { connect } from '@footprint/db';
import { importPart as escalationsImport } from '@footprint/escalations';
import { importPart as fosterCarerReviewsImport } from '@footprint/foster-carer-reviews';
import { connectRedis, IMPORT_JOB, IMPORTS_QUEUE, type ImportJobData, type Job } from '@footprint/jobs';
import { importPart as reviewsImport } from '@footprint/reviews';
import { Worker } from 'bullmq';
import { z } from 'zod';
import { processImport } from './imports.ts';
import { startNightlyWorker } from './index.ts';

const env = z
  .object({
    REDIS_URL: z.string().url(),
    IDENTITY_DATABASE_URL: z.string().url(),
    CHILDREN_DATABASE_URL: z.string().url(),
    REVIEWS_DATABASE_URL: z.string().url(),
    ESCALATIONS_DATABASE_URL: z.string().url(),
    ADVOCACY_DATABASE_URL: z.string().url(),
    FOSTER_CARER_REVIEWS_DATABASE_URL: z.string().url(),
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

const nightly = startNightlyWorker({
  connection: redis,
  identityDb: identity.db,
  jobs: [caseloadSnapshotJob(children.db)],
});
// Each service's files are written through that service's own role; children first, as others refer to it.
const others = [
  [reviewsImport, env.data.REVIEWS_DATABASE_URL],
  [escalationsImport, env.data.ESCALATIONS_DATABASE_URL],
  [advocacyImport, env.data.ADVOCACY_DATABASE_URL],
  [fosterCarerReviewsImport, env.data.FOSTER_CARER_REVIEWS_DATABASE_URL],
] as const;
const otherConnections = others.map(([part, url]) =>
  connect(url, { applicationName: `worker:${part.service}`, max: 2 }),
);
const writers = [
  { part: childrenImport, db: children.db },
  ...others.map(([part], i) => ({ part, db: otherConnections[i]!.db })),
];
const imports = new Worker<ImportJobData>(
  IMPORTS_QUEUE,
  async (job: Job<ImportJobData>) => {
    if (job.name !== IMPORT_JOB) throw new Error(`No processor for job ${job.name}`);
    return processImport(job, writers, children.db);
  },
  {
    connection: redis,
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
    await Promise.all([identity.close(), children.close(), ...otherConnections.map((c) => c.close())]);
    redis.disconnect();
    process.exit(0);
  });
}
console.log('worker ready');
