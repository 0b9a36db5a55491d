import {
  isOpenAtEndOf,
  isOverdueOn,
  pendingDueOn,
  reportingYear,
  reviewsDueInYear,
  type ScheduledReview,
} from '@footprint/domain';
import { membersUnder, type RecordBehindFigure as RecordBehind } from '@footprint/graphql';
import {
  type AuditMember,
  type ConsultationMember,
  type MidwayMember,
  REVIEW_DATA_QUALITY_CODES,
  type ReportChild,
  type ReportReview,
  type ReviewDataQualityCode,
  type ReviewReport,
} from './annual-report.ts';
import { consultationIdOf, midwayReviewIdOf, reviewIdOf } from './keys.ts';

/** What a figure's records are, for the audit trail, and the records themselves. */
export type RecordsBehind = {
  entity: 'Review' | 'Child' | 'MidwayReview' | 'ConsultationForm' | 'Audit';
  records: RecordBehind[];
};

type Trace = (report: ReviewReport) => RecordsBehind;
type MapTrace = (report: ReviewReport, key: string) => RecordsBehind;

// --- how each kind of record reads ---------------------------------------------------------------

const reviewRecord = (review: ReportReview, description: string): RecordBehind => ({
  child: { id: review.row.childId },
  date: review.date,
  reference: reviewIdOf(review.row),
  description,
});

const reviews = (
  list: readonly ReportReview[],
  describe: (review: ReportReview) => string,
): RecordsBehind => ({
  entity: 'Review',
  records: list.map((review) => reviewRecord(review, describe(review))),
});

const scheduled = (
  list: readonly ScheduledReview<ReportReview>[],
  describe: (review: ScheduledReview<ReportReview>) => string,
): RecordsBehind => ({
  entity: 'Review',
  records: list.map((review) => reviewRecord(review.review, describe(review))),
});

const held = (review: ScheduledReview<ReportReview>) =>
  `Review held ${review.date}, due ${review.dueDate} (${review.onTime ? 'on time' : 'late'})`;

const children = (
  list: readonly ReportChild[],
  record: (child: ReportChild) => RecordBehind,
): RecordsBehind => ({
  entity: 'Child',
  records: list.map(record),
});

const FORMAT_WORDS: Record<string, string> = {
  in_person: 'in person',
  virtual: 'virtual',
  hybrid: 'hybrid',
  notRecorded: 'format not recorded',
};

const CHAIRED_WORDS: Record<string, string> = {
  chair: 'chaired by the young person',
  co_chair: 'co-chaired by the young person',
};

/** The NI66 line of a child: when their period began and how their reviews due in the year went. */
const perChild = (report: ReviewReport) => (child: ReportChild) => {
  const { end } = reportingYear(report.year);
  const open = child.schedules.find((s) => !s.period.shortBreakOnly && isOpenAtEndOf(s.period, end));
  const due = reviewsDueInYear(child, report.year);
  const onTime = due.filter((d) => d.onTime).length;
  return {
    child: { id: child.childId },
    date: open?.period.start ?? null,
    reference: null,
    description: `Looked after since ${open?.period.start ?? 'an unknown date'}; reviews due in the year: ${due.length}, held on time: ${onTime}`,
  };
};

const overdue = (report: ReviewReport) => (child: ReportChild) => {
  const { end } = reportingYear(report.year);
  const schedule = child.schedules.find((s) => !s.period.shortBreakOnly && isOverdueOn(s, end));
  const dueDate = schedule ? (pendingDueOn(schedule, end)?.dueDate ?? null) : null;
  return {
    child: { id: child.childId },
    date: dueDate,
    reference: null,
    description: `Review due ${dueDate} not held by the end of ${end}`,
  };
};

const midway = (list: readonly MidwayMember[]): RecordsBehind => ({
  entity: 'MidwayReview',
  records: list.map((m) => ({
    child: { id: m.child },
    date: m.date,
    reference: midwayReviewIdOf(m.row),
    description: `Midway review held ${m.date}`,
  })),
});

const forms = (list: readonly ConsultationMember[]): RecordsBehind => ({
  entity: 'ConsultationForm',
  records: list.map((form) => ({
    child: { id: form.child },
    date: form.received,
    reference: consultationIdOf(form.row),
    description: `Consultation form from the ${form.respondent} received ${form.received}${
      form.review ? ` for the review of ${form.review}` : ''
    }`,
  })),
});

