import {
  type AuditGrade,
  auditFigures,
  auditsBehind,
  type ChildReviewSchedules,
  type ConsultationRespondent,
  chairedByChildCounts,
  childReviewSchedules,
  consultationCounts,
  consultationsByRespondent,
  type DataQualityCode,
  dataQualityList,
  type MonthOfReviews,
  midwayReviewsIn,
  PARTICIPATION_CODES,
  type PaperworkFigures,
  type ParticipationBehind,
  type ParticipationCode,
  paperworkFigures,
  participationBehind,
  participationFigures,
  type ReviewFiguresBehind,
  type ReviewFormat,
  reportingYear,
  reviewFiguresBehind,
  reviewFiguresFromBehind,
  reviewFormatCounts,
  reviewsByFormat,
  reviewsByMonth,
  reviewsChairedByChild,
  reviewsHeldInYears,
  type ScheduledReview,
  timelinessFigures,
} from '@footprint/domain';
import {
  type CareHistoryFacts,
  type CodeCount,
  codeCounts,
  periodsOfRequiredEpisodes,
} from '@footprint/graphql';
import type { AuditRow } from './data/find-audits.ts';
import type { ConsultationRow } from './data/find-consultations.ts';
import type { MidwayReviewRow } from './data/find-midway-reviews.ts';
import type { ReportReviewRow } from './data/find-reviews.ts';

/** The council's rows dated in one or more reporting years: what consultation, audits and midway reviews count. */
export type DatedRecords = {
  midwayReviews: readonly MidwayReviewRow[];
  consultations: readonly ConsultationRow[];
  audits: readonly AuditRow[];
};

export type MidwayMember = { child: string; date: string; row: MidwayReviewRow };
export type ConsultationMember = {
  child: string;
  review: string | null;
  respondent: ConsultationRespondent;
  received: string;
  row: ConsultationRow;
};
export type AuditMember = { date: string; grade: AuditGrade | null; row: AuditRow };

export type ConsultationFigures = Record<ConsultationRespondent, number>;
export type AuditFigures = { completed: number; byGrade: CodeCount[] };

/** The figures of one year that need no periods of care, and the records behind them. */
export type DatedReport = {
  year: number;
  consultation: ConsultationFigures;
  audits: AuditFigures;
  behind: {
    midwayReviews: MidwayMember[];
    consultation: Record<ConsultationRespondent, ConsultationMember[]>;
    audits: { completed: AuditMember[]; byGrade: Record<string, AuditMember[]> };
  };
};

/**
 * Consultation forms, audits and midway reviews of reporting year `year`, as
 * packages/domain/src/exampleshire.test.ts computes them: forms by RECEIVED, audits by DATE (a
 * blank grade `notRecorded`), midway reviews as distinct (CHILD, DATE) pairs (§14). `records` may
 * hold other years' rows too; the domain keeps the year's.
 */
export function computeDatedReport(records: DatedRecords, year: number): DatedReport {
  const { start, end } = reportingYear(year);
  const forms: ConsultationMember[] = records.consultations.map((row) => ({
    child: row.childId,
    review: row.reviewDate,
    respondent: row.respondent as ConsultationRespondent,
    received: row.receivedOn,
    row,
  }));
  const audits: AuditMember[] = records.audits.map((row) => ({
    date: row.auditDate,
    grade: row.grade as AuditGrade | null,
    row,
  }));
  const midways: MidwayMember[] = records.midwayReviews.map((row) => ({
    child: row.childId,
    date: row.midwayDate,
    row,
  }));
  const auditCounts = auditFigures(audits, year);
  return {
    year,
    consultation: consultationCounts(forms, year),
    audits: { completed: auditCounts.completed, byGrade: codeCounts(auditCounts.byGrade) },
    behind: {
      midwayReviews: midwayReviewsIn(midways, start, end),
      consultation: consultationsByRespondent(forms, year),
      audits: auditsBehind(audits, year),
    },
  };
}

/** A review as the rules see it: its date, participation code and the child's date of birth, with its row. */
export type ReportReview = { date: string; code: string | null; dob: string | null; row: ReportReviewRow };

/** One child's schedules over the reviews recorded for them. */
export type ReportChild = ChildReviewSchedules<ReportReview> & { childId: string };

