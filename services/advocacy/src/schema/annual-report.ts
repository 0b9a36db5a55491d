import { auditRecordsBehind, checkedReportYear, managers, recordBehindFigureType } from '@footprint/graphql';
import { advocacyRecordsBehind, advocacyReportFigures, lookedAfterDuringYearOf } from '../annual-report.ts';
import { builder } from '../builder.ts';
import { loaders } from '../loaders.ts';
import { AdvocacyFigures } from './advocacy-figures.ts';
import { Child } from './child.ts';
import { ChildrenFigures } from './children-figures.ts';

const RecordBehindFigure = recordBehindFigureType(builder, Child);

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
        authScopes: managers,
        resolve: (report) => checkedReportYear(report.year),
      }),
      advocacy: t.field({
        type: AdvocacyFigures,
        authScopes: managers,
        requires: builder.selection<{ children?: { lookedAfterDuringYear: number } | null }>(
          'children { lookedAfterDuringYear }',
        ),
        resolve: async (report, _args, ctx) => {
          const year = checkedReportYear(report.year);
          const lookedAfterDuringYear = lookedAfterDuringYearOf(report);
          return advocacyReportFigures(await loaders(ctx).reportRecords(), year, lookedAfterDuringYear);
        },
      }),
      advocacyRecordsBehind: t.field({
        type: [RecordBehindFigure],
        description:
          'The records behind one advocacy figure, by its path in the report’s JSON: "advocacy.involvements", "advocacy.byReason.placement", "advocacy.independentVisitorsAt31March" ...; as many as the figure counts',
        authScopes: managers,
        args: { figure: t.arg.string({ required: true }) },
        resolve: async (report, { figure }, ctx) => {
          const year = checkedReportYear(report.year);
          const behind = advocacyRecordsBehind(await loaders(ctx).reportRecords(), year, figure);
          await auditRecordsBehind(ctx, behind.entity, behind.ids, { figure, year });
          return behind.records;
        },
      }),
    }),
  });
