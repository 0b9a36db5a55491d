import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

// Exampleshire is the spec's worked example; tests read its expected reports from the shared spec
// folder, beside the repo.
const expected = fileURLToPath(
  new URL('../../../../../shared/spec/examples/exampleshire/expected/', import.meta.url),
);

/** The expected report of a year as raw JSON, unparsed: what the spec's files say. */
export const exampleshireJson = (year: 2021 | 2022 | 2023): Record<string, unknown> =>
  JSON.parse(readFileSync(`${expected}report-${year}.json`, 'utf8')) as Record<string, unknown>;

/**
 * The number a figure path names in a report's JSON, read the way the spec writes it: a code a
 * map leaves out is 0 (the map exists); a dataQuality code not listed is 0; anything else missing
 * is undefined.
 */
export const figureIn = (json: unknown, path: string): number | null | undefined => {
  const keys = path.split('.');
  let node: unknown = json;
  for (const [i, key] of keys.entries()) {
    if (Array.isArray(node)) {
      const item = node.find((x: { code?: string }) => x.code === key) as { count: number } | undefined;
      return i === keys.length - 1 ? (item?.count ?? 0) : undefined;
    }
    if (node === null || typeof node !== 'object') return undefined;
    const next = (node as Record<string, unknown>)[key];
    if (next === undefined) {
      const isMapOfCounts = Object.values(node).every((v) => typeof v === 'number');
      return i === keys.length - 1 && isMapOfCounts ? 0 : undefined;
    }
    node = next;
  }
  return node === null || typeof node === 'number' ? node : undefined;
};
