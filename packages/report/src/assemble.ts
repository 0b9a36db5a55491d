import { type DataQualityCode, dataQualityList } from '@footprint/domain';
import type { AnnualReport, TrendRow } from './annual-report.ts';
import type { Narratives } from './narratives.ts';
import { annualReportQuery, yearReportQuery } from './query.ts';

type CodeCount = { code: string; count: number };
type Percent = number | null;

/** What the gateway answers for one year (`reportFiguresFragment`). */
export type ReportFigures = {
  year: number;
  period: { start: string; end: string };
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
    byLocalAgeBand: CodeCount[];
    startedByAgeBandAndSex: { band: string; male: number; female: number; unknown: number }[];
    ceasedByAgeBand: CodeCount[];
    uascByEthnicity: CodeCount[];
    ratePer10000: number | null;
    startedRatePer10000: number | null;
    ceasedRatePer10000: number | null;
  };
  health: {
    cohort: number;
    healthAssessmentPercent: Percent;
    immunisationsPercent: Percent;
    teethCheckPercent: Percent;
    healthCheckUnder5Percent: Percent;
    substanceMisusePercent: Percent;
    convictedAged10PlusPercent: Percent;
    sdq: {
      eligible: number;
      scored: number;
      mean: number | null;
      normal: number;
      borderline: number;
      concern: number;
    };
  };
  stability: {
    shortTerm: { eligible: number; threeOrMore: number; percent: Percent };
    longTerm: { eligible: number; stable: number; percent: Percent };
  };
  placement: { distance: { known: number; over20Miles: number; percent: Percent } };
  missing: { episodes: number; children: number; byType: CodeCount[] };
  secure: { welfare: number; youthJustice: number };
  comparators: { year: number; area: string; measure: string; value: number | null; symbol: string | null }[];
  reviews: {
    held: number;
    onTime: number;
    late: number;
    onTimePercent: Percent;
    childrenAllOnTime: { eligible: number; allOnTime: number; percent: Percent };
    participation: CodeCount[];
    participationRate4Plus: Percent;
    chairedByChild: CodeCount[];
    format: CodeCount[];
    paperwork: {
      outcomesOnTimePercent: Percent;
      recordCompletedOnTimePercent: Percent;
      recordDistributedOnTimePercent: Percent;
    };
    midwayReviews: number;
    overdueAt31March: number;
    orphanReviews: number;
    byMonth: { month: string; held: number; onTime: number }[];
    dataQuality: CodeCount[];
  };
  consultation: { child: number; carer: number; parent: number };
  escalations: {
    raised: number;
    children: number;
    highestStage: CodeCount[];
    resolvedAtStage: CodeCount[];
    referredToCafcass: number;
    withdrawn: number;
    openAt31March: number;
    byTheme: CodeCount[];
    medianWorkingDaysToResolve: number | null;
  };
  advocacy: {
    involvements: number;
    children: number;
    childrenPercent: Percent;
    byReason: CodeCount[];
    bySource: CodeCount[];
    independentVisitorsAt31March: number;
    independentVisitorsDuringYear: number;
  };
  workforce: {
    iros: number;
    fte: number;
    caseloadPerFte: { mean: number | null; min: number | null; max: number | null };
    overCapacity: number;
    continuityPercent: Percent;
    bySex: CodeCount[];
    byEthnicGroup: CodeCount[];
  };
  fosterCarerReviews: {
    householdsAt31March: CodeCount[];
    due: number;
    onTime: number;
    onTimePercent: Percent;
    overdueAt31March: number;
  };
  audits: { completed: number; byGrade: CodeCount[] };
};

/** The trend's parts as the gateway answers them (`trendFields`). */
export type TrendParts = {
  childrenTrend: Pick<TrendRow, 'year' | 'lookedAfterAt31March' | 'startedInYear' | 'ceasedInYear'>[];
  reviewsTrend: Pick<TrendRow, 'year' | 'reviewsHeld' | 'reviewsOnTimePercent' | 'participationRate4Plus'>[];
  escalationsTrend: Pick<TrendRow, 'year' | 'escalationsRaised'>[];
};

export type AnnualReportAnswer = {
  current: ReportFigures & { narratives: { section: string; text: string }[] } & TrendParts;
  previous: ReportFigures;
};

const toMap = (counts: readonly CodeCount[]): Record<string, number> =>
  Object.fromEntries(counts.map(({ code, count }) => [code, count]));

/**
 * The report's JSON (annual-report.md) from the figures the services computed: only a change of
 * shape — lists of code counts become maps, and the data-quality counts of every service become
 * the one list in the order of §14 — never a figure of its own.
 */
