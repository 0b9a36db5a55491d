import { once, type RequestContext } from '@footprint/graphql';
import { createContextCache } from '@pothos/core';
import DataLoader from 'dataloader';
import { checkAdvocateCommission } from './data/check-advocate-commission.ts';
import { findOpenIndependentVisitors, type IndependentVisitorRow } from './data/find-independent-visitors.ts';
import { findInvolvementsByChild, type InvolvementRow } from './data/find-involvements.ts';
import { findProvidersByIds, type ProviderRow } from './data/find-providers.ts';
import { findReportRecords, type ReportRecords } from './data/find-report-records.ts';
import { forbidden } from './errors.ts';

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
