import {
  type EscalationInYear,
  type EscalationStage,
  escalationsBehindFigure,
  reportingYear,
  TREND_YEARS_BEFORE,
} from '@footprint/domain';
import {
  auditRecordsBehind,
  checkedReportYear,
  codeCounts,
  codeCountType,
  managers,
  noRecordsBehind,
  type RecordBehindFigure as RecordBehind,
  recordBehindFigureType,
} from '@footprint/graphql';
import { builder } from '../builder.ts';
import { type EscalationYear, loaders } from '../loaders.ts';
import { Child } from './child.ts';

// Declared without descriptions, as this subgraph first printed them (see SharedTypeOptions).
const CodeCount = codeCountType(builder, { descriptions: false });
const RecordBehindFigure = recordBehindFigureType(builder, Child, { descriptions: false });

const byCode = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Stage counts in the council's stage order; a stage that events name but the council no longer
 * configures comes after them, by key, rather than being lost.
 */
const inStageOrder = (counts: Record<string, number>, stages: readonly EscalationStage[]) => {
  const configured = stages.filter((s) => counts[s.key] !== undefined).map((s) => s.key);
  const others = Object.keys(counts)
    .filter((key) => !stages.some((s) => s.key === key))
    .sort(byCode);
  return codeCounts(counts, [...configured, ...others]);
};

const EscalationFigures = builder.objectRef<EscalationYear>('EscalationFigures').implement({
  description:
    'The escalations.* figures of a reporting year (statutory-rules §9, §14): stages reached, outcomes and still-open as at the end of 31 March',
  fields: (t) => ({
    raised: t.int({ description: 'Escalations raised in the year', resolve: (y) => y.figures.raised }),
    children: t.int({
      description: 'Distinct children among the escalations raised in the year',
      resolve: (y) => y.figures.children,
    }),
    highestStage: t.field({
      type: [CodeCount],
      description:
        'Per stage, in the council’s stage order: escalations raised in the year whose furthest stage by 31 March is that stage (stages that occur)',
      resolve: (y) => inStageOrder(y.figures.highestStage, y.stages),
    }),
    resolvedAtStage: t.field({
      type: [CodeCount],
      description:
        'Per stage, in the council’s stage order: escalations raised in the year resolved at that stage by 31 March (stages that occur)',
      resolve: (y) => inStageOrder(y.figures.resolvedAtStage, y.stages),
    }),
    referredToCafcass: t.int({
      description: 'Escalations raised in the year referred to CAFCASS by 31 March',
      resolve: (y) => y.figures.referredToCafcass,
    }),
    withdrawn: t.int({
      description: 'Escalations raised in the year withdrawn by 31 March',
      resolve: (y) => y.figures.withdrawn,
    }),
    openAt31March: t.int({
      description: 'Escalations raised in any year still open at the end of 31 March',
      resolve: (y) => y.figures.openAt31March,
    }),
    byTheme: t.field({
      type: [CodeCount],
      description:
        'Per theme, in code order: escalations raised in the year (one counts under each of its themes)',
      resolve: (y) => codeCounts(y.figures.byTheme),
    }),
    medianWorkingDaysToResolve: t.float({
      nullable: true,
      description: 'Median working days to resolve, over those raised and resolved in the year; null if none',
      resolve: (y) => y.figures.medianWorkingDaysToResolve,
    }),
  }),
});

const stageName = (key: string | null, stages: readonly EscalationStage[]) =>
  key === null ? 'none' : (stages.find((s) => s.key === key)?.name ?? key);

/** A short line on where an escalation stood at the end of 31 March: the state every figure reads. */
function describeEscalation(
  { escalation, state, workingDaysToResolve }: EscalationInYear,
  y: EscalationYear,
) {
  const stage = (key: string | null) => stageName(key, y.stages);
  const { end } = reportingYear(y.year);
  const outcome =
    state.outcome === null
      ? state.currentStage === null
        ? `open on ${end}, with no events recorded`
        : `open at ${stage(state.currentStage)} on ${end}`
      : `${state.outcome === 'referred_to_cafcass' ? 'referred to CAFCASS' : state.outcome} at ${stage(state.currentStage)} on ${state.closedOn}${
          workingDaysToResolve === null ? '' : `, ${workingDaysToResolve} working days after it was raised`
        }`;
  const reached = state.highestStage === null ? '' : `, highest stage ${stage(state.highestStage)}`;
  return `Escalation ${escalation.id} raised ${escalation.raised} (${escalation.themes.join(', ')})${reached}: ${outcome}`;
}

