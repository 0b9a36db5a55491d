import type { Transaction } from '@footprint/db';
import type { ParticipationCode } from '@footprint/domain';
import type { ExportRecord, ReviewRecord } from '@footprint/exchange';
import { asc } from 'drizzle-orm';
import { reviews } from '../db/tables.ts';

/**
 * The council's reviews for the SSDA903 reviews file, same-day duplicates included as recorded.
 * DOB is the children service's: the caller supplies it.
 */
export async function export903Reviews(tx: Transaction, dateOfBirth: ReadonlyMap<string, string>) {
  const rows = await tx
    .select({
      childId: reviews.childId,
      reviewDate: reviews.reviewDate,
      participation: reviews.participation,
    })
    .from(reviews)
    .orderBy(asc(reviews.childId), asc(reviews.reviewDate), asc(reviews.sequence));
  return rows.map(
    (r): ExportRecord<ReviewRecord> => ({
      child: r.childId,
      dob: dateOfBirth.get(r.childId) ?? '',
      review: r.reviewDate,
      code: r.participation as ParticipationCode | null,
    }),
  );
}
