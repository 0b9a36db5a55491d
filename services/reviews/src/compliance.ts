import type { Transaction } from '@footprint/db';
import {
  type ComplianceCheck,
  type IsoDate,
  type LocalPolicy,
  localPolicySchema,
  type ReviewComplianceChild,
  reviewComplianceChecks,
} from '@footprint/domain';
import {
  type CareHistoryFacts,
  decodeCareHistory,
  invalidInput,
  type RequestContext,
  recordedChecksLoader,
  toDomainEpisode,
} from '@footprint/graphql';
import { createContextCache } from '@pothos/core';
import DataLoader from 'dataloader';
import {
  type ComplianceMidwayRow,
  type ComplianceRecommendationRow,
  type ComplianceReviewRow,
  findComplianceMidwayReviews,
  findComplianceRecommendations,
  findComplianceReviews,
} from './data/find-compliance-records.ts';
import { complianceSnapshots } from './db/tables.ts';
import { recommendationIdOf, reviewIdOf } from './keys.ts';

export const COMPLIANCE_CARE_HISTORY_MESSAGE =
  'The review checks need the council’s careHistory from the children subgraph (CareHistory: each child in a period of care on asOf, with their id, date of birth and episodes)';
export const COMPLIANCE_POLICY_MESSAGE =
  'The review checks need the council’s policy in force on asOf from the children subgraph (LocalPolicy)';

/** What the gateway sends for a Compliance whose live review checks were asked for. */
export type ComplianceRepresentation = { asOf: IsoDate; careHistory?: unknown; policy?: unknown };

/** The rows the checks read, for every child of a request. */
export type ComplianceRecords = {
  reviews: readonly ComplianceReviewRow[];
  midwayReviews: readonly ComplianceMidwayRow[];
  recommendations: readonly ComplianceRecommendationRow[];
};

const byChild = <T extends { childId: string }>(rows: readonly T[]): Map<string, T[]> => {
  const grouped = new Map<string, T[]>();
  for (const row of rows) {
    const list = grouped.get(row.childId);
    if (list) list.push(row);
    else grouped.set(row.childId, [row]);
  }
  return grouped;
};

/**
 * The review checks on `asOf` for the children of `careHistory` (each in a period of care then):
 * the rows mapped to the domain's shapes, the rules all packages/domain's `reviewComplianceChecks`.
 * `records` may hold rows of other children and later dates; the domain reads each as of `asOf`.
 */
export function computeReviewsCompliance(
  careHistory: readonly CareHistoryFacts[],
  policy: LocalPolicy,
  asOf: IsoDate,
  records: ComplianceRecords,
): ComplianceCheck[] {
  const reviews = byChild(records.reviews);
  const midways = byChild(records.midwayReviews);
  const recommendations = byChild(records.recommendations);
  const seen = new Set<string>();
  const children: ReviewComplianceChild[] = [];
  for (const history of careHistory) {
    // The children subgraph lists each child once; a repeated id would only list its items twice.
    if (seen.has(history.childId)) continue;
    seen.add(history.childId);
    children.push({
      childId: history.childId,
      dateOfBirth: history.dateOfBirth,
      episodes: history.episodes.map(toDomainEpisode),
      reviews: (reviews.get(history.childId) ?? []).map((row) => ({
        date: row.reviewDate,
        reference: reviewIdOf(row),
        iroId: row.iroId,
        outcomesIssued: row.outcomesIssued,
        recordCompleted: row.recordCompleted,
        recordDistributed: row.recordDistributed,
      })),
      midwayReviews: (midways.get(history.childId) ?? []).map((row) => row.midwayDate),
      recommendations: (recommendations.get(history.childId) ?? []).map((row) => ({
        reference: recommendationIdOf(row),
        reviewDate: row.reviewDate,
        recommendation: row.recommendation,
        owner: row.owner,
        due: row.dueDate,
        completed: row.completedOn,
      })),
    });
  }
  return reviewComplianceChecks(children, asOf, policy);
}

/**
 * Everything the checks read of the given children up to `asOf`, one query per table, in the
 * caller's tenant transaction: what the nightly run passes to {@link computeReviewsCompliance}.
 * `from` (the earliest date the records are checked on, `asOf` by default) leaves out
 * recommendations completed before it, which no check on those dates reads.
 */
export async function findComplianceRecords(
  tx: Transaction,
  childIds: readonly string[],
  asOf: IsoDate,
  from: IsoDate = asOf,
): Promise<ComplianceRecords> {
  const reviews = await findComplianceReviews(tx, childIds, asOf);
  const midwayReviews = await findComplianceMidwayReviews(tx, childIds, asOf);
  const recommendations = await findComplianceRecommendations(tx, childIds, asOf, from);
  return { reviews, midwayReviews, recommendations };
}

type Decoded = { careHistory: CareHistoryFacts[]; policy: LocalPolicy } | Error;

// A direct `_entities` call could send anything: only a sound care history and policy reach the rules.
const decoded = (representation: ComplianceRepresentation): Decoded => {
  const careHistory = decodeCareHistory(representation.careHistory);
  if (!careHistory) return invalidInput(COMPLIANCE_CARE_HISTORY_MESSAGE);
  const policy = localPolicySchema.safeParse(representation.policy);
  if (!policy.success) return invalidInput(COMPLIANCE_POLICY_MESSAGE);
  return { careHistory, policy: policy.data };
};

/**
 * The live review checks per representation (its date, and the children and policy it carries):
 * one query per table for every representation of the request, read as of the latest date asked,
 * computed in memory. Keyed by the representation itself, because the care history comes with it.
 */
function reviewsChecksLoader(ctx: RequestContext) {
  return new DataLoader<ComplianceRepresentation, ComplianceCheck[]>(async (representations) => {
    const inputs = representations.map(decoded);
    const valid = representations.filter((_, i) => !(inputs[i] instanceof Error));
    if (valid.length === 0) return inputs as Error[];
    const childIds = [
      ...new Set(
        inputs.flatMap((input) => (input instanceof Error ? [] : input.careHistory.map((c) => c.childId))),
      ),
    ];
    const dates = valid.map((r) => r.asOf).sort();
    const records = await ctx.inTenant(async (tx) => {
      const found = await findComplianceRecords(tx, childIds, dates.at(-1)!, dates[0]!);
      await ctx.audit(tx, 'read', 'Compliance', [...new Set(valid.map((r) => r.asOf))], {
        read: ['reviews', 'midway_reviews', 'recommendations'],
      });
      return found;
    });
    return representations.map((representation, i) => {
      const input = inputs[i]!;
      if (input instanceof Error) return input;
      return computeReviewsCompliance(input.careHistory, input.policy, representation.asOf, records);
    });
  });
}

/** Per-request loaders of the Compliance entity's review fields. */
export const complianceLoaders = createContextCache((ctx: RequestContext) => ({
  reviewsChecks: reviewsChecksLoader(ctx),
  recordedChecks: recordedChecksLoader(ctx, complianceSnapshots, 'reviews'),
}));