export function assembleReport(tenant: string, figures: ReportFigures): AnnualReport {
  const {
    children: c,
    reviews: r,
    escalations: e,
    advocacy: a,
    workforce: w,
    fosterCarerReviews: f,
  } = figures;
  const dataQuality = Object.fromEntries(
    [...c.dataQuality, ...r.dataQuality].map(({ code, count }) => [code as DataQualityCode, count]),
  );
  return {
    tenant,
    year: figures.year,
    period: figures.period,
    children: {
      lookedAfterAt31March: c.lookedAfterAt31March,
      shortBreaksDuringYear: c.shortBreaksDuringYear,
      lookedAfterDuringYear: c.lookedAfterDuringYear,
      startedInYear: c.startedInYear,
      ceasedInYear: c.ceasedInYear,
      byLegalStatus: toMap(c.byLegalStatus),
      byLegalStatusAtEntry: toMap(c.byLegalStatusAtEntry),
      byPlacement: toMap(c.byPlacement),
      byAgeBand: toMap(c.byAgeBand),
      bySex: toMap(c.bySex),
      byEthnicity: toMap(c.byEthnicity),
      byReasonCeased: toMap(c.byReasonCeased),
      uascAt31March: c.uascAt31March,
      byEthnicGroup: toMap(c.byEthnicGroup),
      byLocalAgeBand: toMap(c.byLocalAgeBand),
      startedByAgeBandAndSex: Object.fromEntries(
        c.startedByAgeBandAndSex.map(({ band, ...bySex }) => [band, bySex]),
      ),
      ceasedByAgeBand: toMap(c.ceasedByAgeBand),
      uascByEthnicity: toMap(c.uascByEthnicity),
      ratePer10000: c.ratePer10000,
      startedRatePer10000: c.startedRatePer10000,
      ceasedRatePer10000: c.ceasedRatePer10000,
    },
    health: figures.health,
    stability: figures.stability,
    placement: figures.placement,
    missing: { ...figures.missing, byType: toMap(figures.missing.byType) },
    secure: figures.secure,
    reviews: {
      held: r.held,
      onTime: r.onTime,
      late: r.late,
      onTimePercent: r.onTimePercent,
      childrenAllOnTime: r.childrenAllOnTime,
      participation: toMap(r.participation),
      participationRate4Plus: r.participationRate4Plus,
      chairedByChild: toMap(r.chairedByChild),
      format: toMap(r.format),
      paperwork: r.paperwork,
      midwayReviews: r.midwayReviews,
      overdueAt31March: r.overdueAt31March,
      orphanReviews: r.orphanReviews,
      byMonth: Object.fromEntries(r.byMonth.map(({ month, held, onTime }) => [month, { held, onTime }])),
    },
    consultation: figures.consultation,
    escalations: {
      raised: e.raised,
      children: e.children,
      highestStage: toMap(e.highestStage),
      resolvedAtStage: toMap(e.resolvedAtStage),
      referredToCafcass: e.referredToCafcass,
      withdrawn: e.withdrawn,
      openAt31March: e.openAt31March,
      byTheme: toMap(e.byTheme),
      medianWorkingDaysToResolve: e.medianWorkingDaysToResolve,
    },
    advocacy: {
      involvements: a.involvements,
      children: a.children,
      childrenPercent: a.childrenPercent,
      byReason: toMap(a.byReason),
      bySource: toMap(a.bySource),
      independentVisitorsAt31March: a.independentVisitorsAt31March,
      independentVisitorsDuringYear: a.independentVisitorsDuringYear,
    },
    workforce: { ...w, bySex: toMap(w.bySex), byEthnicGroup: toMap(w.byEthnicGroup) },
    fosterCarerReviews: {
      householdsAt31March: toMap(f.householdsAt31March),
      due: f.due,
      onTime: f.onTime,
      onTimePercent: f.onTimePercent,
      overdueAt31March: f.overdueAt31March,
    },
    audits: { completed: figures.audits.completed, byGrade: toMap(figures.audits.byGrade) },
    dataQuality: dataQualityList(dataQuality),
    // A figure the DfE does not show is its symbol (c, k, u, x, z), as the published tables print it.
    comparators: figures.comparators.map(({ symbol, value, ...row }) => ({ ...row, value: symbol ?? value })),
  };
}

/**
 * The trend's rows: the children subgraph's years, each joined with the reviews' and escalations'
 * figures of the same year (both give every one of the five years).
 */
export function assembleTrend({ childrenTrend, reviewsTrend, escalationsTrend }: TrendParts): TrendRow[] {
  const reviewsOf = new Map(reviewsTrend.map((row) => [row.year, row]));
  const escalationsOf = new Map(escalationsTrend.map((row) => [row.year, row]));
  return childrenTrend.map((children) => {
    const reviews = reviewsOf.get(children.year);
    const escalations = escalationsOf.get(children.year);
    if (!reviews || !escalations)
      throw new Error(`The trend has no review or escalation figures for ${children.year}`);
    return {
      ...children,
      reviewsHeld: reviews.reviewsHeld,
      reviewsOnTimePercent: reviews.reviewsOnTimePercent,
      participationRate4Plus: reviews.participationRate4Plus,
      escalationsRaised: escalations.escalationsRaised,
    };
  });
}

/** The managers' text, keyed by section; sections nobody has written are absent. */
export const narrativesOf = (rows: readonly { section: string; text: string }[]): Narratives =>
  Object.fromEntries(rows.map(({ section, text }) => [section, text])) as Narratives;

/** Runs one query against the gateway as someone allowed to read the council's report. */
export type AskGateway = <T>(query: string, variables: Record<string, unknown>) => Promise<T>;

export type ReportWithComparison = {
  current: AnnualReport;
  previous: AnnualReport;
  narratives: Narratives;
};

/** The year's report, the year before it and the managers' text, in one round trip. */
export async function fetchAnnualReport(
  ask: AskGateway,
  tenant: string,
  year: number,
): Promise<ReportWithComparison> {
  const answer = await ask<AnnualReportAnswer>(annualReportQuery, { year, previousYear: year - 1 });
  return {
    current: { ...assembleReport(tenant, answer.current), trend: assembleTrend(answer.current) },
    previous: assembleReport(tenant, answer.previous),
    narratives: narrativesOf(answer.current.narratives),
  };
}

/** The year's report alone, as the JSON form prints it. */
export async function fetchYearReport(ask: AskGateway, tenant: string, year: number): Promise<AnnualReport> {
  const answer = await ask<Pick<AnnualReportAnswer, 'current'>>(yearReportQuery, { year });
  return {
    ...assembleReport(tenant, answer.current),
    trend: assembleTrend(answer.current),
    narratives: narrativesOf(answer.current.narratives),
  };
}
