import { addWorkingDays, type IsoDate } from './calendar.ts';
import { defaultLocalPolicy, type LocalPolicy } from './local-policy.ts';
import { percent } from './numbers.ts';

export type PaperworkDeadlines = {
  /** Review outcomes / decisions issued. */
  outcomesIssued: IsoDate;
  /** Review record (minutes) completed. */
  recordCompleted: IsoDate;
  /** Review record distributed to the child and others. */
  recordDistributed: IsoDate;
};

/** The paperwork due dates after a review (§6): N working days after it, N from local policy (5/15/20). */
export const paperworkDeadlines = (
  reviewDate: IsoDate,
  paperwork: LocalPolicy['paperwork'] = defaultLocalPolicy.paperwork,
): PaperworkDeadlines => ({
  outcomesIssued: addWorkingDays(reviewDate, paperwork.outcomesIssuedDays),
  recordCompleted: addWorkingDays(reviewDate, paperwork.recordCompletedDays),
  recordDistributed: addWorkingDays(reviewDate, paperwork.recordDistributedDays),
});

/** What was done after a review and when; an empty date is not done. */
export type PaperworkDates = {
  outcomesIssued?: IsoDate | null;
  recordCompleted?: IsoDate | null;
  recordDistributed?: IsoDate | null;
};

export type PaperworkTimeliness = {
  outcomesIssued: boolean;
  recordCompleted: boolean;
  recordDistributed: boolean;
};

const byDeadline = (done: IsoDate | null | undefined, deadline: IsoDate): boolean =>
  !!done && done <= deadline;

/**
 * Whether each piece of paperwork was done by its deadline. A missing date (or no details at all)
 * is not on time; a date recorded after 31 March still counts (§14): whether an obligation was met
 * uses every date recorded.
 */
export const paperworkTimeliness = (
  reviewDate: IsoDate,
  done: PaperworkDates | null | undefined,
  paperwork: LocalPolicy['paperwork'] = defaultLocalPolicy.paperwork,
): PaperworkTimeliness => {
  const deadlines = paperworkDeadlines(reviewDate, paperwork);
  return {
    outcomesIssued: byDeadline(done?.outcomesIssued, deadlines.outcomesIssued),
    recordCompleted: byDeadline(done?.recordCompleted, deadlines.recordCompleted),
    recordDistributed: byDeadline(done?.recordDistributed, deadlines.recordDistributed),
  };
};

export type PaperworkFigures = {
  outcomesOnTimePercent: number | null;
  recordCompletedOnTimePercent: number | null;
  recordDistributedOnTimePercent: number | null;
};

/**
 * Paperwork percentages over the reviews held in the year (§14), each with its details or null.
 * `paperworkOn` gives the paperwork standard in force for a review's date (local policy versions).
 */
export const paperworkFigures = (
  reviews: readonly { date: IsoDate; paperwork: PaperworkDates | null | undefined }[],
  paperworkOn: (date: IsoDate) => LocalPolicy['paperwork'] = () => defaultLocalPolicy.paperwork,
): PaperworkFigures => {
  let outcomes = 0;
  let completed = 0;
  let distributed = 0;
  for (const review of reviews) {
    const t = paperworkTimeliness(review.date, review.paperwork, paperworkOn(review.date));
    if (t.outcomesIssued) outcomes++;
    if (t.recordCompleted) completed++;
    if (t.recordDistributed) distributed++;
  }
  return {
    outcomesOnTimePercent: percent(outcomes, reviews.length),
    recordCompletedOnTimePercent: percent(completed, reviews.length),
    recordDistributedOnTimePercent: percent(distributed, reviews.length),
  };
};
