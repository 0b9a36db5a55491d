import { type RequestContext, reportingSpan } from '@footprint/graphql';
import { createContextCache } from '@pothos/core';
import DataLoader from 'dataloader';
import {
  type AnnualReportFigures,
  arrangeCouncilRecords,
  type CouncilHistory,
  computeAnnualReport,
} from './data/compute-annual-report.ts';
import { type AllocationRow, findOpenAllocations } from './data/find-allocations.ts';
import { type ChildRow, findChildrenByIds } from './data/find-children.ts';
import { type EpisodeRow, findEpisodesByChild } from './data/find-episodes.ts';
import { findReportNarratives, type ReportNarrativeRow } from './data/find-report-narratives.ts';
import { findStaffByIds, type StaffRow } from './data/find-staff.ts';
import { loadReportRecords } from './data/load-report-records.ts';

export type AnnualReportData = AnnualReportFigures & { narratives: ReportNarrativeRow[] };

/**
 * Per-request loaders: the gateway sends one `_entities` call with many keys, and each batch
 * is one query. Reading children is audited once per batch, naming every child read.
 */
export const loaders = createContextCache((ctx: RequestContext) => {
  // The council's records are read once per request, whichever years and fields ask for them
  // (again only if a later batch asks for a year earlier than any read).
  let history: { from: string; council: Promise<CouncilHistory> } | undefined;
  return {
    /**
     * A reporting year's figures: the first batch reads every table the figures need (one query each)
     * and the year's narratives, and audits the read; every field of the year then reads this. The
     * batch function is async so that a refusal from inTenant (no council) reaches the caller as
     * itself, not as a loader fault.
     */
    annualReport: new DataLoader<number, AnnualReportData>(async (years) =>
      ctx.inTenant(async (tx) => {
        const from = reportingSpan(years).start;
        if (!history || history.from > from) {
          history = { from, council: loadReportRecords(tx, from).then(arrangeCouncilRecords) };
        }
        // Awaited together, so that a failed read is handled at once, whichever fails first.
        const [council, narratives] = await Promise.all([history.council, findReportNarratives(tx, years)]);
        await ctx.audit(tx, 'read', 'AnnualReport', years.map(String));
        return years.map((year) => ({
          ...computeAnnualReport(council, year),
          narratives: narratives.get(year) ?? [],
        }));
      }),
    ),
    child: new DataLoader<string, ChildRow | null>((ids) =>
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
    episodes: new DataLoader<string, EpisodeRow[]>((childIds) =>
      ctx.inTenant(async (tx) => {
        const byChild = await findEpisodesByChild(tx, childIds);
        return childIds.map((id) => byChild.get(id) ?? []);
      }),
    ),
    openAllocation: new DataLoader<string, AllocationRow | null>((childIds) =>
      ctx.inTenant(async (tx) => {
        const byChild = await findOpenAllocations(tx, childIds);
        return childIds.map((id) => byChild.get(id) ?? null);
      }),
    ),
    staff: new DataLoader<string, StaffRow | null>((ids) =>
      ctx.inTenant(async (tx) => {
        const byId = new Map((await findStaffByIds(tx, ids)).map((row) => [row.id, row]));
        return ids.map((id) => byId.get(id) ?? null);
      }),
    ),
  };
});
