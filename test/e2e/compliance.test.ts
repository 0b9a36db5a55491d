import { randomBytes } from 'node:crypto';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connect } from '@footprint/db';
import { ALL_COMPLIANCE_CHECKS } from '@footprint/domain';
import { createTenant } from '@footprint/identity';
import {
  COMPLIANCE_SNAPSHOT,
  connectRedis,
  councilJobId,
  NIGHTLY_FAN_OUT,
  NIGHTLY_QUEUE,
  nightlyQueue,
  type Redis,
  runComplianceNow,
} from '@footprint/jobs';
import { Job, QueueEvents } from 'bullmq';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { footprint } from '../support/footprint-command.ts';
import { redisUrl } from '../support/import-worker.ts';
import { type System, startSystem } from '../support/system.ts';
import { startWorkerProcess } from '../support/worker-process.ts';

const example = new URL('../../../shared/spec/examples/exampleshire/', import.meta.url).pathname;
const SCHEMAS = ['children', 'reviews', 'escalations', 'advocacy', 'foster_carer_reviews'];

type ComplianceJson = {
  tenant: string;
  asOf: string;
  counts: Record<string, number>;
  checks: {
    check: string;
    service: string;
    count: number;
    items: {
      child: string | null;
      what: string;
      dueDate: string | null;
      daysOverdue: number | null;
      iro: string | null;
      reference: string;
    }[];
  }[];
};

let system: System;
let env: Record<string, string>;
let redis: Redis;
let queue: ReturnType<typeof nightlyQueue>;
let events: QueueEvents;
const prefix = `test-${randomBytes(4).toString('hex')}`;

beforeAll(async () => {
  system = await startSystem();
  const identity = connect(system.database.urlFor('identity'), { max: 1 });
  for (const slug of ['exampleshire', 'otherside'])
    await createTenant(identity.db, { slug, name: `${slug} council` });
  await identity.close();
  env = {
    FOOTPRINT_QUEUE_PREFIX: prefix,
    FOOTPRINT_IMPORTS_DIR: await mkdtemp(join(tmpdir(), 'footprint-staging-')),
    GATEWAY_URL: system.gatewayUrl,
    AUTH_PRIVATE_KEY: system.keys.privateKeyPem,
    // A dead worker's nightly job is taken over once its lock lapses: quickly, for the test.
    NIGHTLY_LOCK_MS: '2000',
  };
  const worker = await startWorkerProcess(system, env);
  const imported = await footprint(system, ['import', '--tenant', 'exampleshire', `${example}files`], env);
  expect(imported.code, imported.stderr).toBe(0);
  await worker.stop();
  redis = connectRedis(redisUrl());
  queue = nightlyQueue(redis, { prefix });
  events = new QueueEvents(NIGHTLY_QUEUE, { connection: connectRedis(redisUrl()), prefix });
  await events.waitUntilReady();
}, 240_000);

afterAll(async () => {
  await events?.close();
  await queue?.close();
  if (redis) {
    const keys = await redis.keys(`${prefix}:*`);
    if (keys.length) await redis.del(...keys);
    redis.disconnect();
  }
  await system?.stop();
});

const compliance = async (tenant: string, asOf: string): Promise<ComplianceJson> => {
  const result = await footprint(
    system,
    ['compliance', '--tenant', tenant, '--as-of', asOf, '--format', 'json'],
    env,
  );
  expect(result.code, result.stderr).toBe(0);
  return JSON.parse(result.stdout) as ComplianceJson;
};

/** The stored snapshot of a council's night, every service's rows, as `check → count`. */
async function storedCounts(tenant: string, date: string) {
  const { rows } = await system.database.superuser.query<{ check: string; count: number }>(
    SCHEMAS.map(
      (schema) =>
        `select "check", count from ${schema}.compliance_snapshots where tenant_id = $1 and snapshot_date = $2`,
    ).join(' union all '),
    [tenant, date],
  );
  return Object.fromEntries(rows.map((row) => [row.check, row.count]));
}

