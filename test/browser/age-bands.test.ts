import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type System, startSystem } from '../support/system.ts';
import { axeViolations, mainText, signIn, submit, tableRows } from './support/browser.ts';
import type { Portal } from './support/portal.ts';
import { councils, daysAgo, password, people, seedCouncils, seedSouthManager } from './support/seed.ts';
import { type PortalSuite, startPortalSuite } from './support/suite.ts';

const path = '/c/north/settings/age-bands';

let system: System;
let suite: PortalSuite;
let portal: Portal;
let browser: Browser;

beforeAll(async () => {
  system = await startSystem();
  await seedCouncils(system);
  await seedSouthManager(system);
  suite = await startPortalSuite(system, 'portal-age-bands.log');
  ({ portal, browser } = suite);
}, 240_000);

afterAll(async () => {
  await suite?.stop();
  await system?.stop();
}, 60_000);

const pageErrors = new WeakMap<Page, string[]>();

async function signedIn(council: string, email: string) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const errors: string[] = [];
  pageErrors.set(page, errors);
  page.on('console', (message) => {
    if (message.type() === 'error' && !/status of (400|403|404)/.test(message.text()))
      errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(String(error)));
  await signIn(page, portal.url, council, email, password);
  expect(new URL(page.url()).pathname).toBe(`/c/${council}`);
  return page;
}

async function closePage(page: Page) {
  expect(pageErrors.get(page)).toEqual([]);
  await page.context().close();
}

const stored = async () =>
  (
    await system.database.superuser.query(
      `select tenant_id, key, to_char(effective, 'YYYY-MM-DD') as effective, value
       from children.local_policy order by tenant_id, key, effective`,
    )
  ).rows;

const inForce = (page: Page) =>
  page.$$eval('[data-testid=bands-in-force] li', (items) => items.map((li) => li.textContent?.trim()));

/** Fills the form: the bands and a date as the GOV.UK date input takes it. */
async function fillForm(page: Page, bands: string, [year, month, day]: string[]) {
  await page.fill('#bands', bands);
  await page.fill('#effective-day', day ?? '');
  await page.fill('#effective-month', month ?? '');
  await page.fill('#effective-year', year ?? '');
  await submit(page, 'Save age bands');
}

