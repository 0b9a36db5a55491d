import { complianceQuery } from '@footprint/compliance';
import { connect, roleUrl } from '@footprint/db';
import type { ComplianceService } from '@footprint/domain';
import { type CouncilJobData, connectRedis, type Job, NIGHTLY_FAN_OUT } from '@footprint/jobs';
import type { TestDatabase } from '@footprint/testing';
import { superuserUrl } from '@footprint/testing';
import { complianceSnapshotJob, startNightlyWorker } from '@footprint/worker';
import { startSystem } from '../../test/support/system.ts';
import { AS_OF, ENGLAND_COUNCILS, ENGLAND_DATABASE, englandDatabase } from './england.ts';
import { BenchAbort } from './import.ts';
import { count, megabytes, memorySampler, seconds } from './measure.ts';
import { startSystemProcesses } from './processes.ts';
import { table } from './table.ts';

/**
 * Two cores: two councils at a time keep both busy (the subgraphs and the worker share this process,
 * PostgreSQL the machine). BENCH_COMPLIANCE_CONCURRENCY tries another.
 */
const CONCURRENCY = Number(process.env.BENCH_COMPLIANCE_CONCURRENCY) || 2;

/** The tables the checks read, by the schema that holds them. */
const READ_TABLES = [
  'children.children',
  'children.episodes',
  'children.allocations',
  'children.staff',
  'children.sibling_groups',
  'children.local_policy',
  'reviews.reviews',
  'reviews.midway_reviews',
  'reviews.recommendations',
  'escalations.escalations',
  'escalations.escalation_events',
  'escalations.stages',
  'advocacy.involvements',
  'foster_carer_reviews.households',
  'foster_carer_reviews.reviews',
];

const SNAPSHOT_TABLES = [
  'children.compliance_snapshots',
  'reviews.compliance_snapshots',
  'escalations.compliance_snapshots',
  'advocacy.compliance_snapshots',
  'foster_carer_reviews.compliance_snapshots',
];

/**
 * The floor: one set-based pass in SQL over the same rows, per council — each child looked after on
 * the date with their latest review and the next due by the six-month rule (overdue, due in 28
 * days), midway reviews, recommendations overdue, paperwork outstanding, caseloads per IRO, sibling
 * groups split between IROs, escalations still open, secure placements without an advocate, foster
 * households with no review in a year. Not the statutory rules in full (the first and second
 * reviews, local policy, working days): a lower bound on reading and grouping the rows.
 */
