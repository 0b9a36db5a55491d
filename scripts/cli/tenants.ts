import { parseArgs } from 'node:util';
import { connect } from '@footprint/db';
import { createTenant, TenantError } from '@footprint/identity';
import { systemSettings } from '../system/settings.ts';
import { CliError } from './usage.ts';

/** `footprint tenants create <slug> --name "<name>"`: exits 0 when it exists already with that name. */
export async function tenantsCommand(args: string[]) {
  const { positionals, values } = parseArgs({
    args,
    allowPositionals: true,
    options: { name: { type: 'string' } },
  });
  const [action, slug, ...extra] = positionals;
  if (action !== 'create') throw new CliError(`unknown tenants action "${action ?? ''}"`);
  if (!slug || extra.length) throw new CliError('tenants create takes one slug');
  if (!values.name) throw new CliError('--name "<name>" is required');
  const identity = connect(systemSettings().urlFor('identity'), { max: 1 });
  try {
    const { created } = await createTenant(identity.db, { slug, name: values.name });
    console.log(
      created
        ? `created council ${slug} (${values.name})`
        : `council ${slug} (${values.name}) already exists`,
    );
    return 0;
  } catch (error) {
    if (error instanceof TenantError) {
      console.error(error.message);
      return 1;
    }
    throw error;
  } finally {
    await identity.close();
  }
}
