import {
  type FosterHousehold,
  type FosterReviewDue,
  type FosterReviewOverdue,
  fosterCarerReviewFigures,
  fosterCarerReviewMembers,
  reportingYear,
} from '@footprint/domain';
import {
  type CodeCount,
  codeCounts,
  membersUnder,
  noRecordsBehind,
  type RecordBehindFigure,
} from '@footprint/graphql';
import { fosterHouseholdTypes } from './codes.ts';
import type { HouseholdRow } from './data/find-households.ts';
import type { ReportRecords } from './data/find-report-records.ts';
import type { ReviewRow } from './data/find-reviews.ts';
import { scheduleOf } from './schedule.ts';

/** The `fosterCarerReviews` section of the annual report (statutory-rules §11, §14). */
export type FosterCarerReviewReportFigures = {
  householdsAt31March: CodeCount[];
  due: number;
  onTime: number;
  onTimePercent: number | null;
  overdueAt31March: number;
};

/** Every household's review schedule, from the domain's rule (§11) only. */
function schedulesOf(records: ReportRecords) {
  const byHousehold = new Map<string, ReviewRow[]>();
  for (const review of records.reviews) {
    const list = byHousehold.get(review.householdId);
    if (list) list.push(review);
    else byHousehold.set(review.householdId, [review]);
  }
  return records.households.map((household) => scheduleOf(household, byHousehold.get(household.id) ?? []));
}

/** The foster carer review figures of a reporting year. */
export function fosterCarerReviewReportFigures(
  records: ReportRecords,
  year: number,
): FosterCarerReviewReportFigures {
  const figures = fosterCarerReviewFigures(schedulesOf(records), year);
  return {
    // Fixed keys, both listed, zeros included, in the spec's order.
    householdsAt31March: codeCounts(figures.householdsAt31March, fosterHouseholdTypes),
    due: figures.due,
    onTime: figures.onTime,
    onTimePercent: figures.onTimePercent,
    overdueAt31March: figures.overdueAt31March,
  };
}

/** The records behind a figure and the households they are about, for the audit trail. */
export type RecordsBehind = { householdIds: string[]; records: RecordBehindFigure[] };

const typeLabels: Record<(typeof fosterHouseholdTypes)[number], string> = {
  mainstream: 'mainstream',
  connected_person: 'connected person',
};

/**
 * The records behind one `fosterCarerReviews.*` figure of the year, from the same domain
 * computation as the figure, so the list's length is the figure: households (approved at 31 March,
 * overdue then) or the due dates of the year. None is about one child.
 */
export function fosterCarerReviewRecordsBehind(
  records: ReportRecords,
  year: number,
  figure: string,
): RecordsBehind {
  const [section, name, key, ...rest] = figure.split('.');
  if (section !== 'fosterCarerReviews' || rest.length > 0) throw noRecordsBehind(figure);
  const { end } = reportingYear(year);
  const rows = new Map<string, HouseholdRow>(records.households.map((row) => [row.id, row]));
  const nameOf = (household: FosterHousehold) =>
    rows.get(household.household)?.name ?? `Household ${household.household}`;
  const members = fosterCarerReviewMembers(schedulesOf(records), year);

  const householdRecord = (household: FosterHousehold): RecordBehindFigure => ({
    child: null,
    date: household.approved,
    reference: household.household,
    description: `${nameOf(household)} (${typeLabels[household.type] ?? household.type}), approved ${household.approved}${household.ended ? `, approval ended ${household.ended}` : ''}`,
  });
  const dueRecord = (due: FosterReviewDue): RecordBehindFigure => ({
    child: null,
    date: due.dueDate,
    reference: due.household.household,
    description: `${nameOf(due.household)}: review due ${due.dueDate}, ${
      due.review ? `held ${due.review.date} (${due.onTime ? 'on time' : 'late'})` : 'not held'
    }`,
  });
  const overdueRecord = (overdue: FosterReviewOverdue): RecordBehindFigure => ({
    child: null,
    date: overdue.dueDate,
    reference: overdue.household.household,
    description: `${nameOf(overdue.household)}: review due ${overdue.dueDate}, not held by ${end}`,
  });
  const behind = <T>(
    list: readonly T[],
    household: (item: T) => FosterHousehold,
    record: (item: T) => RecordBehindFigure,
  ) => ({
    householdIds: [...new Set(list.map((item) => household(item).household))],
    records: list.map(record),
  });

  if (name === 'householdsAt31March' && key !== undefined && key !== '') {
    return behind(membersUnder(members.householdsAt31March, key), (h) => h, householdRecord);
  }
  if (key === undefined) {
    if (name === 'due') return behind(members.due, (d) => d.household, dueRecord);
    if (name === 'onTime') return behind(members.onTime, (d) => d.household, dueRecord);
    if (name === 'overdueAt31March')
      return behind(members.overdueAt31March, (o) => o.household, overdueRecord);
  }
  throw noRecordsBehind(figure);
}
