import {
  type Allocation,
  ageBandLabels,
  type ChildPeriods,
  type ChildProfileFacts,
  type ChildrenLookedAfterBehind,
  caseloads,
  childrenLookedAfterFiguresBehind,
  childrenProfileBehind,
  childrenWithoutIro,
  continuity,
  dataQualityList,
  defaultLocalPolicy,
  type Episode,
  ETHNIC_GROUP_ORDER,
  type Iro,
  type IsoDate,
  isOpenAtEndOf,
  overlaps,
  type PeriodBehind,
  periodsOfCare,
  periodsWithoutStartInYear,
  reportingYear,
  SEX_ORDER,
  type WorkforceBehind,
  workforceFiguresBehind,
} from '@footprint/domain';
import { type CodeCount, codeCounts } from '@footprint/graphql';
import type { ChildRow } from './find-children.ts';
import type { StaffRow } from './find-staff.ts';
import type { ReportEpisodeRow, ReportRecords, UascRow } from './load-report-records.ts';

/** A stored episode as the domain reads it, carrying its row so that periods lead back to it. */
export type ReportEpisode = Episode & { row: ReportEpisodeRow };
/** A member of staff as the domain reads them, carrying their row. */
export type ReportPerson = Iro & { row: StaffRow };
/** A child looked after at 31 March, with what the profile tables read and the period that counted them. */
export type ProfileChild = ChildProfileFacts & { row: ChildRow; at: PeriodBehind<ReportEpisode> };

/** The council's records arranged once per request; every year's figures are computed from it. */
export type CouncilHistory = {
  childById: ReadonlyMap<string, ChildRow>;
  uascByChild: ReadonlyMap<string, UascRow>;
  children: (ChildPeriods<ReportEpisode> & { allocations: Allocation[] })[];
  allocations: Allocation[];
  people: ReportPerson[];
};

export type ChildCareHistory = { childId: string; dateOfBirth: IsoDate; episodes: ReportEpisodeRow[] };

export type AnnualReportFigures = {
  year: number;
  period: { start: IsoDate; end: IsoDate };
  children: {
    lookedAfterAt31March: number;
    shortBreaksDuringYear: number;
    lookedAfterDuringYear: number;
    startedInYear: number;
    ceasedInYear: number;
    byLegalStatus: CodeCount[];
    byLegalStatusAtEntry: CodeCount[];
    byPlacement: CodeCount[];
    byAgeBand: CodeCount[];
    bySex: CodeCount[];
    byEthnicity: CodeCount[];
    byReasonCeased: CodeCount[];
    uascAt31March: number;
    byEthnicGroup: CodeCount[];
    dataQuality: CodeCount[];
  };
  workforce: {
    iros: number;
    fte: number;
    caseloadPerFte: { mean: number | null; min: number | null; max: number | null };
    overCapacity: number;
    continuityPercent: number | null;
  };
  careHistory: ChildCareHistory[];
  /** The domain's members behind each count, for `childrenRecordsBehind` (lists are built on demand). */
  members: {
    periods: ChildrenLookedAfterBehind<ReportEpisode>;
    profile: Record<string, ProfileChild[]>;
    workforce: WorkforceBehind<ReportPerson>;
    periodWithoutStart: PeriodBehind<ReportEpisode>[];
    noIroAllocated: PeriodBehind<ReportEpisode>[];
  };
  childById: ReadonlyMap<string, ChildRow>;
};

/** Groups the council's rows by child and chains each child's episodes into periods of care, once. */
export function arrangeCouncilRecords(records: ReportRecords): CouncilHistory {
  const episodesByChild = new Map<string, ReportEpisode[]>();
  for (const row of records.episodes) {
    const list = episodesByChild.get(row.childId);
    // Only what the rules read, built directly: tens of thousands of these are made per request.
    const episode: ReportEpisode = {
      decom: row.startDate,
      rne: row.reasonNewEpisode,
      ls: row.legalStatus,
      place: row.placement,
      dec: row.endDate,
      rec: row.reasonEnded,
      row,
    };
    if (list) list.push(episode);
    else episodesByChild.set(row.childId, [episode]);
  }
  const allocations: Allocation[] = records.allocations.map((a) => ({
    child: a.childId,
    iro: a.iroId,
    start: a.startDate,
    end: a.endDate,
  }));
  const allocationsByChild = new Map<string, Allocation[]>();
  for (const a of allocations) {
    const list = allocationsByChild.get(a.child);
    if (list) list.push(a);
    else allocationsByChild.set(a.child, [a]);
  }
  const children = [...episodesByChild].map(([child, list]) => ({
    child,
    periods: periodsOfCare(list).periods,
    allocations: allocationsByChild.get(child) ?? [],
  }));
  return {
    childById: new Map(records.children.map((row) => [row.id, row])),
    uascByChild: new Map(records.uasc.map((row) => [row.childId, row])),
    children,
    allocations,
    people: records.staff.map((row) => ({
      iro: row.id,
      role: row.role as Iro['role'],
      fte: row.fte,
      start: row.startDate,
      end: row.endDate,
      row,
    })),
  };
}