const FLOOR_SQL = `
with in_care as (
  select distinct on (tenant_id, child_id) tenant_id, child_id, placement
  from children.episodes
  where tenant_id = any($2::text[]) and start_date <= $1::date and (end_date is null or end_date >= $1::date)
  order by tenant_id, child_id, start_date desc
), latest as (
  select tenant_id, child_id, max(review_date) as last_review,
         count(*) filter (where outcomes_issued is null or record_distributed is null) as paperwork_open
  from reviews.reviews where tenant_id = any($2::text[]) and review_date <= $1::date group by tenant_id, child_id
), midway as (
  select tenant_id, child_id, max(midway_date) as last_midway
  from reviews.midway_reviews where tenant_id = any($2::text[]) and midway_date <= $1::date group by tenant_id, child_id
), recs as (
  select tenant_id, count(*) filter (where completed_on is null and due_date < $1::date) as overdue
  from reviews.recommendations where tenant_id = any($2::text[]) group by tenant_id
), current_iro as (
  select distinct on (tenant_id, child_id) tenant_id, child_id, iro_id
  from children.allocations
  where tenant_id = any($2::text[]) and start_date <= $1::date and (end_date is null or end_date > $1::date)
  order by tenant_id, child_id, start_date desc
), caseloads as (
  select c.tenant_id, count(*) filter (where c.n > 50) as over
  from (select tenant_id, iro_id, count(*) as n from current_iro group by tenant_id, iro_id) c
  join children.staff s on s.tenant_id = c.tenant_id and s.id = c.iro_id
  group by c.tenant_id
), siblings as (
  select tenant_id, count(*) filter (where iros > 1) as split
  from (select g.tenant_id, g.group_id, count(distinct a.iro_id) as iros
        from children.sibling_groups g left join current_iro a using (tenant_id, child_id)
        where g.tenant_id = any($2::text[])
        group by g.tenant_id, g.group_id) x
  group by tenant_id
), esc as (
  select e.tenant_id, count(*) filter (where last.event in ('raised', 'escalated')) as open
  from escalations.escalations e
  join lateral (select event from escalations.escalation_events v
                where v.tenant_id = e.tenant_id and v.escalation_id = e.id and v.event_date <= $1::date
                order by event_date desc, sequence desc limit 1) last on true
  where e.tenant_id = any($2::text[])
  group by e.tenant_id
), advocates as (
  select distinct tenant_id, child_id from advocacy.involvements
  where tenant_id = any($2::text[]) and referral_date <= $1::date and (end_date is null or end_date >= $1::date)
), fostering as (
  select h.tenant_id,
         count(*) filter (where coalesce(r.last_review, h.approved_on) + 365 < $1::date) as overdue
  from foster_carer_reviews.households h
  left join (select tenant_id, household_id, max(review_date) as last_review
             from foster_carer_reviews.reviews where tenant_id = any($2::text[])
             group by tenant_id, household_id) r
    on r.tenant_id = h.tenant_id and r.household_id = h.id
  where h.tenant_id = any($2::text[]) and h.approved_on <= $1::date and (h.ended_on is null or h.ended_on > $1::date)
  group by h.tenant_id
)
select c.tenant_id,
  count(*) as looked_after,
  count(*) filter (where l.last_review is null or (l.last_review + interval '6 months')::date < $1::date) as reviews_overdue,
  count(*) filter (where (l.last_review + interval '6 months')::date between $1::date and $1::date + 28) as reviews_due,
  count(*) filter (where m.last_midway is null or m.last_midway < l.last_review) as midway_due,
  sum(coalesce(l.paperwork_open, 0)) as paperwork_open,
  count(*) filter (where c.placement = 'K1' and a.child_id is null) as secure_without_advocate,
  count(*) filter (where i.iro_id is null) as without_iro,
  max(r.overdue) as recommendations_overdue, max(k.over) as caseloads_over, max(s.split) as siblings_split,
  max(e.open) as escalations_open, max(f.overdue) as foster_reviews_overdue
from in_care c
left join latest l using (tenant_id, child_id)
left join midway m using (tenant_id, child_id)
left join advocates a using (tenant_id, child_id)
left join current_iro i using (tenant_id, child_id)
left join recs r on r.tenant_id = c.tenant_id
left join caseloads k on k.tenant_id = c.tenant_id
left join siblings s on s.tenant_id = c.tenant_id
left join esc e on e.tenant_id = c.tenant_id
left join fostering f on f.tenant_id = c.tenant_id
group by c.tenant_id
order by c.tenant_id`;

/**
 * `pnpm bench compliance [--councils N]`: the nightly compliance run of every council at England
 * scale, through the real fan-out (BullMQ), gateway and subgraphs, against the floor of one
 * set-based SQL pass over the same rows.
 */
