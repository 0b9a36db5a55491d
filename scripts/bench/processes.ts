import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import type { TestDatabase } from '@footprint/testing';
import { createTestKeys } from '@footprint/testing';
import { subgraphServices } from '../../test/support/system.ts';

/**
 * The five subgraphs and the gateway each in a process of its own, as a deployment runs them
 * (scripts/system/run.ts does the same), on free ports, over an existing database: so that the
 * subgraphs' JavaScript runs beside the worker's on a machine's cores instead of on one thread.
 */

const root = new URL('../../', import.meta.url).pathname;

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });

async function waitForHttp(url: string, name: string, child: ChildProcess) {
  for (let attempt = 0; attempt < 240; attempt++) {
    if (child.exitCode !== null) throw new Error(`${name} stopped (${child.exitCode}) before it was ready`);
    try {
      await fetch(url, { method: 'GET' });
      return;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
  throw new Error(`${name} did not start at ${url}`);
}

/** Peak resident memory of a process, from /proc (Linux); null where that cannot be read. */
export function peakRssOf(pid: number): number | null {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = status.match(/^VmHWM:\s+(\d+) kB/m)?.[1];
    return kb ? Number(kb) * 1024 : null;
  } catch {
    return null;
  }
}

export async function startSystemProcesses(database: TestDatabase) {
  const keys = await createTestKeys();
  const children: { name: string; process: ChildProcess }[] = [];
  const run = (name: string, entry: string, env: Record<string, string>) => {
    const child = spawn(process.execPath, ['--import', 'tsx', entry], {
      cwd: root,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    children.push({ name, process: child });
    return child;
  };
  const stop = async () => {
    await Promise.all(
      children.map(
        ({ process: child }) =>
          new Promise<void>((resolve) => {
            if (child.exitCode !== null || child.signalCode !== null) return resolve();
            child.once('exit', () => resolve());
            child.kill('SIGTERM');
            setTimeout(() => child.kill('SIGKILL'), 10_000).unref();
          }),
      ),
    );
  };
  try {
    const urls: Record<string, string> = {};
    for (const s of subgraphServices) {
      const port = await freePort();
      urls[s.name] = `http://127.0.0.1:${port}/`;
      const child = run(s.name, `services/${s.name}/src/server.ts`, {
        DATABASE_URL: database.urlFor(s.name),
        AUTH_PUBLIC_KEY: keys.publicKeyPem,
        PORT: String(port),
      });
      await waitForHttp(urls[s.name]!, s.name, child);
    }
    const gatewayPort = await freePort();
    const gatewayUrl = `http://127.0.0.1:${gatewayPort}/`;
    const gateway = run('gateway', 'services/gateway/src/server.ts', {
      AUTH_PUBLIC_KEY: keys.publicKeyPem,
      PORT: String(gatewayPort),
      ...Object.fromEntries(
        Object.entries(urls).map(([name, url]) => [
          `SUBGRAPH_${name.toUpperCase().replaceAll('-', '_')}_URL`,
          url,
        ]),
      ),
    });
    await waitForHttp(gatewayUrl, 'gateway', gateway);
    return {
      keys,
      gatewayUrl,
      /** Each process's peak RSS so far. */
      peakRss: () => children.map(({ name, process: child }) => ({ name, bytes: peakRssOf(child.pid!) })),
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
