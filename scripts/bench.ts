import { parseArgs } from 'node:util';
import { calendarBenchmark } from './bench/calendar.ts';
import { BenchAbort, importBenchmark } from './bench/import.ts';
import { reportBenchmark } from './bench/report.ts';

/**
 * `pnpm bench [name…] [--children 5000,10000]`: benchmarks, not timed tests. Each prints its own
 * figures; none fails on a threshold. With no name every benchmark runs, in this order.
 */

export type BenchOptions = {
  /** `--children`: the import benchmark's council sizes. */
  sizes?: number[];
};

type Benchmark = { name: string; about: string; run: (options: BenchOptions) => Promise<void> };

// More to come here, each a named function: `nightly` (the nightly compliance checks of every council).
const benchmarks: Benchmark[] = [
  {
    name: 'import',
    about: 'a ten-year synthetic council through the worker import job: time and peak memory, at 1× and 2×',
    run: (options) => importBenchmark(options),
  },
  {
    name: 'report',
    about: 'a Bradford-sized council’s annual report through the gateway (--children sets the size)',
    run: (options) => reportBenchmark(options),
  },
  { name: 'calendar', about: "the domain's working-day arithmetic", run: () => calendarBenchmark() },
];

const usage = () =>
  [
    'usage: pnpm bench [name…] [--children 5000,10000]',
    ...benchmarks.map((b) => `  ${b.name.padEnd(10)} ${b.about}`),
  ].join('\n');

async function main(): Promise<number> {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: { children: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
  });
  if (values.help) {
    console.log(usage());
    return 0;
  }
  const unknown = positionals.filter((name) => !benchmarks.some((b) => b.name === name));
  if (unknown.length) {
    console.error(`No benchmark ${unknown.map((n) => `"${n}"`).join(', ')}.\n${usage()}`);
    return 1;
  }
  let sizes: number[] | undefined;
  if (values.children !== undefined) {
    sizes = values.children.split(',').map(Number);
    if (sizes.some((n) => !Number.isInteger(n) || n < 1)) {
      console.error(`--children takes whole numbers separated by commas, e.g. 5000,10000\n${usage()}`);
      return 1;
    }
  }
  const chosen = positionals.length ? benchmarks.filter((b) => positionals.includes(b.name)) : benchmarks;
  for (const [i, benchmark] of chosen.entries()) {
    if (i > 0) console.log();
    console.log(`── ${benchmark.name} ${'─'.repeat(Math.max(0, 70 - benchmark.name.length))}`);
    try {
      await benchmark.run({ sizes });
    } catch (error) {
      if (!(error instanceof BenchAbort)) throw error;
      console.error(error.message);
      return 1;
    }
  }
  return 0;
}

process.exitCode = await main();
