import { randomBytes } from 'node:crypto';
import { service as advocacy } from '@footprint/advocacy';
import { service as children } from '@footprint/children';
import { connect } from '@footprint/db';
import { service as escalations } from '@footprint/escalations';
import { service as fosterCarerReviews } from '@footprint/foster-carer-reviews';
import { createTenant, identityMigrations } from '@footprint/identity';
import {
  connectRedis,
  IMPORT_JOB,
  IMPORTS_QUEUE,
  type ImportJobData,
  type ImportOutcome,
} from '@footprint/jobs';
import { service as reviews } from '@footprint/reviews';
import { createTestDatabase } from '@footprint/testing';
import { connectImportWriters, type ImportProgress, processImport } from '@footprint/worker';
import { Queue, QueueEvents, Worker } from 'bullmq';
import { collectGarbage, memorySampler } from './measure.ts';

/**
 * One import, measured, in a process of its own (the bench forks this file once per size, so each
 * size's peak memory is its own): a throwaway database with every migration, the worker's import
 * processing on the `imports` queue under a prefix of its own, the job added as the `footprint
 * import` command adds it. Sends an `ImportMeasurement` to the parent and exits.
 */

export type ImportMeasurement = {
  /** Creating the database and running every migration (not part of the import). */
  setupMs: number;
  /** Added to the queue → taken by the worker. */
  pickupMs: number;
  /** Taken → the last file validated (finding the files, stored ids, every row of every file). */
  validateMs: number;
  /** The last file validated → the job completed (every service's part, in its own transaction). */
  writeMs: number;
  /** Of the writing, per service: from the previous service's last rows to this one's last rows. */
  serviceMs: Record<string, number>;
  /** Added → completed. */
  totalMs: number;
  baselineRss: number;
  baselineHeap: number;
  peakRss: number;
  peakHeap: number;
  samples: number;
  /** Rows per file as the import reported them. */
  counts: Record<string, number>;
  /** Rows found in the database afterwards. */
  stored: Record<string, number>;
};

const TENANT = 'bench-council';

const STORED_TABLES = {
  header: 'children.children',
  episodes: 'children.episodes',
  reviews: 'reviews.reviews',
  iros: 'children.staff',
  allocations: 'children.allocations',
} as const;

const describe = (p: ImportProgress) =>
  p.phase === 'validating'
    ? `checking ${p.file}: ${p.rows.toLocaleString('en-GB')} rows`
    : `writing ${p.service}: ${p.rows.toLocaleString('en-GB')} of ${p.total.toLocaleString('en-GB')} rows`;

/** What the run has set up, undone in reverse order, once: when it ends, fails or is interrupted. */
const undo: (() => Promise<unknown> | undefined)[] = [];
let dropDatabase: (() => Promise<void>) | undefined;
let interrupted = false;
let cleaning: Promise<void> | undefined;
const cleanUp = () => {
  cleaning ??= (async () => {
    // Interrupted mid-import, the database goes first: dropping it ends the connections the import holds.
    const steps = interrupted && dropDatabase ? [dropDatabase, ...undo.reverse()] : undo.reverse();
    for (const step of steps) {
      await Promise.resolve()
        .then(step)
        .catch((error) => console.error(`bench clean-up: ${error instanceof Error ? error.message : error}`));
    }
  })();
  return cleaning;
};
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  // Ctrl-C may arrive twice (from the terminal and passed on by the bench): the clean-up runs once.
  process.on(signal, () => {
    interrupted = true;
    void cleanUp().finally(() => process.exit(130));
  });
}

