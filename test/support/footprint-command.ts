import { spawn } from 'node:child_process';
import type { System } from './system.ts';

const root = new URL('../../', import.meta.url).pathname;

export type CommandResult = { code: number | null; stdout: string; stderr: string };

/** Runs `footprint <args>` as a council's script would, against the suite's database and queues. */
export function footprint(
  system: System,
  args: string[],
  env: Record<string, string> = {},
): Promise<CommandResult> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/footprint.ts', ...args], {
    cwd: root,
    env: { ...process.env, FOOTPRINT_DATABASE: system.database.name, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => {
    stdout += chunk.toString();
  });
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  return new Promise((resolve) => child.once('close', (code) => resolve({ code, stdout, stderr })));
}