const audits = (list: readonly AuditMember[]): RecordsBehind => ({
  entity: 'Audit',
  records: list.map((audit) => ({
    child: { id: audit.row.childId },
    date: audit.date,
    reference: audit.row.auditId,
    description: `Audit dated ${audit.date}, ${audit.grade ? `graded ${audit.grade}` : 'grade not recorded'}`,
  })),
});

const QUALITY: Record<ReviewDataQualityCode, Trace> = {
  orphan_review: (r) =>
    reviews(r.behind.timeliness.orphanReviews, (v) => `Review held ${v.date} outside every period of care`),
  duplicate_review: (r) =>
    reviews(
      r.behind.timeliness.duplicateReviews,
      (v) => `Review recorded again for ${v.date} (the first recorded that day counts)`,
    ),
  short_break_reviews: (r) =>
    reviews(
      r.behind.timeliness.shortBreakReviews,
      (v) => `Review held ${v.date} in a short-break-only period (left out of the figures)`,
    ),
  pn0_after_4th_birthday: (r) =>
    reviews(
      r.behind.participation.flags.pn0_after_4th_birthday,
      (v) => `Review held ${v.date} coded PN0 after the 4th birthday (born ${v.dob})`,
    ),
  pn_code_under_4: (r) =>
    reviews(
      r.behind.participation.flags.pn_code_under_4,
      (v) => `Review held ${v.date} coded ${v.code} before the 4th birthday (born ${v.dob})`,
    ),
  participation_not_recorded: (r) =>
    reviews(
      r.behind.participation.flags.participation_not_recorded,
      (v) => `Review held ${v.date} with no participation code`,
    ),
};

// --- the figures this subgraph traces, by their path in the report's JSON -------------------------

const COUNTS = new Map<string, Trace>([
  ['reviews.held', (r) => scheduled(r.behind.timeliness.held, held)],
  ['reviews.onTime', (r) => scheduled(r.behind.timeliness.onTime, held)],
  ['reviews.late', (r) => scheduled(r.behind.timeliness.late, held)],
  [
    'reviews.childrenAllOnTime.eligible',
    (r) => children(r.behind.timeliness.childrenAllOnTime.eligible, perChild(r)),
  ],
  [
    'reviews.childrenAllOnTime.allOnTime',
    (r) => children(r.behind.timeliness.childrenAllOnTime.allOnTime, perChild(r)),
  ],
  ['reviews.midwayReviews', (r) => midway(r.dated.behind.midwayReviews)],
  ['reviews.overdueAt31March', (r) => children(r.behind.timeliness.overdueAt31March, overdue(r))],
  ['reviews.orphanReviews', QUALITY.orphan_review],
  ['audits.completed', (r) => audits(r.dated.behind.audits.completed)],
]);

const MAPS = new Map<string, MapTrace>([
  [
    'reviews.participation',
    (r, key) =>
      reviews(membersUnder(r.behind.participation.byCode, key), (v) =>
        v.code
          ? `Review held ${v.date}, participation ${key}`
          : `Review held ${v.date}, participation not recorded`,
      ),
  ],
  [
    'reviews.format',
    (r, key) =>
      scheduled(membersUnder(r.behind.format, key), (v) => `Review held ${v.date}, ${FORMAT_WORDS[key]}`),
  ],
  [
    'reviews.chairedByChild',
    (r, key) =>
      scheduled(
        membersUnder(r.behind.chairedByChild, key),
        (v) => `Review held ${v.date}, ${CHAIRED_WORDS[key]}`,
      ),
  ],
  ['consultation', (r, key) => forms(membersUnder(r.dated.behind.consultation, key))],
  ['audits.byGrade', (r, key) => audits(membersUnder(r.dated.behind.audits.byGrade, key))],
]);

const isReviewQualityCode = (code: string): code is ReviewDataQualityCode =>
  (REVIEW_DATA_QUALITY_CODES as readonly string[]).includes(code);

/**
 * How to find the records behind `figure`, or null when this subgraph computes no such count (a
 * percentage, `reviews.byMonth`, another subgraph's figure). Checked before anything is read, so an
 * unknown figure reads and records nothing.
 */
export function traceOf(figure: string): Trace | null {
  const count = COUNTS.get(figure);
  if (count) return count;
  const dot = figure.lastIndexOf('.');
  if (dot <= 0 || dot === figure.length - 1) return null;
  const map = figure.slice(0, dot);
  const key = figure.slice(dot + 1);
  // Only this subgraph's data-quality codes: the others are the children subgraph's.
  if (map === 'dataQuality') return isReviewQualityCode(key) ? QUALITY[key] : null;
  const trace = MAPS.get(map);
  return trace ? (report) => trace(report, key) : null;
}
