import {
  auditRecordsBehind,
  careHistoryScalar,
  checkedReportYear,
  managers,
  noRecordsBehind,
  recordBehindFigureType,
} from '@footprint/graphql';
import type { ReviewsTrendYear as ReviewsTrendFigures } from '../annual-report.ts';
import { builder } from '../builder.ts';
import { loaders } from '../loaders.ts';
import { traceOf } from '../records-behind.ts';
import { AuditFigures } from './audit-figures.ts';
import { Child } from './child.ts';
import { ConsultationFigures } from './consultation-figures.ts';
import { ReviewFigures } from './review-figures.ts';

careHistoryScalar(builder);

// Declared without descriptions, as this subgraph first printed it (see SharedTypeOptions).
const RecordBehindFigure = recordBehindFigureType(builder, Child, { descriptions: false });

// Checked when decoded: a direct `_entities` caller could send anything.
const requiredCareHistory = builder.selection<{ careHistory: string }>('careHistory') as ReturnType<
  typeof builder.selection<{ careHistory: unknown }>
>;

/**
 * The council's annual report for a reporting year, owned by the children subgraph. This subgraph
 * adds the review, consultation and audit sections, and the records behind each of their counts.
 * The council is always the caller's (the token's).
 */
export const AnnualReport = builder.externalRef('AnnualReport', builder.selection<{ year: number }>('year'));

// Checked when decoded, as careHistory is.
const requiredTrendCareHistory = builder.selection<{ trendCareHistory: string }>(
  'trendCareHistory',
) as ReturnType<typeof builder.selection<{ trendCareHistory: unknown }>>;

const ReviewsTrendYear = builder.objectRef<ReviewsTrendFigures>('ReviewsTrendYear').implement({
  description: 'One year of the report’s trend, as far as the reviews give it',
  fields: (t) => ({
    year: t.exposeInt('year'),
    reviewsHeld: t.exposeInt('reviewsHeld'),
    reviewsOnTimePercent: t.exposeFloat('reviewsOnTimePercent', { nullable: true }),
    participationRate4Plus: t.exposeFloat('participationRate4Plus', { nullable: true }),
  }),
});

AnnualReport.implement({
  externalFields: (t) => ({
    careHistory: t.field({ type: 'CareHistory' }),
    trendCareHistory: t.field({ type: 'CareHistory' }),
  }),
  fields: (t) => ({
    year: t.exposeInt('year', { authScopes: managers }),
    reviews: t.field({
      type: ReviewFigures,
      description: 'Child in care reviews of the year: timeliness, participation, paperwork, data quality',
      authScopes: managers,
      requires: requiredCareHistory,
      resolve: async (report, _args, ctx) => {
        checkedReportYear(report.year);
        // The representation itself is the key: `reviewsRecordsBehind` of the same report reuses it.
        return (await loaders(ctx).reviewReport.load(report)).reviews;
      },
    }),
    reviewsRecordsBehind: t.field({
      type: [RecordBehindFigure],
      description:
        'The reviews, children, forms or audits behind one count of reviews, consultation or audits, or one of this subgraph’s data-quality codes, by its path in the report’s JSON: "reviews.late", "reviews.participation.PN0", "consultation.carer", "audits.byGrade.good", "dataQuality.orphan_review"',
      authScopes: managers,
      args: { figure: t.arg.string({ required: true }) },
      requires: requiredCareHistory,
      resolve: async (report, { figure }, ctx) => {
        const year = checkedReportYear(report.year);
        const trace = traceOf(figure);
        if (!trace) throw noRecordsBehind(figure);
        const found = trace(await loaders(ctx).reviewReport.load(report));
        const ids = found.records.map((record) =>
          found.entity === 'Child' ? (record.child?.id ?? '') : (record.reference ?? ''),
        );
        await auditRecordsBehind(ctx, found.entity, ids, { figure, year });
        return found.records;
      },
    }),
    reviewsTrend: t.field({
      type: [ReviewsTrendYear],
      description:
        'The report year and the four before it, oldest first: each year’s reviews held, on time and participation as its own report gives them',
      authScopes: managers,
      requires: requiredTrendCareHistory,
      resolve: (report, _args, ctx) => {
        checkedReportYear(report.year);
        return loaders(ctx).reviewsTrend.load(report);
      },
    }),
    consultation: t.field({
      type: ConsultationFigures,
      authScopes: managers,
      resolve: async (report, _args, ctx) =>
        (await loaders(ctx).reportRecords.load(checkedReportYear(report.year))).consultation,
    }),
    audits: t.field({
      type: AuditFigures,
      authScopes: managers,
      resolve: async (report, _args, ctx) =>
        (await loaders(ctx).reportRecords.load(checkedReportYear(report.year))).audits,
    }),
  }),
});
