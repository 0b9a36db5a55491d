import { connect } from '@footprint/db';
import { ALL_COMPLIANCE_CHECKS } from '@footprint/domain';
import { createTenant, upsertUser } from '@footprint/identity';
import {
  connectRedis,
  NIGHTLY_QUEUE,
  nightlyQueue,
  type Redis,
  registerNightlySchedule,
  runComplianceNow,
} from '@footprint/jobs';
import { complianceSnapshotJob, startNightlyWorker } from '@footprint/worker';
import { Job, QueueEvents } from 'bullmq';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { footprint } from '../support/footprint-command.ts';
import { redisUrl } from '../support/import-worker.ts';
import { type System, startSystem } from '../support/system.ts';
import { axeViolations, mainText, signIn, submit, tableRows } from './support/browser.ts';
import type { Portal } from './support/portal.ts';
import { daysAgo, londonToday, password } from './support/seed.ts';
import { type PortalSuite, startPortalSuite } from './support/suite.ts';

const example = new URL('../../../shared/spec/examples/exampleshire/', import.meta.url).pathname;
const SCHEMAS = ['children', 'reviews', 'escalations', 'advocacy', 'foster_carer_reviews'];
const SERVICES = ['children', 'reviews', 'escalations', 'advocacy', 'foster-carer-reviews'] as const;
const council = { slug: 'exampleshire', name: 'Exampleshire County Council' };
const other = { slug: 'otherside', name: 'Otherside Borough Council' };
const people = {
  manager: { email: 'rowan.manager@exampleshire.example', name: 'Rowan Manager' },
  admin: { email: 'ada.admin@exampleshire.example', name: 'Ada Admin' },
  // Given the staff reference of an IRO with items once the first snapshot is stored.
  iro: { email: 'iris.reviewer@exampleshire.example', name: 'Iris Reviewer' },
  idleIro: { email: 'ivo.idle@exampleshire.example', name: 'Ivo Idle' },
  otherManager: { email: 'olive.manager@otherside.example', name: 'Olive Manager' },
  operator: { email: 'ops@footprint.example', name: 'Olu Operator' },
};

type StoredItem = { iroId: string | null; childId: string | null; reference: string };
type StoredCheck = { check: string; count: number; items: StoredItem[] };

let system: System;
let suite: PortalSuite;
let portal: Portal;
let browser: Browser;
let redis: Redis;
let queue: ReturnType<typeof nightlyQueue>;
let events: QueueEvents;
let nightly: ReturnType<typeof startNightlyWorker>;
let closeDbs: () => Promise<void>;
const nights = { yesterday: daysAgo(1), today: londonToday() };
let stored: StoredCheck[];
let iroId: string;

/** The stored snapshot of one of the council's nights, every service's rows, in check order. */
async function storedChecks(tenant: string, date: string): Promise<StoredCheck[]> {
  const { rows } = await system.database.superuser.query<StoredCheck>(
    SCHEMAS.map(
      (schema) =>
        `select "check", count, items from ${schema}.compliance_snapshots where tenant_id = $1 and snapshot_date = $2`,
    ).join(' union all '),
    [tenant, date],
  );
  return rows.sort(
    (a, b) =>
      ALL_COMPLIANCE_CHECKS.indexOf(a.check as never) - ALL_COMPLIANCE_CHECKS.indexOf(b.check as never),
  );
}

const itemsOf = (iro: string | null) =>
  stored.flatMap(({ check, items }) => items.filter((i) => i.iroId === iro).map((i) => ({ check, ...i })));