export type ReviewFigures = {
  held: number;
  onTime: number;
  late: number;
  onTimePercent: number | null;
  childrenAllOnTime: { eligible: number; allOnTime: number; percent: number | null };
  participation: CodeCount[];
  participationRate4Plus: number | null;
  chairedByChild: CodeCount[];
  format: CodeCount[];
  paperwork: PaperworkFigures;
  midwayReviews: number;
  overdueAt31March: number;
  orphanReviews: number;
  byMonth: MonthOfReviews[];
  dataQuality: CodeCount[];
};

/** The figures of `reviews.*` for one year, with the domain's members behind each count. */
export type ReviewReport = {
  year: number;
  reviews: ReviewFigures;
  dated: DatedReport;
  behind: {
    timeliness: ReviewFiguresBehind<ReportReview, ReportChild>;
    participation: ParticipationBehind<ReportReview>;
    format: Record<ReviewFormat | 'notRecorded', ScheduledReview<ReportReview>[]>;
    chairedByChild: { chair: ScheduledReview<ReportReview>[]; co_chair: ScheduledReview<ReportReview>[] };
  };
};

/** The data-quality codes of §14 this subgraph computes, in the order of §14. */
export const REVIEW_DATA_QUALITY_CODES = [
  'orphan_review',
  'duplicate_review',
  'pn0_after_4th_birthday',
  'pn_code_under_4',
  'participation_not_recorded',
  'short_break_reviews',
] as const satisfies readonly DataQualityCode[];

export type ReviewDataQualityCode = (typeof REVIEW_DATA_QUALITY_CODES)[number];

const PARTICIPATION_ORDER: readonly (ParticipationCode | 'notRecorded')[] = [
  ...PARTICIPATION_CODES,
  'notRecorded',
];
const FORMAT_ORDER = ['in_person', 'virtual', 'hybrid', 'notRecorded'] as const;
const CHAIRED_ORDER = ['chair', 'co_chair'] as const;

const groupByChild = (rows: readonly ReportReviewRow[]) => {
  const byChild = new Map<string, ReportReviewRow[]>();
  for (const row of rows) {
    const list = byChild.get(row.childId);
    if (list) list.push(row);
    else byChild.set(row.childId, [row]);
  }
  return byChild;
};

/**
 * One care history of every child the given histories name: a child named by several (the report
 * year's and the trend's) has each of their episodes once, oldest first. Their periods of care are
 * the union of the periods each history carries, so one scheduling serves every report of a request.
 */
export function mergeCareHistories(histories: readonly (readonly CareHistoryFacts[])[]): CareHistoryFacts[] {
  const byChild = new Map<string, CareHistoryFacts>();
  for (const history of histories) {
    for (const child of history) {
      const known = byChild.get(child.childId);
      if (!known) {
        byChild.set(child.childId, child);
        continue;
      }
      // Decoded once per text (careHistoryDecoder), a child whose histories agree has one array.
      if (known.episodes === child.episodes) continue;
      const starts = new Set(known.episodes.map((episode) => episode.startDate));
      const added = child.episodes.filter((episode) => !starts.has(episode.startDate));
      if (added.length === 0) continue;
      const episodes = [...known.episodes, ...added].sort((a, b) => (a.startDate < b.startDate ? -1 : 1));
      byChild.set(child.childId, { ...known, episodes });
    }
  }
  return [...byChild.values()];
}

/**
 * Each child's reviews placed and scheduled by `childReviewSchedules` over their periods (from the
 * required episodes, `periodsOfRequiredEpisodes`; rows in date and file order, so the first
 * row of a date stands). A child outside `careHistory` with reviews dated in `span` is scheduled
 * with no periods, which makes the domain report those reviews as orphans (and same-day duplicates
 * as duplicates). A year's figures read only its own dates, so one scheduling over a span of years
 * gives every year in it the figures its own would.
 */
