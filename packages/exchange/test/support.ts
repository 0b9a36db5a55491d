import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll } from 'vitest';

/** The spec's worked example, beside the repository. */
export const EXAMPLESHIRE = fileURLToPath(
  new URL('../../../../shared/spec/examples/exampleshire/files/', import.meta.url),
);

const made: string[] = [];

afterAll(async () => {
  await Promise.all(made.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

/** A fresh temporary folder, removed after the file's tests. */
export const tempDir = async (): Promise<string> => {
  const dir = await mkdtemp(join(tmpdir(), 'footprint-exchange-'));
  made.push(dir);
  return dir;
};

/** Writes files (name → exact content, bytes as given) into a fresh folder. */
export const folderWith = async (files: Record<string, string>): Promise<string> => {
  const dir = await tempDir();
  for (const [name, content] of Object.entries(files)) await writeFile(join(dir, name), content, 'utf8');
  return dir;
};

/** Lines joined with LF and ended by one. */
export const csv = (...lines: string[]): string => `${lines.join('\n')}\n`;

export const HEADER = 'CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB';
export const EPISODES =
  'CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN';
export const REVIEWS = 'CHILD,DOB,REVIEW,REVIEW_CODE';