beforeAll(async () => {
  system = await startSystem();
  const identity = connect(system.database.urlFor('identity'), { max: 1 });
  try {
    await createTenant(identity.db, council);
    await createTenant(identity.db, other);
    await upsertUser(identity.db, {
      ...people.manager,
      password,
      memberships: [{ tenantSlug: council.slug, roles: ['manager'], staffRef: 'M1' }],
    });
    await upsertUser(identity.db, {
      ...people.admin,
      password,
      memberships: [{ tenantSlug: council.slug, roles: ['council_admin'] }],
    });
    await upsertUser(identity.db, {
      ...people.idleIro,
      password,
      memberships: [{ tenantSlug: council.slug, roles: ['iro'], staffRef: 'NOBODY' }],
    });
    await upsertUser(identity.db, {
      ...people.otherManager,
      password,
      memberships: [{ tenantSlug: other.slug, roles: ['manager'], staffRef: 'M1' }],
    });
    await upsertUser(identity.db, { ...people.operator, password, platformOperator: true });
  } finally {
    await identity.close();
  }
  suite = await startPortalSuite(system, 'portal-compliance.log');
  ({ portal, browser } = suite);
  const imported = await footprint(system, ['import', '--tenant', council.slug, `${example}files`], {
    FOOTPRINT_QUEUE_PREFIX: suite.worker.prefix,
    FOOTPRINT_IMPORTS_DIR: suite.importsDir,
  });
  expect(imported.code, imported.stderr).toBe(0);

  // The real nightly job, in this process, on the queues the portal uses.
  const connections = SERVICES.map((service) => ({
    service,
    connection: connect(system.database.urlFor(service), { max: 2 }),
  }));
  closeDbs = async () => {
    await Promise.all(connections.map(({ connection }) => connection.close()));
  };
  redis = connectRedis(redisUrl());
  const identityDb = connect(system.database.urlFor('identity'), { max: 1 });
  const closeConnections = closeDbs;
  closeDbs = async () => {
    await closeConnections();
    await identityDb.close();
  };
  nightly = startNightlyWorker({
    connection: redis,
    identityDb: identityDb.db,
    prefix: suite.worker.prefix,
    jobs: [
      complianceSnapshotJob({
        gatewayUrl: system.gatewayUrl,
        signingKey: system.keys.signingKey,
        dbOf: (service) => connections.find((c) => c.service === service)!.connection.db,
      }),
    ],
  });
  queue = nightlyQueue(connectRedis(redisUrl()), { prefix: suite.worker.prefix });
  events = new QueueEvents(NIGHTLY_QUEUE, {
    connection: connectRedis(redisUrl()),
    prefix: suite.worker.prefix,
  });
  await events.waitUntilReady();
  await registerNightlySchedule(queue);
  for (const date of [nights.yesterday, nights.today]) {
    const id = await runComplianceNow(queue, { tenant: council.slug, date });
    const job = await Job.fromId(queue, id);
    await job!.waitUntilFinished(events);
  }
  // A job nobody can run, so the operator has a failure to read.
  const broken = await queue.add('no.such.job', { tenant: council.slug, date: nights.today });
  await expect(broken.waitUntilFinished(events)).rejects.toThrow('No processor for job no.such.job');

  stored = await storedChecks(council.slug, nights.today);
  expect(stored.map((c) => c.check)).toEqual(ALL_COMPLIANCE_CHECKS);
  // The IRO of the test: the one with the most items, so that other IROs' items exist to leave out.
  const byIro = new Map<string, number>();
  for (const item of stored.flatMap((c) => c.items))
    if (item.iroId) byIro.set(item.iroId, (byIro.get(item.iroId) ?? 0) + 1);
  expect(byIro.size).toBeGreaterThanOrEqual(2);
  iroId = [...byIro.entries()].sort((a, b) => b[1] - a[1])[0]![0];
  const identityAgain = connect(system.database.urlFor('identity'), { max: 1 });
  try {
    await upsertUser(identityAgain.db, {
      ...people.iro,
      password,
      memberships: [{ tenantSlug: council.slug, roles: ['iro'], staffRef: iroId }],
    });
  } finally {
    await identityAgain.close();
  }
}, 300_000);

afterAll(async () => {
  await nightly?.close();
  await events?.close();
  await queue?.close();
  redis?.disconnect();
  await closeDbs?.();
  await suite?.stop();
  await system?.stop();
}, 60_000);

async function signedIn(person: { email: string }, tenant = council.slug) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(String(error)));
  await signIn(page, portal.url, tenant, person.email, password);
  return { page, errors };
}

