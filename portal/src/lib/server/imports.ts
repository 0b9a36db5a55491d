import { randomBytes } from 'node:crypto';
import { mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileNameOf, type Problem } from '@footprint/exchange';
import type { SignedIn } from '@footprint/identity';
import {
  connectRedis,
  IMPORT_JOB,
  IMPORTS_QUEUE,
  type ImportJobData,
  type ImportOutcome,
  Queue,
  queuePrefix,
  type Redis,
} from '@footprint/jobs';
import { error } from '@sveltejs/kit';
import { getSettings } from './env.ts';
import { queryGateway } from './gateway.ts';
import { log } from './log.ts';

/** What the worker reports while it runs an import (services/worker's ImportProgress). */
export type ImportProgress =
  | { phase: 'validating'; file: string; rows: number; bytesRead: number; bytes: number }
  | { phase: 'writing'; service: string; rows: number; total: number };

let connection: Redis | undefined;
let queue: Queue<ImportJobData> | undefined;

/** The one Redis connection and imports queue, opened on first use and closed when the server stops. */
function importsQueue() {
  if (!queue) {
    const settings = getSettings();
    connection = connectRedis(settings.REDIS_URL);
    // ioredis reconnects by itself; without a listener an outage would be an unhandled 'error'.
    connection.on('error', (cause) => log('warn', 'redis connection error', { error: String(cause) }));
    queue = new Queue<ImportJobData>(IMPORTS_QUEUE, {
      connection,
      prefix: settings.FOOTPRINT_QUEUE_PREFIX ?? queuePrefix(),
    });
  }
  return queue;
}

export async function closeImportsQueue() {
  const open = queue;
  const redis = connection;
  queue = undefined;
  connection = undefined;
  await open?.close();
  await redis?.quit().catch(() => redis.disconnect());
}

const timeoutMs = 5_000;

