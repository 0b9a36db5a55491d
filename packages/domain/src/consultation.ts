import { type IsoDate, reportingYear } from './calendar.ts';
import { tally } from './numbers.ts';

export type ConsultationRespondent = 'child' | 'carer' | 'parent';
export type ConsultationForm = {
  child: string;
  review?: IsoDate | null;
  respondent: ConsultationRespondent;
  received: IsoDate;
};

/**
 * Consultation forms received in the year, by respondent (§12, §14): counted by the date received,
 * whether or not the form's review matches a review on record. The lists behind `consultation.*`.
 */
export const consultationsByRespondent = <F extends ConsultationForm>(
  forms: readonly F[],
  year: number,
): Record<ConsultationRespondent, F[]> => {
  const { start, end } = reportingYear(year);
  const lists: Record<ConsultationRespondent, F[]> = { child: [], carer: [], parent: [] };
  for (const form of forms)
    if (form.received >= start && form.received <= end) lists[form.respondent].push(form);
  return lists;
};

/** Consultation forms received in the year, by respondent: the counts of {@link consultationsByRespondent}. */
export const consultationCounts = (
  forms: readonly ConsultationForm[],
  year: number,
): Record<ConsultationRespondent, number> => {
  const lists = consultationsByRespondent(forms, year);
  return { child: lists.child.length, carer: lists.carer.length, parent: lists.parent.length };
};

export type FeedbackAnswer = { child: string; review: IsoDate; question: string; answer: string };

/** Answers per question over reviews dated in [from, to]: `{ question: { answer: count } }` (§12). */
export const feedbackCounts = (
  answers: readonly FeedbackAnswer[],
  from: IsoDate,
  to: IsoDate,
): Record<string, Record<string, number>> => {
  const counts: Record<string, Record<string, number>> = {};
  for (const a of answers) {
    if (a.review < from || a.review > to) continue;
    counts[a.question] ??= {};
    tally(counts[a.question]!, a.answer);
  }
  return counts;
};

export type FeedbackComment = { approvedBy?: string | null; checkedNoNames?: boolean };

/**
 * A comment reaches the Children in Care Council only after a manager approved it and it was
 * checked to name no person or place (§12).
 */
export const canShareWithChildrenInCareCouncil = (comment: FeedbackComment): boolean =>
  !!comment.approvedBy && comment.checkedNoNames === true;

export type AuditGrade = 'outstanding' | 'good' | 'requires_improvement' | 'inadequate';
export type Audit = { date: IsoDate; grade?: AuditGrade | null };

/** The audits behind `audits.completed` and each `audits.byGrade` key: dated in the year (§14). */
export const auditsBehind = <A extends Audit>(
  audits: readonly A[],
  year: number,
): { completed: A[]; byGrade: Record<string, A[]> } => {
  const { start, end } = reportingYear(year);
  const completed = audits.filter((a) => a.date >= start && a.date <= end);
  const byGrade: Record<string, A[]> = {};
  // A blank grade counts as `notRecorded` (§14).
  for (const audit of completed) {
    const grade = audit.grade || 'notRecorded';
    const list = byGrade[grade] ?? [];
    list.push(audit);
    byGrade[grade] = list;
  }
  return { completed, byGrade };
};

/** Audits dated in the year and by grade; a blank grade counts as `notRecorded` (§14). */
export const auditFigures = (
  audits: readonly Audit[],
  year: number,
): { completed: number; byGrade: Record<string, number> } => {
  const behind = auditsBehind(audits, year);
  const byGrade: Record<string, number> = {};
  for (const [grade, list] of Object.entries(behind.byGrade)) byGrade[grade] = list.length;
  return { completed: behind.completed.length, byGrade };
};
