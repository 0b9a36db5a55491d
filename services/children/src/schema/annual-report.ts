import {
  auditRecordsBehind,
  careHistoryScalar,
  checkedReportYear,
  managers,
  noRecordsBehind,
  recordBehindFigureType,
} from '@footprint/graphql';
import { type GraphQLResolveInfo, Kind, type SelectionNode } from 'graphql';
import { builder } from '../builder.ts';
import type { ChildrenTrendYear as ChildrenTrendFigures } from '../data/compute-report-trend.ts';
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

const ChildrenTrendYear = builder.objectRef<ChildrenTrendFigures>('ChildrenTrendYear').implement({
  description: 'One year of the report’s trend, as far as the children’s records give it',
  fields: (t) => ({
    year: t.exposeInt('year'),
    lookedAfterAt31March: t.exposeInt('lookedAfterAt31March'),
    startedInYear: t.exposeInt('startedInYear'),
    ceasedInYear: t.exposeInt('ceasedInYear'),
  }),
});

/** The trend's fields: asked for with the report, its first read reaches back five years at once. */
const TREND_FIELDS = new Set(['childrenTrend', 'trendCareHistory']);

const asksForTrend = (info: GraphQLResolveInfo): boolean => {
  const inSelection = (selections: readonly SelectionNode[]): boolean =>
    selections.some((node) =>
      node.kind === Kind.FIELD
        ? TREND_FIELDS.has(node.name.value)
        : node.kind === Kind.INLINE_FRAGMENT && inSelection(node.selectionSet.selections),
    );
  return info.fieldNodes.some((node) => inSelection(node.selectionSet?.selections ?? []));
};

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
    childrenTrend: t.field({
      type: [ChildrenTrendYear],
      description:
        'The report year and up to four years before it, oldest first, none before the earliest period of care on record: each year’s children looked after at 31 March, started and ceased, as its own report gives them',
      resolve: async ({ year }, _args, ctx) => (await loaders(ctx).reportTrend.load(year)).years,
    }),
    trendCareHistory: t.field({
      type: 'CareHistory',
      description:
        'Input for other subgraphs’ @requires: every child with a period of care touching any year of `childrenTrend`',
      resolve: async ({ year }, _args, ctx) =>
        loaders(ctx).encodeCareHistory((await loaders(ctx).reportTrend.load(year)).careHistory),
    }),
    careHistory: t.field({
      type: 'CareHistory',
      description:
        'Input for other subgraphs’ @requires: every child with a period of care touching the year',
      resolve: async ({ year }, _args, ctx) =>
        loaders(ctx).encodeCareHistory((await loaders(ctx).annualReport.load(year)).careHistory),
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
    resolve: async (_root, { year }, ctx, info) => {
      const checked = checkedReportYear(year);
      if (asksForTrend(info)) loaders(ctx).askTrend(checked);
      // Reading the figures audits the read; every field then answers from the same load.
      await loaders(ctx).annualReport.load(checked);
      return { year: checked };
    },
  }),
}));
