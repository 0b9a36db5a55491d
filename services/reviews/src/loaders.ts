import { TREND_YEARS_BEFORE } from '@footprint/domain';
import {
  type CareHistoryFacts,
  careHistoryDecoder,
  invalidInput,
  type RequestContext,
  reportingSpan,
} from '@footprint/graphql';
import { createContextCache } from '@pothos/core';
import DataLoader from 'dataloader';
import {
  computeDatedReport,
  computeReviewReport,
  computeReviewsTrend,
  type DatedReport,
  mergeCareHistories,
  type ReportChild,
  type ReviewReport,
  type ReviewsTrendYear,
  scheduleChildren,
} from './annual-report.ts';
import { CARE_HISTORY_MESSAGE } from './care-history.ts';
import { findAuditsDated } from './data/find-audits.ts';
import {
  type ConsultationRow,
  findConsultationsByChild,
  findConsultationsReceived,
} from './data/find-consultations.ts';
import { type FeedbackRow, findFeedbackByChild } from './data/find-feedback.ts';
import {
  findMidwayReviewsByChild,
  findMidwayReviewsDated,
  type MidwayReviewRow,
} from './data/find-midway-reviews.ts';
import { findRecommendationsByChild, type RecommendationRow } from './data/find-recommendations.ts';
import { findReviewsByChild, findReviewsForReport } from './data/find-reviews.ts';
import {
  consultationIdOf,
  feedbackAnswerIdOf,
  midwayReviewIdOf,
  recommendationIdOf,
  reviewIdOf,
} from './keys.ts';
import { type ReviewRecord, withScheduleFlags } from './review-records.ts';

/**
 * Per-request loaders, keyed by the council's CHILD reference: the gateway sends one `_entities`
 * call with many children, and each batch is one query. Every read is audited once per batch,
 * naming every record read. The annual report's loaders are keyed by year and representation.
 */
export const loaders = createContextCache((ctx: RequestContext) => {
  const reportRecords = datedReportLoader(ctx);
  const schedules = councilSchedulesLoader(ctx);
  const decodeCareHistory = careHistoryDecoder();
  return {
    reportRecords,
    reviewReport: reviewReportLoader(decodeCareHistory, schedules, reportRecords),
    reviewsTrend: reviewsTrendLoader(decodeCareHistory, schedules),
    reviews: new DataLoader<string, ReviewRecord[]>((childIds) =>
      ctx.inTenant(async (tx) => {
        const byChild = await findReviewsByChild(tx, childIds);
        const rows = [...byChild.values()].flat();
        await ctx.audit(tx, 'read', 'Review', rows.map(reviewIdOf));
        return childIds.map((id) => withScheduleFlags(byChild.get(id) ?? []));
      }),
    ),
    midwayReviews: new DataLoader<string, MidwayReviewRow[]>((childIds) =>
      ctx.inTenant(async (tx) => {
        const byChild = await findMidwayReviewsByChild(tx, childIds);
        await ctx.audit(tx, 'read', 'MidwayReview', [...byChild.values()].flat().map(midwayReviewIdOf));
        return childIds.map((id) => byChild.get(id) ?? []);
      }),
    ),
    recommendations: new DataLoader<string, RecommendationRow[]>((childIds) =>
      ctx.inTenant(async (tx) => {
        const byChild = await findRecommendationsByChild(tx, childIds);
        await ctx.audit(tx, 'read', 'Recommendation', [...byChild.values()].flat().map(recommendationIdOf));
        return childIds.map((id) => byChild.get(id) ?? []);
      }),
    ),
    consultations: new DataLoader<string, ConsultationRow[]>((childIds) =>
      ctx.inTenant(async (tx) => {
        const byChild = await findConsultationsByChild(tx, childIds);
        await ctx.audit(tx, 'read', 'ConsultationForm', [...byChild.values()].flat().map(consultationIdOf));
        return childIds.map((id) => byChild.get(id) ?? []);
      }),
    ),
    feedback: new DataLoader<string, FeedbackRow[]>((childIds) =>
      ctx.inTenant(async (tx) => {
        const byChild = await findFeedbackByChild(tx, childIds);
        await ctx.audit(tx, 'read', 'FeedbackAnswer', [...byChild.values()].flat().map(feedbackAnswerIdOf));
        return childIds.map((id) => byChild.get(id) ?? []);
      }),
    ),
  };
});

