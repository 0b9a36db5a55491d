import { londonDateOf } from '@footprint/domain';
import type { SignedIn } from '@footprint/identity';
import {
  type AskGateway,
  fetchAnnualReport,
  type NarrativeSection,
  type ReportMeta,
  type ReportSection,
  recordsBehindField,
  renderCsv,
  renderDocx,
  reportSections,
} from '@footprint/report';
import { error } from '@sveltejs/kit';
import { queryGateway } from './gateway.ts';

const askAs =
  (session: SignedIn, requestId: string): AskGateway =>
  <T>(query: string, variables: Record<string, unknown>) =>
    queryGateway<T>(session, query, variables, requestId);

/** The reporting year that ended most recently: 2025 (to 31 March 2026) from 1 April 2026. */
export function latestCompleteYear(today = londonDateOf(new Date())): number {
  const [year, month] = today.split('-').map(Number) as [number, number];
  return month >= 4 ? year - 1 : year - 2;
}

export const loadAnnualReport = (session: SignedIn, year: number, requestId: string) =>
  fetchAnnualReport(askAs(session, requestId), session.tenant!.slug, year);

export type RecordBehind = {
  child: { id: string; displayName: string } | null;
  date: string | null;
  reference: string | null;
  description: string;
};

/** The records behind one figure, from the service that computed it; null when it traces to none. */
export async function loadRecordsBehind(
  session: SignedIn,
  year: number,
  figure: string,
  requestId: string,
): Promise<RecordBehind[]> {
  const field = recordsBehindField(figure);
  if (!field) error(404, { message: 'Page not found' });
  const data = await queryGateway<{ annualReport: Record<string, RecordBehind[]> }>(
    session,
    `query PortalRecordsBehind($year: Int!, $figure: String!) {
      annualReport(year: $year) {
        ${field}(figure: $figure) { child { id displayName } date reference description }
      }
    }`,
    { year, figure },
    requestId,
  );
  return data.annualReport[field] ?? [];
}

/** The form checks the text first, so the service refusing it is a fault, shown as one. */
export async function saveNarrative(
  session: SignedIn,
  year: number,
  section: NarrativeSection,
  text: string,
  requestId: string,
): Promise<void> {
  await queryGateway(
    session,
    `mutation PortalSaveNarrative($input: SaveReportNarrativeInput!) {
      saveReportNarrative(input: $input) { section }
    }`,
    { input: { year, section, text } },
    requestId,
  );
}
export const REPORT_REFUSAL = 'Only the council’s managers can see its annual report.';

/** As long as the children service accepts. */
export const NARRATIVE_MAX_LENGTH = 20_000;

export async function loadNarrative(
  session: SignedIn,
  year: number,
  section: NarrativeSection,
  requestId: string,
): Promise<string> {
  const data = await queryGateway<{ annualReport: { narratives: { section: string; text: string }[] } }>(
    session,
    'query PortalNarratives($year: Int!) { annualReport(year: $year) { narratives { section text } } }',
    { year },
    requestId,
  );
  return data.annualReport.narratives.find((n) => n.section === section)?.text ?? '';
}

const downloads = {
  docx: {
    type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    render: (sections: ReportSection[], meta: ReportMeta) => renderDocx(sections, meta),
  },
  // With a byte order mark, so that Excel reads the labels' dashes and apostrophes as UTF-8.
  csv: {
    type: 'text/csv; charset=utf-8',
    render: async (s: ReportSection[], m: ReportMeta) => renderCsv(s, m, { bom: true }),
  },
};

export type ReportFormat = keyof typeof downloads;

/** The year's report as a file to download, named for the council and year. */
export async function reportDownload(
  session: SignedIn,
  year: number,
  format: ReportFormat,
  requestId: string,
): Promise<Response> {
  const report = await loadAnnualReport(session, year, requestId);
  const sections = reportSections(report.current, report.previous, report.narratives);
  const body = await downloads[format].render(sections, { council: session.tenant!.name, year });
  const name = `${session.tenant!.slug}-iro-annual-report-${year}-${String((year + 1) % 100).padStart(2, '0')}.${format}`;
  return new Response(typeof body === 'string' ? body : new Uint8Array(body), {
    headers: {
      'content-type': downloads[format].type,
      'content-disposition': `attachment; filename="${name}"`,
    },
  });
}
