import { parseArgs } from 'node:util';
import { calendarBenchmark } from './bench/calendar.ts';
import { complianceBenchmark } from './bench/compliance.ts';
import { BenchAbort, importBenchmark } from './bench/import.ts';
import { reportBenchmark } from './bench/report.ts';

/**
 * `pnpm bench [name…] [--children 5000,10000]`: benchmarks, not timed tests. Each prints its own
 * figures; none fails on a threshold. With no name every benchmark runs, in this order.
 */

export type BenchOptions = {
  /** `--children`: the import benchmark's council sizes. */
  sizes?: number[];
  /** `--councils`: how many of England's 153 councils the compliance benchmark runs. */
  councils?: number;
  /** `--processes`: the compliance benchmark runs the subgraphs and gateway as processes of their own. */
  processes?: boolean;
};

type Benchmark = { name: string; about: string; run: (options: BenchOptions) => Promise<void> };

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
  {
    name: 'compliance',
    about:
      'the nightly compliance run of England (153 councils) against one SQL pass (--councils N for fewer)',
    run: (options) => complianceBenchmark(options),
  },
];

const usage = () =>
  [
    'usage: pnpm bench [name…] [--children 5000,10000] [--councils N] [--processes]',
    ...benchmarks.map((b) => `  ${b.name.padEnd(10)} ${b.about}`),
  ].join('\n');

async function main(): Promise<number> {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: {
      children: { type: 'string' },
      councils: { type: 'string' },
      processes: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
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
  let councils: number | undefined;
  if (values.councils !== undefined) {
    councils = Number(values.councils);
    if (!Number.isInteger(councils) || councils < 1 || councils > 153) {
      console.error(`--councils takes a whole number from 1 to 153\n${usage()}`);
      return 1;
    }
  }
  const chosen = positionals.length ? benchmarks.filter((b) => positionals.includes(b.name)) : benchmarks;
  for (const [i, benchmark] of chosen.entries()) {
    if (i > 0) console.log();
    console.log(`── ${benchmark.name} ${'─'.repeat(Math.max(0, 70 - benchmark.name.length))}`);
    try {
      await benchmark.run({ sizes, councils, processes: values.processes });
    } catch (error) {
      if (!(error instanceof BenchAbort)) throw error;
      console.error(error.message);
      return 1;
    }
  }
  return 0;
}

process.exitCode = await main();
