import type { Database } from '@footprint/db';
import { londonDateOf } from '@footprint/domain';
import { listTenants } from '@footprint/identity';
import {
  type CouncilJob,
  type CouncilJobData,
  councilJobId,
  type Job,
  NIGHTLY_FAN_OUT,
  NIGHTLY_QUEUE,
  type Redis,
  retryPolicy,
} from '@footprint/jobs';
import { Queue, Worker } from 'bullmq';

export type FanOutData = { date?: string; tenant?: string };

/**
 * The nightly worker: the scheduler's fan-out job becomes one job per council and check, each owned
 * by the service whose data it reads. A fan-out may name one council and date ("run now").
 */
export function startNightlyWorker(options: {
  connection: Redis;
  identityDb: Database;
  jobs: CouncilJob[];
  prefix?: string;
  concurrency?: number;
  /** How long a job stays with a worker that stops answering (killed): then another takes it over. */
  lockDuration?: number;
}) {
  const byName = new Map(options.jobs.map((job) => [job.name, job]));
  const queue = new Queue(NIGHTLY_QUEUE, { connection: options.connection, prefix: options.prefix });

  async function fanOut(job: Job<FanOutData>) {
    const date = job.data.date ?? londonDateOf(new Date(job.timestamp));
    const tenants = job.data.tenant
      ? [job.data.tenant]
      : (await listTenants(options.identityDb)).filter((t) => t.status === 'active').map((t) => t.slug);
    const children = tenants.flatMap((tenant) =>
      options.jobs.map((definition) => {
        const data: CouncilJobData = { tenant, date };
        return {
          name: definition.name,
          data,
          opts: {
            ...retryPolicy,
            jobId: councilJobId(definition.name, data),
            removeOnComplete: 1000,
            removeOnFail: 5000,
          },
        };
      }),
    );
    await queue.addBulk(children);
    await job.updateProgress(100);
    return { date, councils: tenants.length, jobs: children.length };
  }

  const worker = new Worker(
    NIGHTLY_QUEUE,
    async (job) => {
      if (job.name === NIGHTLY_FAN_OUT) return fanOut(job as Job<FanOutData>);
      const definition = byName.get(job.name);
      if (!definition) throw new Error(`No processor for job ${job.name}`);
      return definition.process(job as Job<CouncilJobData>);
    },
    {
      connection: options.connection,
      prefix: options.prefix,
      concurrency: options.concurrency ?? 2,
      ...(options.lockDuration
        ? { lockDuration: options.lockDuration, stalledInterval: options.lockDuration }
        : {}),
    },
  );

  return {
    worker,
    queue,
    /** Finishes the jobs in hand, takes no more, and lets go of Redis: for SIGTERM. */
    close: async () => {
      await worker.close();
      await queue.close();
    },
  };
}

export { type ComplianceSnapshotOptions, complianceSnapshotJob } from './compliance-snapshot.ts';
export { type ImportProgress, type ImportWriter, processImport } from './imports.ts';
export { connectImportWriters } from './writers.ts';
