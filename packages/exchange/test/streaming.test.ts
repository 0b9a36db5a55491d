import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { beforeAll, describe, expect, it } from 'vitest';
import { findFiles, type ImportSet, readRecords, validateImportSet } from '../src/index.ts';
import { csv, HEADER, tempDir } from './support.ts';

// Streaming is shown by structure, not by time: a 200,000-row file (about 20 MB) is validated and read
// while the heap, measured after a full collection every 20,000 rows, grows by far less than the file.
// Reading the file into one string would alone take more than the bound.

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

const ROWS = 200_000;
const CHILDREN = 100;
const BOUND = 8 * 1024 * 1024;

let set: ImportSet;
let bytes = 0;

const heap = (): number => {
  gc();
  return process.memoryUsage().heapUsed;
};

beforeAll(async () => {
  const dir = await tempDir();
  const children = Array.from({ length: CHILDREN }, (_, i) => `C${1000 + i}`);
  await writeFile(join(dir, 'header.csv'), csv(HEADER, ...children.map((c) => `${c},1,01/01/2010,WBRI,,,`)));
  const out = createWriteStream(join(dir, 'recommendations.csv'));
  out.write('CHILD,REVIEW,RECOMMENDATION,OWNER,DUE,COMPLETED\n');
  for (let i = 0; i < ROWS; i++) {
    const month = String((i % 9) + 1).padStart(2, '0');
    const line = `${children[i % CHILDREN]},2023-${month}-15,"Arrange contact with siblings, review plan no. ${i}",social_worker,2024-${month}-15,\n`;
    if (!out.write(line)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
  bytes = (await stat(join(dir, 'recommendations.csv'))).size;
  set = await findFiles(dir);
}, 60_000);

describe('large files stream', () => {
  it('validates 200,000 rows with flat memory', async () => {
    expect(bytes).toBeGreaterThan(2 * BOUND);
    const before = heap();
    let peak = 0;
    let reports = 0;
    const result = await validateImportSet(set, {
      onProgress: (p) => {
        if (p.file !== 'recommendations.csv') return;
        reports += 1;
        if (p.rows % 20_000 === 0) peak = Math.max(peak, heap() - before);
      },
    });
    expect(result.errors).toEqual([]);
    expect(result.rows.recommendations).toBe(ROWS);
    expect(reports).toBe(ROWS / 10_000 + 1);
    expect(peak).toBeLessThan(BOUND);
  }, 60_000);

  it('reads 200,000 records in batches with flat memory', async () => {
    const before = heap();
    let peak = 0;
    let count = 0;
    let last = 0;
    for await (const batch of readRecords(set, 'recommendations', { batchSize: 1000 })) {
      count += batch.length;
      last = batch[batch.length - 1]!.sequence;
      if (count % 20_000 === 0) peak = Math.max(peak, heap() - before);
    }
    expect(count).toBe(ROWS);
    // 100 children × 9 review dates: each pair has ROWS / 900 rows (rounded), numbered in file order.
    expect(last).toBeGreaterThan(200);
    expect(peak).toBeLessThan(BOUND);
  }, 60_000);
});
