import { randomBytes } from 'node:crypto';
import { copyFile, mkdir, readdir, rm, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { connect } from '@footprint/db';
import { fileNameOf, formatProblems, problemsAsJson } from '@footprint/exchange';
import { findTenant } from '@footprint/identity';
import {
  connectRedis,
  IMPORT_JOB,
  IMPORTS_QUEUE,
  type ImportJobData,
  type ImportOutcome,
  queuePrefix,
} from '@footprint/jobs';
import { Queue, QueueEvents } from 'bullmq';
import { systemSettings } from '../system/settings.ts';
import { CliError } from './usage.ts';

type Progress =
  | { phase: 'validating'; file: string; rows: number; bytesRead: number; bytes: number }
  | { phase: 'writing'; service: string; rows: number; total: number };

const describe = (p: Progress) =>
  p.phase === 'validating'
    ? `checking ${p.file}: ${p.rows.toLocaleString('en-GB')} rows (${Math.round((100 * p.bytesRead) / Math.max(p.bytes, 1))}%)`
    : `writing ${p.service}: ${p.rows.toLocaleString('en-GB')} of ${p.total.toLocaleString('en-GB')} rows`;

/** Copies the recognised files to the staging area the worker reads, so the folder may change after. */
async function stage(dir: string, importsDir: string, importId: string) {
  const target = join(importsDir, importId);
  await mkdir(target, { recursive: true });
  const names = (await readdir(dir, { withFileTypes: true }))
    .filter((entry) => entry.isFile())
    .map((e) => e.name);
  for (const name of names) await copyFile(join(dir, name), join(target, name));
  return { target, recognised: names.filter((name) => fileNameOf(name)).length };
}

/**
 * `footprint import --tenant <slug> [--year YYYY] [--format json] <dir>`: runs the import as a job on
 * the worker and waits for it. Every problem is printed, one per line as `file:row: COLUMN: message`
 * (or a JSON array), and nothing is written; exit 1. Otherwise rows written per file; exit 0.
 */
export async function importCommand(args: string[]) {
  const { positionals, values } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      tenant: { type: 'string' },
      year: { type: 'string' },
      format: { type: 'string', default: 'text' },
    },
  });
  const [dirArg, ...extra] = positionals;
  if (!values.tenant) throw new CliError('--tenant <slug> is required');
  if (!dirArg || extra.length) throw new CliError('import takes one folder');
  if (values.format !== 'text' && values.format !== 'json') throw new CliError('--format is text or json');
  if (values.year !== undefined && !/^\d{4}$/.test(values.year))
    throw new CliError('--year is a year, e.g. 2023');
  const dir = resolve(dirArg);
  if (!(await stat(dir).catch(() => null))?.isDirectory()) throw new CliError(`${dirArg} is not a folder`);

  const settings = systemSettings();
  const identity = connect(settings.urlFor('identity'), { max: 1 });
  const tenant = await findTenant(identity.db, values.tenant).finally(() => identity.close());
  if (!tenant) {
    console.error(`No council "${values.tenant}": create it with footprint tenants create`);
    return 1;
  }

  const importId = `${new Date().toISOString().replace(/[-:.]/g, '').slice(0, 15)}-${randomBytes(3).toString('hex')}`;
  const { target, recognised } = await stage(dir, settings.importsDir, importId);
  if (recognised === 0) {
    await rm(target, { recursive: true, force: true });
    console.error(
      `No import files in ${dirArg} (expected names such as header.csv, episodes.csv, reviews.csv)`,
    );
    return 1;
  }

  // BullMQ leaves connections it was given open: both are closed here when the import ends.
  const connection = connectRedis(settings.redisUrl);
  const eventsConnection = connectRedis(settings.redisUrl);
  const queue = new Queue<ImportJobData>(IMPORTS_QUEUE, { connection, prefix: queuePrefix() });
  const events = new QueueEvents(IMPORTS_QUEUE, { connection: eventsConnection, prefix: queuePrefix() });
  const tty = process.stderr.isTTY;
  try {
    await events.waitUntilReady();
    const job = await queue.add(
      IMPORT_JOB,
      {
        importId,
        tenant: tenant.slug,
        dir: target,
        year: values.year ? Number(values.year) : undefined,
        requestedBy: `cli:${process.env.USER ?? 'unknown'}`,
      },
      { jobId: importId, attempts: 3, backoff: { type: 'exponential', delay: 2_000 }, removeOnComplete: 500 },
    );
    events.on('progress', ({ jobId, data }) => {
      if (tty && jobId === job.id) process.stderr.write(`\r\x1b[2K${describe(data as Progress)}`);
    });
    const waiting = setTimeout(
      () => console.error('Waiting for the worker to take the import (is ./scripts/start running?)'),
      15_000,
    );
    const outcome = (await job
      .waitUntilFinished(events)
      .finally(() => clearTimeout(waiting))) as ImportOutcome;
    if (tty) process.stderr.write('\r\x1b[2K');
    return report(outcome, values.format);
  } finally {
    await Promise.all([queue.close(), events.close()]);
    connection.disconnect();
    eventsConnection.disconnect();
    await rm(target, { recursive: true, force: true });
  }
}

function report(outcome: ImportOutcome, format: string) {
  if (format === 'json') {
    const body =
      outcome.status === 'invalid'
        ? problemsAsJson(outcome.problems)
        : { status: outcome.status, counts: outcome.counts, warnings: problemsAsJson(outcome.warnings) };
    console.log(JSON.stringify(body, null, 2));
  } else {
    for (const line of formatProblems(outcome.warnings)) console.error(`warning: ${line}`);
    if (outcome.status === 'invalid') for (const line of formatProblems(outcome.problems)) console.log(line);
    else for (const [file, rows] of Object.entries(outcome.counts)) console.log(`${file}: ${rows} rows`);
  }
  return outcome.status === 'invalid' ? 1 : 0;
}
