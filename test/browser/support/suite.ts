import { mkdirSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startImportWorker } from '../../support/import-worker.ts';
import type { System } from '../../support/system.ts';
import { launchBrowser } from './browser.ts';
import { startPortal } from './portal.ts';

/**
 * What a page suite runs beside its system: the import worker, a staging folder for uploads, the
 * built portal and a browser. `stop` keeps the portal's output under .artifacts/<log> for reading
 * after a failure, then takes everything down.
 */
export async function startPortalSuite(system: System, log: string) {
  const worker = startImportWorker(system);
  const importsDir = await mkdtemp(join(tmpdir(), 'footprint-portal-staging-'));
  const portal = await startPortal({
    identityDatabaseUrl: system.database.urlFor('identity'),
    authPrivateKey: system.keys.privateKeyPem,
    gatewayUrl: system.gatewayUrl,
    importsDir,
    queuePrefix: worker.prefix,
  });
  const browser = await launchBrowser();
  return {
    worker,
    importsDir,
    portal,
    browser,
    stop: async () => {
      await browser.close();
      await portal.stop();
      mkdirSync(new URL('../.artifacts/', import.meta.url), { recursive: true });
      writeFileSync(new URL(`../.artifacts/${log}`, import.meta.url), portal.output());
      await worker.stop();
      await rm(importsDir, { recursive: true, force: true });
    },
  };
}

export type PortalSuite = Awaited<ReturnType<typeof startPortalSuite>>;
