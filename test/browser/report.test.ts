import { readFile } from 'node:fs/promises';
import { connect } from '@footprint/db';
import { createTenant, upsertUser } from '@footprint/identity';
import { parse } from 'csv-parse/sync';
import mammoth from 'mammoth';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { footprint } from '../support/footprint-command.ts';
import type { startImportWorker } from '../support/import-worker.ts';
import { type System, startSystem } from '../support/system.ts';
import { axeViolations, mainText, signIn, submit, tableRows } from './support/browser.ts';
import type { Portal } from './support/portal.ts';
import { password } from './support/seed.ts';
import { type PortalSuite, startPortalSuite } from './support/suite.ts';

const example = new URL('../../../shared/spec/examples/exampleshire/', import.meta.url).pathname;
const expected = async (year: number) =>
  JSON.parse(await readFile(`${example}expected/report-${year}.json`, 'utf8')) as {
    children: { lookedAfterAt31March: number };
    reviews: { held: number; late: number };
    missing: { episodes: number };
    trend: { year: number; escalationsRaised: number }[];
  };
const council = { slug: 'exampleshire', name: 'Exampleshire County Council' };
const manager = { email: 'rowan.manager@exampleshire.example', name: 'Rowan Manager' };
const iro = { email: 'iris.reviewer@exampleshire.example', name: 'Iris Reviewer' };

let system: System;
let suite: PortalSuite;
let worker: ReturnType<typeof startImportWorker>;
let importsDir: string;
let portal: Portal;
let browser: Browser;

beforeAll(async () => {
  system = await startSystem();
  const identity = connect(system.database.urlFor('identity'), { max: 1 });
  try {
    await createTenant(identity.db, council);
    await upsertUser(identity.db, {
      ...manager,
      password,
      memberships: [{ tenantSlug: council.slug, roles: ['manager'], staffRef: 'M1' }],
    });
    await upsertUser(identity.db, {
      ...iro,
      password,
      memberships: [{ tenantSlug: council.slug, roles: ['iro'], staffRef: 'I1' }],
    });
  } finally {
    await identity.close();
  }
  suite = await startPortalSuite(system, 'portal-report.log');
  ({ worker, importsDir, portal, browser } = suite);
  const imported = await footprint(system, ['import', '--tenant', council.slug, `${example}files`], {
    FOOTPRINT_QUEUE_PREFIX: worker.prefix,
    FOOTPRINT_IMPORTS_DIR: importsDir,
  });
  expect(imported.code, imported.stderr).toBe(0);
}, 240_000);

afterAll(async () => {
  await suite?.stop();
  await system?.stop();
}, 60_000);

async function signedIn(person: { email: string }) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(String(error)));
  await signIn(page, portal.url, council.slug, person.email, password);
  return { page, errors };
}

const reportPath = (year: number) => `/c/${council.slug}/report/${year}`;

/** The previous-year, current-year and change cells of the row whose figure link is `figure`. */
async function rowOf(page: Page, figure: string) {
  return page.$eval(`a[data-figure="${figure}"]`, (link) =>
    Array.from(link.closest('tr')!.children).map((cell) => {
      // What a sighted reader sees: the hidden words for screen readers left out.
      const seen = cell.cloneNode(true) as Element;
      for (const hidden of seen.querySelectorAll('.govuk-visually-hidden')) hidden.remove();
      return (seen.textContent ?? '').replace(/\s+/g, ' ').trim();
    }),
  );
}

