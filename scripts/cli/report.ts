import { writeFile } from 'node:fs/promises';
import { userInfo } from 'node:os';
import { parseArgs } from 'node:util';
import { importSigningKey, signAccessToken } from '@footprint/auth';
import { connect } from '@footprint/db';
import { findTenant } from '@footprint/identity';
import {
  type AskGateway,
  fetchAnnualReport,
  fetchYearReport,
  renderCsv,
  renderDocx,
  renderHtml,
  reportSections,
} from '@footprint/report';
import { systemSettings } from '../system/settings.ts';
import { CliError } from './usage.ts';

const formats = ['json', 'html', 'docx', 'csv'] as const;
type Format = (typeof formats)[number];

export class GatewayError extends Error {}

/**
 * The command asks the gateway as a manager of the council, like the portal does for a signed-in
 * manager, so the figures come from the same services by the same route; the audit trail names
 * the person who ran it.
 */
async function gatewayAsManager(tenant: string, name: string): Promise<AskGateway> {
  const settings = systemSettings();
  const key = await importSigningKey(settings.privateKeyPem());
  const person = userInfo().username;
  return async <T>(query: string, variables: Record<string, unknown>) => {
    const token = await signAccessToken(
      key,
      {
        sub: `footprint-command:${person}`,
        name: `${person} (footprint command, ${name})`,
        tenant,
        roles: ['manager'],
        provider: null,
        staffRef: null,
      },
      120,
    );
    let response: Response;
    try {
      response = await fetch(settings.gatewayUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ query, variables }),
      });
    } catch (cause) {
      throw new GatewayError(
        `the gateway at ${settings.gatewayUrl} is not answering (${String(cause)}); is the system started?`,
      );
    }
    const body = (await response.json()) as { data?: T; errors?: { message: string }[] };
    if (body.errors?.length || !body.data)
      throw new GatewayError(
        body.errors?.map((e) => e.message).join('; ') ?? `gateway answered ${response.status}`,
      );
    return body.data;
  };
}

/**
 * `footprint report --tenant <slug> --year <YYYY> --format json|html|docx|csv [--output <file>]`:
 * the annual report (annual-report.md) for reporting year YYYY on stdout, or in the file.
 */
export async function reportCommand(args: string[]) {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      tenant: { type: 'string' },
      year: { type: 'string' },
      format: { type: 'string' },
      output: { type: 'string' },
    },
  });
  if (positionals.length) throw new CliError(`report takes no folder or file name ("${positionals[0]}")`);
  if (!values.tenant) throw new CliError('--tenant <slug> is required');
  if (!values.year || !/^\d{4}$/.test(values.year))
    throw new CliError('--year <YYYY> is required, e.g. 2023');
  const format = (values.format ?? 'json') as Format;
  if (!formats.includes(format)) throw new CliError(`--format must be one of ${formats.join(', ')}`);
  if (format === 'docx' && !values.output && process.stdout.isTTY)
    throw new CliError('a Word file is not for a terminal: add --output <file>.docx or redirect stdout');

  const identity = connect(systemSettings().urlFor('identity'), { max: 1 });
  const council = await findTenant(identity.db, values.tenant).finally(() => identity.close());
  if (!council) {
    console.error(`No council "${values.tenant}"`);
    return 1;
  }
  const year = Number(values.year);
  let output: string | Buffer;
  try {
    const ask = await gatewayAsManager(council.slug, council.name);
    if (format === 'json') {
      output = `${JSON.stringify(await fetchYearReport(ask, council.slug, year), null, 2)}\n`;
    } else {
      // The other forms set each figure beside the year before's, as councils' reports do.
      const report = await fetchAnnualReport(ask, council.slug, year);
      const sections = reportSections(report.current, report.previous, report.narratives);
      const meta = { council: council.name, year };
      output =
        format === 'html'
          ? renderHtml(sections, meta)
          : format === 'csv'
            ? renderCsv(sections, meta)
            : await renderDocx(sections, meta);
    }
  } catch (error) {
    if (!(error instanceof GatewayError)) throw error;
    console.error(`footprint report: ${error.message}`);
    return 1;
  }
  if (values.output) await writeFile(values.output, output);
  else process.stdout.write(output);
  return 0;
}
