import { redirect } from '@sveltejs/kit';
import { requireCouncilManager } from '$lib/server/access.ts';
import { latestCompleteYear, REPORT_REFUSAL } from '$lib/server/report.ts';
import type { PageServerLoad } from './$types';

/** The report opens on the reporting year that ended most recently. */
export const load: PageServerLoad = ({ params, locals }) => {
  requireCouncilManager(locals, params.council, REPORT_REFUSAL);
  redirect(303, `/c/${params.council}/report/${latestCompleteYear()}`);
};
