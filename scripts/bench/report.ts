import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connect } from '@footprint/db';
import { createTenant } from '@footprint/identity';
import { type AnnualReportAnswer, annualReportQuery, yearReportQuery } from '@footprint/report';
import type { createTestKeys } from '@footprint/testing';
import { footprint } from '../../test/support/footprint-command.ts';
import { startImportWorker } from '../../test/support/import-worker.ts';
import { startSystem } from '../../test/support/system.ts';
import { BenchAbort } from './import.ts';
import { count } from './measure.ts';
import { startSystemProcesses } from './processes.ts';
import { HISTORY_END, writeSyntheticCouncil } from './synthetic-council.ts';
import { table } from './table.ts';

/**
 * The council: Bradford 2020-21 had 1,352 children looked after at 31 March and held 3,578
 * reviews in the year. The synthetic council of this many children over ten years comes close;
 * the bench prints the sizes it got, so the figure is read against them.
 */
export const BRADFORD_SIZED_CHILDREN = 4_150;
const TARGET_MS = 1_000;
const WARM_UP = 3;
const RUNS = 20;

const quantile = (sorted: number[], q: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;

type TimedAnswers = { times: number[]; answer: AnnualReportAnswer };
type ReportTimes = { report: TimedAnswers; page: TimedAnswers };
const manager = (keys: Awaited<ReturnType<typeof createTestKeys>>) =>
  keys.tokenFor({ tenant: 'bench', roles: ['manager'] }, 3600);

/** The report of `year` as JSON and as the page asks for it (with the year before): each warmed up, then timed. */
async function timeReport(gatewayUrl: string, token: string, year: number): Promise<ReportTimes> {
  const ask = async (query: string) => {
    const started = performance.now();
    const response = await fetch(gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query, variables: { year, previousYear: year - 1 } }),
    });
    const body = (await response.json()) as { data?: AnnualReportAnswer; errors?: { message: string }[] };
    const ms = performance.now() - started;
    if (body.errors?.length || !body.data)
      throw new BenchAbort(`The report failed: ${body.errors?.map((e) => e.message).join('; ')}`);
    return { ms, answer: body.data };
  };
  const timed = async (query: string): Promise<TimedAnswers> => {
    for (let i = 0; i < WARM_UP; i++) await ask(query);
    const times: number[] = [];
    let answer: AnnualReportAnswer | undefined;
    for (let i = 0; i < RUNS; i++) {
      const run = await ask(query);
      times.push(run.ms);
      answer = run.answer;
    }
    return { times: times.sort((a, b) => a - b), answer: answer! };
  };
  return { report: await timed(yearReportQuery), page: await timed(annualReportQuery) };
}

/** The whole report (the year and the year before, every section) through the gateway, as the portal asks for it. */
export async function reportBenchmark(options: { sizes?: number[] }) {
  const children = options.sizes?.[0] ?? BRADFORD_SIZED_CHILDREN;
  process.env.REDIS_URL ??= 'redis://127.0.0.1:63799';
  const dir = await mkdtemp(join(tmpdir(), 'footprint-bench-report-'));
  const system = await startSystem();
  try {
    console.log(`${count(children)} children: writing a ten-year synthetic council and importing it`);
    await writeSyntheticCouncil(dir, { children });
    const identity = connect(system.database.urlFor('identity'), { max: 1 });
    await createTenant(identity.db, { slug: 'bench', name: 'Bench council' });
    await identity.close();
    // The import's worker stops before the timing: its Redis polling is no part of a report.
    const worker = startImportWorker(system);
    try {
      const imported = await footprint(system, ['import', '--tenant', 'bench', dir], {
        FOOTPRINT_QUEUE_PREFIX: worker.prefix,
        FOOTPRINT_IMPORTS_DIR: dir,
      });
      if (imported.code !== 0)
        throw new BenchAbort(`The import failed:\n${imported.stdout}${imported.stderr}`);
    } finally {
      await worker.stop();
    }

    const year = Number(HISTORY_END.slice(0, 4)) - 1;
    const inOneProcess = await timeReport(system.gatewayUrl, await manager(system.keys), year);
    // The same database served as deployed: each subgraph and the gateway in a process of its own.
    const deployed = await startSystemProcesses(system.database);
    let asDeployed: ReportTimes;
    try {
      asDeployed = await timeReport(deployed.gatewayUrl, await manager(deployed.keys), year);
    } finally {
      await deployed.stop();
    }
    const current = inOneProcess.report.answer.current;
    const ms = (n: number) => `${n.toFixed(0)} ms`;
    const timesOf = (label: string, times: number[]) => [
      [`${label}, median of ${RUNS}`, ms(quantile(times, 0.5))],
      ['  90th percentile', ms(quantile(times, 0.9))],
      ['  slowest', ms(times.at(-1)!)],
    ];
    console.log(
      table(
        ['annual report through the gateway', `${year}-${(year + 1) % 100}`],
        [
          ['children looked after at 31 March', count(current.children.lookedAfterAt31March)],
          ['children looked after during the year', count(current.children.lookedAfterDuringYear)],
          ['reviews held in the year', count(current.reviews.held)],
          ['IROs in post', count(current.workforce.iros)],
          ...timesOf("the year's report (JSON form), one process", inOneProcess.report.times),
          ...timesOf('  as deployed (a process each)', asDeployed.report.times),
          ...timesOf('with the year before (web page, Word), one process', inOneProcess.page.times),
          ...timesOf('  as deployed (a process each)', asDeployed.page.times),
          ['target for the report', `under ${count(TARGET_MS)} ms`],
        ],
      ),
    );
    console.log('(every section, computed by the five services and assembled by the gateway, over HTTP)');
  } finally {
    await system.stop();
    await rm(dir, { recursive: true, force: true });
  }
}
