import { COMPLIANCE_CHECK_LABELS, MAIN_COMPLIANCE_CHECKS } from '@footprint/compliance';
import { type ComplianceCheckName, londonDateOf } from '@footprint/domain';
import type { ChartSpec } from '@footprint/report';
import { redirect } from '@sveltejs/kit';
import { requireCouncilManager } from '$lib/server/access.ts';
import {
  COMPLIANCE_REFUSAL,
  complianceTrend,
  countsByIro,
  latestSnapshot,
  officerNames,
  TREND_NIGHTS,
} from '$lib/server/compliance.ts';
import { startComplianceRun } from '$lib/server/queues.ts';
import type { Actions, PageServerLoad } from './$types';

/** The lines of the trend chart: the main checks, as many as the chart has distinct colours. */
const TREND_LINES: readonly ComplianceCheckName[] = [
  'review_overdue',
  'review_due_soon',
  'midway_review_due',
  'paperwork_overdue',
  'escalation_response_overdue',
];

const shortMonths = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const shortDate = (date: string) =>
  `${Number(date.slice(8, 10))} ${shortMonths[Number(date.slice(5, 7)) - 1]}`;

export const load: PageServerLoad = async ({ params, locals }) => {
  const session = requireCouncilManager(locals, params.council, COMPLIANCE_REFUSAL);
  const [snapshot, names] = await Promise.all([
    latestSnapshot(session, locals.requestId),
    officerNames(session, locals.requestId),
  ]);
  const mainChecks = MAIN_COMPLIANCE_CHECKS.map((check) => ({
    check,
    short: COMPLIANCE_CHECK_LABELS[check].short,
  }));
  if (!snapshot) return { snapshot: null, mainChecks };
  const nights = await complianceTrend(session, snapshot.asOf, locals.requestId);
  const chart: ChartSpec = {
    id: 'compliance-trend',
    title: `The main checks on each of the last ${TREND_NIGHTS} nights`,
    kind: 'line',
    axis: 'Night',
    categories: nights.map((night) => shortDate(night.asOf)),
    series: TREND_LINES.map((check) => ({
      name: COMPLIANCE_CHECK_LABELS[check].short,
      values: nights.map((night) => night.counts[check] ?? 0),
    })),
  };
  return {
    mainChecks,
    snapshot: {
      asOf: snapshot.asOf,
      checks: snapshot.checks.map(({ check, label, items }) => ({ check, label, count: items.length })),
      byIro: countsByIro(snapshot, names),
    },
    trend: {
      chart,
      nights: nights.map((night) => ({
        asOf: night.asOf,
        counts: MAIN_COMPLIANCE_CHECKS.map((check) => night.counts[check] ?? 0),
        total: Object.values(night.counts).reduce((sum, n) => sum + (n ?? 0), 0),
      })),
    },
  };
};

export const actions: Actions = {
  default: async ({ params, locals }) => {
    requireCouncilManager(locals, params.council, COMPLIANCE_REFUSAL);
    const jobId = await startComplianceRun(
      { tenant: params.council, date: londonDateOf(new Date()) },
      locals.requestId,
    );
    redirect(303, `/c/${params.council}/compliance/runs/${encodeURIComponent(jobId)}`);
  },
};
