import { COMPLIANCE_CHECK_LABELS } from '@footprint/compliance';
import { ALL_COMPLIANCE_CHECKS } from '@footprint/domain';
import { error } from '@sveltejs/kit';
import { requireCouncilManager } from '$lib/server/access.ts';
import { COMPLIANCE_REFUSAL } from '$lib/server/compliance.ts';
import { complianceRun } from '$lib/server/queues.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, locals }) => {
  requireCouncilManager(locals, params.council, COMPLIANCE_REFUSAL);
  const run = await complianceRun(params.council, params.jobId, locals.requestId);
  // Another council's run, or the queue no longer keeps it: as unknown as one that never was.
  if (!run) error(404, { message: 'Page not found' });
  const { result } = run;
  return {
    date: run.date,
    requestedAt: run.requestedAt.toISOString(),
    state: result.state,
    progress: result.state === 'running' ? result.progress : result.state === 'completed' ? 100 : 0,
    counts:
      result.state === 'completed'
        ? ALL_COMPLIANCE_CHECKS.filter((check) => check in result.counts).map((check) => ({
            check,
            label: COMPLIANCE_CHECK_LABELS[check].label,
            count: result.counts[check] ?? 0,
          }))
        : [],
  };
};
