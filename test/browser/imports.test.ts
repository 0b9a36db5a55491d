import { mkdirSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { connectRedis, IMPORTS_QUEUE } from '@footprint/jobs';
import { Queue } from 'bullmq';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { redisUrl, type startImportWorker } from '../support/import-worker.ts';
import { type System, startSystem } from '../support/system.ts';
import { axeViolations, mainText, signIn, submit, tableRows } from './support/browser.ts';
import type { Portal } from './support/portal.ts';
import { councils, password, people, seedCouncils, seedSouthManager } from './support/seed.ts';
import { type PortalSuite, startPortalSuite } from './support/suite.ts';

const exampleshire = fileURLToPath(
  new URL('../../../shared/spec/examples/exampleshire/files/', import.meta.url),
);

let system: System;
let suite: PortalSuite;
let worker: ReturnType<typeof startImportWorker>;
let importsDir: string;
let portal: Portal;
let browser: Browser;

beforeAll(async () => {
  system = await startSystem();
  await seedCouncils(system);
  await seedSouthManager(system);
  suite = await startPortalSuite(system, 'portal-imports.log');
  ({ worker, importsDir, portal, browser } = suite);
}, 240_000);

afterAll(async () => {
  await suite?.stop();
  await system?.stop();
}, 60_000);

const consoleErrors = new WeakMap<Page, string[]>();

async function freshPage() {
  const context = await browser.newContext();
  const page = await context.newPage();
  const errors: string[] = [];
  consoleErrors.set(page, errors);
  page.on('console', (message) => {
    if (message.type() === 'error' && !/status of (400|403|404)/.test(message.text()))
      errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(String(error)));
  return page;
}

async function closePage(page: Page) {
  expect(consoleErrors.get(page)).toEqual([]);
  await page.context().close();
}

async function signedInManager() {
  const page = await freshPage();
  await signIn(page, portal.url, 'north', people.northManager.email, password);
  expect(new URL(page.url()).pathname).toBe('/c/north');
  return page;
}

const episodeRows = async (tenant: string) =>
  Number(
    (
      await system.database.superuser.query(
        'select count(*)::int as n from children.episodes where tenant_id = $1',
        [tenant],
      )
    ).rows[0].n,
  );

/** Chooses the files, imports them, and waits (the page updates itself) until the import has ended. */
async function importFiles(page: Page, files: Parameters<Page['setInputFiles']>[1]) {
  await page.goto(`${portal.url}/c/north/imports`);
  await page.setInputFiles('input[type=file][name=files]', files);
  await submit(page, 'Import files');
  const path = new URL(page.url()).pathname;
  expect(path).toMatch(/^\/c\/north\/imports\/\d{8}T\d{6}-[0-9a-f]{6}$/);
  // The page keeps itself up to date (no timed refresh, WCAG 2.2.1) until the import has ended.
  const progress = await page.$('[data-testid=progress]');
  if (progress) {
    expect(await page.$('meta[http-equiv=refresh]')).toBeNull();
    expect(await progress.textContent()).toMatch(
      /Waiting to start|Starting|Checking [a-z_]+\.csv: [\d,]+ rows \(\d+%\)|Writing [a-z-]+: [\d,]+ of [\d,]+ rows/,
    );
    await page.waitForSelector('[data-testid=progress]', { state: 'detached', timeout: 60_000 });
  }
  return path.split('/').pop()!;
}

describe('the import page', () => {
  it('is linked from the manager’s home page, shows an empty history, and passes axe', async () => {
    const page = await signedInManager();
    await Promise.all([page.waitForNavigation(), page.click('[data-testid=imports-link]')]);
    expect(new URL(page.url()).pathname).toBe('/c/north/imports');
    expect(await page.title()).toBe(`Import the council’s files – ${councils.north.name} – Footprint`);
    expect(await page.textContent('h1')).toBe('Import the council’s files');
    expect(await page.getAttribute('main form', 'enctype')).toBe('multipart/form-data');
    expect(await page.getAttribute('input[type=file][name=files]', 'multiple')).not.toBeNull();
    expect(await mainText(page)).toContain('No files have been imported');
    expect(await axeViolations(page)).toEqual([]);
    await closePage(page);
  });

  it('asks for files when none are chosen, and passes axe with the error', async () => {
    const page = await signedInManager();
    await page.goto(`${portal.url}/c/north/imports`);
    await submit(page, 'Import files');
    expect(new URL(page.url()).pathname).toBe('/c/north/imports');
    expect(await page.title()).toBe(`Error: Import the council’s files – ${councils.north.name} – Footprint`);
    const summary = await page.$$eval('.govuk-error-summary__list a', (as) =>
      as.map((a) => [a.textContent?.trim(), a.getAttribute('href')]),
    );
    expect(summary).toEqual([['Select the council’s files', '#files']]);
    expect(await page.textContent('#files-error')).toContain('Select the council’s files');
    expect(await axeViolations(page)).toEqual([]);
    await closePage(page);
  });

  it('refuses files that are not import files, and stages nothing', async () => {
    const page = await signedInManager();
    await page.goto(`${portal.url}/c/north/imports`);
    await page.setInputFiles('input[type=file][name=files]', [
      { name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('hello\n') },
    ]);
    await submit(page, 'Import files');
    expect(await page.textContent('.govuk-error-summary')).toContain(
      'Select the council’s import files, such as header.csv, episodes.csv and reviews.csv',
    );
    expect(await readdir(importsDir)).toEqual([]);
    expect(await axeViolations(page)).toEqual([]);
    await closePage(page);
  });
});

describe('importing Exampleshire', () => {
  let importId: string;

  it('imports every file, shows rows per file and the warnings, and passes axe', async () => {
    const page = await signedInManager();
    const files = (await readdir(exampleshire)).filter((name) => name.endsWith('.csv')).sort();
    expect(files.length).toBeGreaterThan(10);
    importId = await importFiles(
      page,
      files.map((name) => join(exampleshire, name)),
    );
    expect(await page.textContent('h1')).toBe('Files imported');
    const counts = Object.fromEntries(
      (await tableRows(page, '[data-testid=counts]')).map(([file, rows]) => [file, rows]),
    );
    expect(counts).toMatchObject({
      header: '357',
      episodes: '1,241',
      reviews: '2,534',
      foster_reviews: '330',
      // The council's reference data for the report's rates and comparisons (further-tables §1).
      population: '3',
      comparators: '6',
    });
    const warnings = await tableRows(page, '[data-testid=warnings]');
    expect(
      warnings.some(([file, row, column]) => file === 'reviews.csv' && row === '1324' && column === 'REVIEW'),
    ).toBe(true);
    expect(await page.textContent('[data-testid=import-details]')).toContain(people.northManager.email);
    expect(await axeViolations(page)).toEqual([]);
    // The staged copy of the files is gone once the import has ended.
    expect(await readdir(importsDir)).toEqual([]);
    mkdirSync(new URL('./.artifacts/', import.meta.url), { recursive: true });
    await page.screenshot({
      path: new URL('./.artifacts/import-completed.png', import.meta.url).pathname,
      fullPage: true,
    });
    await closePage(page);
  });

  it('shows the import in the council’s history', async () => {
    const page = await signedInManager();
    await page.goto(`${portal.url}/c/north/imports`);
    const rows = await tableRows(page, '[data-testid=import-runs]');
    expect(rows).toHaveLength(1);
    const [date, who, status, files, result] = rows[0]!;
    expect(date).toMatch(/^\d{1,2} [A-Z][a-z]+ \d{4}, \d{1,2}:\d{2}(am|pm)$/);
    expect(who).toBe(people.northManager.email);
    expect(status).toBe('Imported');
    expect(files).toContain('episodes');
    expect(result).toMatch(/^[\d,]+ rows written$/);
    expect(await page.getAttribute('[data-testid=import-runs] tbody a', 'href')).toBe(
      `/c/north/imports/${importId}`,
    );
    expect(await axeViolations(page)).toEqual([]);
    await closePage(page);
  });

  it('does not show one council’s import to another council’s manager', async () => {
    const page = await freshPage();
    await signIn(page, portal.url, 'south', people.southManager.email, password);
    const response = await page.goto(`${portal.url}/c/south/imports/${importId}`);
    expect(response?.status()).toBe(404);
    expect(await page.textContent('h1')).toBe('Page not found');
    await page.goto(`${portal.url}/c/south/imports`);
    expect(await mainText(page)).toContain('No files have been imported');
    await closePage(page);
  });
  it('still shows what the history says once the queue no longer holds the job', async () => {
    const connection = connectRedis(redisUrl());
    const queue = new Queue(IMPORTS_QUEUE, { connection, prefix: worker.prefix });
    try {
      await (await queue.getJob(importId))?.remove();
      expect(await queue.getJob(importId)).toBeUndefined();
    } finally {
      await queue.close();
      connection.disconnect();
    }
    const page = await signedInManager();
    await page.goto(`${portal.url}/c/north/imports/${importId}`);
    expect(await page.textContent('h1')).toBe('Files imported');
    expect(await page.textContent('[data-testid=past]')).toContain('no longer kept');
    const counts = Object.fromEntries(await tableRows(page, '[data-testid=counts]'));
    expect(counts).toMatchObject({ episodes: '1,241', reviews: '2,534' });
    expect(await axeViolations(page)).toEqual([]);
    await closePage(page);
  });
});

describe('importing a set with problems', () => {
  const bad = {
    'header.csv': 'CHILD,SEX,DOB,ETHNIC\nB1,1,31/02/2010,WBRI\nB2,2,01/01/2011,WBRI\n',
    'episodes.csv': 'CHILD,DECOM,RNE,LS,PLACE,DEC,REC\nB2,01/01/2020,S,C2,U1,,\nZZ,01/01/2020,S,C2,U1,,\n',
  };

  it('shows every problem and “Nothing was imported”, writes nothing, and passes axe', async () => {
    const before = await episodeRows('north');
    expect(before).toBeGreaterThan(1000);
    const page = await signedInManager();
    await importFiles(
      page,
      Object.entries(bad).map(([name, text]) => ({ name, mimeType: 'text/csv', buffer: Buffer.from(text) })),
    );
    expect(await page.title()).toBe(
      `Error: There are problems with the files – ${councils.north.name} – Footprint`,
    );
    expect(await page.textContent('.govuk-error-summary__title')).toBe('Nothing was imported');
    expect(await tableRows(page, '[data-testid=problems]')).toEqual([
      [
        'header.csv',
        '2',
        'DOB',
        '31/02/2010',
        'not a valid date: 31/02/2010 (write dd/mm/yyyy or yyyy-mm-dd)',
      ],
      ['episodes.csv', '3', 'CHILD', 'ZZ', 'child ZZ is not in the header file'],
    ]);
    expect(await page.$('[data-testid=counts]')).toBeNull();
    expect(await episodeRows('north')).toBe(before);
    expect(await axeViolations(page)).toEqual([]);
    expect(await readdir(importsDir)).toEqual([]);
    await page.screenshot({
      path: new URL('./.artifacts/import-invalid.png', import.meta.url).pathname,
      fullPage: true,
    });

    await page.goto(`${portal.url}/c/north/imports`);
    const rows = await tableRows(page, '[data-testid=import-runs]');
    expect(rows.map((row) => [row[1], row[2], row[4]])).toEqual([
      [people.northManager.email, 'Not imported', '2 problems'],
      [people.northManager.email, 'Imported', expect.stringMatching(/rows written$/)],
    ]);
    await closePage(page);
  });
});

describe('who may import', () => {
  it('gives an IRO a 403 page, for the list, a result and the upload', async () => {
    const page = await freshPage();
    await signIn(page, portal.url, 'north', people.northIro.email, password);
    expect(await page.$('[data-testid=imports-link]')).toBeNull();
    let response = await page.goto(`${portal.url}/c/north/imports`);
    expect(response?.status()).toBe(403);
    expect(await page.textContent('h1')).toBe('You do not have access to this page');
    expect(await axeViolations(page)).toEqual([]);
    response = await page.goto(`${portal.url}/c/north/imports/20250101T000000-abcdef`);
    expect(response?.status()).toBe(403);
    const posted = await page.request.post(`${portal.url}/c/north/imports`, {
      headers: { origin: portal.url },
      multipart: { files: { name: 'header.csv', mimeType: 'text/csv', buffer: Buffer.from(bad()) } },
      maxRedirects: 0,
    });
    expect(posted.status()).toBe(403);
    expect(await readdir(importsDir)).toEqual([]);
    await closePage(page);
  });

  it('sends someone not signed in to the sign-in page', async () => {
    const page = await freshPage();
    await page.goto(`${portal.url}/c/north/imports`);
    expect(new URL(page.url()).pathname).toBe('/c/north/sign-in');
    await closePage(page);
  });

  it('shows a not-found page for an import that does not exist', async () => {
    const page = await signedInManager();
    for (const id of ['20250101T000000-abcdef', '..%2F..%2Fetc', 'nonsense']) {
      const response = await page.goto(`${portal.url}/c/north/imports/${id}`);
      expect(response?.status(), id).toBe(404);
    }
    await closePage(page);
  });
});

const bad = () => 'CHILD,SEX,DOB,ETHNIC\nB9,1,01/01/2010,WBRI\n';
