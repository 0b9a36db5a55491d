import type { LocalPolicyVersion } from '@footprint/domain';
import type { FileName, ImportSet } from './files.ts';
import { parseFile, type Sink } from './pass.ts';
import { parseContext, readLocalPolicyFile } from './policy.ts';
import { formatProblem, type Problem } from './problems.ts';
import type { ExchangeRecords } from './records.ts';

/** A file read for its records has a problem: validate the set first (`validateImportSet`). */
export class InvalidImportError extends Error {
  constructor(readonly problems: Problem[]) {
    super(`the import files have problems; validate them first:\n${problems.map(formatProblem).join('\n')}`);
    this.name = 'InvalidImportError';
  }
}

export type ReadRecordsOptions = {
  /** Records per batch (default 1,000). */
  batchSize?: number;
  /** The import's `--year` (oc2 rows without a YEAR of their own). */
  year?: number;
  /** The tenant's stored local policy (its own escalation themes and stages), as for validation. */
  policy?: readonly LocalPolicyVersion[];
};

// Files whose rows carry a sequence number, and the fields that scope it.
const SEQUENCE_SCOPE: Partial<Record<FileName, (r: Record<string, unknown>) => string>> = {
  reviews: (r) => `${r.child}|${r.review}`,
  recommendations: (r) => `${r.child}|${r.review}`,
  escalation_events: (r) => `${r.escalation}|${r.date}`,
};

/**
 * The normalised records of one file, in file order, in batches, for a writer to upsert without
 * holding the file: `for await (const batch of readRecords(set, 'episodes')) …`. A second streaming
 * pass over the file (validation is the first): only sequence counters are kept. A file not in the set
 * yields nothing. Throws {@link InvalidImportError} at the first bad row.
 */
export async function* readRecords<F extends FileName>(
  set: ImportSet,
  file: F,
  options: ReadRecordsOptions = {},
): AsyncGenerator<ExchangeRecords[F][]> {
  const found = set.files[file];
  if (!found) return;
  const batchSize = Math.max(1, options.batchSize ?? 1000);
  const errors: Problem[] = [];
  const ignoreWarnings: Sink = { error: (p) => errors.push(p), warning: () => {} };
  const versions = [...(options.policy ?? [])];

  if (file === 'local_policy') {
    const policy = await readLocalPolicyFile(found, ignoreWarnings);
    if (errors.length > 0) throw new InvalidImportError(errors);
    for (let i = 0; i < policy.records.length; i += batchSize)
      yield policy.records.slice(i, i + batchSize) as ExchangeRecords[F][];
    return;
  }
  if ((file === 'escalations' || file === 'escalation_events') && set.files.local_policy) {
    // Only the themes and stages matter here; the policy file's own problems belong to its validation.
    const policy = await readLocalPolicyFile(set.files.local_policy, { error: () => {}, warning: () => {} });
    versions.push(...policy.versions);
  }
  const ctx = parseContext(options.year, versions);
  const scope = SEQUENCE_SCOPE[file];
  const sequences = new Map<string, number>();
  let batch: ExchangeRecords[F][] = [];
  for await (const { row, draft, complete } of parseFile(file, found, ctx, ignoreWarnings)) {
    if (errors.length > 0 || !complete) throw new InvalidImportError(errors);
    const record = { row, ...draft } as Record<string, unknown>;
    if (scope) {
      const key = scope(record);
      const sequence = (sequences.get(key) ?? 0) + 1;
      sequences.set(key, sequence);
      record.sequence = sequence;
    }
    batch.push(record as ExchangeRecords[F]);
    if (batch.length >= batchSize) {
      yield batch;
      batch = [];
    }
  }
  if (errors.length > 0) throw new InvalidImportError(errors);
  if (batch.length > 0) yield batch;
}

/** Every record of one file, in one array (for small files and tests; large files: `readRecords`). */
export const readAllRecords = async <F extends FileName>(
  set: ImportSet,
  file: F,
  options: ReadRecordsOptions = {},
): Promise<ExchangeRecords[F][]> => {
  const all: ExchangeRecords[F][] = [];
  for await (const batch of readRecords(set, file, options)) all.push(...batch);
  return all;
};

/** The local_policy file as the domain's policy versions (to store for the tenant). Throws on a bad row. */
export const readLocalPolicyVersions = async (set: ImportSet): Promise<LocalPolicyVersion[]> => {
  const found = set.files.local_policy;
  if (!found) return [];
  const errors: Problem[] = [];
  const { versions } = await readLocalPolicyFile(found, { error: (p) => errors.push(p), warning: () => {} });
  if (errors.length > 0) throw new InvalidImportError(errors);
  return versions;
};