const longDate = (date: string) =>
  new Intl.DateTimeFormat('en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(`${date}T00:00:00Z`));

describe('an IRO’s home page', () => {
  it('lists only their own overdue and due soon items, by check, and passes axe', async () => {
    const { page, errors } = await signedIn(people.iro);
    expect(new URL(page.url()).pathname).toBe(`/c/${council.slug}`);
    expect(await page.textContent('[data-testid=checked-on]')).toContain(
      `Checked overnight on ${longDate(nights.today)}`,
    );
    const mine = itemsOf(iroId);
    expect(mine.length).toBeGreaterThan(0);
    // Others' items exist: the page must leave them out.
    expect(stored.flatMap((c) => c.items).length).toBeGreaterThan(mine.length);
    for (const check of ALL_COMPLIANCE_CHECKS) {
      const expected = mine.filter((i) => i.check === check);
      const rows = await tableRows(page, `[data-testid="check-${check}"]`);
      expect(rows, check).toHaveLength(expected.length);
      expect(rows.map((r) => r[0]).sort(), check).toEqual(expected.map((i) => i.childId ?? '–').sort());
    }
    const shown = await page.$$eval('[data-testid=my-compliance] tbody tr', (rows) => rows.length);
    expect(shown).toBe(mine.length);
    expect(await axeViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
    await page.screenshot({
      path: new URL('./.artifacts/compliance-iro.png', import.meta.url).pathname,
      fullPage: true,
    });
    await page.context().close();
  });

  it('says so when nothing of theirs is due', async () => {
    const { page } = await signedIn(people.idleIro);
    expect(await page.textContent('[data-testid=nothing-due]')).toContain(
      'Nothing of yours was overdue or due in the next 28 days',
    );
    expect(await page.$$('[data-testid=my-compliance] table')).toHaveLength(0);
    expect(await axeViolations(page)).toEqual([]);
    await page.context().close();
  });
});

describe('the manager’s overdue and due soon page', () => {
  it('is linked from the manager’s home page and shows the stored counts, by check and by IRO, and passes axe', async () => {
    const { page, errors } = await signedIn(people.manager);
    await Promise.all([page.waitForNavigation(), page.click('[data-testid=compliance-link]')]);
    expect(new URL(page.url()).pathname).toBe(`/c/${council.slug}/compliance`);
    expect(await page.title()).toBe(`Overdue and due soon – ${council.name} – Footprint`);
    expect(await page.textContent('[data-testid=checked-on]')).toContain(longDate(nights.today));

    const counts = await page.$$eval('[data-testid=check-counts] tbody tr', (rows) =>
      rows.map((row) => [row.getAttribute('data-check'), row.querySelector('td')?.textContent?.trim()]),
    );
    expect(counts).toEqual(stored.map((c) => [c.check, c.count.toLocaleString('en-GB')]));
    // In plain words, not code names.
    expect(await page.textContent('[data-testid=check-counts]')).toContain('Reviews overdue');
    expect(await page.textContent('[data-testid=check-counts]')).not.toContain('review_overdue');

    const byIro = await page.$$eval('[data-testid=by-iro] tbody tr', (rows) =>
      rows.map((row) => ({
        iro: row.getAttribute('data-iro'),
        name: row.querySelector('th')?.textContent?.trim(),
        total: row.querySelector('td:last-child')?.textContent?.trim(),
      })),
    );
    const iros = [...new Set(stored.flatMap((c) => c.items.map((i) => i.iroId)))];
    expect(byIro.map((r) => r.iro).sort()).toEqual(iros.map((i) => i ?? '').sort());
    for (const row of byIro) {
      expect(row.total, row.iro ?? 'No IRO').toBe(String(itemsOf(row.iro === '' ? null : row.iro).length));
      if (row.iro === '') expect(row.name).toBe('No IRO');
    }
    const mine = byIro.find((r) => r.iro === iroId)!;
    const reviewsOverdue = await page.$eval(`[data-testid=by-iro] tbody tr[data-iro="${iroId}"] td`, (cell) =>
      cell.textContent?.trim(),
    );
    expect(mine).toBeDefined();
    expect(reviewsOverdue).toBe(String(itemsOf(iroId).filter((i) => i.check === 'review_overdue').length));

    expect(await page.$('[data-testid=chart-compliance-trend] svg[role=img]')).not.toBeNull();
    const trend = await tableRows(page, '[data-testid=trend]');
    expect(trend.map((r) => r[0])).toEqual([longDate(nights.yesterday), longDate(nights.today)]);
    expect(trend[1]![1]).toBe(String(stored.find((c) => c.check === 'review_overdue')!.count));

    expect(await axeViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
    await page.screenshot({
      path: new URL('./.artifacts/compliance-manager.png', import.meta.url).pathname,
      fullPage: true,
    });
    await page.context().close();
  });

  it('links each check to its items', async () => {
    const { page } = await signedIn(people.manager);
    await page.goto(`${portal.url}/c/${council.slug}/compliance`);
    await Promise.all([page.waitForNavigation(), page.click('[data-check=review_overdue] a')]);
    expect(new URL(page.url()).pathname).toBe(`/c/${council.slug}/compliance/review_overdue`);
    expect(await page.textContent('h1')).toBe('Reviews overdue');
    const expected = stored.find((c) => c.check === 'review_overdue')!.count;
    expect(await tableRows(page, '[data-testid=check-items]')).toHaveLength(expected);
    expect(await axeViolations(page)).toEqual([]);
    const missing = await page.goto(`${portal.url}/c/${council.slug}/compliance/no_such_check`);
    expect(missing?.status()).toBe(404);
    await page.context().close();
  });

  it('runs the checks now, shows their progress and ends with the counts', async () => {
    const { page, errors } = await signedIn(people.manager);
    await page.goto(`${portal.url}/c/${council.slug}/compliance`);
    await submit(page, 'Run the checks now');
    const path = new URL(page.url()).pathname;
    expect(path).toMatch(new RegExp(`^/c/${council.slug}/compliance/runs/`));
    expect(await page.$('[data-testid=run-tasks]')).not.toBeNull();
    // The page keeps itself up to date while the job runs (no timed refresh, WCAG 2.2.1) and shows the end.
    expect(await page.$('meta[http-equiv=refresh]')).toBeNull();
    if (await page.$('[data-testid=progress]')) {
      expect(await page.textContent('[data-testid=progress]')).toMatch(/Waiting to start|\d+% done/);
      expect(await axeViolations(page)).toEqual([]);
      await page.waitForSelector('[data-testid=progress]', { state: 'detached', timeout: 60_000 });
    }
    expect(await page.getAttribute('[data-testid=run-tasks]', 'data-state')).toBe('completed');
    const now = await storedChecks(council.slug, nights.today);
    const counts = await page.$$eval('[data-testid=run-counts] tbody tr', (rows) =>
      rows.map((row) => [row.getAttribute('data-check'), row.querySelector('td')?.textContent?.trim()]),
    );
    expect(counts).toEqual(now.map((c) => [c.check, c.count.toLocaleString('en-GB')]));
    expect(await axeViolations(page)).toEqual([]);
    expect(errors).toEqual([]);

    // Another council's manager never learns of this run.
    const otherside = await signedIn(people.otherManager, other.slug);
    const hidden = await otherside.page.goto(`${portal.url}${path.replace(council.slug, other.slug)}`);
    expect(hidden?.status()).toBe(404);
    await otherside.page.context().close();

    await Promise.all([page.waitForNavigation(), page.click('[data-testid=back-link]')]);
    expect(new URL(page.url()).pathname).toBe(`/c/${council.slug}/compliance`);
    await page.context().close();
  }, 240_000);

  it('shows another council’s manager nothing of this council', async () => {
    const { page } = await signedIn(people.otherManager, other.slug);
    await page.goto(`${portal.url}/c/${other.slug}/compliance`);
    expect(await page.textContent('[data-testid=no-snapshot]')).toContain('have not run');
    expect(await page.$('[data-testid=by-iro]')).toBeNull();
    expect(await axeViolations(page)).toEqual([]);
    await page.context().close();
  });

  for (const who of ['iro', 'admin'] as const) {
    it(`refuses ${who === 'iro' ? 'an IRO' : 'a council administrator'} the manager’s pages`, async () => {
      const { page } = await signedIn(people[who]);
      for (const path of ['compliance', 'compliance/review_overdue']) {
        const response = await page.goto(`${portal.url}/c/${council.slug}/${path}`);
        expect(response?.status(), path).toBe(403);
        expect(await mainText(page)).not.toContain('Reviews overdue');
      }
      // Nor may they run the checks, even with a form of their own.
      const waitingBefore = await queue.getJobCounts('waiting', 'active');
      const posted = await page.request.post(`${portal.url}/c/${council.slug}/compliance`, {
        form: {},
        headers: { origin: portal.url },
      });
      expect(posted.status()).toBe(403);
      expect(await queue.getJobCounts('waiting', 'active')).toEqual(waitingBefore);
      await page.context().close();
    });
  }
});

describe('the platform operator’s queues page', () => {
  async function operatorPage() {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${portal.url}/platform/sign-in`);
    await page.fill('#email', people.operator.email);
    await page.fill('#password', password);
    await submit(page, 'Sign in');
    return page;
  }

  it('shows each queue’s jobs, schedules and failures, and passes axe', async () => {
    const page = await operatorPage();
    await Promise.all([page.waitForNavigation(), page.click('[data-testid=queues-link]')]);
    expect(new URL(page.url()).pathname).toBe('/platform/queues');
    for (const name of ['nightly', 'imports'])
      expect(await page.$(`[data-testid=queue-${name}]`)).not.toBeNull();
    const completed = await page.textContent('[data-testid=counts-nightly] [data-state=completed]');
    expect(Number(completed)).toBeGreaterThanOrEqual(2);
    expect(Number(await page.textContent('[data-testid=counts-imports] [data-state=completed]'))).toBe(1);
    const schedulers = await tableRows(page, '[data-testid=schedulers-nightly]');
    expect(schedulers).toHaveLength(1);
    expect(schedulers[0]![1]).toContain('30 2 * * *');
    expect(schedulers[0]![2]).not.toBe('–');
    const failed = await tableRows(page, '[data-testid=failed-nightly]');
    expect(failed).toHaveLength(1);
    expect(failed[0]![3]).toBe('No processor for job no.such.job');
    expect(await axeViolations(page)).toEqual([]);
    await page.context().close();
  });

  it('is refused to a council manager', async () => {
    const { page } = await signedIn(people.manager);
    await page.goto(`${portal.url}/platform/queues`);
    expect(new URL(page.url()).pathname).toBe('/platform/sign-in');
    expect(await page.$('[data-testid=queue-nightly]')).toBeNull();
    await page.context().close();
  });
});
