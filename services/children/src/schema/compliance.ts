import { findComplianceSnapshots, latestComplianceSnapshotDate } from '@footprint/db';
import { daysBetween, isIsoDate } from '@footprint/domain';
import {
  complianceCheckType,
  complianceComputers,
  complianceReaders,
  invalidInput,
  localPolicyScalar,
  visibleChecks,
} from '@footprint/graphql';
import { builder } from '../builder.ts';
import { complianceSnapshots } from '../db/tables.ts';
import { loaders } from '../loaders.ts';
import { Child } from './child.ts';

localPolicyScalar(builder);

const ComplianceCheck = complianceCheckType(builder, Child);

/** How many days `complianceHistory` spans at most: a year of nights and some. */
export const MAX_HISTORY_DAYS = 400;

const ChildIro = builder.objectRef<{ childId: string; iroId: string | null }>('ChildIro').implement({
  description: 'The IRO allocated to a child at the end of a date, if any',
  fields: (t) => ({
    childId: t.exposeString('childId', { description: 'The council’s CHILD identifier' }),
    iroId: t.exposeString('iroId', {
      nullable: true,
      description: 'The IRO’s staff reference; null when none is allocated',
    }),
  }),
});

/**
 * Where the caller's council stands against the statutory rules at the end of one date (issue #6).
 * The children subgraph is its origin and gives what the others `@requires` (care history, local
 * policy) and the IRO of each child; every subgraph adds its live and its stored checks.
 */
export const Compliance = builder.objectRef<{ asOf: string }>('Compliance');

Compliance.implement({
  description: 'The caller’s council against the statutory rules at the end of a date',
  authScopes: complianceReaders,
  fields: (t) => ({
    asOf: t.expose('asOf', { type: 'Date' }),
    careHistory: t.field({
      type: 'CareHistory',
      description:
        'Input for other subgraphs’ @requires: every child with a period of care including the date (short breaks too), with the episodes of those periods',
      authScopes: complianceComputers,
      resolve: async ({ asOf }, _args, ctx) =>
        loaders(ctx).encodeCareHistory((await loaders(ctx).compliance.load(asOf)).careHistory),
    }),
    policy: t.field({
      type: 'LocalPolicy',
      description: 'The council’s local policy in force on the date (defaults where it set nothing)',
      authScopes: complianceComputers,
      resolve: async ({ asOf }, _args, ctx) => (await loaders(ctx).compliance.load(asOf)).policy,
    }),
    allocatedIros: t.field({
      type: [ChildIro],
      description: 'For each child of careHistory, the IRO allocated at the end of the date',
      authScopes: complianceComputers,
      resolve: async ({ asOf }, _args, ctx) => (await loaders(ctx).compliance.load(asOf)).allocatedIros,
    }),
    childrenChecks: t.field({
      type: [ComplianceCheck],
      description:
        'Caseloads over capacity, IROs allocated late, split sibling groups, computed now for the date',
      authScopes: complianceComputers,
      resolve: async ({ asOf }, _args, ctx) => (await loaders(ctx).compliance.load(asOf)).checks,
    }),
    childrenRecordedChecks: t.field({
      type: [ComplianceCheck],
      description:
        'The children checks as the nightly run stored them for the date (none if it did not run); an IRO sees their own items',
      authScopes: complianceReaders,
      resolve: async ({ asOf }, _args, ctx) =>
        visibleChecks(ctx, await loaders(ctx).recordedChecks.load(asOf)),
    }),
  }),
});

builder.asEntity(Compliance, {
  key: builder.selection<{ asOf: string }>('asOf'),
  // The gateway passes on the date it was given, already checked; a direct call could send anything.
  resolveReference: ({ asOf }) => {
    if (!isIsoDate(asOf)) throw invalidInput('asOf must be a date written YYYY-MM-DD', 'asOf');
    return { asOf };
  },
});

builder.queryFields((t) => ({
  compliance: t.field({
    type: Compliance,
    description: 'The caller’s council against the statutory rules at the end of `asOf`, computed now',
    authScopes: complianceComputers,
    args: { asOf: t.arg({ type: 'Date', required: true }) },
    resolve: async (_root, { asOf }, ctx) => {
      // Reading the records audits the read; every field then answers from the same load.
      await loaders(ctx).compliance.load(asOf);
      return { asOf };
    },
  }),
  complianceHistory: t.field({
    type: [Compliance],
    description: `The nights from \`from\` to \`to\` (at most ${MAX_HISTORY_DAYS} days apart) with stored children checks, oldest first`,
    authScopes: complianceReaders,
    args: {
      from: t.arg({ type: 'Date', required: true }),
      to: t.arg({ type: 'Date', required: true }),
    },
    resolve: async (_root, { from, to }, ctx) => {
      if (to < from) throw invalidInput('to must not be before from', 'to');
      if (daysBetween(from, to) > MAX_HISTORY_DAYS) {
        throw invalidInput(`to must be at most ${MAX_HISTORY_DAYS} days after from`, 'to');
      }
      const stored = await ctx.inTenant((tx) =>
        findComplianceSnapshots(tx, complianceSnapshots, { from, to, withItems: false }),
      );
      return [...new Set(stored.map((row) => row.date))].map((asOf) => ({ asOf }));
    },
  }),
  latestCompliance: t.field({
    type: Compliance,
    nullable: true,
    description: 'The latest night with stored children checks; null before the first',
    authScopes: complianceReaders,
    resolve: async (_root, _args, ctx) => {
      const asOf = await ctx.inTenant((tx) =>
        latestComplianceSnapshotDate(tx, complianceSnapshots, '9999-12-31'),
      );
      return asOf === null ? null : { asOf };
    },
  }),
}));