export async function complianceBenchmark(options: { councils?: number; processes?: boolean }) {
  const councils = options.councils ?? ENGLAND_COUNCILS;
  process.env.DATABASE_URL ??= 'postgres://postgres@127.0.0.1:54329/postgres';
  const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:63799';
  const england = await englandDatabase({ councils });
  const tenants = england.councils.map((c) => c.slug);
  const admin = superuserUrl();
  const superuser = connect(england.superuserDbUrl, { max: 2 });
  const database: TestDatabase = {
    name: ENGLAND_DATABASE,
    ownerUrl: roleUrl(admin, 'footprint_owner', ENGLAND_DATABASE),
    urlFor: (service) => roleUrl(admin, `footprint_${service.replaceAll('-', '_')}`, ENGLAND_DATABASE),
    superuser: superuser.pool,
    drop: async () => {},
  };

  const q = async <T>(text: string, values: unknown[] = []) =>
    (await superuser.pool.query(text, values)).rows as T[];
  const sizes = await Promise.all(
    READ_TABLES.map(async (name) => {
      const [row] = await q<{ n: string }>(`select count(*) as n from ${name} where tenant_id = any($1)`, [
        tenants,
      ]);
      return [name, Number(row!.n)] as const;
    }),
  );
  const rowsRead = sizes.reduce((a, [, n]) => a + n, 0);
  const [cla] = await q<{ n: string }>(
    `select count(distinct (tenant_id, child_id)) as n from children.episodes
     where tenant_id = any($2) and start_date <= $1::date and (end_date is null or end_date >= $1::date)
       and legal_status not in ('V3','V4')`,
    [AS_OF, tenants],
  );
  const lookedAfter = Number(cla!.n);
  // Last run's snapshots go, so that the count after the run is this run's.
  for (const t of SNAPSHOT_TABLES) await q(`delete from ${t} where snapshot_date = $1`, [AS_OF]);

  // In this process as the report bench has them, or (--processes) each in its own as deployed.
  const system = options.processes
    ? await startSystemProcesses(database)
    : { ...(await startSystem({ database })), peakRss: () => [] as { name: string; bytes: number | null }[] };
  const redis = connectRedis(redisUrl);
  const prefix = `footprint-bench-compliance-${process.pid}-${Date.now()}`;
  const connections = new Map<string, ReturnType<typeof connect>>();
  const dbOf = (service: ComplianceService) => {
    let c = connections.get(service);
    if (!c) {
      c = connect(database.urlFor(service), { max: CONCURRENCY, applicationName: `bench:${service}` });
      connections.set(service, c);
    }
    return c.db;
  };
  const identity = connect(database.urlFor('identity'), { max: 1 });
  const nightly = startNightlyWorker({
    connection: redis,
    identityDb: identity.db,
    prefix,
    concurrency: CONCURRENCY,
    jobs: [
      complianceSnapshotJob({ gatewayUrl: system.gatewayUrl, signingKey: system.keys.signingKey, dbOf }),
    ],
  });
  const perCouncil: { tenant: string; ms: number }[] = [];
  const failures: string[] = [];
  nightly.worker.on('completed', (job) => {
    if (job.name === NIGHTLY_FAN_OUT) return;
    perCouncil.push({ tenant: job.data.tenant, ms: (job.finishedOn ?? 0) - (job.processedOn ?? 0) });
  });
  nightly.worker.on('failed', (job, error) => {
    failures.push(`${job?.data?.tenant ?? job?.name}: ${error.message} (attempt ${job?.attemptsMade})`);
  });

  try {
    console.log(
      `${count(councils)} councils, ${count(lookedAfter)} children looked after on ${AS_OF}; the nightly run, ${CONCURRENCY} councils at a time`,
    );
    const memory = memorySampler();
    const started = performance.now();
    // The scheduler's fan-out: of every council, or (fewer asked than the database holds) of each asked.
    if (england.generated === councils) await nightly.queue.add(NIGHTLY_FAN_OUT, { date: AS_OF });
    else for (const tenant of tenants) await nightly.queue.add(NIGHTLY_FAN_OUT, { date: AS_OF, tenant });
    for (;;) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      if (perCouncil.length >= councils) break;
      if (failures.length > 0) throw new BenchAbort(`A council's job failed:\n${failures.join('\n')}`);
      const counts = await nightly.queue.getJobCounts('failed');
      if ((counts.failed ?? 0) > 0) throw new BenchAbort('A job failed (see the queue)');
    }
    const wallMs = performance.now() - started;
    const { peakRss, peakHeap } = memory.stop();

    const [stored] = await q<{ n: string }>(
      `select (${SNAPSHOT_TABLES.map((t) => `(select count(*) from ${t} where snapshot_date = $1 and tenant_id = any($2))`).join(' + ')}) as n`,
      [AS_OF, tenants],
    );
    const [items] = await q<{ n: string }>(
      `select (${SNAPSHOT_TABLES.map((t) => `(select coalesce(sum(count), 0) from ${t} where snapshot_date = $1 and tenant_id = any($2))`).join(' + ')}) as n`,
      [AS_OF, tenants],
    );

    // The floor, in the same run: twice, the second with the pages as warm as the nightly run had them.
    const floors: number[] = [];
    let floorRows = 0;
    for (let i = 0; i < 2; i++) {
      const t0 = performance.now();
      floorRows = (await q(FLOOR_SQL, [AS_OF, tenants])).length;
      floors.push(performance.now() - t0);
    }
    const floorMs = Math.min(...floors);

    const slowest = [...perCouncil].sort((a, b) => b.ms - a.ms);
    const jobMs = perCouncil.reduce((a, b) => a + b.ms, 0);
    console.log(
      table(
        ['nightly compliance, England scale', AS_OF],
        [
          ['councils', count(councils)],
          ['children looked after on the date', count(lookedAfter)],
          ...sizes.map(([name, n]) => [`  rows of ${name}`, count(n)]),
          ['rows read (the tables the checks read)', count(rowsRead)],
          ['wall time, fan-out to the last snapshot stored', seconds(wallMs)],
          ['rows per second', count(rowsRead / (wallMs / 1000))],
          ['snapshot rows stored (council × check)', count(Number(stored!.n))],
          ['items in them', count(Number(items!.n))],
          ['council jobs, summed time', seconds(jobMs)],
          ['  slowest council', `${slowest[0]?.tenant} ${seconds(slowest[0]?.ms ?? 0)}`],
          [
            options.processes
              ? 'peak RSS of this process (the worker)'
              : 'peak RSS (this process: worker, gateway, subgraphs)',
            megabytes(peakRss),
          ],
          ...system
            .peakRss()
            .map(({ name, bytes }) => [
              `  peak RSS of the ${name} process`,
              bytes === null ? '?' : megabytes(bytes),
            ]),
          ['peak JS heap', megabytes(peakHeap)],
          [`floor: one set-based SQL pass (${floorRows} councils), best of 2`, seconds(floorMs)],
          ['  first pass', seconds(floors[0]!)],
          ['ratio, nightly run to floor', `${(wallMs / floorMs).toFixed(1)}×`],
          ['aim', 'under 120 s, within 3× the floor'],
        ],
      ),
    );
    console.log(
      options.processes
        ? 'The five subgraphs and the gateway each ran in a process of their own; the worker in this one.'
        : 'Five subgraphs, the gateway and the worker run in this one process (startSystem), so its RSS is theirs too.',
    );

    // Where a council's time goes: each part of the query alone through the gateway, for the largest council.
    const largest = [...england.councils].sort((a, b) => b.children - a.children)[0]!;
    const token = await system.keys.tokenFor({ tenant: largest.slug, roles: ['manager'] }, 3600);
    const ask = async (selection: string) => {
      const query = selection.startsWith('\nquery')
        ? selection
        : `query ($asOf: Date!) { compliance(asOf: $asOf) { asOf ${selection} } }`;
      const times: number[] = [];
      let bytes = 0;
      for (let i = 0; i < 3; i++) {
        const t0 = performance.now();
        const response = await fetch(system.gatewayUrl, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
          body: JSON.stringify({ query, variables: { asOf: AS_OF } }),
        });
        const text = await response.text();
        times.push(performance.now() - t0);
        bytes = text.length;
        const body = JSON.parse(text) as { errors?: { message: string }[] };
        if (body.errors?.length) {
          throw new BenchAbort(`${selection}: ${body.errors.map((e) => e.message).join('; ')}`);
        }
      }
      return { ms: times.sort((a, b) => a - b)[1]!, bytes };
    };
    const checkFields = '{ check items { child { id } reference what dueDate daysOverdue iroId } }';
    const parts: [string, string][] = [
      ['children: read and arrange the records (asOf alone)', ''],
      ['asOf + allocatedIros', 'allocatedIros { childId iroId }'],
      ['asOf + careHistory (the JSON the others @require)', 'careHistory'],
      ['asOf + childrenChecks', `childrenChecks ${checkFields}`],
      ['asOf + reviewsChecks (careHistory → reviews)', `reviewsChecks ${checkFields}`],
      ['asOf + advocacyChecks (careHistory → advocacy)', `advocacyChecks ${checkFields}`],
      ['asOf + escalationsChecks', `escalationsChecks ${checkFields}`],
      ['asOf + fosterCarerReviewsChecks', `fosterCarerReviewsChecks ${checkFields}`],
      ['the whole compliance query', complianceQuery],
    ];
    const rows: string[][] = [];
    for (const [label, selection] of parts) {
      const { ms, bytes } = await ask(selection);
      rows.push([label, `${ms.toFixed(0)} ms`, `${(bytes / 1024).toFixed(0)} kB`]);
    }
    // The job alone (no queue, nothing else running): the query, then the five snapshots stored.
    const snapshotJob = complianceSnapshotJob({
      gatewayUrl: system.gatewayUrl,
      signingKey: system.keys.signingKey,
      dbOf,
    });
    const jobTimes: number[] = [];
    for (let i = 0; i < 3; i++) {
      const t0 = performance.now();
      await snapshotJob.process({
        data: { tenant: largest.slug, date: AS_OF },
        updateProgress: async () => {},
      } as unknown as Job<CouncilJobData>);
      jobTimes.push(performance.now() - t0);
    }
    rows.push([
      'the snapshot job alone (query, then five snapshots stored)',
      `${jobTimes.sort((a, b) => a - b)[1]!.toFixed(0)} ms`,
      '',
    ]);
    const job = perCouncil.find((c) => c.tenant === largest.slug);
    console.log();
    console.log(
      table(
        [
          `breakdown: the largest council (${largest.slug}, ${count(largest.children)} children), median of 3`,
          'time',
          'answer',
        ],
        [
          ...rows,
          [`its job in the nightly run (${CONCURRENCY} councils at a time)`, `${job?.ms ?? '?'} ms`, ''],
        ],
      ),
    );
    if (process.env.BENCH_COMPLIANCE_DETAIL) {
      console.log(
        slowest
          .slice(0, 10)
          .map((c) => `${c.tenant} ${c.ms} ms`)
          .join('\n'),
      );
    }
  } finally {
    await nightly.worker.close();
    await nightly.queue.obliterate({ force: true }).catch(() => {});
    await nightly.queue.close();
    redis.disconnect();
    await system.stop();
    await identity.close();
    for (const c of connections.values()) await c.close();
    await superuser.close();
  }
}
