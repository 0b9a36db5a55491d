import { writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { GatewayError } from '@footprint/auth';
import {
  fetchAnnualReport,
  fetchYearReport,
  renderCsv,
  renderDocx,
  renderHtml,
  reportSections,
} from '@footprint/report';
import { councilGateway } from './gateway.ts';
import { CliError } from './usage.ts';

const formats = ['json', 'html', 'docx', 'csv'] as const;
type Format = (typeof formats)[number];

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

  const found = await councilGateway('report', values.tenant);
  if (!found) return 1;
  const { council, ask } = found;
  const year = Number(values.year);
  let output: string | Buffer;
  try {
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