/**
 * The annual report's consultation, audit and midway review figures per year: each table read
 * once per request for the council (one query each for every year asked), then computed in memory.
 */
function datedReportLoader(ctx: RequestContext) {
  return new DataLoader<number, DatedReport>((years) =>
    ctx.inTenant(async (tx) => {
      const { start: from, end: to } = reportingSpan(years);
      const midwayReviews = await findMidwayReviewsDated(tx, from, to);
      const consultations = await findConsultationsReceived(tx, from, to);
      const audits = await findAuditsDated(tx, from, to);
      await ctx.audit(tx, 'read', 'AnnualReport', years.map(String), {
        read: ['midway_reviews', 'consultations', 'audits'],
      });
      return years.map((year) => computeDatedReport({ midwayReviews, consultations, audits }, year));
    }),
  );
}

type CareHistoryDecoder = ReturnType<typeof careHistoryDecoder>;

/** What one report asks of the council's review schedules: the care history it carries and its years. */
type ScheduleAsk = { careHistory: CareHistoryFacts[]; years: readonly number[] };

/**
 * Every child of the council scheduled once per request: the reports asked together (the year,
 * the year before, the trend's five years) share one read of the reviews and one scheduling over
 * their merged care histories and the span of all their years. Each report then counts only its
 * own years, so the children of the others change none of its figures.
 */
function councilSchedulesLoader(ctx: RequestContext) {
  return new DataLoader<ScheduleAsk, ReportChild[]>(async (asks) => {
    const years = [...new Set(asks.flatMap((ask) => ask.years))].sort((a, b) => a - b);
    const span = reportingSpan(years);
    const careHistory = mergeCareHistories(asks.map((ask) => ask.careHistory));
    const rows = await ctx.inTenant(async (tx) => {
      const found = await findReviewsForReport(
        tx,
        careHistory.map((child) => child.childId),
        span.start,
        span.end,
      );
      await ctx.audit(tx, 'read', 'AnnualReport', years.map(String), { read: ['reviews'] });
      return found;
    });
    const children = scheduleChildren(careHistory, rows, span);
    return asks.map(() => children);
  });
}

/** What the gateway sends for an AnnualReport whose review figures were asked for. */
export type ReportRepresentation = { year: number; careHistory?: unknown };

/**
 * The `reviews.*` figures per representation (its year and the children's care history it carries),
 * kept for the request, so `reviews` and every `reviewsRecordsBehind` of one report share one
 * computation. Keyed by the representation itself, because the care history comes with it.
 */
function reviewReportLoader(
  decodeCareHistory: CareHistoryDecoder,
  schedules: DataLoader<ScheduleAsk, ReportChild[]>,
  datedReports: DataLoader<number, DatedReport>,
) {
  return new DataLoader<ReportRepresentation, ReviewReport>((reports) =>
    Promise.all(
      reports.map(async (report) => {
        const careHistory = decodeCareHistory(report.careHistory);
        if (!careHistory) return invalidInput(CARE_HISTORY_MESSAGE);
        const [children, dated] = await Promise.all([
          schedules.load({ careHistory, years: [report.year] }),
          datedReports.load(report.year),
        ]);
        return computeReviewReport(children, dated, report.year);
      }),
    ),
  );
}

/** What the gateway sends for an AnnualReport whose trend was asked for. */
export type TrendRepresentation = { year: number; trendCareHistory?: unknown };

/**
 * The review figures of a report's trend: the report year and the four before it (the children
 * subgraph decides which of them the trend shows), from the request's one scheduling.
 */
function reviewsTrendLoader(
  decodeCareHistory: CareHistoryDecoder,
  schedules: DataLoader<ScheduleAsk, ReportChild[]>,
) {
  return new DataLoader<TrendRepresentation, ReviewsTrendYear[]>((reports) =>
    Promise.all(
      reports.map(async (report) => {
        const careHistory = decodeCareHistory(report.trendCareHistory);
        if (!careHistory) return invalidInput(CARE_HISTORY_MESSAGE);
        const years = Array.from(
          { length: TREND_YEARS_BEFORE + 1 },
          (_, i) => report.year - TREND_YEARS_BEFORE + i,
        );
        return computeReviewsTrend(await schedules.load({ careHistory, years }), years);
      }),
    ),
  );
}