/** A queue call that cannot hang the page: Redis away is a 503 with the request id, as the gateway's. */
async function withQueue<T>(requestId: string, what: string, work: (q: Queue<ImportJobData>) => Promise<T>) {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      work(importsQueue()),
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer from Redis within ${timeoutMs} ms`)), timeoutMs);
      }),
    ]);
  } catch (cause) {
    log('error', `imports queue: ${what} failed`, { requestId, error: String(cause) });
    error(503, { message: 'Sorry, there is a problem with the service. Try again later.', requestId });
  } finally {
    clearTimeout(timer);
  }
}

/** The same form of id as `footprint import` gives: sortable by time, unguessable enough, path-safe. */
export const newImportId = () =>
  `${new Date().toISOString().replace(/[-:.]/g, '').slice(0, 15)}-${randomBytes(3).toString('hex')}`;

export const importIdPattern = /^\d{8}T\d{6}-[0-9a-f]{6}$/;

const stagingDir = (importId: string) => {
  if (!importIdPattern.test(importId)) throw new Error(`not an import id: ${importId}`);
  return join(getSettings().FOOTPRINT_IMPORTS_DIR, importId);
};

/**
 * A file's name as the browser sent it, reduced to its last part and to [A-Za-z0-9._-]; null when
 * nothing usable is left (a hidden file, `..`).
 */
export function safeFileName(name: string): string | null {
  const base = name.split(/[/\\]/).pop() ?? '';
  const safe = base.replace(/[^A-Za-z0-9._-]/g, '_');
  if (!safe || safe.startsWith('.') || safe.length > 100) return null;
  return safe;
}

export type UploadErrors = { files?: string };

/** The files chosen in the form, checked; nothing is staged unless every file is usable. */
export function checkUpload(
  entries: FormDataEntryValue[],
): { files: { name: string; file: File }[] } | { error: string } {
  // A form sent with no file chosen still carries one empty part without a name.
  const files = entries.filter((entry): entry is File => typeof entry !== 'string' && entry.name !== '');
  if (files.length === 0) return { error: 'Select the council’s files' };
  const chosen: { name: string; file: File }[] = [];
  const seen = new Set<string>();
  for (const file of files) {
    const name = safeFileName(file.name);
    if (!name)
      return { error: `${file.name} is not a file name Footprint can use: rename it, like episodes.csv` };
    const key = name.toLowerCase();
    if (seen.has(key)) return { error: `Select ${name} only once` };
    seen.add(key);
    chosen.push({ name, file });
  }
  if (!chosen.some(({ name }) => fileNameOf(name))) {
    return { error: 'Select the council’s import files, such as header.csv, episodes.csv and reviews.csv' };
  }
  return { files: chosen };
}

/**
 * Writes the files to `<FOOTPRINT_IMPORTS_DIR>/<importId>/` and adds the job, with the same options
 * as `footprint import`. The worker deletes nothing: the portal deletes the folder when the job ends.
 */
export async function startImport(
  session: SignedIn,
  tenant: string,
  files: { name: string; file: File }[],
  requestId: string,
): Promise<string> {
  const importId = newImportId();
  const dir = stagingDir(importId);
  await mkdir(dir, { recursive: true });
  try {
    for (const { name, file } of files)
      await writeFile(join(dir, name), new Uint8Array(await file.arrayBuffer()));
    await withQueue(requestId, 'add', (q) =>
      q.add(
        IMPORT_JOB,
        { importId, tenant, dir, requestedBy: session.email },
        {
          jobId: importId,
          attempts: 3,
          backoff: { type: 'exponential', delay: 2_000 },
          removeOnComplete: 500,
        },
      ),
    );
  } catch (cause) {
    await rm(dir, { recursive: true, force: true });
    throw cause;
  }
  log('info', 'import queued', { requestId, importId, tenant, files: files.map((f) => f.name) });
  return importId;
}

export type ImportState =
  | { state: 'waiting' }
  /** The job is no longer kept by the queue: what the council's import history still says. */
  | { state: 'past'; status: string; counts: { file: string; rows: number }[]; problemCount: number }
  | { state: 'running'; progress: ImportProgress | null }
  | { state: 'completed'; counts: { file: string; rows: number }[]; warnings: Problem[] }
  | { state: 'invalid'; problems: Problem[]; warnings: Problem[] }
  | { state: 'failed' };

const isProgress = (value: unknown): value is ImportProgress =>
  typeof value === 'object' && value !== null && 'phase' in value;

/**
 * Where an import stands, from its job. Null when there is no such job, or it is another council's
 * (a manager of one council never learns of another's imports). Once the job has ended for good, its
 * staged files are deleted.
 */
export async function importState(
  tenant: string,
  importId: string,
  requestId: string,
): Promise<{ requestedBy: string; requestedAt: Date; result: ImportState } | null> {
  if (!importIdPattern.test(importId)) return null;
  const found = await withQueue(requestId, 'read', async (q) => {
    const job = await q.getJob(importId);
    if (!job) return null;
    return { job, state: await job.getState() };
  });
  if (!found || found.job.data.tenant !== tenant) return null;
  const { job, state } = found;
  let result: ImportState;
  if (state === 'completed') {
    const outcome = job.returnvalue as ImportOutcome;
    result =
      outcome.status === 'completed'
        ? {
            state: 'completed',
            counts: Object.entries(outcome.counts).map(([file, rows]) => ({ file, rows: rows ?? 0 })),
            warnings: outcome.warnings,
          }
        : { state: 'invalid', problems: outcome.problems, warnings: outcome.warnings };
  } else if (state === 'failed') {
    log('error', 'import failed', { requestId, importId, error: job.failedReason });
    result = { state: 'failed' };
  } else if (state === 'active') {
    result = { state: 'running', progress: isProgress(job.progress) ? job.progress : null };
  } else {
    // waiting, delayed (a retry after a failed attempt), prioritized…
    result = { state: 'waiting' };
  }
  if (state === 'completed' || state === 'failed') {
    await rm(stagingDir(importId), { recursive: true, force: true });
  }
  return {
    requestedBy: job.data.requestedBy,
    requestedAt: new Date(job.timestamp),
    result,
  };
}

export type ImportRun = {
  id: string;
  requestedBy: string;
  requestedAt: string;
  status: string;
  files: string[];
  counts: { file: string; rows: number }[];
  problemCount: number;
};

const importRunsQuery = /* GraphQL */ `
  query PortalImportRuns($limit: Int) {
    importRuns(limit: $limit) { id requestedBy requestedAt status files counts { file rows } problemCount }
  }
`;

/** The council's import history, newest first (the children subgraph answers managers only). */
export async function importRuns(session: SignedIn, requestId: string, limit = 20): Promise<ImportRun[]> {
  const data = await queryGateway<{ importRuns: ImportRun[] }>(
    session,
    importRunsQuery,
    { limit },
    requestId,
  );
  return data.importRuns;
}

/**
 * Deletes the staged files of the council's imports that have ended. The result page does this as
 * soon as it sees the end, but nobody may be looking; a failure here never stops the page.
 */
export async function sweepStaged(tenant: string, requestId: string) {
  try {
    const ids = (await readdir(getSettings().FOOTPRINT_IMPORTS_DIR)).filter((n) => importIdPattern.test(n));
    if (!ids.length) return;
    const ended = await withQueue(requestId, 'sweep', async (q) => {
      const found: string[] = [];
      for (const id of ids) {
        const job = await q.getJob(id);
        if (job?.data.tenant !== tenant) continue;
        const state = await job.getState();
        if (state === 'completed' || state === 'failed') found.push(id);
      }
      return found;
    });
    for (const id of ended) await rm(stagingDir(id), { recursive: true, force: true });
  } catch (cause) {
    log('warn', 'staged imports not swept', { requestId, error: String(cause) });
  }
}

/** An import the queue no longer holds (it keeps the last 500), as the council's history has it. */
export async function pastImport(session: SignedIn, importId: string, requestId: string) {
  if (!importIdPattern.test(importId)) return null;
  const run = (await importRuns(session, requestId, 100)).find((r) => r.id === importId);
  if (!run) return null;
  const result: ImportState = {
    state: 'past',
    status: run.status,
    counts: run.counts,
    problemCount: run.problemCount,
  };
  return { requestedBy: run.requestedBy, requestedAt: new Date(run.requestedAt), result };
}
