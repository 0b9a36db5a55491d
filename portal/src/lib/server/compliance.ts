import { complianceCheckLabel, isComplianceCheck, MAIN_COMPLIANCE_CHECKS } from '@footprint/compliance';
import { ALL_COMPLIANCE_CHECKS, addDays, type ComplianceCheckName } from '@footprint/domain';
import type { SignedIn } from '@footprint/identity';
import { queryGateway } from './gateway.ts';

/*
 * The stored nightly compliance snapshots, through the gateway: each service answers for its own
 * checks, and answers an IRO with their own items only.
 */

const RECORDED_FIELDS = [
  'childrenRecordedChecks',
  'reviewsRecordedChecks',
  'escalationsRecordedChecks',
  'advocacyRecordedChecks',
  'fosterCarerReviewsRecordedChecks',
] as const;

const itemFields = '{ child { id } reference what dueDate daysOverdue iroId }';
const withItems = RECORDED_FIELDS.map((field) => `${field} { check items ${itemFields} }`).join('\n');
const countsOnly = RECORDED_FIELDS.map((field) => `${field} { check count }`).join('\n');

const latestQuery = /* GraphQL */ `
  query PortalLatestCompliance { latestCompliance { asOf ${withItems} } }
`;

const historyQuery = /* GraphQL */ `
  query PortalComplianceHistory($from: Date!, $to: Date!) {
    complianceHistory(from: $from, to: $to) { asOf ${countsOnly} }
  }
`;

const officersQuery = /* GraphQL */ `
  query PortalReviewingOfficers { reviewingOfficers { id name } }
`;

type AnsweredItem = {
  child: { id: string } | null;
  reference: string;
  what: string;
  dueDate: string | null;
  daysOverdue: number | null;
  iroId: string | null;
};
type RecordedField = (typeof RECORDED_FIELDS)[number];
type Night<C> = { asOf: string } & Record<RecordedField, C[]>;

export type SnapshotItem = {
  childId: string | null;
  reference: string;
  what: string;
  dueDate: string | null;
  daysOverdue: number | null;
  iroId: string | null;
};

export type SnapshotCheck = { check: ComplianceCheckName; label: string; items: SnapshotItem[] };

/** One night's stored checks, in the order of COMPLIANCE_CHECKS. */
export type Snapshot = { asOf: string; checks: SnapshotCheck[] };

const ordered = <C extends { check: string }>(night: Night<C>): (C & { check: ComplianceCheckName })[] =>
  RECORDED_FIELDS.flatMap((field) => night[field])
    .filter((c): c is C & { check: ComplianceCheckName } => isComplianceCheck(c.check))
    .sort((a, b) => ALL_COMPLIANCE_CHECKS.indexOf(a.check) - ALL_COMPLIANCE_CHECKS.indexOf(b.check));

/** The latest stored night, as the caller may see it (an IRO: their own items); null before the first. */
export async function latestSnapshot(session: SignedIn, requestId: string): Promise<Snapshot | null> {
  const data = await queryGateway<{
    latestCompliance: Night<{ check: string; items: AnsweredItem[] }> | null;
  }>(session, latestQuery, {}, requestId);
  const night = data.latestCompliance;
  if (!night) return null;
  return {
    asOf: night.asOf,
    checks: ordered(night).map(({ check, items }) => ({
      check,
      label: complianceCheckLabel(check),
      items: items.map(({ child, ...item }) => ({ childId: child?.id ?? null, ...item })),
    })),
  };
}

/** How many nights the trend shows, the latest included. */
export const TREND_NIGHTS = 30;

export type TrendNight = { asOf: string; counts: Partial<Record<ComplianceCheckName, number>> };

/** The stored nights of the TREND_NIGHTS days up to `to`, oldest first, with each check's count. */
export async function complianceTrend(
  session: SignedIn,
  to: string,
  requestId: string,
): Promise<TrendNight[]> {
  const data = await queryGateway<{ complianceHistory: Night<{ check: string; count: number }>[] }>(
    session,
    historyQuery,
    { from: addDays(to, -(TREND_NIGHTS - 1)), to },
    requestId,
  );
  return data.complianceHistory.map((night) => ({
    asOf: night.asOf,
    counts: Object.fromEntries(ordered(night).map(({ check, count }) => [check, count])),
  }));
}

/** The council's IROs by staff reference, to name the rows of the by-IRO table. */
export async function officerNames(session: SignedIn, requestId: string): Promise<Map<string, string>> {
  const data = await queryGateway<{ reviewingOfficers: { id: string; name: string }[] }>(
    session,
    officersQuery,
    {},
    requestId,
  );
  return new Map(data.reviewingOfficers.map(({ id, name }) => [id, name]));
}

export type IroRow = {
  iroId: string | null;
  name: string;
  counts: Record<ComplianceCheckName, number>;
  total: number;
};

/**
 * The snapshot's items counted by IRO and check: a row per IRO with any item (by name), then the
 * items that fall to no IRO. `total` counts every check's items, not only the main ones.
 */
export function countsByIro(snapshot: Snapshot, names: ReadonlyMap<string, string>): IroRow[] {
  const rows = new Map<string | null, IroRow>();
  for (const { check, items } of snapshot.checks) {
    for (const item of items) {
      let row = rows.get(item.iroId);
      if (!row) {
        row = {
          iroId: item.iroId,
          name: item.iroId === null ? 'No IRO' : (names.get(item.iroId) ?? item.iroId),
          counts: Object.fromEntries(ALL_COMPLIANCE_CHECKS.map((c) => [c, 0])) as IroRow['counts'],
          total: 0,
        };
        rows.set(item.iroId, row);
      }
      row.counts[check] += 1;
      row.total += 1;
    }
  }
  return [...rows.values()].sort(
    (a, b) =>
      Number(a.iroId === null) - Number(b.iroId === null) ||
      a.name.localeCompare(b.name) ||
      (a.iroId ?? '').localeCompare(b.iroId ?? ''),
  );
}

export { MAIN_COMPLIANCE_CHECKS };

export const COMPLIANCE_REFUSAL = 'Only the council’s managers can see the whole council’s overdue work.';
