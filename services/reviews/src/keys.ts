import { isIsoDate } from '@footprint/domain';

/** What identifies a review: the council's CHILD reference, the review date and its file order. */
export type ReviewKey = { childId: string; reviewDate: string; sequence: number };

// Ids are readable (`C123/2024-03-01/1`); the CHILD part is URI-encoded so any reference survives.
export const reviewIdOf = (key: ReviewKey) =>
  `${encodeURIComponent(key.childId)}/${key.reviewDate}/${key.sequence}`;

/** The key an id names, or null when the id is not one this service made. */
export function reviewKeyOf(id: string): ReviewKey | null {
  const parts = id.split('/');
  if (parts.length !== 3) return null;
  const [child, reviewDate, sequenceText] = parts as [string, string, string];
  if (!isIsoDate(reviewDate) || !/^[1-9]\d{0,8}$/.test(sequenceText)) return null;
  let childId: string;
  try {
    childId = decodeURIComponent(child);
  } catch {
    return null;
  }
  return childId ? { childId, reviewDate, sequence: Number(sequenceText) } : null;
}

/** A recommendation is the Nth of its review, named by (CHILD, REVIEW) as the file does. */
export const recommendationIdOf = reviewIdOf;
export const recommendationKeyOf = reviewKeyOf;

/** A midway review is one per child and date. */
export const midwayReviewIdOf = (row: { childId: string; midwayDate: string }) =>
  `${encodeURIComponent(row.childId)}/${row.midwayDate}`;

/** A consultation form is one respondent's for one child on the date received, Nth of that day. */
export const consultationIdOf = (row: {
  childId: string;
  respondent: string;
  receivedOn: string;
  sequence: number;
}) => `${encodeURIComponent(row.childId)}/${row.receivedOn}/${row.respondent}/${row.sequence}`;

/** A feedback answer is one per child, review and question. */
export const feedbackAnswerIdOf = (row: { childId: string; reviewDate: string; question: string }) =>
  `${encodeURIComponent(row.childId)}/${row.reviewDate}/${encodeURIComponent(row.question)}`;
