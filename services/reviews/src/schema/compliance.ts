import {
  checkedAsOf,
  complianceCheckType,
  complianceComputers,
  complianceReaders,
  localPolicyScalar,
  visibleChecks,
} from '@footprint/graphql';
import { builder } from '../builder.ts';
import { complianceLoaders } from '../compliance.ts';
import { Child } from './child.ts';

// CareHistory is declared with the annual report; LocalPolicy is declared here.
localPolicyScalar(builder);

const ComplianceCheck = complianceCheckType(builder, Child);

// Checked when decoded (see compliance.ts): a direct `_entities` caller could send anything.
const requiredChildrenAndPolicy = builder.selection<{ careHistory: string; policy: string }>(
  'careHistory policy',
) as ReturnType<typeof builder.selection<{ careHistory: unknown; policy: unknown }>>;

/**
 * Where the caller's council stands on a date (issue #6), owned by the children subgraph; this
 * subgraph adds the review checks (statutory-rules §3, §6, §7): live on any date from the children
 * in care then and the policy in force, and as stored by the nightly run.
 */
export const Compliance = builder.externalRef('Compliance', builder.selection<{ asOf: string }>('asOf'));

Compliance.implement({
  externalFields: (t) => ({
    careHistory: t.field({ type: 'CareHistory' }),
    policy: t.field({ type: 'LocalPolicy' }),
  }),
  fields: (t) => ({
    // The key; described by the children subgraph, which owns the entity.
    asOf: t.field({
      type: 'Date',
      authScopes: complianceReaders,
      resolve: (compliance) => checkedAsOf(compliance.asOf),
    }),
    reviewsChecks: t.field({
      type: [ComplianceCheck],
      description:
        'The review checks on this date, computed now for the children in care then: reviews overdue and due within 28 days (statutory and local policy), midway reviews due, paperwork overdue, review recommendations overdue',
      authScopes: complianceComputers,
      requires: requiredChildrenAndPolicy,
      resolve: (compliance, _args, ctx) => {
        checkedAsOf(compliance.asOf);
        // The representation itself is the key: it carries the children and the policy.
        return complianceLoaders(ctx).reviewsChecks.load(compliance);
      },
    }),
    reviewsRecordedChecks: t.field({
      type: [ComplianceCheck],
      description:
        'The review checks the nightly run stored for this date (none if it did not run); an IRO sees only their own items',
      authScopes: complianceReaders,
      resolve: async (compliance, _args, ctx) =>
        visibleChecks(ctx, await complianceLoaders(ctx).recordedChecks.load(checkedAsOf(compliance.asOf))),
    }),
  }),
});
