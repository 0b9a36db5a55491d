import { auditRecordsBehind, checkedReportYear, managers, recordBehindFigureType } from '@footprint/graphql';
import { fosterCarerReviewRecordsBehind, fosterCarerReviewReportFigures } from '../annual-report.ts';
import { builder } from '../builder.ts';
import { loaders } from '../loaders.ts';
import { Child } from './child.ts';
import { FosterCarerReviewFigures } from './foster-carer-review-figures.ts';

const RecordBehindFigure = recordBehindFigureType(builder, Child);

/**
 * The council's annual report for a reporting year, owned by the children subgraph; this subgraph
 * adds its foster carer reviews section. The council is the caller's; managers only.
 */
export const AnnualReport = builder
  .externalRef('AnnualReport', builder.selection<{ year: number }>('year'))
  .implement({
    fields: (t) => ({
      year: t.int({
        description: 'The reporting year: 1 April of it to 31 March of the next',
        authScopes: managers,
        resolve: (report) => checkedReportYear(report.year),
      }),
      fosterCarerReviews: t.field({
        type: FosterCarerReviewFigures,
        authScopes: managers,
        resolve: async (report, _args, ctx) =>
          fosterCarerReviewReportFigures(await loaders(ctx).reportRecords(), checkedReportYear(report.year)),
      }),
      fosterCarerReviewsRecordsBehind: t.field({
        type: [RecordBehindFigure],
        description:
          'The records behind one foster carer review figure, by its path in the report’s JSON: "fosterCarerReviews.due", "fosterCarerReviews.householdsAt31March.mainstream" ...; as many as the figure counts',
        authScopes: managers,
        args: { figure: t.arg.string({ required: true }) },
        resolve: async (report, { figure }, ctx) => {
          const year = checkedReportYear(report.year);
          const behind = fosterCarerReviewRecordsBehind(await loaders(ctx).reportRecords(), year, figure);
          await auditRecordsBehind(ctx, 'FosterHousehold', behind.householdIds, { figure, year });
          return behind.records;
        },
      }),
    }),
  });
