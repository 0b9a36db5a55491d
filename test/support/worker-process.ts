import { type ChildProcess, spawn } from 'node:child_process';
import type { System } from './system.ts';

const root = new URL('../../', import.meta.url).pathname;
const services = ['children', 'reviews', 'escalations', 'advocacy', 'foster-carer-reviews'];

/** The real worker process (services/worker/src/server.ts) over the suite's database and queues. */
export async function startWorkerProcess(system: System, env: Record<string, string>) {
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'services/worker/src/server.ts'], {
    cwd: root,
    env: {
      ...process.env,
      IDENTITY_DATABASE_URL: system.database.urlFor('identity'),
      // The nightly compliance job asks the suite's gateway as a council's manager.
      GATEWAY_URL: system.gatewayUrl,
      AUTH_PRIVATE_KEY: system.keys.privateKeyPem,
      ...Object.fromEntries(
        services.map((name) => [
          `${name.toUpperCase().replaceAll('-', '_')}_DATABASE_URL`,
          system.database.urlFor(name),
        ]),
      ),
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  await new Promise<void>((resolve, reject) => {
    child.stdout?.on('data', (chunk: Buffer) => chunk.toString().includes('worker ready') && resolve());
    child.once('exit', (code) =>
      reject(new Error(`worker exited with ${code} before it was ready:\n${output}`)),
    );
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return {
    /** As a machine failure would: no chance to finish or let go of anything. */
    kill: async () => {
      child.kill('SIGKILL');
      await exited;
    },
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}