describe('footprint compliance --format json', () => {
  it('lists every check, in order, with its items and the counts', async () => {
    const state = await compliance('exampleshire', '2024-03-31');
    expect(state.tenant).toBe('exampleshire');
    expect(state.asOf).toBe('2024-03-31');
    expect(state.checks.map((c) => c.check)).toEqual(ALL_COMPLIANCE_CHECKS);
    for (const check of state.checks) {
      expect(check.count, check.check).toBe(check.items.length);
      expect(state.counts[check.check]).toBe(check.count);
      for (const item of check.items)
        expect(Object.keys(item).sort(), check.check).toEqual(
          ['child', 'daysOverdue', 'dueDate', 'iro', 'reference', 'what'].sort(),
        );
    }
    // Exampleshire has reviews due within 28 days of any date while children are in care.
    expect(state.counts.review_due_soon).toBeGreaterThan(0);
    const overdue = state.checks.find((c) => c.check === 'review_overdue')!;
    for (const item of overdue.items) {
      expect(item.daysOverdue).toBeGreaterThan(0);
      expect(item.dueDate! < '2024-03-31').toBe(true);
    }
  });

  it('names the IRO allocated to the child on the date for each review item', async () => {
    const state = await compliance('exampleshire', '2024-03-31');
    const { rows } = await system.database.superuser.query<{ child_id: string; iro_id: string }>(
      `select child_id, iro_id from children.allocations where tenant_id = 'exampleshire'
         and start_date <= '2024-03-31' and (end_date is null or end_date > '2024-03-31')`,
    );
    const iroOf = new Map(rows.map((row) => [row.child_id, row.iro_id]));
    const items = state.checks.filter((c) => c.service === 'reviews' && c.check !== 'paperwork_overdue');
    const listed = items.flatMap((c) => c.items).filter((item) => item.child !== null);
    expect(listed.length).toBeGreaterThan(0);
    for (const item of listed) expect(item.iro, item.child!).toBe(iroOf.get(item.child!) ?? null);
  });

  it('computes each council from its own records only', async () => {
    const other = await compliance('otherside', '2024-03-31');
    const listed = other.checks.filter((c) => c.check !== 'escalation_stages_over_20_days');
    expect(listed.every((c) => c.count === 0)).toBe(true);
  });

  it('refuses a bad date, a missing council and another format, changing nothing', async () => {
    const badDate = await footprint(
      system,
      ['compliance', '--tenant', 'exampleshire', '--as-of', '2024-02-30', '--format', 'json'],
      env,
    );
    expect(badDate.code).toBe(2);
    expect(badDate.stderr).toContain('--as-of <YYYY-MM-DD>');
    const noCouncil = await footprint(
      system,
      ['compliance', '--tenant', 'nowhere', '--as-of', '2024-03-31', '--format', 'json'],
      env,
    );
    expect(noCouncil.code).toBe(1);
    expect(noCouncil.stderr).toContain('no council "nowhere"');
    const csv = await footprint(
      system,
      ['compliance', '--tenant', 'exampleshire', '--as-of', '2024-03-31', '--format', 'csv'],
      env,
    );
    expect(csv.code).toBe(2);
  });
});

describe('the nightly compliance run', () => {
  it('stores each service’s checks for the night, and a second run of the night replaces them', async () => {
    const date = '2024-03-31';
    const expected = (await compliance('exampleshire', date)).counts;
    const worker = await startWorkerProcess(system, env);
    try {
      await queue.add(NIGHTLY_FAN_OUT, { tenant: 'exampleshire', date });
      const jobId = councilJobId(COMPLIANCE_SNAPSHOT, { tenant: 'exampleshire', date });
      let job: Job | undefined;
      for (let i = 0; i < 200 && !job; i++) {
        job = await Job.fromId(queue, jobId);
        if (!job) await new Promise((resolve) => setTimeout(resolve, 100));
      }
      expect(job, 'the fan-out made the council’s job').toBeDefined();
      await job!.waitUntilFinished(events, 120_000);
      expect(await storedCounts('exampleshire', date)).toEqual(expected);

      const again = await runComplianceNow(queue, { tenant: 'exampleshire', date });
      await (await Job.fromId(queue, again))!.waitUntilFinished(events, 120_000);
      expect(await storedCounts('exampleshire', date)).toEqual(expected);
      const { rows } = await system.database.superuser.query(
        `select count(*)::int as n from reviews.compliance_snapshots where tenant_id = 'exampleshire' and snapshot_date = $1`,
        [date],
      );
      expect(rows[0].n).toBe(7);
    } finally {
      await worker.stop();
    }
  });

  it('finishes once, with the same result, the job of a worker killed mid-run', async () => {
    const date = '2024-03-30';
    const expected = (await compliance('exampleshire', date)).counts;
    const stalled: string[] = [];
    const completed: string[] = [];
    events.on('stalled', ({ jobId }) => stalled.push(jobId));
    events.on('completed', ({ jobId }) => completed.push(jobId));

    const first = await startWorkerProcess(system, env);
    const started = new Promise<string>((resolve) =>
      events.on('progress', ({ jobId, data }) => {
        if (data === 5) resolve(jobId);
      }),
    );
    const jobId = await runComplianceNow(queue, { tenant: 'exampleshire', date });
    expect(await started).toBe(jobId);
    // As a machine failure would: mid-run, with no chance to finish or let go of the job.
    await first.kill();
    const job = (await Job.fromId(queue, jobId))!;
    expect(job.finishedOn).toBeUndefined();
    expect(await storedCounts('exampleshire', date)).not.toEqual(expected);

    const second = await startWorkerProcess(system, env);
    try {
      await job.waitUntilFinished(events, 120_000);
    } finally {
      await second.stop();
    }
    expect(stalled).toContain(jobId);
    expect(completed.filter((id) => id === jobId)).toHaveLength(1);
    expect(await storedCounts('exampleshire', date)).toEqual(expected);
  });
});
