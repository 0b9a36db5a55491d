import { complianceCheckLabel, isComplianceCheck } from '@footprint/compliance';
import { error } from '@sveltejs/kit';
import { requireCouncilManager } from '$lib/server/access.ts';
import { COMPLIANCE_REFUSAL, latestSnapshot, officerNames } from '$lib/server/compliance.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, locals }) => {
  const session = requireCouncilManager(locals, params.council, COMPLIANCE_REFUSAL);
  if (!isComplianceCheck(params.check)) error(404, { message: 'Page not found' });
  const [snapshot, names] = await Promise.all([
    latestSnapshot(session, locals.requestId),
    officerNames(session, locals.requestId),
  ]);
  const found = snapshot?.checks.find((c) => c.check === params.check);
  return {
    asOf: snapshot?.asOf ?? null,
    check: params.check,
    label: complianceCheckLabel(params.check),
    items: found?.items ?? [],
    iroNames: Object.fromEntries(names),
  };
};
