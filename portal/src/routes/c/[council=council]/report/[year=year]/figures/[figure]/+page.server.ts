import { figureLabel } from '@footprint/report';
import { error } from '@sveltejs/kit';
import { requireCouncilManager } from '$lib/server/access.ts';
import { loadRecordsBehind, REPORT_REFUSAL } from '$lib/server/report.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, locals }) => {
  const session = requireCouncilManager(locals, params.council, REPORT_REFUSAL);
  const year = Number(params.year);
  // A path the report has no figure at is a page that does not exist.
  const label = figureLabel(params.figure);
  if (!label) error(404, { message: 'Page not found' });
  return {
    year,
    figure: params.figure,
    label,
    records: await loadRecordsBehind(session, year, params.figure, locals.requestId),
  };
};
