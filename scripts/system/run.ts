/**
 * The whole system on one machine: migrations, demo councils, the nightly schedule, then the five
 * subgraphs, the gateway, the worker and the portal as child processes. Ctrl-C stops them all.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { connectRedis, nightlyQueue, registerNightlySchedule } from '@footprint/jobs';
import { demoSignIns, seedDemo } from '../seed/demo.ts';
import { migrateAll } from './migrate.ts';
import { systemSettings } from './settings.ts';

const settings = systemSettings();
const { root, topology } = settings;
const log = (message: string) => console.log(`\x1b[1m[footprint]\x1b[0m ${message}`);

log('applying migrations');
await migrateAll(settings);
log('loading demo councils');
await seedDemo(settings);

const redis = connectRedis(settings.redisUrl);
const queue = nightlyQueue(redis);
await registerNightlySchedule(queue);
await queue.close();
redis.disconnect();
log('nightly schedule registered (02:30 Europe/London)');

if (!existsSync(`${root}portal/build/index.js`) || process.argv.includes('--rebuild')) {
  log('building the portal');
  const build = spawnSync('pnpm', ['--filter', '@footprint/portal', 'build'], {
    cwd: root,
    stdio: 'inherit',
  });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

const processes: ChildProcess[] = [];
const tsx = (entry: string) => [process.execPath, ['--import', 'tsx', entry]] as const;

function run(
  name: string,
  [command, args]: readonly [string, readonly string[]],
  env: Record<string, string>,
) {
  const child = spawn(command, args, {
    cwd: root,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const prefix = `[${name}] `;
  const relay = (stream: NodeJS.WritableStream) => (chunk: Buffer) => {
    for (const line of chunk.toString().split('\n').filter(Boolean)) stream.write(`${prefix}${line}\n`);
  };
  child.stdout?.on('data', relay(process.stdout));
  child.stderr?.on('data', relay(process.stderr));
  child.on('exit', (code, signal) => {
    if (!stopping) {
      log(`${name} stopped (${signal ?? code}); stopping everything`);
      void stop(1);
    }
  });
  processes.push(child);
}

async function waitForHttp(url: string, name: string) {
  for (let attempt = 0; attempt < 240; attempt++) {
    try {
      await fetch(url, { method: 'GET' });
      return;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
  throw new Error(`${name} did not start at ${url}`);
}

let stopping = false;
async function stop(code: number) {
  if (stopping) return;
  stopping = true;
  log('stopping');
  await Promise.all(
    processes.map(
      (child) =>
        new Promise<void>((resolve) => {
          if (child.exitCode !== null || child.signalCode !== null) return resolve();
          child.once('exit', () => resolve());
          child.kill('SIGTERM');
          setTimeout(() => child.kill('SIGKILL'), 10_000).unref();
        }),
    ),
  );
  process.exit(code);
}
process.on('SIGINT', () => void stop(0));
process.on('SIGTERM', () => void stop(0));

for (const { name, port } of topology.subgraphs) {
  run(name, tsx(`services/${name}/src/server.ts`), {
    DATABASE_URL: settings.urlFor(name),
    AUTH_PUBLIC_KEY: settings.publicKeyPem(),
    PORT: String(port),
  });
}
run('gateway', tsx('services/gateway/src/server.ts'), {
  AUTH_PUBLIC_KEY: settings.publicKeyPem(),
  PORT: String(topology.gateway.port),
});
run('worker', tsx('services/worker/src/server.ts'), {
  REDIS_URL: settings.redisUrl,
  GATEWAY_URL: settings.gatewayUrl,
  AUTH_PRIVATE_KEY: settings.privateKeyPem(),
  IDENTITY_DATABASE_URL: settings.urlFor('identity'),
  ...Object.fromEntries(
    topology.subgraphs.map(({ name }) => [
      `${name.toUpperCase().replaceAll('-', '_')}_DATABASE_URL`,
      settings.urlFor(name),
    ]),
  ),
});
run('portal', [process.execPath, [`${root}portal/build/index.js`]], {
  PORT: String(topology.portal.port),
  ORIGIN: settings.portalUrl,
  IDENTITY_DATABASE_URL: settings.urlFor('identity'),
  AUTH_PRIVATE_KEY: settings.privateKeyPem(),
  GATEWAY_URL: settings.gatewayUrl,
  REDIS_URL: settings.redisUrl,
  FOOTPRINT_IMPORTS_DIR: settings.importsDir,
  // Import uploads are read whole by the form handler: room for a council's ten years of files.
  BODY_SIZE_LIMIT: '512M',
});

for (const { name, port } of topology.subgraphs) await waitForHttp(`http://127.0.0.1:${port}/`, name);
await waitForHttp(settings.gatewayUrl, 'gateway');
await waitForHttp(settings.portalUrl, 'portal');

log(`Footprint is running at ${settings.portalUrl}`);
log('Demo sign-ins (password for all: see below):');
for (const line of demoSignIns()) log(`  ${line}`);
log('Ctrl-C stops everything.');
