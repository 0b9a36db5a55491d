import { userInfo } from 'node:os';
import { type AskGateway, gatewayAs, importSigningKey } from '@footprint/auth';
import { connect } from '@footprint/db';
import { findTenant } from '@footprint/identity';
import { systemSettings } from '../system/settings.ts';

/**
 * The command asks the gateway as a manager of the council, like the portal does for a signed-in
 * manager, so the figures come from the same services by the same route; the audit trail names
 * the person who ran it.
 */
export async function gatewayAsManager(tenant: string, name: string): Promise<AskGateway> {
  const settings = systemSettings();
  const person = userInfo().username;
  return gatewayAs(settings.gatewayUrl, await importSigningKey(settings.privateKeyPem()), {
    sub: `footprint-command:${person}`,
    name: `${person} (footprint command, ${name})`,
    tenant,
    roles: ['manager'],
    provider: null,
    staffRef: null,
  });
}

/** The council of `slug` and the gateway as its manager; null (after saying so) when there is no such council. */
export async function councilGateway(
  command: string,
  slug: string,
): Promise<{ council: { slug: string; name: string }; ask: AskGateway } | null> {
  const identity = connect(systemSettings().urlFor('identity'), { max: 1 });
  const council = await findTenant(identity.db, slug).finally(() => identity.close());
  if (!council) {
    console.error(`footprint ${command}: no council "${slug}"`);
    return null;
  }
  return { council, ask: await gatewayAsManager(council.slug, council.name) };
}
