import type { Transaction } from '@footprint/db';
import {
  addMonths,
  allocatedIrosOn,
  type ComplianceCheck,
  childrenComplianceChecks,
  IRO_ALLOCATION_LOOKBACK_MONTHS,
  type IsoDate,
  type LocalPolicy,
  policyOn,
  type SiblingGroup,
} from '@footprint/domain';
import {
  arrangeCouncilRecords,
  type ChildCareHistory,
  type CouncilHistory,
  careHistoryOf,
} from './compute-annual-report.ts';
import { loadReportRecords } from './load-report-records.ts';
import { findSiblingGroups } from './sibling-groups.ts';

/** Where the council stands on one date: what other subgraphs `@requires`, and the children checks. */
export type ChildrenCompliance = {
  asOf: IsoDate;
  careHistory: ChildCareHistory[];
  policy: LocalPolicy;
  allocatedIros: { childId: string; iroId: string | null }[];
  checks: ComplianceCheck[];
};

/** The children service's compliance on `asOf` from the council's arranged records. */
export function computeChildrenCompliance(
  history: CouncilHistory,
  siblingGroups: readonly SiblingGroup[],
  asOf: IsoDate,
): ChildrenCompliance {
  // The report's care history of the one day: every child with a period that includes `asOf`.
  const careHistory = careHistoryOf(history, asOf, asOf);
  const inHistory = new Set(careHistory.map((c) => c.childId));
  return {
    asOf,
    careHistory,
    policy: policyOn(history.policy, asOf),
    allocatedIros: allocatedIrosOn(
      history.children.filter((c) => inHistory.has(c.child)),
      asOf,
    ),
    checks: childrenComplianceChecks({
      asOf,
      children: history.children,
      people: history.people,
      policy: history.policy,
      siblingGroups,
    }),
  };
}

/**
 * From when the records for `dates` are read: 12 months before the earliest, as the late-allocation
 * check looks that far back and needs every allocation of a period that began since then.
 */
export const complianceRecordsFrom = (dates: readonly IsoDate[]): IsoDate =>
  addMonths([...dates].sort()[0]!, -IRO_ALLOCATION_LOOKBACK_MONTHS);

/**
 * The council's compliance on each of `dates`, from one read of its records (the report's loading,
 * from `complianceRecordsFrom`; a request passes its own reader so that the report's read serves
 * both) and of its sibling groups.
 */
export async function loadChildrenCompliance(
  tx: Transaction,
  dates: readonly IsoDate[],
  council: (from: IsoDate) => Promise<CouncilHistory> = (from) =>
    loadReportRecords(tx, from).then(arrangeCouncilRecords),
): Promise<ChildrenCompliance[]> {
  const history = await council(complianceRecordsFrom(dates));
  const groups = await findSiblingGroups(tx);
  return dates.map((asOf) => computeChildrenCompliance(history, groups, asOf));
}
