import type { Transaction } from '@footprint/db';
import type { ExistingIds, FileName, ImportSet, Problem } from '@footprint/exchange';

/** Imports run one at a time per worker: each holds a council's files and writes in bulk. */
export const IMPORTS_QUEUE = 'imports';
export const IMPORT_JOB = 'import';

export type ImportJobData = {
  importId: string;
  tenant: string;
  /** The staged copy of the council's files (shared storage between the command, portal and worker). */
  dir: string;
  /** For an `oc2` file without YEAR (further-tables.md §2a). */
  year?: number;
  requestedBy: string;
};

/** What an import ends with: counts per file, or every problem found (nothing then written). */
export type ImportOutcome =
  | { status: 'completed'; counts: Partial<Record<FileName, number>>; warnings: Problem[] }
  | { status: 'invalid'; problems: Problem[]; warnings: Problem[] };

/**
 * One service's share of an import: the files it owns and how it writes them. The worker calls
 * `write` inside one transaction of the service's own role with the council set, so a service's
 * part lands whole or not at all; writes are upserts, so running a part again changes nothing.
 */
export type ImportPart = {
  service: string;
  files: readonly FileName[];
  /** Ids the service already holds, so that a later year's files may refer to earlier records. */
  existingIds?: (tx: Transaction) => Promise<ExistingIds>;
  write: (
    tx: Transaction,
    context: { tenant: string; set: ImportSet; year?: number; onRows: (rows: number) => void },
  ) => Promise<Partial<Record<FileName, number>>>;
};
