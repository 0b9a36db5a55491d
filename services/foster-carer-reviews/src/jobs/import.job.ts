import type { Transaction } from '@footprint/db';
import { type ExchangeRecords, type FileName, readRecords } from '@footprint/exchange';
import type { ImportPart } from '@footprint/jobs';
import { upsertHouseholds } from '../data/upsert-households.ts';
import { upsertReviews } from '../data/upsert-reviews.ts';
import { households } from '../db/tables.ts';

const BATCH = 1000;

type Writer<F extends FileName> = (
  tx: Transaction,
  tenantId: string,
  batch: ExchangeRecords[F][],
) => Promise<void>;

/**
 * The foster carer reviews service's share of an import: foster_households.csv, then
 * foster_reviews.csv (a review refers to its household). Every write is an upsert on the council's
 * own references, so the same files twice change nothing and a later year's files update the
 * overlap; nothing is deleted.
 */
export const importPart: ImportPart = {
  service: 'foster-carer-reviews',
  files: ['foster_households', 'foster_reviews'],
  existingIds: async (tx) => ({
    households: new Set((await tx.select({ id: households.id }).from(households)).map((row) => row.id)),
  }),
  write: async (tx, { tenant, set, onRows }) => {
    const counts: Partial<Record<FileName, number>> = {};
    const each = async <F extends FileName>(file: F, write: Writer<F>) => {
      if (!set.files[file]) return;
      let rows = 0;
      for await (const batch of readRecords(set, file, { batchSize: BATCH })) {
        await write(tx, tenant, batch);
        rows += batch.length;
        onRows(batch.length);
      }
      counts[file] = rows;
    };
    await each('foster_households', upsertHouseholds);
    await each('foster_reviews', upsertReviews);
    return counts;
  },
};
