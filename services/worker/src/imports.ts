import { beginImportRun, updateImportRun } from '@footprint/children';
import { type Database, withTenant } from '@footprint/db';
import {
  type ExistingIds,
  type FileName,
  findFiles,
  formatProblems,
  validateImportSet,
} from '@footprint/exchange';
import type { ImportJobData, ImportOutcome, ImportPart, Job } from '@footprint/jobs';

/** A service's import part and the connection (its own role) it writes with. */
export type ImportWriter = { part: ImportPart; db: Database };

export type ImportProgress =
  | { phase: 'validating'; file: string; rows: number; bytesRead: number; bytes: number }
  | { phase: 'writing'; service: string; rows: number; total: number };

function mergeExisting(all: ExistingIds[]): ExistingIds {
  return Object.assign({}, ...all);
}

/**
 * One import, all or nothing: every row of every file is validated before anything is written;
 * then each service writes its own files in one transaction of its own role. A run that dies
 * half-way is re-run by the queue from the start: validation again, then idempotent upserts, so the
 * council ends with exactly what one clean run would have written. The council's import history
 * (children.import_runs) records each step.
 */
export async function processImport(
  job: Job<ImportJobData>,
  writers: ImportWriter[],
  history: Database,
): Promise<ImportOutcome> {
  const { tenant, importId, dir, year, requestedBy } = job.data;
  const inHistory = (work: Parameters<typeof withTenant>[2]) => withTenant(history, tenant, work);
  const set = await findFiles(dir);
  await inHistory((tx) =>
    beginImportRun(tx, { tenantId: tenant, id: importId, requestedBy, files: Object.keys(set.files).sort() }),
  );
  try {
    const existing = mergeExisting(
      await Promise.all(
        writers.map(({ part, db }) => (part.existingIds ? withTenant(db, tenant, part.existingIds) : {})),
      ),
    );
    const validation = await validateImportSet(set, {
      year,
      existing,
      onProgress: ({ file, rows, bytesRead, bytes }) =>
        void job.updateProgress({
          phase: 'validating',
          file,
          rows,
          bytesRead,
          bytes,
        } satisfies ImportProgress),
    });
    const warnings = validation.warnings;
    if (!validation.ok) {
      await inHistory((tx) =>
        updateImportRun(tx, importId, { status: 'invalid', problems: formatProblems(validation.errors) }),
      );
      return { status: 'invalid', problems: validation.errors, warnings };
    }

    await inHistory((tx) => updateImportRun(tx, importId, { status: 'writing' }));
    const total = Object.values(validation.rows).reduce((sum, n) => sum + (n ?? 0), 0);
    let written = 0;
    const counts: Partial<Record<FileName, number>> = {};
    for (const { part, db } of writers) {
      if (!part.files.some((file) => set.files[file])) continue;
      const partCounts = await withTenant(db, tenant, (tx) =>
        part.write(tx, {
          tenant,
          set,
          year,
          onRows: (rows) => {
            written += rows;
            void job.updateProgress({
              phase: 'writing',
              service: part.service,
              rows: written,
              total,
            } satisfies ImportProgress);
          },
        }),
      );
      Object.assign(counts, partCounts);
      await inHistory((tx) =>
        updateImportRun(tx, importId, { status: 'writing', serviceWritten: part.service }),
      );
    }
    await inHistory((tx) =>
      updateImportRun(tx, importId, { status: 'completed', counts: counts as Record<string, number> }),
    );
    return { status: 'completed', counts, warnings };
  } catch (error) {
    await inHistory((tx) =>
      updateImportRun(tx, importId, {
        status: 'failed',
        error: error instanceof Error ? error.message : String(error),
      }),
    );
    throw error;
  }
}
