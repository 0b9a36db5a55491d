import {
  type Allocation,
  ageBandLabels,
  ageBandsForYear,
  type Behind,
  type ChildPeriods,
  type ChildProfileFacts,
  type ChildrenLookedAfterBehind,
  type Comparator,
  caseloads,
  childrenLookedAfterFiguresBehind,
  childrenProfileBehind,
  childrenRates,
  childrenWithoutIro,
  comparatorsForYear,
  continuity,
  type DistanceMember,
  dataQualityList,
  defaultLocalPolicy,
  type Episode,
  ETHNIC_GROUP_ORDER,
  entrantsAndLeaversBehind,
  type HealthFigures,
  healthFiguresBehind,
  type Iro,
  type IsoDate,
  isOpenAtEndOf,
  type LocalPolicyVersion,
  type LongTermStabilityMember,
  longTermStabilityBehind,
  MISSING_TYPE_KEYS,
  type MissingChild,
  type MissingEpisode,
  missingFiguresBehind,
  type Oc2CohortMember,
  type Oc2Row,
  overlaps,
  type PeriodBehind,
  type PeriodOfCare,
  type PlacementDistance,
  periodsOfCare,
  periodsWithoutStartInYear,
  placementDistanceBehind,
  policyOn,
  policyVersionsFromRows,
  populationOf,
  reportingYear,
  SEX_ORDER,
  type SectorCentroid,
  type SecureFigures,
  type SecureMember,
  type ShortTermStabilityMember,
  type StabilityFigures,
  sectorCentroids,
  secureFiguresBehind,
  shortTermStabilityBehind,
  uascByEthnicityBehind,
  type WorkforceBehind,
  workforceDiversityBehind,
  workforceFiguresBehind,
} from '@footprint/domain';
import { type CodeCount, codeCounts } from '@footprint/graphql';
import type { ChildRow } from './find-children.ts';
import type { StaffRow } from './find-staff.ts';
import type {
  HealthOutcomeRow,
  MissingSpellRow,
  ReportEpisodeRow,
  ReportRecords,
  UascRow,
} from './load-report-records.ts';

/** A stored episode as the domain reads it, carrying its row so that periods lead back to it. */
export type ReportEpisode = Episode & { row: ReportEpisodeRow };
/** A member of staff as the domain reads them (with the iros file's ETHNICITY and SEX), carrying their row. */
export type ReportPerson = Iro & { ethnicity: string | null; sex: string | null; row: StaffRow };
/** A child with a header row: periods, date of birth and sex, for the further tables. */
export type DescribedChild = ChildPeriods<ReportEpisode> & {
  dateOfBirth: IsoDate;
  sex: string | null;
  row: ChildRow;
};
/** An OC2 row as the health figures read it, carrying its stored row. */
export type ReportOc2Row = Oc2Row & { stored: HealthOutcomeRow };
/** A missing spell as the missing figures read it, carrying its stored row. */
export type ReportMissing = MissingEpisode & { stored: MissingSpellRow };
/** A comparator as the report lists it: a number, or a DfE symbol (`c`, `k`, `u`, `x`, `z`) for a figure not shown. */
export type ReportComparator = {
  year: number;
  area: string;
  measure: string;
  value: number | null;
  symbol: string | null;
};
/** A child looked after at 31 March, with what the profile tables read and the period that counted them. */
export type ProfileChild = ChildProfileFacts & { row: ChildRow; at: PeriodBehind<ReportEpisode> };

/** The council's records arranged once per request; every year's figures are computed from it. */
export type CouncilHistory = {
  childById: ReadonlyMap<string, ChildRow>;
  uascByChild: ReadonlyMap<string, UascRow>;
  children: (ChildPeriods<ReportEpisode> & { allocations: Allocation[] })[];
  allocations: Allocation[];
  people: ReportPerson[];
  /** The children of `children` with a header row (import checks every CHILD against the header). */
  described: DescribedChild[];
  oc2: ReportOc2Row[];
  missing: ReportMissing[];
  centroids: ReadonlyMap<string, SectorCentroid>;
  population: { year: number; population: number }[];
  comparators: Comparator[];
  policy: LocalPolicyVersion[];
};

