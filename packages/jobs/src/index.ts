import { type Job, Queue, type QueueOptions } from 'bullmq';
import { Redis } from 'ioredis';

/**
 * Every queue's key prefix in Redis: one deployment's (or one test run's) jobs never meet another's.
 * Set FOOTPRINT_QUEUE_PREFIX the same for the command, the portal and the worker.
 */
export const queuePrefix = () => process.env.FOOTPRINT_QUEUE_PREFIX ?? 'footprint';

/** The queue of work each council needs every night. */
export const NIGHTLY_QUEUE = 'nightly';
/** The scheduler's job: it fans out one job per council and check. */
export const NIGHTLY_FAN_OUT = 'nightly.fan-out';
/** 02:30 London time: clear of the 01:00–02:00 clock-change hour and of the working day. */
export const NIGHTLY_PATTERN = '30 2 * * *';
export const LONDON = 'Europe/London';

/** Data of a per-council job: the council and the calendar date the snapshot is for. */
export type CouncilJobData = { tenant: string; date: string };

/** A job owned by a service, run by the worker process. */
export type CouncilJob = {
  name: string;
  process: (job: Job<CouncilJobData>) => Promise<unknown>;
};

export const retryPolicy = { attempts: 4, backoff: { type: 'exponential', delay: 5_000 } } as const;

/** BullMQ blocks on Redis: it needs retries left to itself, not to ioredis. */
export const connectRedis = (url: string) =>
  new Redis(url, { maxRetriesPerRequest: null, lazyConnect: false });

export const nightlyQueue = (connection: Redis, options: Partial<QueueOptions> = {}) =>
  new Queue<CouncilJobData | Record<string, never>>(NIGHTLY_QUEUE, {
    connection,
    prefix: queuePrefix(),
    ...options,
  });

/**
 * Registers the nightly schedule. Called once by the start/deploy step, not by every worker:
 * `upsertJobScheduler` keeps one scheduler however often it runs.
 */
export async function registerNightlySchedule(queue: ReturnType<typeof nightlyQueue>) {
  await queue.upsertJobScheduler(
    'nightly',
    { pattern: NIGHTLY_PATTERN, tz: LONDON },
    { name: NIGHTLY_FAN_OUT, data: {}, opts: { ...retryPolicy } },
  );
}

/** The nightly compliance snapshot of one council (services/worker runs it). */
export const COMPLIANCE_SNAPSHOT = 'compliance.snapshot';

/**
 * A manager's "run now": the council's compliance snapshot for `date`, at once. Its id is its own
 * (not the night's), so it runs even when the night's job has run; its result replaces the night's.
 */
export async function runComplianceNow(queue: ReturnType<typeof nightlyQueue>, data: CouncilJobData) {
  const job = await queue.add(COMPLIANCE_SNAPSHOT, data, {
    ...retryPolicy,
    jobId: `${councilJobId(COMPLIANCE_SNAPSHOT, data)}.now-${Date.now()}`,
    removeOnComplete: 1000,
    removeOnFail: 5000,
  });
  return job.id!;
}

/**
 * One job per council and check and night: the id makes a second fan-out of the same night a no-op.
 * BullMQ keeps ":" for its own ids; slugs and dates have no ".".
 */
export const councilJobId = (name: string, data: CouncilJobData) => `${name}.${data.tenant}.${data.date}`;

export {
  IMPORT_JOB,
  IMPORTS_QUEUE,
  type ImportJobData,
  type ImportOutcome,
  type ImportPart,
} from './imports.ts';
export type { Job };
export { Queue, Redis };
