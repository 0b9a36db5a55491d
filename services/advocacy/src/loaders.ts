import type { ComplianceCheck } from '@footprint/domain';
import {
  decodeCareHistory,
  invalidInput,
  once,
  type RequestContext,
  recordedChecksLoader,
} from '@footprint/graphql';
import { createContextCache } from '@pothos/core';
import DataLoader from 'dataloader';
import { CARE_HISTORY_MESSAGE, computeAdvocacyCompliance } from './compliance.ts';
import { checkAdvocateCommission } from './data/check-advocate-commission.ts';
import { findOpenIndependentVisitors, type IndependentVisitorRow } from './data/find-independent-visitors.ts';
import { findInvolvementsByChild, type InvolvementRow } from './data/find-involvements.ts';
import { findInvolvementsOpenBetween } from './data/find-involvements-open.ts';
import { findProvidersByIds, type ProviderRow } from './data/find-providers.ts';
import { findReportRecords, type ReportRecords } from './data/find-report-records.ts';
import { complianceSnapshots } from './db/tables.ts';
import { forbidden } from './errors.ts';

/** What the gateway sends for a Compliance whose advocacy checks were asked for. */
export type ComplianceRepresentation = { asOf: string; careHistory?: unknown };

/**
 * Per-request loaders: the gateway sends one `_entities` call with many keys, and each batch is
 * one query. Reads of children's advocacy records are audited once per batch, naming every record read.
 */
export const loaders = createContextCache((ctx: RequestContext) => ({
  provider: new DataLoader<string, ProviderRow | null>((ids) =>
    ctx.inTenant(async (tx) => {
      const byId = new Map((await findProvidersByIds(tx, ids)).map((row) => [row.id, row]));
      return ids.map((id) => byId.get(id) ?? null);
    }),
  ),
  involvementsOfChild: new DataLoader<string, InvolvementRow[]>((childIds) =>
    ctx.inTenant(async (tx) => {
      await checkAdvocateCommission(tx, ctx.auth);
      const byChild = await findInvolvementsByChild(tx, ctx.auth, childIds);
      await ctx.audit(
        tx,
        'read',
        'AdvocacyInvolvement',
        [...byChild.values()].flat().map((row) => row.id),
      );
      return childIds.map((id) => byChild.get(id) ?? []);
    }),
  ),
  openIndependentVisitor: new DataLoader<string, IndependentVisitorRow | null>((childIds) =>
    ctx.inTenant(async (tx) => {
      const byChild = await findOpenIndependentVisitors(tx, childIds);
      await ctx.audit(tx, 'read', 'IndependentVisitorAllocation', [...byChild.keys()]);
      return childIds.map((id) => byChild.get(id) ?? null);
    }),
  ),
  /**
   * The council's involvements of every provider and its Independent Visitor allocations, for the
   * annual report. Row-level security confines a transaction whose token names a provider to that
   * provider's rows, so such a token is refused rather than given a report that quietly leaves the
   * other providers out: the report is the council's managers' (their tokens name no provider).
   */
  /**
   * The live advocacy checks per representation (its date and the care history it carries): one
   * query for the involvements open around every date asked, computed in memory by the domain.
   * Keyed by the representation itself, because the care history comes with it.
   */
  complianceChecks: new DataLoader<ComplianceRepresentation, ComplianceCheck[]>(async (reps) => {
    const histories = reps.map((rep) => decodeCareHistory(rep.careHistory));
    const dates = reps
      .filter((_, i) => histories[i])
      .map((rep) => rep.asOf)
      .sort();
    if (dates.length === 0) return reps.map(() => invalidInput(CARE_HISTORY_MESSAGE, 'careHistory'));
    const rows = await ctx.inTenant(async (tx) => {
      const found = await findInvolvementsOpenBetween(tx, ctx.auth, dates[0]!, dates.at(-1)!);
      await ctx.audit(tx, 'read', 'Compliance', [...new Set(dates)], {
        service: 'advocacy',
        involvements: found.map((row) => row.id),
      });
      return found;
    });
    return reps.map((rep, i) => {
      const history = histories[i];
      if (!history) return invalidInput(CARE_HISTORY_MESSAGE, 'careHistory');
      return computeAdvocacyCompliance(history, rows, rep.asOf);
    });
  }),
  /** The checks stored by the nightly run, for the nights asked for in a request. */
  recordedChecks: recordedChecksLoader(ctx, complianceSnapshots, 'advocacy'),
  reportRecords: once<ReportRecords>(() => {
    if (ctx.auth.provider) {
      return Promise.reject(
        forbidden(
          'The annual report counts every provider’s involvements: a token naming a provider cannot read it',
        ),
      );
    }
    return ctx.inTenant((tx) => findReportRecords(tx, ctx.auth));
  }),
}));
