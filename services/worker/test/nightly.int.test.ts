import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { caseloadSnapshotJob, service as children } from '@footprint/children';
import { connect } from '@footprint/db';
import { createTenant, identityMigrations } from '@footprint/identity';
import {
  connectRedis,
  NIGHTLY_FAN_OUT,
  nightlyQueue,
  type Redis,
  registerNightlySchedule,
} from '@footprint/jobs';
import { createTestDatabase, createTestKeys, type TestDatabase } from '@footprint/testing';
import { QueueEvents } from 'bullmq';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startNightlyWorker } from '../src/index.ts';

const redisUrl = () => {
  if (!process.env.REDIS_URL) throw new Error('REDIS_URL is not set: run the tests through ./scripts/test');
  return process.env.REDIS_URL;
};

let database: TestDatabase;
let redis: Redis;
let identity: ReturnType<typeof connect>;
let childrenDb: ReturnType<typeof connect>;
const prefix = `test-${randomBytes(4).toString('hex')}`;

beforeAll(async () => {
  database = await createTestDatabase([
    identityMigrations,
    { schema: 'children', folder: children.migrationsFolder },
  ]);
  identity = connect(database.urlFor('identity'));
  childrenDb = connect(database.urlFor('children'));
  await createTenant(identity.db, { slug: 'north', name: 'North' });
  await createTenant(identity.db, { slug: 'south', name: 'South' });
  await database.superuser.query(`
    insert into children.staff (tenant_id, id, name, role, fte, start_date) values
      ('north', 'I1', 'Nadia', 'iro', 0.5, '2015-01-01'), ('south', 'I1', 'Sam', 'iro', 1, '2015-01-01');
    insert into children.episodes (tenant_id, child_id, start_date, reason_new_episode, legal_status, placement, end_date, reason_ended) values
      ('north', 'C1', '2023-01-10', 'S', 'C2', 'U1', null, null),
      ('north', 'C2', '2023-02-01', 'S', 'C2', 'U1', '2023-06-01', 'E11'),
      ('south', 'C1', '2021-06-01', 'S', 'C2', 'K2', null, null);
    insert into children.allocations (tenant_id, child_id, iro_id, start_date, end_date) values
      ('north', 'C1', 'I1', '2023-01-11', null), ('north', 'C2', 'I1', '2023-02-02', null),
      ('south', 'C1', 'I1', '2021-06-02', null);
  `);
  redis = connectRedis(redisUrl());
});

afterAll(async () => {
  const keys = await redis.keys(`${prefix}:*`);
  if (keys.length) await redis.del(...keys);
  redis.disconnect();
  await identity?.close();
  await childrenDb?.close();
  await database?.drop();
});

async function runNight(date: string) {
  const running = startNightlyWorker({
    connection: redis,
    identityDb: identity.db,
    jobs: [caseloadSnapshotJob(childrenDb.db)],
    prefix,
  });
  const events = new QueueEvents('nightly', { connection: connectRedis(redisUrl()), prefix });
  await events.waitUntilReady();
  const done = new Set<string>();
  const finished = new Promise<void>((resolve) => {
    events.on('completed', ({ jobId }) => {
      done.add(jobId);
      if (done.size === 3) resolve();
    });
  });
  await running.queue.add(NIGHTLY_FAN_OUT, { date });
  await finished;
  await events.close();
  await running.close();
  return [...done];
}

const snapshots = async () =>
  (
    await database.superuser.query(
      'select tenant_id, snapshot_date, iro_id, children, per_fte::float as per_fte, over_capacity from children.caseload_snapshots order by 1',
    )
  ).rows;

describe('the nightly run', () => {
  it('fans out one job per council and stores each council’s caseloads', async () => {
    const jobs = await runNight('2024-03-31');
    expect(jobs).toEqual(
      expect.arrayContaining([
        'children.caseload-snapshot.north.2024-03-31',
        'children.caseload-snapshot.south.2024-03-31',
      ]),
    );
    // North's C2 left care in 2023, so only C1 counts; 1 child at 0.5 FTE is 2 per FTE.
    expect(await snapshots()).toEqual([
      {
        tenant_id: 'north',
        snapshot_date: '2024-03-31',
        iro_id: 'I1',
        children: 1,
        per_fte: 2,
        over_capacity: false,
      },
      {
        tenant_id: 'south',
        snapshot_date: '2024-03-31',
        iro_id: 'I1',
        children: 1,
        per_fte: 1,
        over_capacity: false,
      },
    ]);
  });

  it('overwrites the same night’s snapshot when run again', async () => {
    const before = await snapshots();
    await redis.del(...(await redis.keys(`${prefix}:nightly:children.caseload-snapshot*`)));
    await runNight('2024-03-31');
    expect(await snapshots()).toEqual(before);
  });

  it('keeps one scheduler however often the start step registers it', async () => {
    const queue = nightlyQueue(redis, { prefix });
    await registerNightlySchedule(queue);
    await registerNightlySchedule(queue);
    const schedulers = await queue.getJobSchedulers();
    expect(schedulers).toHaveLength(1);
    expect(schedulers[0]).toMatchObject({ pattern: '30 2 * * *', tz: 'Europe/London' });
    await queue.close();
  });
});

describe('the worker process', () => {
  it('stops cleanly on SIGTERM', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/server.ts'], {
      cwd: new URL('..', import.meta.url).pathname,
      env: {
        ...process.env,
        REDIS_URL: redisUrl(),
        IDENTITY_DATABASE_URL: database.urlFor('identity'),
        // The nightly compliance job would ask a gateway; none is asked before the worker stops.
        GATEWAY_URL: 'http://127.0.0.1:9/',
        AUTH_PRIVATE_KEY: (await createTestKeys()).privateKeyPem,
        ...Object.fromEntries(
          ['children', 'reviews', 'escalations', 'advocacy', 'foster-carer-reviews'].map((name) => [
            `${name.toUpperCase().replaceAll('-', '_')}_DATABASE_URL`,
            database.urlFor(name),
          ]),
        ),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    await new Promise<void>((resolve, reject) => {
      child.stdout.on('data', (chunk: Buffer) => chunk.toString().includes('worker ready') && resolve());
      child.once('exit', (code) => reject(new Error(`worker exited early with ${code}`)));
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    const exited = new Promise<string>((resolve) =>
      child.once('exit', (code, signal) => resolve(`${code}/${signal}`)),
    );
    child.kill('SIGTERM');
    expect(await exited, stderr).toBe('0/null');
  });
});
