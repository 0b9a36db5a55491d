import { z } from 'zod';

/** `{ code: count }`: a map keyed by code lists the codes that occur; a code with 0 may be left out. */
export type CountMap = Record<string, number>;

/** A percentage rounded half up to one decimal place, or null when its denominator is 0. */
export type Percent = number | null;

export type DataQualityItem = { code: string; count: number; message: string };

/**
 * The annual report's JSON (shared/spec/annual-report.md): every required key, plus the keys of
 * further-tables.md §3 that the renderings use when a report has them. Extra keys are allowed.
 */
/** One year of the report's `trend`. */
export type TrendRow = {
  year: number;
  lookedAfterAt31March: number;
  startedInYear: number;
  ceasedInYear: number;
  reviewsHeld: number;
  reviewsOnTimePercent: number | null;
  participationRate4Plus: number | null;
  escalationsRaised: number;
};

export type AnnualReport = {
  tenant: string;
  year: number;
  period: { start: string; end: string };
  children: {
    lookedAfterAt31March: number;
    shortBreaksDuringYear: number;
    lookedAfterDuringYear: number;
    startedInYear: number;
    ceasedInYear: number;
    byLegalStatus: CountMap;
    byLegalStatusAtEntry: CountMap;
    byPlacement: CountMap;
    /** "under1", "1-4", "5-9", "10-15", "16+" */
    byAgeBand: CountMap;
    /** "male", "female", "unknown" */
    bySex: CountMap;
    byEthnicity: CountMap;
    byReasonCeased: CountMap;
    uascAt31March: number;
    /** further-tables §3: "white", "mixed", "asian", "black", "other", "notRecorded" */
    byEthnicGroup?: CountMap;
    /** further-tables §3, in the council's own age bands */
    byLocalAgeBand?: CountMap;
    startedByAgeBandAndSex?: Record<string, { male: number; female: number; unknown: number }>;
    ceasedByAgeBand?: CountMap;
    uascByEthnicity?: CountMap;
    ratePer10000?: number | null;
    startedRatePer10000?: number | null;
    ceasedRatePer10000?: number | null;
  };
  reviews: {
    held: number;
    onTime: number;
    late: number;
    onTimePercent: Percent;
    childrenAllOnTime: { eligible: number; allOnTime: number; percent: Percent };
    /** "PN0".."PN7", "notRecorded" */
    participation: CountMap;
    participationRate4Plus: Percent;
    /** "chair", "co_chair" */
    chairedByChild: CountMap;
    /** "in_person", "virtual", "hybrid", "notRecorded" */
    format: CountMap;
    paperwork: {
      outcomesOnTimePercent: Percent;
      recordCompletedOnTimePercent: Percent;
      recordDistributedOnTimePercent: Percent;
    };
    midwayReviews: number;
    overdueAt31March: number;
    orphanReviews: number;
    /** further-tables §3: `{ "YYYY-MM": { held, onTime } }`, all twelve months of the year */
    byMonth?: Record<string, { held: number; onTime: number }>;
  };
  /** "child", "carer", "parent" */
  consultation: CountMap;
  escalations: {
    raised: number;
    children: number;
    highestStage: CountMap;
    resolvedAtStage: CountMap;
    referredToCafcass: number;
    withdrawn: number;
    openAt31March: number;
    byTheme: CountMap;
    medianWorkingDaysToResolve: number | null;
  };
  advocacy: {
    involvements: number;
    children: number;
    childrenPercent: Percent;
    byReason: CountMap;
    bySource: CountMap;
    independentVisitorsAt31March: number;
    /** further-tables §3 */
    independentVisitorsDuringYear?: number;
  };
  workforce: {
    iros: number;
    fte: number;
    caseloadPerFte: { mean: number | null; min: number | null; max: number | null };
    overCapacity: number;
    continuityPercent: Percent;
    /** further-tables §3: IROs and FCROs in post at 31 March */
    bySex?: CountMap;
    byEthnicGroup?: CountMap;
  };
  fosterCarerReviews: {
    /** "mainstream", "connected_person" */
    householdsAt31March: CountMap;
    due: number;
    onTime: number;
    onTimePercent: Percent;
    overdueAt31March: number;
  };
  audits: { completed: number; byGrade: CountMap };
  dataQuality: DataQualityItem[];
  /** further-tables §3: health (OC2), stability, distance, missing, secure placements, comparators */
  health?: {
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
  stability?: {
    shortTerm: { eligible: number; threeOrMore: number; percent: Percent };
    longTerm: { eligible: number; stable: number; percent: Percent };
  };
  placement?: { distance: { known: number; over20Miles: number; percent: Percent } };
  missing?: { episodes: number; children: number; byType: CountMap };
  secure?: { welfare: number; youthJustice: number };
  comparators?: { year: number; area: string; measure: string; value: number | string | null }[];
  /** further-tables §3: the report year and up to four before it, oldest first, each as its own report gives it */
  trend?: TrendRow[];
  /** The managers' text by section (good practice, priorities, …), as written for this year. */
  narratives?: Record<string, string>;
};

const count = z.number().int().nonnegative();
const percent = z.number().nonnegative().nullable();
const countMap = z.record(z.string().min(1), count);
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD');

/**
 * Validates a report's JSON (for example one read from a file or another system). Extra keys are
 * allowed, as the spec says, and kept: the further tables travel with the report.
 */
export const annualReportSchema: z.ZodType<AnnualReport> = z.looseObject({
  tenant: z.string().min(1),
  year: z.number().int().min(1990).max(2100),
  period: z.looseObject({ start: isoDate, end: isoDate }),
  children: z.looseObject({
    lookedAfterAt31March: count,
    shortBreaksDuringYear: count,
    lookedAfterDuringYear: count,
    startedInYear: count,
    ceasedInYear: count,
    byLegalStatus: countMap,
    byLegalStatusAtEntry: countMap,
    byPlacement: countMap,
    byAgeBand: countMap,
    bySex: countMap,
    byEthnicity: countMap,
    byReasonCeased: countMap,
    uascAt31March: count,
    byEthnicGroup: countMap.optional(),
  }),
  reviews: z.looseObject({
    held: count,
    onTime: count,
    late: count,
    onTimePercent: percent,
    childrenAllOnTime: z.looseObject({ eligible: count, allOnTime: count, percent }),
    participation: countMap,
    participationRate4Plus: percent,
    chairedByChild: countMap,
    format: countMap,
    paperwork: z.looseObject({
      outcomesOnTimePercent: percent,
      recordCompletedOnTimePercent: percent,
      recordDistributedOnTimePercent: percent,
    }),
    midwayReviews: count,
    overdueAt31March: count,
    orphanReviews: count,
    byMonth: z
      .record(
        z.string().regex(/^\d{4}-\d{2}$/, 'a month as YYYY-MM'),
        z.object({ held: count, onTime: count }),
      )
      .optional(),
  }),
  consultation: countMap,
  escalations: z.looseObject({
    raised: count,
    children: count,
    highestStage: countMap,
    resolvedAtStage: countMap,
    referredToCafcass: count,
    withdrawn: count,
    openAt31March: count,
    byTheme: countMap,
    medianWorkingDaysToResolve: z.number().nonnegative().nullable(),
  }),
  advocacy: z.looseObject({
    involvements: count,
    children: count,
    childrenPercent: percent,
    byReason: countMap,
    bySource: countMap,
    independentVisitorsAt31March: count,
    independentVisitorsDuringYear: count.optional(),
  }),
  workforce: z.looseObject({
    iros: count,
    fte: z.number().nonnegative(),
    caseloadPerFte: z.looseObject({
      mean: z.number().nonnegative().nullable(),
      min: z.number().nonnegative().nullable(),
      max: z.number().nonnegative().nullable(),
    }),
    overCapacity: count,
    continuityPercent: percent,
  }),
  fosterCarerReviews: z.looseObject({
    householdsAt31March: countMap,
    due: count,
    onTime: count,
    onTimePercent: percent,
    overdueAt31March: count,
  }),
  audits: z.looseObject({ completed: count, byGrade: countMap }),
  dataQuality: z.array(z.looseObject({ code: z.string().min(1), count, message: z.string() })),
});
