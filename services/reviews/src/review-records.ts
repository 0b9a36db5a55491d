import { childReviewSchedules } from '@footprint/domain';
import type { ReviewRow } from './data/find-reviews.ts';

/** A review as the API shows it: the row, and whether it counts in the child's schedule. */
export type ReviewRecord = ReviewRow & { countsInSchedule: boolean };

/**
 * Flags same-day duplicates with the domain's own rule (two reviews on one date count once, the
 * first row in file order stands: statutory-rules §3.1, §14). No periods are passed because only
 * the duplicates are wanted here; placing reviews on periods needs the child's episodes, which
 * `Child.reviewSchedule` receives. Rows may belong to several children and must hold every row of
 * each (child, date) they include.
 */
export function withScheduleFlags(rows: readonly ReviewRow[]): ReviewRecord[] {
  const byChild = new Map<string, ReviewRow[]>();
  for (const row of rows) byChild.set(row.childId, [...(byChild.get(row.childId) ?? []), row]);
  const duplicates = new Set<ReviewRow>();
  for (const childRows of byChild.values()) {
    const inFileOrder = [...childRows]
      .sort((a, b) => a.reviewDate.localeCompare(b.reviewDate) || a.sequence - b.sequence)
      .map((row) => ({ date: row.reviewDate, row }));
    for (const { row } of childReviewSchedules([], inFileOrder).duplicates) duplicates.add(row);
  }
  return rows.map((row) => ({ ...row, countsInSchedule: !duplicates.has(row) }));
}
