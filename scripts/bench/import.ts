import { fork } from 'node:child_process';
import { rmSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { connect } from '@footprint/db';
import { formatProblems, validateFolder } from '@footprint/exchange';
import { Redis } from '@footprint/jobs';
import { sql } from 'drizzle-orm';
import type { ImportMeasurement } from './import-run.ts';
import { count, MB, megabytes, seconds } from './measure.ts';
import {
  HISTORY_END,
  HISTORY_START,
  type SyntheticCouncil,
  type SyntheticFile,
  writeSyntheticCouncil,
} from './synthetic-council.ts';
import { table } from './table.ts';

/** The issue's council: ten years of history, about 5,000 children, 30,000 episodes, 30,000 reviews. */
export const DEFAULT_SIZES = [5_000, 10_000];
const TARGET_MS = 60_000;
const FILES: SyntheticFile[] = ['header', 'episodes', 'reviews', 'iros', 'allocations'];

export class BenchAbort extends Error {}

const settings = () => ({
  databaseUrl: process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:54329/postgres',
  redisUrl: process.env.REDIS_URL ?? 'redis://127.0.0.1:63799',
});

const timeout = (ms: number, what: string) =>
  new Promise<never>((_, reject) =>
    setTimeout(() => reject(new Error(`${what}: no answer in ${ms} ms`)), ms).unref(),
  );

/** The error's own words: drizzle wraps the driver's ("Failed query: …") in `cause`. */
const reason = (error: unknown): string => {
  if (!(error instanceof Error)) return String(error);
  return error.cause instanceof Error ? reason(error.cause) : error.message || error.name;
};

/** The local PostgreSQL and Redis that ./scripts/start or ./scripts/test bring up: the bench starts neither. */
async function checkServices(databaseUrl: string, redisUrl: string) {
  const problems: string[] = [];
  const pg = connect(databaseUrl, { max: 1, applicationName: 'bench' });
  try {
    await Promise.race([pg.db.execute(sql`select 1`), timeout(5_000, 'PostgreSQL')]);
  } catch (error) {
    problems.push(`PostgreSQL at ${databaseUrl}: ${reason(error)}`);
  } finally {
    await pg.close().catch(() => {});
  }
  // One attempt, no retries: the worker's own connections retry for ever.
  const redis = new Redis(redisUrl, {
    lazyConnect: true,
    retryStrategy: () => null,
    maxRetriesPerRequest: 0,
  });
  let refused: unknown;
  redis.on('error', (error) => {
    refused = error; // its words beat "Connection is closed."
  });
  try {
    await Promise.race([redis.connect().then(() => redis.ping()), timeout(5_000, 'Redis')]);
  } catch (error) {
    problems.push(`Redis at ${redisUrl}: ${reason(refused ?? error)}`);
  } finally {
    redis.disconnect();
  }
  if (problems.length) {
    throw new BenchAbort(
      [
        'The import benchmark needs the local PostgreSQL and Redis, and could not reach them:',
        ...problems.map((p) => `  ${p}`),
        'Bring them up with ./scripts/start (or set DATABASE_URL and REDIS_URL), then run pnpm bench again.',
      ].join('\n'),
    );
  }
}

/**
 * Runs one measured import in a fresh process (scripts/bench/import-run.ts) and returns what it
 * measured. Interrupted, the run drops its database and Redis keys and exits; a signal to this
 * process is passed on to it, and this process waits.
 */
function runImport(dir: string): Promise<ImportMeasurement> {
  return new Promise((resolve, reject) => {
    const child = fork(fileURLToPath(new URL('./import-run.ts', import.meta.url)), [dir], {
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    let result: ImportMeasurement | undefined;
    const passOn = (signal: NodeJS.Signals) => child.kill(signal);
    process.on('SIGINT', passOn);
    process.on('SIGTERM', passOn);
    child.on('message', (message) => {
      result = message as ImportMeasurement;
    });
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      process.off('SIGINT', passOn);
      process.off('SIGTERM', passOn);
      if (result && code === 0) resolve(result);
      else if (code === 130)
        reject(new BenchAbort('Interrupted: the run dropped its database and Redis keys.'));
      else reject(new BenchAbort(`The import run failed (${signal ?? `exit ${code}`}); see above.`));
    });
  });
}

/** Until `remove`: a signal removes the folder and ends the bench (a running import passes it on first). */
function removeOnSignal(dir: string) {
  const stop = (signal: NodeJS.Signals) => {
    if (process.listenerCount(signal) > 1) return; // an import run is going: it ends first, then `finally`
    rmSync(dir, { recursive: true, force: true });
    process.exit(130);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  return () => {
    process.off('SIGINT', stop);
    process.off('SIGTERM', stop);
  };
}

type SizeResult = {
  council: SyntheticCouncil;
  generateMs: number;
  checkMs: number;
  run: ImportMeasurement;
};

async function benchSize(children: number, log: (line: string) => void): Promise<SizeResult> {
  const dir = await mkdtemp(join(tmpdir(), 'footprint-bench-'));
  const unwatch = removeOnSignal(dir);
  try {
    log(`${count(children)} children: writing the synthetic council`);
    let started = performance.now();
    const council = await writeSyntheticCouncil(dir, { children });
    const generateMs = performance.now() - started;

    log(`${count(children)} children: checking the files (validateFolder)`);
    started = performance.now();
    const check = await validateFolder(dir);
    const checkMs = performance.now() - started;
    if (!check.ok) {
      const lines = formatProblems(check.errors);
      throw new BenchAbort(
        [
          `The synthetic council is not a valid import (${count(lines.length)} problems); the generator needs fixing:`,
          ...lines.slice(0, 50),
          ...(lines.length > 50 ? [`… and ${count(lines.length - 50)} more`] : []),
        ].join('\n'),
      );
    }
    if (check.warnings.length) {
      log(
        `  note: ${check.warnings.length} warnings, e.g. ${formatProblems(check.warnings.slice(0, 3)).join('; ')}`,
      );
    }

    log(`${count(children)} children: importing through the worker's import job`);
    const run = await runImport(dir);
    for (const file of FILES) {
      if (run.counts[file] !== council.rows[file] || run.stored[file] !== council.rows[file]) {
        throw new BenchAbort(
          `${file}: generated ${council.rows[file]} rows, the import reported ${run.counts[file]}, the database holds ${run.stored[file]}`,
        );
      }
    }
    return { council, generateMs, checkMs, run };
  } finally {
    unwatch();
    await rm(dir, { recursive: true, force: true });
  }
}

const totalRows = (council: SyntheticCouncil) => FILES.reduce((sum, f) => sum + council.rows[f], 0);

type Line = [label: string, value: (r: SizeResult) => number, show: (n: number) => string];

function printResults(results: SizeResult[]) {
  const services = Object.keys(results[0]!.run.serviceMs);
  const lines: Line[] = [
    ...FILES.map((file): Line => [`${file}.csv rows`, (r) => r.council.rows[file], count]),
    ['rows in all', (r) => totalRows(r.council), count],
    ['files on disk', (r) => r.council.bytes, (n) => `${(n / MB).toFixed(1)} MB`],
    ['validation', (r) => r.run.validateMs, seconds],
    ['writing', (r) => r.run.writeMs, seconds],
    ...services.map((s): Line => [`  of which ${s}`, (r) => r.run.serviceMs[s] ?? 0, seconds]),
    ['import, queued to done', (r) => r.run.totalMs, seconds],
    ['rows per second', (r) => (1000 * totalRows(r.council)) / r.run.totalMs, count],
    ['peak RSS', (r) => r.run.peakRss, megabytes],
    ['peak heap used', (r) => r.run.peakHeap, megabytes],
    ['RSS before the import', (r) => r.run.baselineRss, megabytes],
    ['heap before the import', (r) => r.run.baselineHeap, megabytes],
  ];
  // With two sizes, the second's figure over the first's: about 2 for time, about 1 for flat memory.
  const ratio = results.length === 2;
  const head = [
    '',
    ...results.map((r) => `${count(r.council.children)} children`),
    ...(ratio ? ['ratio'] : []),
  ];
  const rows = lines.map(([label, value, show]) => {
    const values = results.map(value);
    return [label, ...values.map(show), ...(ratio ? [`×${(values[1]! / values[0]!).toFixed(2)}`] : [])];
  });
  console.log(table(head, rows));
  const each = (ms: (r: SizeResult) => number) => results.map((r) => seconds(ms(r))).join(', ');
  console.log(
    [
      '',
      `Not in the import time: writing the files (${each((r) => r.generateMs)}), checking them with ` +
        `validateFolder (${each((r) => r.checkMs)}), a database with every migration (${each((r) => r.run.setupMs)}).`,
      "Validation: the job taken → its last file validated; writing: → the job completed (every service's part).",
      `Memory: sampled every 50 ms in the process running the worker (${results.map((r) => count(r.run.samples)).join(', ')} samples), a fresh process per size.`,
    ].join('\n'),
  );
  const first = results[0]!;
  console.log(
    `\n${count(first.council.children)} children, ten years: imported in ${seconds(first.run.totalMs)}, ` +
      `${first.run.totalMs < TARGET_MS ? 'under' : 'NOT under'} the 60 s target.`,
  );
  if (ratio) {
    const [a, b] = results as [SizeResult, SizeResult];
    const times = (value: (r: SizeResult) => number) => `×${(value(b) / value(a)).toFixed(2)}`;
    console.log(
      `Files ${times((r) => r.council.bytes)}: peak RSS ${times((r) => r.run.peakRss)}, ` +
        `peak heap ${times((r) => r.run.peakHeap)}, time ${times((r) => r.run.totalMs)}.`,
    );
  }
}

/** `pnpm bench import [--children 5000,10000]`: the synthetic council imported at each size. */
export async function importBenchmark(options: { sizes?: number[] } = {}) {
  const sizes = options.sizes ?? DEFAULT_SIZES;
  const { databaseUrl, redisUrl } = settings();
  // The measured run is a child process: it finds both through the environment.
  process.env.DATABASE_URL = databaseUrl;
  process.env.REDIS_URL = redisUrl;
  await checkServices(databaseUrl, redisUrl);

  console.log(
    `Import: a synthetic council, ${HISTORY_START} to ${HISTORY_END}, at ${sizes.map(count).join(' and ')} children`,
  );
  const results: SizeResult[] = [];
  for (const children of sizes) results.push(await benchSize(children, (line) => console.error(`  ${line}`)));
  console.log();
  printResults(results);
}
