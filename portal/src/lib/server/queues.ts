import {
  COMPLIANCE_SNAPSHOT,
  type CouncilJobData,
  connectRedis,
  IMPORTS_QUEUE,
  NIGHTLY_QUEUE,
  nightlyQueue,
  Queue,
  queuePrefix,
  type Redis,
  runComplianceNow,
} from '@footprint/jobs';
import { error } from '@sveltejs/kit';
import { getSettings } from './env.ts';
import { log } from './log.ts';

/*
 * The nightly queue (the compliance "run now" and its progress) and, for platform operators, a
 * read of every queue. One Redis connection, opened on first use and closed when the server stops.
 */

let connection: Redis | undefined;
const queues = new Map<string, Queue>();

function queueNamed(name: string): Queue {
  let queue = queues.get(name);
  if (!queue) {
    const settings = getSettings();
    if (!connection) {
      connection = connectRedis(settings.REDIS_URL);
      // ioredis reconnects by itself; without a listener an outage would be an unhandled 'error'.
      connection.on('error', (cause) => log('warn', 'redis connection error', { error: String(cause) }));
    }
    const prefix = settings.FOOTPRINT_QUEUE_PREFIX ?? queuePrefix();
    queue =
      name === NIGHTLY_QUEUE
        ? (nightlyQueue(connection, { prefix }) as unknown as Queue)
        : new Queue(name, { connection, prefix });
    queues.set(name, queue);
  }
  return queue;
}

export async function closeQueues() {
  const open = [...queues.values()];
  const redis = connection;
  queues.clear();
  connection = undefined;
  await Promise.all(open.map((q) => q.close()));
  await redis?.quit().catch(() => redis.disconnect());
}

const timeoutMs = 5_000;

/** A queue call that cannot hang the page: Redis away is a 503 with the request id, as the gateway's. */
async function withQueue<T>(requestId: string, what: string, name: string, work: (q: Queue) => Promise<T>) {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      work(queueNamed(name)),
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer from Redis within ${timeoutMs} ms`)), timeoutMs);
      }),
    ]);
  } catch (cause) {
    log('error', `${name} queue: ${what} failed`, { requestId, error: String(cause) });
    error(503, { message: 'Sorry, there is a problem with the service. Try again later.', requestId });
  } finally {
    clearTimeout(timer);
  }
}

/** Enqueues the council's compliance snapshot for `date` at once; the job's id. */
export async function startComplianceRun(data: CouncilJobData, requestId: string): Promise<string> {
  const jobId = await withQueue(requestId, 'run now', NIGHTLY_QUEUE, (q) =>
    runComplianceNow(q as unknown as ReturnType<typeof nightlyQueue>, data),
  );
  log('info', 'compliance run queued', { requestId, jobId, ...data });
  return jobId;
}

export type ComplianceRun = {
  date: string;
  requestedAt: Date;
  result:
    | { state: 'waiting' }
    | { state: 'running'; progress: number }
    | { state: 'completed'; counts: Record<string, number> }
    | { state: 'failed' };
};

/**
 * Where a compliance run stands. Null when there is no such job, it is not a compliance run, or it
 * is another council's (a manager never learns of another council's runs).
 */
export async function complianceRun(
  tenant: string,
  jobId: string,
  requestId: string,
): Promise<ComplianceRun | null> {
  const found = await withQueue(requestId, 'read run', NIGHTLY_QUEUE, async (q) => {
    const job = await q.getJob(jobId);
    if (!job) return null;
    return { job, state: await job.getState() };
  });
  if (!found) return null;
  const { job, state } = found;
  const data = job.data as Partial<CouncilJobData>;
  if (job.name !== COMPLIANCE_SNAPSHOT || data.tenant !== tenant || typeof data.date !== 'string')
    return null;
  let result: ComplianceRun['result'];
  if (state === 'completed') {
    const value = job.returnvalue as { counts?: Record<string, number> } | null;
    result = { state: 'completed', counts: value?.counts ?? {} };
  } else if (state === 'failed') {
    log('error', 'compliance run failed', { requestId, jobId, error: job.failedReason });
    result = { state: 'failed' };
  } else if (state === 'active') {
    result = { state: 'running', progress: typeof job.progress === 'number' ? job.progress : 0 };
  } else {
    // waiting, delayed (a retry after a failed attempt), prioritized…
    result = { state: 'waiting' };
  }
  return { date: data.date, requestedAt: new Date(job.timestamp), result };
}

const JOB_STATES = ['waiting', 'active', 'completed', 'failed', 'delayed'] as const;

export type QueueOverview = {
  name: string;
  counts: Record<(typeof JOB_STATES)[number], number>;
  schedulers: { id: string; pattern: string | null; tz: string | null; next: string | null }[];
  failed: { id: string; name: string; council: string | null; failedAt: string | null; reason: string }[];
};

/** Each queue's jobs by state, its schedulers and its latest failures: for platform operators. */
export async function queueOverviews(requestId: string, failedLimit = 10): Promise<QueueOverview[]> {
  const overviews: QueueOverview[] = [];
  for (const name of [NIGHTLY_QUEUE, IMPORTS_QUEUE]) {
    overviews.push(
      await withQueue(requestId, 'overview', name, async (q) => {
        const counts = await q.getJobCounts(...JOB_STATES);
        const schedulers = await q.getJobSchedulers();
        const failed = await q.getFailed(0, failedLimit - 1);
        return {
          name,
          counts: Object.fromEntries(JOB_STATES.map((s) => [s, counts[s] ?? 0])) as QueueOverview['counts'],
          schedulers: schedulers.map((s) => ({
            id: s.key,
            pattern: s.pattern ?? null,
            tz: s.tz ?? null,
            next: s.next ? new Date(s.next).toISOString() : null,
          })),
          failed: failed
            .filter((job) => job !== undefined && job !== null)
            .map((job) => ({
              id: job.id ?? '',
              name: job.name,
              council: typeof job.data?.tenant === 'string' ? job.data.tenant : null,
              failedAt: job.finishedOn ? new Date(job.finishedOn).toISOString() : null,
              reason: job.failedReason || 'No reason recorded',
            })),
        };
      }),
    );
  }
  return overviews;
}
