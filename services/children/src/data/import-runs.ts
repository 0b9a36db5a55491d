import type { Transaction } from '@footprint/db';
import { desc, eq, sql } from 'drizzle-orm';
import { importRuns } from '../db/tables.ts';

export type ImportRunRow = typeof importRuns.$inferSelect;
export type ImportRunStatus = 'validating' | 'writing' | 'completed' | 'invalid' | 'failed';

/** The first problems are kept with the run; the person who imported got the full list. */
const PROBLEMS_KEPT = 200;

/** Opens (or, on a retry after a crash, re-opens) a council's record of one import. */
export async function beginImportRun(
  tx: Transaction,
  run: { tenantId: string; id: string; requestedBy: string; files: string[] },
) {
  await tx
    .insert(importRuns)
    .values({ ...run, status: 'validating', attempts: 1 })
    .onConflictDoUpdate({
      target: [importRuns.tenantId, importRuns.id],
      set: {
        status: 'validating',
        attempts: sql`${importRuns.attempts} + 1`,
        error: null,
        updatedAt: sql`now()`,
      },
    });
}

export async function updateImportRun(
  tx: Transaction,
  id: string,
  change: {
    status: ImportRunStatus;
    serviceWritten?: string;
    counts?: Record<string, number>;
    problems?: string[];
    error?: string;
  },
) {
  await tx
    .update(importRuns)
    .set({
      status: change.status,
      updatedAt: sql`now()`,
      ...(change.serviceWritten
        ? {
            servicesWritten: sql`array_append(array_remove(${importRuns.servicesWritten}, ${change.serviceWritten}), ${change.serviceWritten})`,
          }
        : {}),
      ...(change.counts ? { counts: change.counts } : {}),
      ...(change.problems
        ? { problemCount: change.problems.length, problems: change.problems.slice(0, PROBLEMS_KEPT) }
        : {}),
      ...(change.error ? { error: change.error } : {}),
    })
    .where(eq(importRuns.id, id));
}

export const listImportRuns = (tx: Transaction, limit: number) =>
  tx.select().from(importRuns).orderBy(desc(importRuns.requestedAt)).limit(limit);
