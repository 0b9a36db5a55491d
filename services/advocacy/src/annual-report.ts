import {
  type AdvocacyChildRecords,
  advocacyFigures,
  advocacyMembers,
  childrenWithIndependentVisitorAt,
  childrenWithIndependentVisitorDuring,
  codeLabel,
  type IndependentVisitor,
  type Involvement,
  independentVisitorsAt,
  independentVisitorsDuring,
  reportingYear,
} from '@footprint/domain';
import {
  type CodeCount,
  codeCounts,
  invalidInput,
  membersUnder,
  noRecordsBehind,
  type RecordBehindFigure,
} from '@footprint/graphql';
import { z } from 'zod';
import type { IndependentVisitorRow } from './data/find-independent-visitors.ts';
import type { InvolvementRow } from './data/find-involvements.ts';
import type { ReportRecords } from './data/find-report-records.ts';

/** The `advocacy` section of the annual report (annual-report.md, further-tables.md §2a). */
export type AdvocacyReportFigures = {
  involvements: number;
  children: number;
  childrenPercent: number | null;
  byReason: CodeCount[];
  bySource: CodeCount[];
  independentVisitorsAt31March: number;
  independentVisitorsDuringYear: number;
};

/** The code an involvement is counted under when the council's imported records gave no source. */
export const sourceNotRecorded = 'notRecorded';

const requiredChildren = z.object({
  children: z.object({ lookedAfterDuringYear: z.number().int().nonnegative() }),
});

/**
 * `children.lookedAfterDuringYear`, the denominator of `childrenPercent`, as the gateway fetches it
 * from the children subgraph (`@requires`). A direct `_entities` caller could send anything.
 */
export function lookedAfterDuringYearOf(report: unknown): number {
  const parsed = requiredChildren.safeParse(report);
  if (!parsed.success) {
    throw invalidInput(
      'advocacy needs children { lookedAfterDuringYear } from the children subgraph, a whole number of 0 or more',
      'children',
    );
  }
  return parsed.data.children.lookedAfterDuringYear;
}

type ReportInvolvement = Involvement & { row: InvolvementRow };
type ReportVisitor = IndependentVisitor & { row: IndependentVisitorRow };

const asDomainInvolvement = (row: InvolvementRow): ReportInvolvement => ({
  id: row.id,
  child: row.childId,
  provider: row.providerId,
  referralDate: row.referralDate,
  source: row.source ?? sourceNotRecorded,
  reasons: row.reasons,
  start: row.startDate,
  end: row.endDate,
  outcome: row.outcome,
  row,
});

const asDomainVisitor = (row: IndependentVisitorRow): ReportVisitor => ({
  child: row.childId,
  start: row.startDate,
  end: row.endDate,
  row,
});

/** The advocacy figures of a reporting year, from the domain's rules (statutory-rules §10) only. */
export function advocacyReportFigures(
  records: ReportRecords,
  year: number,
  lookedAfterDuringYear: number,
): AdvocacyReportFigures {
  const involvements = records.involvements.map(asDomainInvolvement);
  const visitors = records.visitors.map(asDomainVisitor);
  const figures = advocacyFigures(involvements, year, lookedAfterDuringYear);
  return {
    involvements: figures.involvements,
    children: figures.children,
    childrenPercent: figures.childrenPercent,
    // The codes that occur, in code order: the domain counts no code at 0.
    byReason: codeCounts(figures.byReason),
    bySource: codeCounts(figures.bySource),
    independentVisitorsAt31March: childrenWithIndependentVisitorAt(visitors, reportingYear(year).end),
    independentVisitorsDuringYear: childrenWithIndependentVisitorDuring(visitors, year),
  };
}

/** What the records behind a figure are, for the audit trail. */
export type RecordsBehind = {
  entity: 'AdvocacyInvolvement' | 'IndependentVisitorAllocation';
  /** The audited ids: INVOLVEMENT references, or CHILD references for Independent Visitor allocations. */
  ids: string[];
  records: RecordBehindFigure[];
};

const label = (list: 'advocacy-reasons' | 'advocacy-referral-sources', code: string) =>
  codeLabel(list, code) ?? code;

const involvementRecord = ({ row }: ReportInvolvement): RecordBehindFigure => {
  const source =
    row.source === null ? 'a source not recorded' : label('advocacy-referral-sources', row.source);
  const reasons = row.reasons.length
    ? row.reasons.map((code) => label('advocacy-reasons', code)).join('; ')
    : 'no reason recorded';
  return {
    child: { id: row.childId },
    date: row.referralDate,
    reference: row.id,
    description: `Referred ${row.referralDate} to ${row.providerId} by ${source}: ${reasons}`,
  };
};

const childRecord = ({ child, records }: AdvocacyChildRecords<ReportInvolvement>): RecordBehindFigure => ({
  child: { id: child },
  date: records[0]!.referralDate,
  reference: null,
  description: `${records.length === 1 ? '1 involvement' : `${records.length} involvements`} referred in the year: ${records
    .map((i) => `${i.id} (${i.referralDate})`)
    .join(', ')}`,
});

const visitorRecord = ({ child, records }: AdvocacyChildRecords<ReportVisitor>): RecordBehindFigure => ({
  child: { id: child },
  date: records[0]!.start,
  reference: null,
  description: `Independent Visitor ${records
    .map((v) => (v.end === null ? `from ${v.start}, still allocated` : `from ${v.start} to ${v.end}`))
    .join('; ')}`,
});

const involvementsBehind = (list: readonly ReportInvolvement[]): RecordsBehind => ({
  entity: 'AdvocacyInvolvement',
  ids: list.map((i) => i.id),
  records: list.map(involvementRecord),
});

const visitorsBehind = (list: readonly AdvocacyChildRecords<ReportVisitor>[]): RecordsBehind => ({
  entity: 'IndependentVisitorAllocation',
  ids: list.map((c) => c.child),
  records: list.map(visitorRecord),
});

/**
 * The records behind one `advocacy.*` figure of the year, from the same domain computation as the
 * figure, so the list's length is the figure. A percentage, or a figure this subgraph does not
 * compute, has none; a code that does not occur has an empty list.
 */
export function advocacyRecordsBehind(records: ReportRecords, year: number, figure: string): RecordsBehind {
  const [section, name, code, ...rest] = figure.split('.');
  if (section !== 'advocacy' || rest.length > 0) throw noRecordsBehind(figure);
  const involvements = records.involvements.map(asDomainInvolvement);
  const members = advocacyMembers(involvements, year);
  if (code === undefined) {
    switch (name) {
      case 'involvements':
        return involvementsBehind(members.involvements);
      case 'children': {
        const children = members.children;
        return {
          entity: 'AdvocacyInvolvement',
          ids: children.flatMap((c) => c.records.map((i) => i.id)),
          records: children.map(childRecord),
        };
      }
      case 'independentVisitorsAt31March':
        return visitorsBehind(
          independentVisitorsAt(records.visitors.map(asDomainVisitor), reportingYear(year).end),
        );
      case 'independentVisitorsDuringYear':
        return visitorsBehind(independentVisitorsDuring(records.visitors.map(asDomainVisitor), year));
    }
  } else if (code !== '') {
    if (name === 'byReason') return involvementsBehind(membersUnder(members.byReason, code));
    if (name === 'bySource') return involvementsBehind(membersUnder(members.bySource, code));
  }
  throw noRecordsBehind(figure);
}