/**
 * The children subgraph's figures of reporting year `year` (annual-report.md children.*,
 * workforce.*, its dataQuality codes; further-tables byEthnicGroup), every one from the domain
 * exactly as packages/domain's Exampleshire test computes it, with the members behind each count.
 */
export function computeAnnualReport(history: CouncilHistory, year: number): AnnualReportFigures {
  const { start, end } = reportingYear(year);
  const lookedAfter = childrenLookedAfterFiguresBehind(history.children, year);
  const atEnd = lookedAfter.behind['children.lookedAfterAt31March']!;
  const atEndByChild = new Map(atEnd.map((member) => [member.child, member]));

  // Import checks every episode's CHILD against the header, so a child without a row is not expected;
  // such a child would still count above, only not in the profile tables.
  const profileChildren: ProfileChild[] = atEnd.flatMap((member) => {
    const row = history.childById.get(member.child);
    if (!row) return [];
    const uasc = history.uascByChild.get(member.child);
    return [
      {
        child: member.child,
        dateOfBirth: row.dateOfBirth,
        sex: row.sex,
        ethnicity: row.ethnicity,
        uasc: uasc ? { ceased: uasc.uascCeased } : null,
        row,
        at: member,
      },
    ];
  });
  const ageBands = defaultLocalPolicy.ageBands;
  const profile = childrenProfileBehind(profileChildren, end, ageBands);

  // Caseloads count children in any period at 31 March, short breaks included (§14).
  const inCare = new Set(
    history.children.filter((c) => c.periods.some((p) => isOpenAtEndOf(p, end))).map((c) => c.child),
  );
  const loads = caseloads(history.allocations, (child) => inCare.has(child), end);
  const workforce = workforceFiguresBehind(history.people, loads, end, defaultLocalPolicy.capacityBand);
  const continuityOfIro = continuity(history.children, year);

  const noIroAllocated = childrenWithoutIro(history.children, end).map((child) => atEndByChild.get(child)!);
  const periodWithoutStart = periodsWithoutStartInYear(history.children, year);

  const f = lookedAfter.figures;
  return {
    year,
    period: { start, end },
    children: {
      lookedAfterAt31March: f.lookedAfterAt31March,
      shortBreaksDuringYear: f.shortBreaksDuringYear,
      lookedAfterDuringYear: f.lookedAfterDuringYear,
      startedInYear: f.startedInYear,
      ceasedInYear: f.ceasedInYear,
      byLegalStatus: codeCounts(f.byLegalStatus),
      byLegalStatusAtEntry: codeCounts(f.byLegalStatusAtEntry),
      byPlacement: codeCounts(f.byPlacement),
      byAgeBand: codeCounts(profile.figures.byAgeBand, ageBandLabels(ageBands)),
      bySex: codeCounts(profile.figures.bySex, SEX_ORDER),
      byEthnicity: codeCounts(profile.figures.byEthnicity),
      byReasonCeased: codeCounts(f.byReasonCeased),
      uascAt31March: profile.figures.uascAt31March,
      byEthnicGroup: codeCounts(profile.figures.byEthnicGroup, ETHNIC_GROUP_ORDER),
      dataQuality: dataQualityList({
        period_without_start: periodWithoutStart.length,
        no_iro_allocated: noIroAllocated.length,
      }).map(({ code, count }) => ({ code, count })),
    },
    workforce: { ...workforce.figures, continuityPercent: continuityOfIro.percent },
    careHistory: careHistoryOf(history, start, end),
    members: {
      periods: lookedAfter.behind,
      profile: profile.behind,
      workforce: workforce.behind,
      periodWithoutStart,
      noIroAllocated,
    },
    childById: history.childById,
  };
}

/**
 * Every child with a period of care (short-break-only ones too) touching the year, with all the
 * episodes of exactly those periods, oldest first: what other subgraphs `@requires` to run the rules.
 */
function careHistoryOf(history: CouncilHistory, start: IsoDate, end: IsoDate): ChildCareHistory[] {
  const result: ChildCareHistory[] = [];
  for (const { child, periods } of history.children) {
    const touching = periods.filter((p) => overlaps(p, start, end));
    if (touching.length === 0) continue;
    const row = history.childById.get(child);
    if (!row) continue;
    result.push({
      childId: child,
      dateOfBirth: row.dateOfBirth,
      episodes: touching.flatMap((p) => p.episodes.map((e) => e.row)),
    });
  }
  return result;
}
