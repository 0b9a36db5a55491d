import { reportSections } from '@footprint/report';
import { requireCouncilManager } from '$lib/server/access.ts';
import { latestCompleteYear, loadAnnualReport, REPORT_REFUSAL } from '$lib/server/report.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, locals }) => {
  const session = requireCouncilManager(locals, params.council, REPORT_REFUSAL);
  const year = Number(params.year);
  const report = await loadAnnualReport(session, year, locals.requestId);
  const latest = latestCompleteYear();
  return {
    year,
    sections: reportSections(report.current, report.previous, report.narratives),
    // The five years before the latest complete one, and the year in progress, to move between.
    years: Array.from({ length: 7 }, (_, i) => latest + 1 - i),
  };
};
