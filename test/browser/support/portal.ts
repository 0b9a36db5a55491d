import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const portalDir = fileURLToPath(new URL('../../../portal/', import.meta.url));
const entry = `${portalDir}build/index.js`;

/** A free loopback port: bind port 0, read it, let it go. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

/** What the portal's build is made of: its own sources and the workspace packages it bundles. */
const buildInputs = [
  'portal/src',
  'portal/static',
  'portal/svelte.config.js',
  'portal/vite.config.ts',
  'portal/package.json',
  'packages/identity/src',
  'packages/auth/src',
  'packages/db/src',
  'packages/domain/src',
  'packages/jobs/src',
  'packages/exchange/src',
  'packages/compliance/src',
  'packages/report/src',
].map((path) => fileURLToPath(new URL(`../../../${path}`, import.meta.url)));

function newestChange(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  // static/assets is copied in by the build itself.
  if (path.endsWith('/static/assets')) return 0;
  return Math.max(0, ...readdirSync(path).map((name) => newestChange(join(path, name))));
}

/**
 * The built portal is what ships, so that is what the browser tests. Build it when it is missing
 * or older than its sources, so a run never passes against yesterday's build.
 */
function ensureBuilt() {
  const built = existsSync(entry) ? statSync(entry).mtimeMs : 0;
  if (built && Math.max(...buildInputs.map(newestChange)) < built) return;
  const result = spawnSync('pnpm', ['--filter', '@footprint/portal', 'build'], {
    cwd: portalDir,
    stdio: 'inherit',
  });
  if (result.status !== 0 || !existsSync(entry)) {
    throw new Error(
      'The portal did not build: run `pnpm --filter @footprint/portal build` and read its errors',
    );
  }
}

export type PortalSettings = {
  identityDatabaseUrl: string;
  authPrivateKey: string;
  gatewayUrl: string;
  /** The queues' Redis; by default the suite's REDIS_URL (only pages that import use it). */
  redisUrl?: string;
  /** Where uploads are staged for the worker; by default a fresh temporary folder. */
  importsDir?: string;
  /** The import worker's queue prefix (`startImportWorker(system).prefix`). */
  queuePrefix?: string;
};

/**
 * Runs `node portal/build/index.js` (adapter-node) as its own process on a free port, with the
 * settings a deployment gives it, and waits until it answers.
 */
export async function startPortal(settings: PortalSettings) {
  ensureBuilt();
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const output: string[] = [];
  // A folder of its own when the suite gives none, removed again by stop().
  const ownImportsDir = settings.importsDir ? null : mkdtempSync(join(tmpdir(), 'footprint-portal-imports-'));
  const importsDir = settings.importsDir ?? ownImportsDir!;
  const child: ChildProcess = spawn(process.execPath, [entry], {
    cwd: portalDir,
    env: {
      PATH: process.env.PATH,
      NODE_ENV: 'production',
      HOST: '127.0.0.1',
      PORT: String(port),
      ORIGIN: url,
      IDENTITY_DATABASE_URL: settings.identityDatabaseUrl,
      AUTH_PRIVATE_KEY: settings.authPrivateKey,
      GATEWAY_URL: settings.gatewayUrl,
      REDIS_URL: settings.redisUrl ?? process.env.REDIS_URL ?? 'redis://127.0.0.1:63799',
      FOOTPRINT_IMPORTS_DIR: importsDir,
      ...(settings.queuePrefix ? { FOOTPRINT_QUEUE_PREFIX: settings.queuePrefix } : {}),
      // adapter-node's limit on a request body (512K by default): a council's files are larger.
      BODY_SIZE_LIMIT: '512M',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));

  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`The portal exited during start:\n${output.join('')}`);
    try {
      const response = await fetch(`${url}/`, { redirect: 'manual' });
      if (response.status < 500) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`The portal did not answer within 30 s:\n${output.join('')}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }

  return {
    url,
    /** Everything the portal printed, for assertions on its logs and for failure messages. */
    output: () => output.join(''),
    stop: async () => {
      if (child.exitCode === null) {
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
        await exited;
        clearTimeout(timer);
      }
      if (ownImportsDir) rmSync(ownImportsDir, { recursive: true, force: true });
    },
  };
}

export type Portal = Awaited<ReturnType<typeof startPortal>>;