export function scheduleChildren(
  careHistory: readonly CareHistoryFacts[],
  reviews: readonly ReportReviewRow[],
  { start, end }: { start: string; end: string },
): ReportChild[] {
  const rowsByChild = groupByChild(reviews);
  const children: ReportChild[] = [];
  const inCare = new Set<string>();
  for (const history of careHistory) {
    // The children subgraph lists each child once; a repeated id would only count its reviews twice.
    if (inCare.has(history.childId)) continue;
    inCare.add(history.childId);
    const periods = periodsOfRequiredEpisodes(history.episodes);
    const held = (rowsByChild.get(history.childId) ?? []).map(
      (row): ReportReview => ({
        date: row.reviewDate,
        code: row.participation,
        dob: history.dateOfBirth,
        row,
      }),
    );
    children.push({ childId: history.childId, ...childReviewSchedules(periods, held) });
  }
  for (const [childId, rows] of rowsByChild) {
    if (inCare.has(childId)) continue;
    const inSpan = rows
      .filter((row) => row.reviewDate >= start && row.reviewDate <= end)
      .map((row): ReportReview => ({ date: row.reviewDate, code: row.participation, dob: null, row }));
    if (inSpan.length > 0) children.push({ childId, ...childReviewSchedules([], inSpan) });
  }
  return children;
}

/**
 * The `reviews.*` figures of reporting year `year`, computed as packages/domain/src/exampleshire.test.ts
 * does: the domain's figure functions over the reviews held in the year. `children` are scheduled
 * (`scheduleChildren`) from a care history holding every child with a period of care touching the
 * year and a span that covers it; children of other years are harmless.
 */
export function computeReviewReport(
  children: readonly ReportChild[],
  dated: DatedReport,
  year: number,
): ReviewReport {
  const timeliness = reviewFiguresBehind<ReportReview, ReportChild>(children, year);
  const counts = reviewFiguresFromBehind(timeliness);
  const held = timeliness.held;
  const heldReviews = held.map((scheduled) => scheduled.review);
  const participation = participationFigures(heldReviews);
  const rows = heldReviews.map((review) => review.row);
  const paperwork = paperworkFigures(
    held.map((scheduled) => ({
      date: scheduled.date,
      paperwork: {
        outcomesIssued: scheduled.review.row.outcomesIssued,
        recordCompleted: scheduled.review.row.recordCompleted,
        recordDistributed: scheduled.review.row.recordDistributed,
      },
    })),
  );
  const quality: Record<ReviewDataQualityCode, number> = {
    orphan_review: counts.orphanReviews,
    duplicate_review: counts.duplicateReviews,
    short_break_reviews: counts.shortBreakReviews,
    ...participation.flags,
  };
  return {
    year,
    reviews: {
      held: counts.held,
      onTime: counts.onTime,
      late: counts.late,
      onTimePercent: counts.onTimePercent,
      childrenAllOnTime: counts.childrenAllOnTime,
      participation: codeCounts(participation.counts, PARTICIPATION_ORDER),
      participationRate4Plus: participation.rate4Plus,
      chairedByChild: codeCounts(chairedByChildCounts(rows.map((row) => row.chairedByChild)), CHAIRED_ORDER),
      format: codeCounts(reviewFormatCounts(rows.map((row) => row.format)), FORMAT_ORDER),
      paperwork,
      midwayReviews: dated.behind.midwayReviews.length,
      overdueAt31March: counts.overdueAt31March,
      orphanReviews: counts.orphanReviews,
      byMonth: reviewsByMonth(held, year),
      dataQuality: dataQualityList(quality).map(({ code, count }) => ({ code, count })),
    },
    dated,
    behind: {
      timeliness,
      participation: participationBehind(heldReviews),
      format: reviewsByFormat(held, (scheduled) => scheduled.review.row.format),
      chairedByChild: reviewsChairedByChild(held, (scheduled) => scheduled.review.row.chairedByChild),
    },
  };
}

/** The reviews subgraph's part of one row of the report's `trend` (further-tables §3). */
export type ReviewsTrendYear = {
  year: number;
  reviewsHeld: number;
  reviewsOnTimePercent: number | null;
  participationRate4Plus: number | null;
};

/**
 * The trend's review figures for each of `years`, each as that year's own report gives them
 * (`reviews.held`, `reviews.onTimePercent`, `reviews.participationRate4Plus`), from one pass over
 * `children`, scheduled over a span covering every year.
 */
export function computeReviewsTrend(
  children: readonly ReportChild[],
  years: readonly number[],
): ReviewsTrendYear[] {
  const heldByYear = reviewsHeldInYears(children, years);
  return years.map((year) => {
    const held = heldByYear.get(year)!;
    return {
      year,
      reviewsHeld: held.length,
      reviewsOnTimePercent: timelinessFigures(held).onTimePercent,
      participationRate4Plus: participationFigures(held.map((scheduled) => scheduled.review)).rate4Plus,
    };
  });
}
