import {
  checkedAsOf,
  complianceCheckType,
  complianceComputers,
  complianceReaders,
  visibleChecks,
} from '@footprint/graphql';
import { builder } from '../builder.ts';
import { loaders } from '../loaders.ts';
import { Child } from './child.ts';

const ComplianceCheck = complianceCheckType(builder, Child);

/**
 * Where the caller's council stands on a date (issue #6), owned by the children subgraph; this
 * subgraph adds the foster carer review check (statutory-rules §11, §14): live on any date, and as
 * stored by the nightly run.
 */
export const Compliance = builder
  .externalRef('Compliance', builder.selection<{ asOf: string }>('asOf'))
  .implement({
    fields: (t) => ({
      // The key; described by the children subgraph, which owns the entity.
      asOf: t.field({
        type: 'Date',
        authScopes: complianceReaders,
        resolve: (compliance) => checkedAsOf(compliance.asOf),
      }),
      fosterCarerReviewsChecks: t.field({
        type: [ComplianceCheck],
        description:
          'The foster carer review check on this date, computed now: households still approved whose yearly review is overdue',
        authScopes: complianceComputers,
        resolve: (compliance, _args, ctx) => loaders(ctx).complianceChecks.load(checkedAsOf(compliance.asOf)),
      }),
      fosterCarerReviewsRecordedChecks: t.field({
        type: [ComplianceCheck],
        description:
          'The foster carer review check the nightly run stored for this date (none if it did not run); an IRO sees only their own items',
        authScopes: complianceReaders,
        resolve: async (compliance, _args, ctx) =>
          visibleChecks(ctx, await loaders(ctx).recordedChecks.load(checkedAsOf(compliance.asOf))),
      }),
    }),
  });
