import { readFileSync } from 'node:fs';
import { roleUrl, serviceRole } from '@footprint/db';
import topology from '../../infra/services.json' with { type: 'json' };

/**
 * Where the running system lives, as ./scripts/start set it up: the same defaults the start
 * script's provisioning uses, so the `footprint` command works in another terminal with nothing set.
 */
export function systemSettings() {
  const root = new URL('../../', import.meta.url).pathname;
  const superuserUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:54329/postgres';
  const database = process.env.FOOTPRINT_DATABASE ?? topology.database;
  const keyFile = (name: string) => readFileSync(`${root}.data/keys/auth-${name}.pem`, 'utf8');
  return {
    root,
    topology,
    superuserUrl,
    database,
    redisUrl: process.env.REDIS_URL ?? 'redis://127.0.0.1:63799',
    /** Read only by what signs or checks tokens, so other commands need no key files. */
    publicKeyPem: () => process.env.AUTH_PUBLIC_KEY ?? keyFile('public'),
    privateKeyPem: () => process.env.AUTH_PRIVATE_KEY ?? keyFile('private'),
    gatewayUrl: process.env.GATEWAY_URL ?? `http://127.0.0.1:${topology.gateway.port}/`,
    /** Where imports are staged for the worker: a folder both can reach. */
    importsDir: process.env.FOOTPRINT_IMPORTS_DIR ?? `${root}.data/imports`,
    portalUrl: process.env.ORIGIN ?? `http://localhost:${topology.portal.port}`,
    /** The database URL of one service's own role (or `identity`). */
    urlFor: (service: string) => roleUrl(superuserUrl, serviceRole(service), database),
  };
}

export type SystemSettings = ReturnType<typeof systemSettings>;
