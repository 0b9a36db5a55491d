import type { Transaction } from '@footprint/db';
import { type ExchangeRecords, type FileName, readRecords } from '@footprint/exchange';
import type { ImportPart } from '@footprint/jobs';
import { findImportVocabulary } from '../data/find-import-vocabulary.ts';
import { upsertEscalationEvents } from '../data/upsert-escalation-events.ts';
import { upsertEscalations } from '../data/upsert-escalations.ts';
import { escalations } from '../db/tables.ts';

const BATCH = 1000;

type Writer<F extends FileName> = (
  tx: Transaction,
  tenantId: string,
  batch: ExchangeRecords[F][],
) => Promise<void>;

/**
 * The escalations service's share of an import: escalations.csv, then escalation_events.csv (an
 * event refers to its escalation). Every write is an upsert on the council's own references, so the
 * same files twice change nothing and a later year's files update the overlap; nothing is deleted.
 */
export const importPart: ImportPart = {
  service: 'escalations',
  files: ['escalations', 'escalation_events'],
  existingIds: async (tx) => ({
    escalations: new Set((await tx.select({ id: escalations.id }).from(escalations)).map((row) => row.id)),
  }),
  write: async (tx, { tenant, set, onRows }) => {
    const counts: Partial<Record<FileName, number>> = {};
    // Read with the council's own themes and stages, as validation did.
    const policy = await findImportVocabulary(tx);
    const each = async <F extends FileName>(file: F, write: Writer<F>) => {
      if (!set.files[file]) return;
      let rows = 0;
      for await (const batch of readRecords(set, file, { batchSize: BATCH, policy })) {
        await write(tx, tenant, batch);
        rows += batch.length;
        onRows(batch.length);
      }
      counts[file] = rows;
    };
    await each('escalations', upsertEscalations);
    await each('escalation_events', upsertEscalationEvents);
    return counts;
  },
};
