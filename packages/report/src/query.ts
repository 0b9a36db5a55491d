/**
 * The one GraphQL document that fetches a year's report through the gateway: each section is
 * computed by the service that owns its records, and the gateway assembles them.
 */
const codeCounts = '{ code count }';

export const reportFiguresFragment = `
fragment ReportFigures on AnnualReport {
  year
  period { start end }
  children {
    lookedAfterAt31March shortBreaksDuringYear lookedAfterDuringYear startedInYear ceasedInYear
    byLegalStatus ${codeCounts} byLegalStatusAtEntry ${codeCounts} byPlacement ${codeCounts}
    byAgeBand ${codeCounts} bySex ${codeCounts} byEthnicity ${codeCounts} byReasonCeased ${codeCounts}
    uascAt31March byEthnicGroup ${codeCounts} dataQuality ${codeCounts}
    byLocalAgeBand ${codeCounts} startedByAgeBandAndSex { band male female unknown }
    ceasedByAgeBand ${codeCounts} uascByEthnicity ${codeCounts}
    ratePer10000 startedRatePer10000 ceasedRatePer10000
  }
  health {
    cohort healthAssessmentPercent immunisationsPercent teethCheckPercent healthCheckUnder5Percent
    substanceMisusePercent convictedAged10PlusPercent
    sdq { eligible scored mean normal borderline concern }
  }
  stability { shortTerm { eligible threeOrMore percent } longTerm { eligible stable percent } }
  placement { distance { known over20Miles percent } }
  missing { episodes children byType ${codeCounts} }
  secure { welfare youthJustice }
  comparators { year area measure value symbol }
  reviews {
    held onTime late onTimePercent
    childrenAllOnTime { eligible allOnTime percent }
    participation ${codeCounts} participationRate4Plus
    chairedByChild ${codeCounts} format ${codeCounts}
    paperwork { outcomesOnTimePercent recordCompletedOnTimePercent recordDistributedOnTimePercent }
    midwayReviews overdueAt31March orphanReviews
    byMonth { month held onTime }
    dataQuality ${codeCounts}
  }
  consultation { child carer parent }
  escalations {
    raised children highestStage ${codeCounts} resolvedAtStage ${codeCounts}
    referredToCafcass withdrawn openAt31March byTheme ${codeCounts} medianWorkingDaysToResolve
  }
  advocacy {
    involvements children childrenPercent byReason ${codeCounts} bySource ${codeCounts}
    independentVisitorsAt31March independentVisitorsDuringYear
  }
  workforce {
    iros fte caseloadPerFte { mean min max } overCapacity continuityPercent
    bySex ${codeCounts} byEthnicGroup ${codeCounts}
  }
  fosterCarerReviews { householdsAt31March ${codeCounts} due onTime onTimePercent overdueAt31March }
  audits { completed byGrade ${codeCounts} }
}`;

/** The trend's parts, each from the service that owns the records: the children subgraph picks the years. */
const trendFields = `
  childrenTrend { year lookedAfterAt31March startedInYear ceasedInYear }
  reviewsTrend { year reviewsHeld reviewsOnTimePercent participationRate4Plus }
  escalationsTrend { year escalationsRaised }`;

/** The year asked for, with its narratives and trend, and the year before it for the comparison columns. */
export const annualReportQuery = `
query AnnualReport($year: Int!, $previousYear: Int!) {
  current: annualReport(year: $year) { ...ReportFigures narratives { section text } ${trendFields} }
  previous: annualReport(year: $previousYear) { ...ReportFigures }
}
${reportFiguresFragment}`;

/** One year alone: the JSON form has no comparison column. */
export const yearReportQuery = `
query AnnualReportYear($year: Int!) {
  current: annualReport(year: $year) { ...ReportFigures narratives { section text } ${trendFields} }
}
${reportFiguresFragment}`;
