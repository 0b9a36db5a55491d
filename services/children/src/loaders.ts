import type { Transaction } from '@footprint/db';
import { type IsoDate, reportingYear, TREND_YEARS_BEFORE } from '@footprint/domain';
import { type RequestContext, recordedChecksLoader, reportingSpan } from '@footprint/graphql';
import { createContextCache } from '@pothos/core';
import DataLoader from 'dataloader';
import {
  type AnnualReportFigures,
  arrangeCouncilRecords,
  type CouncilHistory,
  computeAnnualReport,
} from './data/compute-annual-report.ts';
import { type ChildrenCompliance, loadChildrenCompliance } from './data/compute-compliance.ts';
import { type ChildrenTrend, computeChildrenTrend } from './data/compute-report-trend.ts';
import { careHistoryEncoder } from './data/encode-care-history.ts';
import { type AllocationRow, findOpenAllocations } from './data/find-allocations.ts';
import { type ChildRow, findChildrenByIds } from './data/find-children.ts';
import { findEarliestPeriodStart } from './data/find-earliest-period-start.ts';
import { type EpisodeRow, findEpisodesByChild } from './data/find-episodes.ts';
import { findReportNarratives, type ReportNarrativeRow } from './data/find-report-narratives.ts';
import { findStaffByIds, type StaffRow } from './data/find-staff.ts';
import { loadReportRecords } from './data/load-report-records.ts';
import { findSiblingGroupsOfChildren, type SiblingGroupRow } from './data/sibling-groups.ts';
import { complianceSnapshots } from './db/tables.ts';

export type AnnualReportData = AnnualReportFigures & { narratives: ReportNarrativeRow[] };

/**
 * Per-request loaders: the gateway sends one `_entities` call with many keys, and each batch
 * is one query. Reading children is audited once per batch, naming every child read.
 */
export const loaders = createContextCache((ctx: RequestContext) => {
  // The council's records are read once per request, whichever years and fields ask for them
  // (again only if a later batch asks for a year earlier than any read).
  let history: { from: string; council: Promise<CouncilHistory> } | undefined;
  const councilHistory = (tx: Transaction, from: IsoDate) => {
    if (!history || history.from > from) {
      history = { from, council: loadReportRecords(tx, from).then(arrangeCouncilRecords) };
    }
    return history.council;
  };
  // The years whose trend the request asks for: their first read reaches back far enough for it.
  const trendAsked = new Set<number>();
  const trendStart = (year: number) => reportingYear(year - TREND_YEARS_BEFORE).start;
  return {
    encodeCareHistory: careHistoryEncoder(),
    /** Says, before the report's first read, that the request also wants `year`'s trend. */
    askTrend: (year: number) => {
      trendAsked.add(year);
    },
    /**
     * A reporting year's figures: the first batch reads every table the figures need (one query each)
     * and the year's narratives, and audits the read; every field of the year then reads this. The
     * batch function is async so that a refusal from inTenant (no council) reaches the caller as
     * itself, not as a loader fault.
     */
    annualReport: new DataLoader<number, AnnualReportData>(async (years) =>
      ctx.inTenant(async (tx) => {
        const from = [reportingSpan(years).start, ...[...trendAsked].map(trendStart)].sort()[0]!;
        // Awaited together, so that a failed read is handled at once, whichever fails first.
        const [council, narratives] = await Promise.all([
          councilHistory(tx, from),
          findReportNarratives(tx, years),
        ]);
        await ctx.audit(tx, 'read', 'AnnualReport', years.map(String));
        return years.map((year) => ({
          ...computeAnnualReport(council, year),
          narratives: narratives.get(year) ?? [],
        }));
      }),
    ),
    /** The children's part of a report's five-year trend, from the same read as the report. */
    reportTrend: new DataLoader<number, ChildrenTrend>(async (years) =>
      ctx.inTenant(async (tx) => {
        const from = trendStart(Math.min(...years));
        const [council, earliest] = await Promise.all([
          councilHistory(tx, from),
          findEarliestPeriodStart(tx),
        ]);
        return years.map((year) => computeChildrenTrend(council, year, earliest));
      }),
    ),
    /**
     * The council's compliance on each date asked for (care history, policy, IROs, live checks):
     * one read of its records for the whole batch, audited naming the dates.
     */
    compliance: new DataLoader<string, ChildrenCompliance>(async (dates) =>
      ctx.inTenant(async (tx) => {
        const computed = await loadChildrenCompliance(tx, dates, (from) => councilHistory(tx, from));
        await ctx.audit(tx, 'read', 'Compliance', [...dates]);
        return computed;
      }),
    ),
    /** The children checks stored for each night asked for (audited by the shared loader). */
    recordedChecks: recordedChecksLoader(ctx, complianceSnapshots, 'children'),
    /** The sibling group of each child asked for, null when in none; audited naming the groups read. */
    siblingGroup: new DataLoader<string, SiblingGroupRow | null>(async (childIds) =>
      ctx.inTenant(async (tx) => {
        const byChild = await findSiblingGroupsOfChildren(tx, childIds);
        const read = [...new Set([...byChild.values()].map((group) => group.id))];
        if (read.length) await ctx.audit(tx, 'read', 'SiblingGroup', read);
        return childIds.map((id) => byChild.get(id) ?? null);
      }),
    ),
    child: new DataLoader<string, ChildRow | null>(async (ids) =>
      ctx.inTenant(async (tx) => {
        const rows = await findChildrenByIds(tx, ctx.auth, ids);
        await ctx.audit(
          tx,
          'read',
          'Child',
          rows.map((row) => row.id),
        );
        const byId = new Map(rows.map((row) => [row.id, row]));
        return ids.map((id) => byId.get(id) ?? null);
      }),
    ),
    episodes: new DataLoader<string, EpisodeRow[]>(async (childIds) =>
      ctx.inTenant(async (tx) => {
        const byChild = await findEpisodesByChild(tx, childIds);
        return childIds.map((id) => byChild.get(id) ?? []);
      }),
    ),
    openAllocation: new DataLoader<string, AllocationRow | null>(async (childIds) =>
      ctx.inTenant(async (tx) => {
        const byChild = await findOpenAllocations(tx, childIds);
        return childIds.map((id) => byChild.get(id) ?? null);
      }),
    ),
    staff: new DataLoader<string, StaffRow | null>(async (ids) =>
      ctx.inTenant(async (tx) => {
        const byId = new Map((await findStaffByIds(tx, ids)).map((row) => [row.id, row]));
        return ids.map((id) => byId.get(id) ?? null);
      }),
    ),
  };
});