async function measureImport(dir: string): Promise<ImportMeasurement> {
  const redisUrl = process.env.REDIS_URL;
  if (!redisUrl || !process.env.DATABASE_URL) throw new Error('DATABASE_URL and REDIS_URL must be set');

  let started = performance.now();
  const database = await createTestDatabase([
    identityMigrations,
    ...[children, reviews, escalations, advocacy, fosterCarerReviews].map((s) => ({
      schema: s.pgSchema,
      folder: s.migrationsFolder,
    })),
  ]);
  let dropped: Promise<void> | undefined;
  dropDatabase = () => {
    dropped ??= database.drop();
    return dropped;
  };
  undo.push(dropDatabase);
  const setupMs = performance.now() - started;

  const prefix = `bench-${randomBytes(4).toString('hex')}`;
  const workerConnection = connectRedis(redisUrl);
  const queueConnection = connectRedis(redisUrl);
  const eventsConnection = connectRedis(redisUrl);
  undo.push(async () => {
    const keys = await queueConnection.keys(`${prefix}:*`);
    if (keys.length) await queueConnection.del(...keys);
    for (const connection of [workerConnection, queueConnection, eventsConnection]) connection.disconnect();
  });
  const importWriters = connectImportWriters(database.urlFor);
  undo.push(() => importWriters.close());
  const worker = new Worker<ImportJobData>(
    IMPORTS_QUEUE,
    (job) => processImport(job, importWriters.writers, importWriters.history),
    { connection: workerConnection, prefix, concurrency: 1, lockDuration: 30_000, stalledInterval: 30_000 },
  );
  const queue = new Queue<ImportJobData>(IMPORTS_QUEUE, { connection: queueConnection, prefix });
  const events = new QueueEvents(IMPORTS_QUEUE, { connection: eventsConnection, prefix });
  // Interrupted, the worker lets go of its job at once; the database is dropped with it.
  undo.push(() => Promise.all([worker.close(interrupted), queue.close(), events.close()]));

  const identity = connect(database.urlFor('identity'), { max: 1 });
  await createTenant(identity.db, { slug: TENANT, name: 'Bench Council' }).finally(() => identity.close());
  await Promise.all([worker.waitUntilReady(), events.waitUntilReady()]);

  const tty = process.stderr.isTTY;
  let activeAt = 0;
  let lastValidatedAt = 0;
  const lastWrittenAt = new Map<string, number>();
  collectGarbage();
  const baseline = process.memoryUsage();
  const memory = memorySampler(50);
  worker.on('active', () => {
    activeAt = performance.now();
  });
  worker.on('progress', (_job, data) => {
    memory.sample();
    const progress = data as ImportProgress;
    if (progress.phase === 'validating') lastValidatedAt = performance.now();
    else lastWrittenAt.set(progress.service, performance.now());
    if (tty) process.stderr.write(`\r\x1b[2K  ${describe(progress)}`);
  });

  started = performance.now();
  const importId = `bench-${randomBytes(3).toString('hex')}`;
  const job = await queue.add(
    IMPORT_JOB,
    { importId, tenant: TENANT, dir, requestedBy: 'bench' },
    { jobId: importId, attempts: 1, removeOnComplete: true },
  );
  const outcome = (await job.waitUntilFinished(events)) as ImportOutcome;
  const finishedAt = performance.now();
  const peak = memory.stop();
  if (tty) process.stderr.write('\r\x1b[2K');

  if (outcome.status !== 'completed') {
    throw new Error(`the import was rejected:\n${JSON.stringify(outcome.problems.slice(0, 20), null, 2)}`);
  }
  const stored: Record<string, number> = {};
  for (const [file, table] of Object.entries(STORED_TABLES)) {
    const { rows } = await database.superuser.query<{ n: number }>(
      `select count(*)::int as n from ${table} where tenant_id = $1`,
      [TENANT],
    );
    stored[file] = rows[0]!.n;
  }
  const serviceMs: Record<string, number> = {};
  let previous = lastValidatedAt;
  for (const [service, at] of lastWrittenAt) {
    serviceMs[service] = at - previous;
    previous = at;
  }
  return {
    setupMs,
    serviceMs,
    pickupMs: activeAt - started,
    validateMs: lastValidatedAt - activeAt,
    writeMs: finishedAt - lastValidatedAt,
    totalMs: finishedAt - started,
    baselineRss: baseline.rss,
    baselineHeap: baseline.heapUsed,
    peakRss: peak.peakRss,
    peakHeap: peak.peakHeap,
    samples: peak.samples,
    counts: outcome.counts as Record<string, number>,
    stored,
  };
}

const [dir] = process.argv.slice(2);
if (!dir) {
  console.error('usage: import-run.ts <import folder> (run by scripts/bench.ts)');
  process.exit(2);
}
try {
  const measurement = await measureImport(dir);
  await cleanUp();
  if (process.send) process.send(measurement, () => process.exit(0));
  else console.log(JSON.stringify(measurement, null, 2));
} catch (error) {
  if (!interrupted) console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
  await cleanUp();
  process.exit(interrupted ? 130 : 1);
}
