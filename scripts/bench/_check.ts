import { mkdtemp } from 'node:fs/promises';
import { formatProblems, validateFolder } from '@footprint/exchange';
import { writeSyntheticCouncil } from './synthetic-council.ts';

const n = Number(process.argv[2] ?? 5000);
const dir = await mkdtemp('/tmp/bench-check/c-');
let t = performance.now();
const c = await writeSyntheticCouncil(dir, { children: n });
console.log(c, ((performance.now() - t) / 1000).toFixed(2), 's');
t = performance.now();
const v = await validateFolder(dir);
console.log(
  'ok',
  v.ok,
  'errors',
  v.errors.length,
  'warnings',
  v.warnings.length,
  v.rows,
  ((performance.now() - t) / 1000).toFixed(2),
  's',
);
console.log(formatProblems(v.errors.slice(0, 20)).join('\n'));
console.log(formatProblems(v.warnings.slice(0, 20)).join('\n'));
