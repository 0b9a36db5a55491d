import {
  fosterCarerReviewRecordsBehind,
  fosterCarerReviewReportFigures,
  reportYear,
} from '../annual-report.ts';
import { builder } from '../builder.ts';
import { loaders } from '../loaders.ts';
import { FosterCarerReviewFigures } from './foster-carer-review-figures.ts';
import { RecordBehindFigure } from './record-behind-figure.ts';

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
        authScopes: { anyRole: ['manager'] },
        resolve: (report) => reportYear(report.year),
      }),
      fosterCarerReviews: t.field({
        type: FosterCarerReviewFigures,
        authScopes: { anyRole: ['manager'] },
        resolve: async (report, _args, ctx) =>
          fosterCarerReviewReportFigures(await loaders(ctx).reportRecords(), reportYear(report.year)),
      }),
      fosterCarerReviewsRecordsBehind: t.field({
        type: [RecordBehindFigure],
        description:
          'The records behind one foster carer review figure, by its path in the report’s JSON: "fosterCarerReviews.due", "fosterCarerReviews.householdsAt31March.mainstream" ...; as many as the figure counts',
        authScopes: { anyRole: ['manager'] },
        args: { figure: t.arg.string({ required: true }) },
        resolve: async (report, { figure }, ctx) => {
          const year = reportYear(report.year);
          const behind = fosterCarerReviewRecordsBehind(await loaders(ctx).reportRecords(), year, figure);
          await ctx.inTenant((tx) =>
            ctx.audit(tx, 'read', 'FosterHousehold', behind.householdIds, { figure, year }),
          );
          return behind.records;
        },
      }),
    }),
  });
