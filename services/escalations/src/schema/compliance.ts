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
 * subgraph adds the escalation checks (statutory-rules §9): live on any date, and as stored by the
 * nightly run.
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
      escalationsChecks: t.field({
        type: [ComplianceCheck],
        description:
          'The escalation checks on this date, computed now: responses past their stage’s deadline, and the council’s stages over 20 working days',
        authScopes: complianceComputers,
        resolve: (compliance, _args, ctx) => loaders(ctx).complianceChecks.load(checkedAsOf(compliance.asOf)),
      }),
      escalationsRecordedChecks: t.field({
        type: [ComplianceCheck],
        description:
          'The escalation checks the nightly run stored for this date (none if it did not run); an IRO sees only their own items',
        authScopes: complianceReaders,
        resolve: async (compliance, _args, ctx) =>
          visibleChecks(ctx, await loaders(ctx).recordedChecks.load(checkedAsOf(compliance.asOf))),
      }),
    }),
  });