const yesterday = daysAgo(1);
const toDisplay = (iso: string) =>
  new Date(`${iso}T00:00:00Z`).toLocaleDateString('en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  });

describe('the age bands page', () => {
  it('is linked from the manager’s home page, shows the DfE’s bands before any are set, and passes axe', async () => {
    const page = await signedIn('north', people.northManager.email);
    await Promise.all([page.waitForNavigation(), page.click('[data-testid=age-bands-link]')]);
    expect(new URL(page.url()).pathname).toBe(path);
    expect(await page.title()).toBe(`Age bands – ${councils.north.name} – Footprint`);
    expect(await page.textContent('h1')).toBe('Age bands');
    expect(await inForce(page)).toEqual(['under 1', '1 to 4', '5 to 9', '10 to 15', '16 and over']);
    expect(await page.textContent('[data-testid=bands-in-force-since]')).toContain(
      'Department for Education’s bands',
    );
    expect(await page.$('[data-testid=no-history]')).not.toBeNull();
    expect(await page.textContent('#bands-hint')).toContain('0,1,5,10,16');
    expect(await axeViolations(page)).toEqual([]);
    await closePage(page);
  });

  it('lets a manager set bands from a date, shows them in force and in the history, and passes axe', async () => {
    const page = await signedIn('north', people.northManager.email);
    await page.goto(`${portal.url}${path}`);
    await fillForm(page, '0, 5, 11, 16', yesterday.split('-'));
    expect(new URL(page.url()).pathname).toBe(path);
    expect(await page.textContent('[data-testid=saved]')).toContain(
      `Age bands saved, in force from ${toDisplay(yesterday)}`,
    );
    expect(await page.$('.govuk-error-summary')).toBeNull();
    expect(await inForce(page)).toEqual(['0 to 4', '5 to 10', '11 to 15', '16 and over']);
    expect(await page.textContent('[data-testid=bands-in-force-since]')).toContain(
      `in force since ${toDisplay(yesterday)}`,
    );
    expect(await tableRows(page, '[data-testid=history]')).toEqual([
      [toDisplay(yesterday), '0, 5, 11, 16', 'In force'],
    ]);
    expect(await axeViolations(page)).toEqual([]);
    // The same table and row the local_policy import writes, for this council only.
    expect(await stored()).toEqual([
      { tenant_id: 'north', key: 'age_bands', effective: yesterday, value: '0, 5, 11, 16' },
    ]);
    const audit = await system.database.superuser.query(
      `select tenant_id, action, entity from children.audit_events where entity = 'LocalPolicy'`,
    );
    expect(audit.rows).toEqual([{ tenant_id: 'north', action: 'create', entity: 'LocalPolicy' }]);
    await closePage(page);
  });

  it('keeps bands set for a later date out of force until then', async () => {
    const page = await signedIn('north', people.northManager.email);
    await page.goto(`${portal.url}${path}`);
    await fillForm(page, '0,1,5,10,16', ['2099', '4', '1']);
    expect(await page.textContent('[data-testid=saved]')).toContain('in force from 1 April 2099');
    expect(await inForce(page)).toEqual(['0 to 4', '5 to 10', '11 to 15', '16 and over']);
    expect(await tableRows(page, '[data-testid=history]')).toEqual([
      ['1 April 2099', '0,1,5,10,16', 'Not yet in force'],
      [toDisplay(yesterday), '0, 5, 11, 16', 'In force'],
    ]);
    await closePage(page);
  });

  it('shows a bad value in the error summary and at the field, keeps what was typed, changes nothing, and passes axe', async () => {
    const before = await stored();
    const page = await signedIn('north', people.northManager.email);
    await page.goto(`${portal.url}${path}`);
    await fillForm(page, '0,5,3', ['2024', '4', '1']);
    expect(new URL(page.url()).pathname).toBe(path);
    expect(await page.title()).toBe(`Error: Age bands – ${councils.north.name} – Footprint`);
    const summary = await page.$$eval('.govuk-error-summary__list a', (as) =>
      as.map((a) => [a.textContent?.trim(), a.getAttribute('href')]),
    );
    expect(summary).toEqual([['Each lower bound must be greater than the one before it', '#bands']]);
    expect(await page.textContent('#bands-error')).toContain(
      'Each lower bound must be greater than the one before it',
    );
    expect(await page.inputValue('#bands')).toBe('0,5,3');
    expect(await page.inputValue('#effective-day')).toBe('1');
    expect(await page.inputValue('#effective-month')).toBe('4');
    expect(await page.inputValue('#effective-year')).toBe('2024');
    expect(await page.$('[data-testid=saved]')).toBeNull();
    expect(await axeViolations(page)).toEqual([]);
    expect(await stored()).toEqual(before);

    await fillForm(page, '1,5,10', ['2024', '4', '1']);
    expect(await page.textContent('.govuk-error-summary')).toContain('The first age band must start at 0');
    await fillForm(page, '0,five', ['2024', '4', '1']);
    expect(await page.textContent('.govuk-error-summary')).toContain(
      'Age bands must be whole numbers separated by commas',
    );
    expect(await stored()).toEqual(before);
    await closePage(page);
  });

  it('shows a date that is not real, or is missing, at the date input and changes nothing', async () => {
    const before = await stored();
    const page = await signedIn('north', people.northManager.email);
    await page.goto(`${portal.url}${path}`);
    await fillForm(page, '0,1,5,10,16', ['2024', '2', '30']);
    const summary = await page.$$eval('.govuk-error-summary__list a', (as) =>
      as.map((a) => [a.textContent?.trim(), a.getAttribute('href')]),
    );
    expect(summary).toEqual([['The date the bands take effect must be a real date', '#effective-day']]);
    expect(await page.textContent('#effective-error')).toContain('must be a real date');
    expect(await page.inputValue('#bands')).toBe('0,1,5,10,16');
    expect(await axeViolations(page)).toEqual([]);
    await fillForm(page, '', ['', '', '']);
    expect(
      await page.$$eval('.govuk-error-summary__list a', (as) => as.map((a) => a.textContent?.trim())),
    ).toEqual(['Enter the lower bounds of the age bands', 'Enter the date the bands take effect']);
    expect(await stored()).toEqual(before);
    await closePage(page);
  });

  it('shows another council’s manager only that council’s bands', async () => {
    const page = await signedIn('south', people.southManager.email);
    await page.goto(`${portal.url}/c/south/settings/age-bands`);
    expect(await inForce(page)).toEqual(['under 1', '1 to 4', '5 to 9', '10 to 15', '16 and over']);
    expect(await page.$('[data-testid=no-history]')).not.toBeNull();
    expect(await mainText(page)).not.toContain('2099');
    await closePage(page);
  });
});

describe('who may set age bands', () => {
  it('gives an IRO a 403 page, for the page and the form, and no link', async () => {
    const before = await stored();
    const page = await signedIn('north', people.northIro.email);
    expect(await page.$('[data-testid=age-bands-link]')).toBeNull();
    const response = await page.goto(`${portal.url}${path}`);
    expect(response?.status()).toBe(403);
    expect(await page.textContent('h1')).toBe('You do not have access to this page');
    expect(await axeViolations(page)).toEqual([]);
    const posted = await page.request.post(`${portal.url}${path}`, {
      headers: { origin: portal.url },
      form: { bands: '0,2', 'effective-day': '1', 'effective-month': '4', 'effective-year': '2024' },
      maxRedirects: 0,
    });
    expect(posted.status()).toBe(403);
    expect(await stored()).toEqual(before);
    await closePage(page);
  });

  it('lets a council administrator, who configures the council, open it from the home page', async () => {
    const page = await signedIn('north', people.northAdmin.email);
    await Promise.all([page.waitForNavigation(), page.click('[data-testid=age-bands-link]')]);
    expect(new URL(page.url()).pathname).toBe(path);
    expect(await inForce(page)).toEqual(['0 to 4', '5 to 10', '11 to 15', '16 and over']);
    await closePage(page);
  });

  it('sends someone not signed in to the sign-in page', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${portal.url}${path}`);
    expect(new URL(page.url()).pathname).toBe('/c/north/sign-in');
    await context.close();
  });
});
