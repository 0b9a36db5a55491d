import {
  advocacyRecordsBehind,
  advocacyReportFigures,
  lookedAfterDuringYearOf,
  reportYear,
} from '../annual-report.ts';
import { builder } from '../builder.ts';
import { loaders } from '../loaders.ts';
import { AdvocacyFigures } from './advocacy-figures.ts';
import { ChildrenFigures } from './children-figures.ts';
import { RecordBehindFigure } from './record-behind-figure.ts';

/**
 * The council's annual report for a reporting year, owned by the children subgraph; this subgraph
 * adds its advocacy section. The council is the caller's; managers only (an advocate never sees it).
 */
export const AnnualReport = builder
  .externalRef('AnnualReport', builder.selection<{ year: number }>('year'))
  .implement({
    externalFields: (t) => ({
      children: t.field({ type: ChildrenFigures }),
    }),
    fields: (t) => ({
      year: t.int({
        description: 'The reporting year: 1 April of it to 31 March of the next',
        authScopes: { anyRole: ['manager'] },
        resolve: (report) => reportYear(report.year),
      }),
      advocacy: t.field({
        type: AdvocacyFigures,
        authScopes: { anyRole: ['manager'] },
        requires: builder.selection<{ children?: { lookedAfterDuringYear: number } | null }>(
          'children { lookedAfterDuringYear }',
        ),
        resolve: async (report, _args, ctx) => {
          const year = reportYear(report.year);
          const lookedAfterDuringYear = lookedAfterDuringYearOf(report);
          return advocacyReportFigures(await loaders(ctx).reportRecords(), year, lookedAfterDuringYear);
        },
      }),
      advocacyRecordsBehind: t.field({
        type: [RecordBehindFigure],
        description:
          'The records behind one advocacy figure, by its path in the report’s JSON: "advocacy.involvements", "advocacy.byReason.placement", "advocacy.independentVisitorsAt31March" ...; as many as the figure counts',
        authScopes: { anyRole: ['manager'] },
        args: { figure: t.arg.string({ required: true }) },
        resolve: async (report, { figure }, ctx) => {
          const year = reportYear(report.year);
          const behind = advocacyRecordsBehind(await loaders(ctx).reportRecords(), year, figure);
          await ctx.inTenant((tx) => ctx.audit(tx, 'read', behind.entity, behind.ids, { figure, year }));
          return behind.records;
        },
      }),
    }),
  });
