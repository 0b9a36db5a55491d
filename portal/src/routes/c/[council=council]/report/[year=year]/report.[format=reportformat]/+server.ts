import { requireCouncilManager } from '$lib/server/access.ts';
import { REPORT_REFUSAL, type ReportFormat, reportDownload } from '$lib/server/report.ts';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = ({ params, locals }) =>
  reportDownload(
    requireCouncilManager(locals, params.council, REPORT_REFUSAL),
    Number(params.year),
    params.format as ReportFormat,
    locals.requestId,
  );