describe('the annual report page', () => {
  it('is linked from the manager’s home page and opens on the latest complete year', async () => {
    const { page } = await signedIn(manager);
    await Promise.all([page.waitForNavigation(), page.click('[data-testid=report-link]')]);
    expect(new URL(page.url()).pathname).toMatch(/^\/c\/exampleshire\/report\/20\d\d$/);
    await page.context().close();
  });

  it('shows every section in the spec’s order, each figure beside the year before, and passes axe', async () => {
    const { page, errors } = await signedIn(manager);
    await page.goto(`${portal.url}${reportPath(2023)}`);
    expect(await page.title()).toBe(`Annual report 2023 to 2024 – ${council.name} – Footprint`);
    const sections = await page.$$eval('main section h2', (hs) => hs.map((h) => h.textContent?.trim()));
    expect(sections.length).toBeGreaterThanOrEqual(9);
    const [now, before] = await Promise.all([expected(2023), expected(2022)]);
    const [, previous, current, change] = await rowOf(page, 'children.lookedAfterAt31March');
    expect(current).toBe(String(now.children.lookedAfterAt31March));
    expect(previous).toBe(String(before.children.lookedAfterAt31March));
    const difference = now.children.lookedAfterAt31March - before.children.lookedAfterAt31March;
    expect(change?.replace('−', '-')).toBe(difference > 0 ? `+${difference}` : String(difference));
    expect((await rowOf(page, 'reviews.held'))[2]).toBe(String(now.reviews.held));
    expect(await page.$$('figure.app-chart svg[role=img]')).not.toHaveLength(0);
    expect(await page.textContent('#data_quality')).toBe('Data quality');
    expect(await axeViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
    await page.screenshot({
      path: new URL('./.artifacts/report.png', import.meta.url).pathname,
      fullPage: true,
    });
    await page.context().close();
  });

  it('links a figure to the records behind it, as many as it counts', async () => {
    const { page } = await signedIn(manager);
    await page.goto(`${portal.url}${reportPath(2023)}`);
    await Promise.all([page.waitForNavigation(), page.click('a[data-figure="reviews.late"]')]);
    expect(new URL(page.url()).pathname).toBe(`${reportPath(2023)}/figures/reviews.late`);
    const late = (await expected(2023)).reviews.late;
    expect(await tableRows(page, '[data-testid=records-behind]')).toHaveLength(late);
    expect(await axeViolations(page)).toEqual([]);
    await page.context().close();
  });

  it('carries the further tables, each count traced as the core ones are', async () => {
    const { page } = await signedIn(manager);
    await page.goto(`${portal.url}${reportPath(2023)}`);
    for (const table of ['health', 'stability', 'missing', 'placement.distance'])
      expect(await page.$(`[data-testid="table-${table}"]`), table).not.toBeNull();
    await Promise.all([page.waitForNavigation(), page.click('a[data-figure="missing.episodes"]')]);
    const episodes = (await expected(2023)).missing.episodes;
    expect(await tableRows(page, '[data-testid=records-behind]')).toHaveLength(episodes);
    await page.context().close();
  });

  it('shows the five-year trend as a table and as line charts', async () => {
    const { page } = await signedIn(manager);
    await page.goto(`${portal.url}${reportPath(2023)}`);
    const trend = (await expected(2023)).trend;
    const header = await page.$$eval('[data-testid=table-trend] thead th', (ths) =>
      ths.map((th) => th.textContent?.trim()),
    );
    expect(header.slice(1)).toEqual(
      trend.map((row) => `${row.year}-${String((row.year + 1) % 100).padStart(2, '0')}`),
    );
    const escalations = await page.$$eval(
      '[data-testid=table-trend] tr[data-measure=escalationsRaised] td',
      (tds) => tds.map((td) => td.textContent?.trim()),
    );
    expect(escalations).toEqual(trend.map((row) => String(row.escalationsRaised)));
    expect(await page.$$('[data-testid="chart-trend.counts"] polyline')).toHaveLength(5);
    expect(await page.$$('[data-testid="chart-trend.percentages"] polyline')).toHaveLength(2);
    await page.context().close();
  });

  it('is for managers: an IRO is refused', async () => {
    const { page } = await signedIn(iro);
    const response = await page.goto(`${portal.url}${reportPath(2023)}`);
    expect(response?.status()).toBe(403);
    await page.context().close();
  });
});

describe('the managers’ narrative', () => {
  it('refuses text that is too long, keeps it in the form, and passes axe with the error', async () => {
    const { page } = await signedIn(manager);
    await page.goto(`${portal.url}${reportPath(2023)}/narrative/priorities`);
    await page.fill('#text', 'x'.repeat(20_001));
    await submit(page, 'Save');
    expect(await page.title()).toMatch(/^Error: Priorities/);
    expect(await page.textContent('.govuk-error-summary')).toContain('20,000 characters or fewer');
    expect(await axeViolations(page)).toEqual([]);
    await page.context().close();
  });

  it('saves the text for the year and carries it into the page and the Word file; the CSV holds the tables', async () => {
    const { page } = await signedIn(manager);
    await page.goto(`${portal.url}${reportPath(2023)}/narrative/priorities`);
    const text = 'Reduce late reviews for children placed out of area.\n\nBring every midway review on time.';
    await page.fill('#text', text);
    await submit(page, 'Save');
    expect(new URL(page.url()).pathname).toBe(reportPath(2023));
    expect(await mainText(page)).toContain('Bring every midway review on time.');

    const docx = await page.request.get(`${portal.url}${reportPath(2023)}/report.docx`);
    expect(docx.status()).toBe(200);
    const { value: html } = await mammoth.convertToHtml({ buffer: Buffer.from(await docx.body()) });
    expect(html).toContain('Reduce late reviews for children placed out of area.');
    expect(html).toContain('<table>');

    const csv = await page.request.get(`${portal.url}${reportPath(2023)}/report.csv`);
    const rows = parse(await csv.text(), { columns: true }) as Record<string, string>[];
    const held = rows.find((row) => row.figure === 'reviews.held');
    expect(held?.current_year).toBe(String((await expected(2023)).reviews.held));

    // The next year's report has its own text.
    await page.goto(`${portal.url}${reportPath(2024)}`);
    expect(await mainText(page)).not.toContain('Bring every midway review on time.');
    await page.context().close();
  });
});
