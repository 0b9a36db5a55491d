import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { export903Records } from '@footprint/children';
import { connect, withTenant } from '@footprint/db';
import { write903Files } from '@footprint/exchange';
import { findTenant } from '@footprint/identity';
import { export903Reviews } from '@footprint/reviews';
import { systemSettings } from '../system/settings.ts';
import { CliError } from './usage.ts';

/**
 * `footprint export --tenant <slug> --year <YYYY> --format 903 <dir>`: the year's SSDA903 files from
 * Footprint's records, so a council can keep Footprint as its source of truth and still make its return.
 * Each service's records are read by that service's own role.
 */
export async function exportCommand(args: string[]) {
  const { positionals, values } = parseArgs({
    args,
    allowPositionals: true,
    options: { tenant: { type: 'string' }, year: { type: 'string' }, format: { type: 'string' } },
  });
  const [dirArg, ...extra] = positionals;
  if (!values.tenant) throw new CliError('--tenant <slug> is required');
  if (!values.year || !/^\d{4}$/.test(values.year))
    throw new CliError('--year <YYYY> is required, e.g. 2023');
  if (values.format !== '903') throw new CliError('--format 903 is the export format');
  if (!dirArg || extra.length) throw new CliError('export takes one folder to write');

  const settings = systemSettings();
  const identity = connect(settings.urlFor('identity'), { max: 1 });
  const tenant = await findTenant(identity.db, values.tenant).finally(() => identity.close());
  if (!tenant) {
    console.error(`No council "${values.tenant}"`);
    return 1;
  }
  const children = connect(settings.urlFor('children'), { max: 1 });
  const reviews = connect(settings.urlFor('reviews'), { max: 1 });
  try {
    const records = await withTenant(children.db, tenant.slug, (tx) => export903Records(tx));
    const reviewRecords = await withTenant(reviews.db, tenant.slug, (tx) =>
      export903Reviews(tx, records.dateOfBirth),
    );
    const written = await write903Files(resolve(dirArg), Number(values.year), {
      ...records,
      reviews: reviewRecords,
    });
    for (const [file, { rows }] of Object.entries(written)) console.log(`${file}: ${rows} rows`);
    return 0;
  } finally {
    await Promise.all([children.close(), reviews.close()]);
  }
}
