import {
  type ComplianceCheck,
  type EscalationFigures,
  type EscalationStage,
  type EscalationsBehind,
  escalationComplianceChecks,
  escalationFiguresBehind,
} from '@footprint/domain';
import { once, type RequestContext, recordedChecksLoader, reportingSpan } from '@footprint/graphql';
import { createContextCache } from '@pothos/core';
import DataLoader from 'dataloader';
import { type EscalationEventRow, findEventsByEscalation } from './data/find-escalation-events.ts';
import { type EscalationRow, findEscalationsByChild, findEscalationsByIds } from './data/find-escalations.ts';
import { findReportEscalations } from './data/find-report-escalations.ts';
import { findStagesInForce, type StagesInForce } from './data/find-stages.ts';
import { findCouncilThemes, type Theme, themesAvailable } from './data/find-themes.ts';
import { complianceSnapshots } from './db/tables.ts';

/** A reporting year's escalation figures, the escalations behind each, and the stages they are read against. */
export type EscalationYear = {
  year: number;
  stages: EscalationStage[];
  figures: EscalationFigures;
  behind: EscalationsBehind;
};

/**
 * Per-request loaders: the gateway sends one `_entities` call with many keys, and each batch
 * is one query. Reading escalations (records about a child) is audited once per batch.
 */
export const loaders = createContextCache((ctx: RequestContext) => {
  const stages = once<StagesInForce>(() => ctx.inTenant((tx) => findStagesInForce(tx)));
  return {
    escalation: new DataLoader<string, EscalationRow | null>(async (ids) =>
      ctx.inTenant(async (tx) => {
        const rows = await findEscalationsByIds(tx, ctx.auth, ids);
        await ctx.audit(
          tx,
          'read',
          'Escalation',
          rows.map((row) => row.id),
        );
        const byId = new Map(rows.map((row) => [row.id, row]));
        return ids.map((id) => byId.get(id) ?? null);
      }),
    ),
    escalationsOfChild: new DataLoader<string, EscalationRow[]>(async (childIds) =>
      ctx.inTenant(async (tx) => {
        const byChild = await findEscalationsByChild(tx, ctx.auth, childIds);
        await ctx.audit(
          tx,
          'read',
          'Escalation',
          [...byChild.values()].flat().map((row) => row.id),
          { childIds: [...byChild.keys()] },
        );
        return childIds.map((id) => byChild.get(id) ?? []);
      }),
    ),
    events: new DataLoader<string, EscalationEventRow[]>(async (escalationIds) =>
      ctx.inTenant(async (tx) => {
        const byEscalation = await findEventsByEscalation(tx, escalationIds);
        return escalationIds.map((id) => byEscalation.get(id) ?? []);
      }),
    ),
    stages,
    /**
     * The live compliance checks (issue #6) on each date asked for in a request: one read of the
     * escalations that can be open on any of them, each date computed in memory by the domain.
     */
    complianceChecks: new DataLoader<string, ComplianceCheck[]>(async (dates) => {
      const sorted = [...dates].sort();
      const inForce = await stages();
      return ctx.inTenant(async (tx) => {
        const records = await findReportEscalations(tx, ctx.auth, sorted[0]!, sorted.at(-1)!);
        const checks = dates.map((asOf) =>
          escalationComplianceChecks({ ...records, stages: inForce.stages, asOf }),
        );
        const listed = checks.flatMap((list) =>
          list.flatMap((check) =>
            check.items.flatMap((item) => (item.childId === null ? [] : [item.reference])),
          ),
        );
        await ctx.audit(tx, 'read', 'Compliance', [...dates], {
          service: 'escalations',
          escalations: [...new Set(listed)].sort(),
        });
        return checks;
      });
    }),
    /** The checks stored by the nightly run, for the nights asked for in a request. */
    recordedChecks: recordedChecksLoader(ctx, complianceSnapshots, 'escalations'),
    themes: once<Theme[]>(() => ctx.inTenant(async (tx) => themesAvailable(await findCouncilThemes(tx)))),
    /**
     * The escalation figures of reporting years: every year asked for in a request (this year and
     * last, say) comes from one read of each table, computed in memory by the domain.
     */
    escalationYear: new DataLoader<number, EscalationYear>(async (years) => {
      const { start, end } = reportingSpan(years);
      const [records, inForce] = await Promise.all([
        ctx.inTenant((tx) => findReportEscalations(tx, ctx.auth, start, end)),
        stages(),
      ]);
      return years.map((year) => ({
        year,
        stages: inForce.stages,
        ...escalationFiguresBehind(records.escalations, records.eventsOf, year, inForce.stages),
      }));
    }),
  };
});
