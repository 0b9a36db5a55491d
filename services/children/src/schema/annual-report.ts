import {
  auditRecordsBehind,
  careHistoryScalar,
  checkedReportYear,
  encodeCareHistory,
  managers,
  noRecordsBehind,
  recordBehindFigureType,
} from '@footprint/graphql';
import { builder } from '../builder.ts';
import { recordsBehind } from '../data/records-behind.ts';
import { loaders } from '../loaders.ts';
import { Child } from './child.ts';
import { ChildrenFigures } from './children-figures.ts';
import {
  ComparatorFigure,
  HealthFigures,
  MissingFigures,
  PlacementFigures,
  SecureFigures,
  StabilityFigures,
} from './further-figures.ts';
import { NARRATIVE_SECTIONS, ReportNarrative } from './report-narrative.ts';
import { WorkforceFigures } from './workforce-figures.ts';

careHistoryScalar(builder);

// Declared without descriptions, as this subgraph first printed it (see SharedTypeOptions).
const RecordBehindFigure = recordBehindFigureType(builder, Child, { descriptions: false });

const ReportingPeriod = builder.objectRef<{ start: string; end: string }>('ReportingPeriod').implement({
  description: 'A reporting year: 1 April to 31 March, both days included',
  fields: (t) => ({
    start: t.expose('start', { type: 'Date' }),
    end: t.expose('end', { type: 'Date' }),
  }),
});

/**
 * The council's annual report for one reporting year. The children subgraph is its origin; the
 * other subgraphs add their sections to the same entity. Managers only.
 */
export const AnnualReport = builder.objectRef<{ year: number }>('AnnualReport');

const sectionOrder = (section: string) => (NARRATIVE_SECTIONS as readonly string[]).indexOf(section);

AnnualReport.implement({
  description:
    'The IRO annual report of the caller’s council for a reporting year (1 April YYYY – 31 March YYYY+1)',
  authScopes: managers,
  fields: (t) => ({
    year: t.exposeInt('year'),
    period: t.field({
      type: ReportingPeriod,
      resolve: async ({ year }, _args, ctx) => (await loaders(ctx).annualReport.load(year)).period,
    }),
    children: t.field({
      type: ChildrenFigures,
      resolve: async ({ year }, _args, ctx) => (await loaders(ctx).annualReport.load(year)).children,
    }),
    workforce: t.field({
      type: WorkforceFigures,
      resolve: async ({ year }, _args, ctx) => (await loaders(ctx).annualReport.load(year)).workforce,
    }),
    health: t.field({
      type: HealthFigures,
      resolve: async ({ year }, _args, ctx) => (await loaders(ctx).annualReport.load(year)).health,
    }),
    stability: t.field({
      type: StabilityFigures,
      resolve: async ({ year }, _args, ctx) => (await loaders(ctx).annualReport.load(year)).stability,
    }),
    placement: t.field({
      type: PlacementFigures,
      resolve: async ({ year }, _args, ctx) => (await loaders(ctx).annualReport.load(year)).placement,
    }),
    missing: t.field({
      type: MissingFigures,
      resolve: async ({ year }, _args, ctx) => (await loaders(ctx).annualReport.load(year)).missing,
    }),
    secure: t.field({
      type: SecureFigures,
      resolve: async ({ year }, _args, ctx) => (await loaders(ctx).annualReport.load(year)).secure,
    }),
    comparators: t.field({
      type: [ComparatorFigure],
      description: 'Other areas’ published figures for this report’s keys, in area, measure order',
      resolve: async ({ year }, _args, ctx) => (await loaders(ctx).annualReport.load(year)).comparators,
    }),
    careHistory: t.field({
      type: 'CareHistory',
      description:
        'Input for other subgraphs’ @requires: every child with a period of care touching the year',
      resolve: async ({ year }, _args, ctx) =>
        encodeCareHistory((await loaders(ctx).annualReport.load(year)).careHistory),
    }),
    narratives: t.field({
      type: [ReportNarrative],
      description: 'The managers’ text for this council and year, in the report’s order',
      resolve: async ({ year }, _args, ctx) =>
        [...(await loaders(ctx).annualReport.load(year)).narratives].sort(
          (a, b) => sectionOrder(a.section) - sectionOrder(b.section),
        ),
    }),
    childrenRecordsBehind: t.field({
      type: [RecordBehindFigure],
      description:
        'The children (or IROs) behind one figure, by its path in the report’s JSON: "children.byPlacement.U4", "workforce.iros", "dataQuality.no_iro_allocated"',
      args: { figure: t.arg.string({ required: true }) },
      resolve: async ({ year }, { figure }, ctx) => {
        const found = recordsBehind(await loaders(ctx).annualReport.load(year), figure);
        if (!found) throw noRecordsBehind(figure);
        const ids = found.records.map((record) =>
          found.entity === 'Child' ? (record.child?.id ?? '') : (record.reference ?? ''),
        );
        await auditRecordsBehind(ctx, found.entity, ids, { figure, year });
        return found.records;
      },
    }),
  }),
});

builder.asEntity(AnnualReport, {
  key: builder.selection<{ year: number }>('year'),
  resolveReference: async ({ year }, ctx) => {
    const checked = checkedReportYear(year);
    await loaders(ctx).annualReport.load(checked);
    return { year: checked };
  },
});

builder.queryFields((t) => ({
  annualReport: t.field({
    type: AnnualReport,
    description: 'The annual report of the caller’s council for reporting year `year` (2023 is 2023-24)',
    authScopes: managers,
    args: { year: t.arg.int({ required: true }) },
    resolve: async (_root, { year }, ctx) => {
      const checked = checkedReportYear(year);
      // Reading the figures audits the read; every field then answers from the same load.
      await loaders(ctx).annualReport.load(checked);
      return { year: checked };
    },
  }),
}));
