/** One row of a children table, ready to show: codes in words, dates the GOV.UK way. */
export type ChildRow = {
  id: string;
  name: string;
  age: number;
  placement: string;
  iro: string | null;
  lastReview: string | null;
  nextReviewDue: string | null;
  overdue: boolean;
  daysOverdue: number;
};
