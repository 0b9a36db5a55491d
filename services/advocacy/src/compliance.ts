import { advocacyComplianceChecks, type ComplianceCheck, type Involvement } from '@footprint/domain';
import { type CareHistoryFacts, periodsOfRequiredEpisodes } from '@footprint/graphql';
import type { OpenInvolvementRow } from './data/find-involvements-open.ts';

/** Said when a representation carries no sound care history (a direct `_entities` call could send anything). */
export const CARE_HISTORY_MESSAGE =
  'The advocacy checks need the council’s careHistory from the children subgraph (CareHistory: each child’s id, date of birth and episodes)';

const asDomainInvolvement = (row: OpenInvolvementRow): Involvement => ({
  id: row.id,
  child: row.childId,
  provider: row.providerId,
  referralDate: row.referralDate,
  source: row.source ?? '',
  reasons: row.reasons,
  start: row.startDate,
  end: row.endDate,
  outcome: row.outcome,
});

/**
 * The advocacy checks on `asOf` (issue #6, statutory-rules §10): each child's periods of care from
 * the care history the children subgraph gave, and the involvements open around the date.
 */
export function computeAdvocacyCompliance(
  history: readonly CareHistoryFacts[],
  rows: readonly OpenInvolvementRow[],
  asOf: string,
): ComplianceCheck[] {
  const children = history.map((child) => ({
    child: child.childId,
    periods: periodsOfRequiredEpisodes(child.episodes),
  }));
  return advocacyComplianceChecks({ children, involvements: rows.map(asDomainInvolvement), asOf });
}
