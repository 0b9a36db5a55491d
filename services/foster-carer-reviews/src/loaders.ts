import { type ComplianceCheck, fosterCarerReviewComplianceChecks } from '@footprint/domain';
import { once, type RequestContext, recordedChecksLoader } from '@footprint/graphql';
import { createContextCache } from '@pothos/core';
import DataLoader from 'dataloader';
import { householdsWithReviews } from './compliance.ts';
import { findHouseholdsByIds, type HouseholdRow } from './data/find-households.ts';
import { findReportRecords, type ReportRecords } from './data/find-report-records.ts';
import { findReviewsByHousehold, type ReviewRow } from './data/find-reviews.ts';
import { complianceSnapshots } from './db/tables.ts';

/**
 * Per-request loaders: the gateway sends one `_entities` call with many keys, and each batch
 * is one query. Reading households is audited once per batch, naming every household read.
 */
export const loaders = createContextCache((ctx: RequestContext) => ({
  household: new DataLoader<string, HouseholdRow | null>((ids) =>
    ctx.inTenant(async (tx) => {
      const rows = await findHouseholdsByIds(tx, ctx.auth, ids);
      await ctx.audit(
        tx,
        'read',
        'FosterHousehold',
        rows.map((row) => row.id),
      );
      const byId = new Map(rows.map((row) => [row.id, row]));
      return ids.map((id) => byId.get(id) ?? null);
    }),
  ),
  reviews: new DataLoader<string, ReviewRow[]>((householdIds) =>
    ctx.inTenant(async (tx) => {
      const byHousehold = await findReviewsByHousehold(tx, ctx.auth, householdIds);
      return householdIds.map((id) => byHousehold.get(id) ?? []);
    }),
  ),
  /**
   * The live compliance check on each date asked for in a request (issue #6): the council's
   * households and reviews read once, each date computed in memory by the domain.
   */
  complianceChecks: new DataLoader<string, ComplianceCheck[]>((dates) =>
    ctx.inTenant(async (tx) => {
      const records = await findReportRecords(tx, ctx.auth);
      const households = householdsWithReviews(records);
      const checks = dates.map((asOf) => fosterCarerReviewComplianceChecks({ households, asOf }));
      const listed = checks.flatMap((list) =>
        list.flatMap((check) => check.items.map((item) => item.reference)),
      );
      await ctx.audit(tx, 'read', 'Compliance', [...dates], {
        service: 'foster-carer-reviews',
        households: [...new Set(listed)].sort(),
      });
      return checks;
    }),
  ),
  /** The checks stored by the nightly run, for the nights asked for in a request. */
  recordedChecks: recordedChecksLoader(ctx, complianceSnapshots, 'foster-carer-reviews'),
  /** The council's households and reviews, for the annual report of any year the request asks about. */
  reportRecords: once<ReportRecords>(() => ctx.inTenant((tx) => findReportRecords(tx, ctx.auth))),
}));
