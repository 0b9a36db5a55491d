import type { Transaction } from '@footprint/db';
import { type ExchangeRecords, type FileName, type ImportSet, readRecords } from '@footprint/exchange';
import type { ImportPart } from '@footprint/jobs';
import { updateReviewDetails } from '../data/update-review-details.ts';
import { upsertAudits } from '../data/upsert-audits.ts';
import { type NumberedConsultation, upsertConsultations } from '../data/upsert-consultations.ts';
import { upsertFeedback } from '../data/upsert-feedback.ts';
import { upsertMidwayReviews } from '../data/upsert-midway-reviews.ts';
import { upsertRecommendations } from '../data/upsert-recommendations.ts';
import { upsertReviews } from '../data/upsert-reviews.ts';

/** Rows per statement: about 13,000 parameters at most, well inside PostgreSQL's 65,535. */
const BATCH_SIZE = 1000;

/** The files this service holds, in the order they are written: reviews before their details. */
const FILES = [
  'reviews',
  'review_details',
  'midway_reviews',
  'recommendations',
  'consultations',
  'feedback',
  'audits',
] as const satisfies readonly FileName[];

type ReviewsFile = (typeof FILES)[number];

type Writers = {
  [F in ReviewsFile]: (tx: Transaction, tenant: string, batch: ExchangeRecords[F][]) => Promise<void>;
};

/**
 * Numbers consultation forms in file order within one (CHILD, RESPONDENT, RECEIVED), as the
 * exchange numbers reviews and recommendations, so the same file lands on the same rows again.
 * One counter per distinct form date is kept while the file is read.
 */
const consultationNumbering = () => {
  const counters = new Map<string, number>();
  return (batch: ExchangeRecords['consultations'][]): NumberedConsultation[] =>
    batch.map((record) => {
      const key = `${record.child}|${record.respondent}|${record.received}`;
      const sequence = (counters.get(key) ?? 0) + 1;
      counters.set(key, sequence);
      return { ...record, sequence };
    });
};

async function writeFile<F extends ReviewsFile>(
  tx: Transaction,
  tenant: string,
  set: ImportSet,
  file: F,
  write: Writers[F],
  onRows: (rows: number) => void,
) {
  let rows = 0;
  for await (const batch of readRecords(set, file, { batchSize: BATCH_SIZE })) {
    await write(tx, tenant, batch);
    rows += batch.length;
    onRows(batch.length);
  }
  return rows;
}

/**
 * The reviews service's share of an import (data-exchange.md §1, §3): the 903 Reviews file and the
 * extension files about reviews and what surrounds them. Every write is an upsert on the record's
 * own key, so importing the same files again changes nothing, a later year's overlapping rows
 * update the stored ones, and nothing the files do not name is touched. Counts are the file's rows.
 */
export const importPart: ImportPart = {
  service: 'reviews',
  files: FILES,
  write: async (tx, { tenant, set, onRows }) => {
    const numberConsultations = consultationNumbering();
    const writers: Writers = {
      reviews: upsertReviews,
      review_details: updateReviewDetails,
      midway_reviews: upsertMidwayReviews,
      recommendations: upsertRecommendations,
      consultations: (t, council, batch) => upsertConsultations(t, council, numberConsultations(batch)),
      feedback: upsertFeedback,
      audits: upsertAudits,
    };
    const counts: Partial<Record<FileName, number>> = {};
    for (const file of FILES) {
      if (!set.files[file]) continue;
      counts[file] = await writeFile(tx, tenant, set, file, writers[file], onRows);
    }
    return counts;
  },
};
