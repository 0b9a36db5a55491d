import {
  careHistoryScalar,
  checkedAsOf,
  complianceCheckType,
  complianceComputers,
  complianceReaders,
  visibleChecks,
} from '@footprint/graphql';
import { builder } from '../builder.ts';
import { loaders } from '../loaders.ts';
import { Child } from './child.ts';

careHistoryScalar(builder);

const ComplianceCheck = complianceCheckType(builder, Child);

// Checked when decoded: a direct `_entities` caller could send anything.
const requiredCareHistory = builder.selection<{ careHistory: string }>('careHistory') as ReturnType<
  typeof builder.selection<{ careHistory: unknown }>
>;

/**
 * Where the caller's council stands on a date (issue #6), owned by the children subgraph; this
 * subgraph adds the advocacy check (statutory-rules §10): live on any date, with the children's care
 * history from the children subgraph, and as stored by the nightly run. Never for advocates.
 */
export const Compliance = builder
  .externalRef('Compliance', builder.selection<{ asOf: string }>('asOf'))
  .implement({
    externalFields: (t) => ({
      careHistory: t.field({ type: 'CareHistory' }),
    }),
    fields: (t) => ({
      // The key; described by the children subgraph, which owns the entity.
      asOf: t.field({
        type: 'Date',
        authScopes: complianceReaders,
        resolve: (compliance) => checkedAsOf(compliance.asOf),
      }),
      advocacyChecks: t.field({
        type: [ComplianceCheck],
        description:
          'The advocacy checks on this date, computed now: children in a secure placement with no advocacy involvement open',
        authScopes: complianceComputers,
        requires: requiredCareHistory,
        resolve: (compliance, _args, ctx) =>
          loaders(ctx).complianceChecks.load({ ...compliance, asOf: checkedAsOf(compliance.asOf) }),
      }),
      advocacyRecordedChecks: t.field({
        type: [ComplianceCheck],
        description:
          'The advocacy checks the nightly run stored for this date (none if it did not run); an IRO sees only their own items',
        authScopes: complianceReaders,
        resolve: async (compliance, _args, ctx) =>
          visibleChecks(ctx, await loaders(ctx).recordedChecks.load(checkedAsOf(compliance.asOf))),
      }),
    }),
  });
