import { caseloadSnapshotJob } from '@footprint/children';
import { connect } from '@footprint/db';
import { connectRedis } from '@footprint/jobs';
import { z } from 'zod';
import { startNightlyWorker } from './index.ts';

const env = z
  .object({
    REDIS_URL: z.string().url(),
    IDENTITY_DATABASE_URL: z.string().url(),
    CHILDREN_DATABASE_URL: z.string().url(),
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
const running = startNightlyWorker({
  connection: redis,
  identityDb: identity.db,
  jobs: [caseloadSnapshotJob(children.db)],
});
running.worker.on('failed', (job, error) =>
  console.error(JSON.stringify({ level: 'error', service: 'worker', job: job?.id, error: error.message })),
);
for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.once(signal, async () => {
    await running.close();
    await Promise.all([identity.close(), children.close()]);
    redis.disconnect();
    process.exit(0);
  });
}
console.log('worker ready');