export type ChildCareHistory = {
  childId: string;
  dateOfBirth: IsoDate;
  /** The child's periods of care touching the span asked about, oldest first. */
  periods: readonly PeriodOfCare<ReportEpisode>[];
};

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
    byLocalAgeBand: CodeCount[];
    startedByAgeBandAndSex: { band: string; male: number; female: number; unknown: number }[];
    ceasedByAgeBand: CodeCount[];
    uascByEthnicity: CodeCount[];
    ratePer10000: number | null;
    startedRatePer10000: number | null;
    ceasedRatePer10000: number | null;
  };
  workforce: {
    iros: number;
    fte: number;
    caseloadPerFte: { mean: number | null; min: number | null; max: number | null };
    overCapacity: number;
    continuityPercent: number | null;
    bySex: CodeCount[];
    byEthnicGroup: CodeCount[];
  };
  health: HealthFigures;
  stability: StabilityFigures;
  placement: { distance: PlacementDistance };
  missing: { episodes: number; children: number; byType: CodeCount[] };
  secure: SecureFigures;
  comparators: ReportComparator[];
  careHistory: ChildCareHistory[];
  /** The domain's members behind each count, for `childrenRecordsBehind` (lists are built on demand). */
  members: {
    periods: ChildrenLookedAfterBehind<ReportEpisode>;
    profile: Record<string, ProfileChild[]>;
    workforce: WorkforceBehind<ReportPerson>;
    periodWithoutStart: PeriodBehind<ReportEpisode>[];
    noIroAllocated: PeriodBehind<ReportEpisode>[];
    /** children.byLocalAgeBand.<band>, children.uascByEthnicity.<ETHNIC>. */
    localProfile: Record<string, ProfileChild[]>;
    /** children.startedByAgeBandAndSex.<band>.<sex>, children.ceasedByAgeBand.<band>. */
    entrantsAndLeavers: Behind<PeriodBehind<ReportEpisode>>;
    health: Behind<Oc2CohortMember<DescribedChild, ReportOc2Row>>;
    shortTerm: Behind<ShortTermStabilityMember<DescribedChild>>;
    longTerm: Behind<LongTermStabilityMember<DescribedChild>>;
    distance: Behind<DistanceMember<DescribedChild>>;
    missing: Behind<ReportMissing>;
    missingChildren: MissingChild<ReportMissing>[];
    secure: Behind<SecureMember<DescribedChild>>;
    diversity: Behind<ReportPerson>;
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
      placeProvider: row.placementProvider,
      homePost: row.homePostcode,
      plPost: row.placementPostcode,
      urn: row.urn,
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
  const childById = new Map(records.children.map((row) => [row.id, row]));
  const described: DescribedChild[] = [];
  for (const { child, periods } of children) {
    const row = childById.get(child);
    // Fields named rather than spread: spreading into a larger literal takes V8's slow path.
    if (row) described.push({ child, periods, dateOfBirth: row.dateOfBirth, sex: row.sex, row });
  }
  return {
    childById,
    uascByChild: new Map(records.uasc.map((row) => [row.childId, row])),
    children,
    allocations,
    people: records.staff.map((row) => ({
      iro: row.id,
      role: row.role as Iro['role'],
      fte: row.fte,
      start: row.startDate,
      end: row.endDate,
      ethnicity: row.ethnicity,
      sex: row.sex,
      row,
    })),
    described,
    oc2: records.healthOutcomes.map((stored) => ({
      child: stored.childId,
      year: stored.year,
      sdqScore: stored.sdqScore,
      convicted: stored.convicted,
      healthCheck: stored.healthCheck,
      immunisations: stored.immunisations,
      teethCheck: stored.teethCheck,
      healthAssessment: stored.healthAssessment,
      substanceMisuse: stored.substanceMisuse,
      stored,
    })),
    missing: records.missing.map((stored) => ({
      child: stored.childId,
      missing: stored.kind,
      misStart: stored.startDate,
      stored,
    })),
    centroids: sectorCentroids(records.postcodeSectors),
    population: records.population,
    comparators: records.comparators.map((row) => ({
      year: row.year,
      area: row.area,
      measure: row.measure,
      value: row.symbol ?? row.value ?? '',
    })),
    // Stored rows passed import validation; their versions are the council's policy over time.
    policy: policyVersionsFromRows(records.localPolicy.map((row) => ({ ...row }))).versions,
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
  // The council's capacity band in force on 31 March (local policy), as for its age bands.
  const capacityBand = policyOn(history.policy, end).capacityBand;
  const workforce = workforceFiguresBehind(history.people, loads, end, capacityBand);
  const continuityOfIro = continuity(history.children, year);

  const noIroAllocated = childrenWithoutIro(history.children, end).map((child) => atEndByChild.get(child)!);
  const periodWithoutStart = periodsWithoutStartInYear(history.children, year);

  // further-tables.md: the council's age bands in force on 31 March apply to the whole year.
  const localBands = ageBandsForYear(history.policy, year);
  const localProfile = childrenProfileBehind(profileChildren, end, localBands);
  const uascByEthnicity = uascByEthnicityBehind(profileChildren, end);
  const entrants = entrantsAndLeaversBehind(history.described, year, localBands);
  const rates = childrenRates(lookedAfter.figures, populationOf(history.population, year));
  const health = healthFiguresBehind(history.described, history.oc2, year);
  const shortTerm = shortTermStabilityBehind(history.described, year);
  const longTerm = longTermStabilityBehind(history.described, year);
  const distance = placementDistanceBehind(history.described, history.centroids, year);
  const missing = missingFiguresBehind(history.missing, year);
  const secure = secureFiguresBehind(history.described, year);
  const diversity = workforceDiversityBehind(history.people, end);
  const localProfileBehind: Record<string, ProfileChild[]> = { ...uascByEthnicity.behind };
  for (const [path, list] of Object.entries(localProfile.behind))
    if (path.startsWith('children.byAgeBand.'))
      localProfileBehind[`children.byLocalAgeBand.${path.slice('children.byAgeBand.'.length)}`] = list;

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
      byLocalAgeBand: codeCounts(localProfile.figures.byAgeBand, ageBandLabels(localBands)),
      startedByAgeBandAndSex: Object.entries(entrants.figures.startedByAgeBandAndSex).map(
        ([band, bySex]) => ({ band, male: bySex.male, female: bySex.female, unknown: bySex.unknown }),
      ),
      ceasedByAgeBand: codeCounts(entrants.figures.ceasedByAgeBand, ageBandLabels(localBands)),
      uascByEthnicity: codeCounts(uascByEthnicity.figures),
      ...rates,
    },
    workforce: {
      ...workforce.figures,
      continuityPercent: continuityOfIro.percent,
      bySex: codeCounts(diversity.figures.bySex, SEX_ORDER),
      byEthnicGroup: codeCounts(diversity.figures.byEthnicGroup, ETHNIC_GROUP_ORDER),
    },
    health: health.figures,
    stability: { shortTerm: shortTerm.figures, longTerm: longTerm.figures },
    placement: { distance: distance.figures },
    missing: {
      episodes: missing.figures.episodes,
      children: missing.figures.children,
      byType: codeCounts(missing.figures.byType, MISSING_TYPE_KEYS),
    },
    secure: secure.figures,
    comparators: comparatorsForYear(history.comparators, year).map(({ year: y, area, measure, value }) => ({
      year: y,
      area,
      measure,
      value: typeof value === 'number' ? value : null,
      symbol: typeof value === 'number' ? null : value,
    })),
    careHistory: careHistoryOf(history, start, end),
    members: {
      periods: lookedAfter.behind,
      profile: profile.behind,
      workforce: workforce.behind,
      periodWithoutStart,
      noIroAllocated,
      localProfile: localProfileBehind,
      entrantsAndLeavers: entrants.behind,
      health: health.behind,
      shortTerm: shortTerm.behind,
      longTerm: longTerm.behind,
      distance: distance.behind,
      missing: missing.behind,
      missingChildren: missing.children,
      secure: secure.behind,
      diversity: diversity.behind,
    },
    childById: history.childById,
  };
}

/**
 * Every child with a period of care (short-break-only ones too) touching the year, with all the
 * episodes of exactly those periods, oldest first: what other subgraphs `@requires` to run the rules.
 */
export function careHistoryOf(history: CouncilHistory, start: IsoDate, end: IsoDate): ChildCareHistory[] {
  const result: ChildCareHistory[] = [];
  for (const { child, periods } of history.children) {
    const touching = periods.filter((p) => overlaps(p, start, end));
    if (touching.length === 0) continue;
    const row = history.childById.get(child);
    if (!row) continue;
    result.push({ childId: child, dateOfBirth: row.dateOfBirth, periods: touching });
  }
  return result;
}