const escalationRecord = (member: EscalationInYear, y: EscalationYear): RecordBehind => ({
  child: { id: member.escalation.child },
  date: member.escalation.raised,
  reference: member.escalation.id,
  description: describeEscalation(member, y),
});

/** `escalations.children`: one record per child, standing on the child's first escalation of the year. */
function childRecords(members: readonly EscalationInYear[], y: EscalationYear): RecordBehind[] {
  const raisedOfChild = new Map<string, number>();
  for (const { escalation } of y.behind['escalations.raised']!)
    raisedOfChild.set(escalation.child, (raisedOfChild.get(escalation.child) ?? 0) + 1);
  return members.map(({ escalation: { child, id, raised } }) => {
    const raisedInYear = raisedOfChild.get(child) ?? 0;
    return {
      child: { id: child },
      date: raised,
      reference: id,
      description: `Child ${child}: ${raisedInYear} escalation${raisedInYear === 1 ? '' : 's'} raised in the year, the first ${id} on ${raised}`,
    };
  });
}

const EscalationsTrendYear = builder
  .objectRef<{ year: number; escalationsRaised: number }>('EscalationsTrendYear')
  .implement({
    description: 'One year of the report’s trend, as far as the escalations give it',
    fields: (t) => ({
      year: t.exposeInt('year'),
      escalationsRaised: t.exposeInt('escalationsRaised'),
    }),
  });

/** The annual report of the caller's council for a reporting year, owned by the children subgraph. */
export const AnnualReport = builder.objectRef<{ year: number }>('AnnualReport').implement({
  // No description here: the children subgraph owns the entity and describes it.
  fields: (t) => ({
    year: t.exposeInt('year', { authScopes: managers }),
    escalations: t.field({
      type: EscalationFigures,
      authScopes: managers,
      resolve: (report, _args, ctx) => loaders(ctx).escalationYear.load(checkedReportYear(report.year)),
    }),
    escalationsTrend: t.field({
      type: [EscalationsTrendYear],
      description:
        'The report year and the four before it, oldest first: each year’s escalations raised as its own report gives them',
      authScopes: managers,
      resolve: async (report, _args, ctx) => {
        const year = checkedReportYear(report.year);
        const years = Array.from({ length: TREND_YEARS_BEFORE + 1 }, (_, i) => year - TREND_YEARS_BEFORE + i);
        // Loaded with the report's own year, so that one read covers all five.
        const found = await loaders(ctx).escalationYear.loadMany(years);
        return found.map((y) => {
          if (y instanceof Error) throw y;
          return { year: y.year, escalationsRaised: y.figures.raised };
        });
      },
    }),
    escalationsRecordsBehind: t.field({
      type: [RecordBehindFigure],
      authScopes: managers,
      description:
        'The escalations (or, for escalations.children, the children) behind one escalation figure: as many records as the figure counts',
      args: {
        figure: t.arg.string({
          required: true,
          description:
            'The figure’s path in the report’s JSON, such as "escalations.raised" or "escalations.byTheme.drift_delay"',
        }),
      },
      resolve: async (report, { figure }, ctx) => {
        const year = checkedReportYear(report.year);
        // Refused before any read: a percentage, the median, a whole map or another section's figure.
        if (escalationsBehindFigure({}, figure) === null) throw noRecordsBehind(figure);
        const y = await loaders(ctx).escalationYear.load(year);
        const members = escalationsBehindFigure(y.behind, figure) ?? [];
        const records =
          figure === 'escalations.children'
            ? childRecords(members, y)
            : members.map((member) => escalationRecord(member, y));
        await auditRecordsBehind(
          ctx,
          'Escalation',
          records.map((record) => record.reference!),
          { figure, year },
        );
        return records;
      },
    }),
  }),
});

builder.asEntity(AnnualReport, {
  key: builder.selection<{ year: number }>('year'),
  // The report is the caller's council's: its key is only the year, which every field checks.
  resolveReference: ({ year }) => ({ year }),
});
