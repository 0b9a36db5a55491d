import { parseArgs } from 'node:util';
import { GatewayError } from '@footprint/auth';
import { complianceJson, fetchCompliance } from '@footprint/compliance';
import { isIsoDate } from '@footprint/domain';
import { councilGateway } from './gateway.ts';
import { CliError } from './usage.ts';

/**
 * `footprint compliance --tenant <slug> --as-of <YYYY-MM-DD> --format json`: where the council
 * stands against every check on that date, computed now by the services (the nightly snapshot
 * is the same computation, stored).
 */
export async function complianceCommand(args: string[]) {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { tenant: { type: 'string' }, 'as-of': { type: 'string' }, format: { type: 'string' } },
  });
  if (positionals.length) throw new CliError(`compliance takes no folder or file name ("${positionals[0]}")`);
  if (!values.tenant) throw new CliError('--tenant <slug> is required');
  const asOf = values['as-of'];
  if (!asOf || !isIsoDate(asOf))
    throw new CliError('--as-of <YYYY-MM-DD> is required, a real date, e.g. 2024-03-31');
  if ((values.format ?? 'json') !== 'json') throw new CliError('--format must be json');

  const found = await councilGateway('compliance', values.tenant);
  if (!found) return 1;
  try {
    const state = await fetchCompliance(found.ask, asOf);
    process.stdout.write(`${JSON.stringify(complianceJson(found.council.slug, state), null, 2)}\n`);
    return 0;
  } catch (error) {
    if (!(error instanceof GatewayError)) throw error;
    console.error(`footprint compliance: ${error.message}`);
    return 1;
  }
}
