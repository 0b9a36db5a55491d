import { mkdirSync, writeFileSync } from 'node:fs';
import { graphql } from '@footprint/testing';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type System, startSystem } from '../support/system.ts';
import { axeViolations, launchBrowser, mainText, signIn, submit, tableRows } from './support/browser.ts';
import { type Portal, startPortal } from './support/portal.ts';
import { councils, londonToday, password, people, reviewDates, seedCouncils } from './support/seed.ts';

/** Completed years on today's date in England, as the children subgraph counts them. */
const ageToday = (dob: string) => {
  const today = londonToday();
  const years = Number(today.slice(0, 4)) - Number(dob.slice(0, 4));
  return today.slice(5) < dob.slice(5) ? years - 1 : years;
};

const months = 'January February March April May June July August September October November December'.split(
  ' ',
);
const govukDate = (iso: string) =>
  `${Number(iso.slice(8))} ${months[Number(iso.slice(5, 7)) - 1]} ${iso.slice(0, 4)}`;

const placements = {
  U1: 'Foster placement with relative(s) or friend(s) - long term fostering (U1)',
  U4: 'Foster placement with other foster carer(s) - long term fostering (U4)',
  K2: "Children's homes subject to Children's Homes Regulations (K2)",
};

let system: System;
let portal: Portal;
let browser: Browser;

beforeAll(async () => {
  system = await startSystem();
  await seedCouncils(system);
  portal = await startPortal({
    identityDatabaseUrl: system.database.urlFor('identity'),
    authPrivateKey: system.keys.privateKeyPem,
    gatewayUrl: system.gatewayUrl,
  });
  browser = await launchBrowser();
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await portal?.stop();
  if (portal) {
    mkdirSync(new URL('./.artifacts/', import.meta.url), { recursive: true });
    writeFileSync(new URL('./.artifacts/portal.log', import.meta.url), portal.output());
  }
  await system?.stop();
}, 60_000);

const consoleErrors = new WeakMap<Page, string[]>();

/** A fresh browser profile (no cookies) per person, as two people on two machines. */
async function freshPage() {
  const context = await browser.newContext();
  const page = await context.newPage();
  const errors: string[] = [];
  consoleErrors.set(page, errors);
  // A content security policy violation or a script error shows up here.
  page.on('console', (message) => {
    if (message.type() === 'error' && !/status of (400|404)/.test(message.text()))
      errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(String(error)));
  return page;
}

async function closePage(page: Page) {
  expect(consoleErrors.get(page)).toEqual([]);
  await page.context().close();
}

/** What the API itself says is next due for a child: the portal must show exactly this. */
async function nextDueFromGateway(tenant: string, staffRef: string) {
  const token = await system.keys.tokenFor({ tenant, roles: ['iro'], staffRef });
  const response = await graphql<{
    myCaseload: {
      id: string;
      reviewSchedule: { nextDueDate: string; overdue: boolean; daysOverdue: number } | null;
    }[];
  }>(system.gatewayUrl, '{ myCaseload { id reviewSchedule { nextDueDate overdue daysOverdue } } }', {
    token,
  });
  expect(response.errors).toBeUndefined();
  return new Map(response.data!.myCaseload.map((child) => [child.id, child.reviewSchedule]));
}

describe('the start page', () => {
  it('lists every council with a link to its sign-in, and passes axe', async () => {
    const page = await freshPage();
    const response = await page.goto(`${portal.url}/`);
    expect(response?.status()).toBe(200);
    expect(await page.title()).toBe('Choose your council – Footprint');
    expect(await page.getAttribute('html', 'lang')).toBe('en-GB');
    const links = await page.$$eval('[data-testid=councils] a', (as) =>
      as.map((a) => [a.textContent?.replace(/\s+/g, ' ').trim(), a.getAttribute('href')]),
    );
    expect(links).toEqual([
      [`${councils.north.name}: sign in`, '/c/north/sign-in'],
      [`${councils.south.name}: sign in`, '/c/south/sign-in'],
    ]);
    expect(await axeViolations(page)).toEqual([]);
    await closePage(page);
  });

  it('sends the security headers and a strict content security policy', async () => {
    const response = await fetch(`${portal.url}/c/north/sign-in`);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('referrer-policy')).toBe('same-origin');
    expect(response.headers.get('cache-control')).toBe('no-store');
    const csp = response.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    // No inline script anywhere, so no nonce or 'unsafe-inline' is needed.
    expect(csp).toContain("script-src 'self';");
    expect(csp).not.toContain('unsafe');
  });
});

describe('signing in', () => {
  it('shows the sign-in page of the council in the address, and passes axe', async () => {
    const page = await freshPage();
    await page.goto(`${portal.url}/c/north/sign-in`);
    expect(await page.title()).toBe(`Sign in – ${councils.north.name} – Footprint`);
    expect(await page.textContent('.govuk-generic-header')).toContain(councils.north.name);
    expect(await page.textContent('.govuk-service-navigation__service-name')).toContain('Footprint');
    expect(await axeViolations(page)).toEqual([]);
    await closePage(page);
  });

  it('refuses a wrong password without saying which field was wrong, and passes axe with the errors', async () => {
    const page = await freshPage();
    await page.goto(`${portal.url}/c/north/sign-in`);
    await page.fill('#email', people.northIro.email);
    await page.fill('#password', 'not the password at all');
    await submit(page, 'Sign in');
    expect(new URL(page.url()).pathname).toBe('/c/north/sign-in');
    expect(await page.title()).toBe(`Error: Sign in – ${councils.north.name} – Footprint`);
    const summary = await page.$$eval('.govuk-error-summary__list a', (as) =>
      as.map((a) => [a.textContent?.trim(), a.getAttribute('href')]),
    );
    expect(summary).toEqual([['Enter a correct email address and password', '#email']]);
    // The email is kept; the password is never sent back.
    expect(await page.inputValue('#email')).toBe(people.northIro.email);
    expect(await page.inputValue('#password')).toBe('');
    // GOV.UK Frontend's JavaScript moved focus to the summary.
    expect(await page.evaluate(() => document.activeElement?.className)).toContain('govuk-error-summary');
    expect((await page.context().cookies()).find((c) => c.name === 'footprint_session')).toBeUndefined();
    expect(await axeViolations(page)).toEqual([]);
    await closePage(page);
  });

  it('gives the same answer for an unknown person as for a wrong password', async () => {
    const page = await freshPage();
    await signIn(page, portal.url, 'north', 'nobody@north.example', password);
    expect(await page.textContent('.govuk-error-summary')).toContain(
      'Enter a correct email address and password',
    );
    // A person of south is unknown to north.
    await signIn(page, portal.url, 'north', people.southIro.email, password);
    expect(await page.textContent('.govuk-error-summary')).toContain(
      'Enter a correct email address and password',
    );
    await closePage(page);
  });

  it('asks for both fields when they are empty', async () => {
    const page = await freshPage();
    await page.goto(`${portal.url}/c/north/sign-in`);
    await submit(page, 'Sign in');
    const summary = await page.$$eval('.govuk-error-summary__list a', (as) =>
      as.map((a) => [a.textContent?.trim(), a.getAttribute('href')]),
    );
    expect(summary).toEqual([
      ['Enter your email address', '#email'],
      ['Enter your password', '#password'],
    ]);
    expect(await page.getAttribute('#email', 'aria-describedby')).toBe('email-error');
    expect(await axeViolations(page)).toEqual([]);
    await closePage(page);
  });

  it('shows a not-found page for a council that does not exist', async () => {
    const page = await freshPage();
    const response = await page.goto(`${portal.url}/c/atlantis/sign-in`);
    expect(response?.status()).toBe(404);
    expect(await page.textContent('h1')).toBe('Page not found');
    await closePage(page);
  });

  it('refuses a sign-in posted from another site (SvelteKit’s origin check)', async () => {
    const response = await fetch(`${portal.url}/c/north/sign-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: 'https://evil.example' },
      body: new URLSearchParams({ email: people.northIro.email, password }),
      redirect: 'manual',
    });
    expect(response.status).toBe(403);
    expect(response.headers.get('set-cookie')).toBeNull();
  });
});

describe('an IRO’s caseload', () => {
  it('shows exactly the IRO’s own children, with ages, placements, IRO and review dates, and passes axe', async () => {
    const page = await freshPage();
    await signIn(page, portal.url, 'north', people.northIro.email, password);
    expect(new URL(page.url()).pathname).toBe('/c/north');
    expect(await page.title()).toBe(`Your caseload – ${councils.north.name} – Footprint`);
    expect(await page.textContent('.govuk-generic-header')).toContain(councils.north.name);
    expect(await page.textContent('[data-testid=signed-in-as]')).toContain(people.northIro.name);
    expect(await page.textContent('h1')).toBe('Your caseload');
    expect(await page.textContent('caption')).toContain('2 children allocated to you');

    const due = await nextDueFromGateway('north', 'I1');
    const ada = due.get('C1')!;
    const ben = due.get('C2')!;
    expect(ada.overdue).toBe(true);
    expect(ben.overdue).toBe(false);
    const rows = await tableRows(page, '[data-testid=children]');
    // Soonest (overdue) review first.
    expect(rows).toEqual([
      [
        'Ada North',
        String(ageToday('2012-05-01')),
        placements.U1,
        'Nadia Reviewer',
        govukDate(reviewDates.ada),
        `${govukDate(ada.nextDueDate)} Overdue by ${ada.daysOverdue} days`,
      ],
      [
        'Ben North',
        String(ageToday('2019-02-10')),
        placements.U4,
        'Nadia Reviewer',
        govukDate(reviewDates.ben),
        govukDate(ben.nextDueDate),
      ],
    ]);
    expect(await page.$$eval('.govuk-tag--red', (tags) => tags.map((t) => t.textContent?.trim()))).toEqual([
      'Overdue',
    ]);
    const text = await mainText(page);
    for (const other of ['Cara North', 'Cleo South', 'Dev South']) expect(text).not.toContain(other);

    expect(await axeViolations(page)).toEqual([]);
    // For a person to look at (not committed): does it look like a GOV.UK service?
    mkdirSync(new URL('./.artifacts/', import.meta.url), { recursive: true });
    await page.screenshot({
      path: new URL('./.artifacts/caseload.png', import.meta.url).pathname,
      fullPage: true,
    });
    await closePage(page);
  });

  it('sets an httpOnly, SameSite=Lax session cookie that ends with the session', async () => {
    const page = await freshPage();
    await signIn(page, portal.url, 'north', people.northIro.email, password);
    const cookie = (await page.context().cookies()).find((c) => c.name === 'footprint_session');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/', secure: false });
    const hours = (cookie!.expires * 1000 - Date.now()) / 3_600_000;
    expect(hours).toBeGreaterThan(7.9);
    expect(hours).toBeLessThanOrEqual(8);
    await closePage(page);
  });
});

describe('two councils with the same CHILD reference', () => {
  it('shows south’s C1 only to south, and north’s session at /c/south lands on south’s sign-in', async () => {
    const north = await freshPage();
    await signIn(north, portal.url, 'north', people.northIro.email, password);
    expect(await mainText(north)).toContain('Ada North');

    // The same browser, south's address: signed out there, never north's data under south's URL.
    const response = await north.goto(`${portal.url}/c/south`);
    expect(response?.status()).toBe(200);
    expect(new URL(north.url()).pathname).toBe('/c/south/sign-in');
    expect(await north.textContent('.govuk-generic-header')).toContain(councils.south.name);
    expect(await north.$('[data-testid=signed-in-as]')).toBeNull();
    const southText = await mainText(north);
    for (const child of ['Ada North', 'Ben North', 'Cleo South']) expect(southText).not.toContain(child);
    // north's session still stands at north.
    await north.goto(`${portal.url}/c/north`);
    expect(new URL(north.url()).pathname).toBe('/c/north');

    const south = await freshPage();
    await signIn(south, portal.url, 'south', people.southIro.email, password);
    expect(new URL(south.url()).pathname).toBe('/c/south');
    const rows = await tableRows(south, '[data-testid=children]');
    // Dev has never had a review, so his is the most overdue and comes first.
    expect(rows.map((row) => row.slice(0, 5))).toEqual([
      ['Dev South', String(ageToday('2015-01-20')), placements.U4, 'Sam Reviewer', 'None yet'],
      [
        'Cleo South',
        String(ageToday('2010-09-09')),
        placements.K2,
        'Sam Reviewer',
        govukDate(reviewDates.cleo),
      ],
    ]);
    const text = await mainText(south);
    for (const child of ['Ada North', 'Ben North']) expect(text).not.toContain(child);
    await closePage(north);
    await closePage(south);
  });
});

describe('signing out', () => {
  it('ends the session: back, reload and the home address all show sign-in', async () => {
    const page = await freshPage();
    await signIn(page, portal.url, 'north', people.northIro.email, password);
    expect(new URL(page.url()).pathname).toBe('/c/north');
    const cookie = (await page.context().cookies()).find((c) => c.name === 'footprint_session')!;

    await submit(page, 'Sign out');
    expect(new URL(page.url()).pathname).toBe('/c/north/sign-in');
    expect(await page.textContent('.govuk-notification-banner')).toContain('You have signed out');
    expect((await page.context().cookies()).find((c) => c.name === 'footprint_session')).toBeUndefined();

    await page.goBack();
    await page.waitForLoadState('load');
    expect(new URL(page.url()).pathname).toBe('/c/north/sign-in');
    expect(await mainText(page)).not.toContain('Ada North');

    await page.reload();
    expect(new URL(page.url()).pathname).toBe('/c/north/sign-in');
    await page.goto(`${portal.url}/c/north`);
    expect(new URL(page.url()).pathname).toBe('/c/north/sign-in');

    // The old token is dead on the server too, not only forgotten by the browser.
    const replay = await fetch(`${portal.url}/c/north`, {
      headers: { cookie: `footprint_session=${cookie.value}` },
      redirect: 'manual',
    });
    expect(replay.status).toBe(303);
    expect(replay.headers.get('location')).toBe('/c/north/sign-in');
    await closePage(page);
  });

  it('treats an expired session as signed out and clears its cookie', async () => {
    const page = await freshPage();
    await signIn(page, portal.url, 'north', people.northIro.email, password);
    await system.database.superuser.query(
      `update identity.sessions set expires_at = now() - interval '1 minute'
        where user_id = (select id from identity.users where email = $1)`,
      [people.northIro.email],
    );
    await page.goto(`${portal.url}/c/north`);
    expect(new URL(page.url()).pathname).toBe('/c/north/sign-in');
    expect((await page.context().cookies()).find((c) => c.name === 'footprint_session')).toBeUndefined();
    await closePage(page);
  });
});

describe('other roles', () => {
  it('shows a manager every child of the council, and passes axe', async () => {
    const page = await freshPage();
    await signIn(page, portal.url, 'north', people.northManager.email, password);
    expect(await page.textContent('h1')).toBe('Children in care');
    const rows = await tableRows(page, '[data-testid=children]');
    expect(rows.map((row) => [row[0], row[3]]).sort()).toEqual([
      ['Ada North', 'Nadia Reviewer'],
      ['Ben North', 'Nadia Reviewer'],
      ['Cara North', 'Omar Reviewer'],
    ]);
    expect(await mainText(page)).not.toContain('Cleo South');
    expect(await axeViolations(page)).toEqual([]);
    // On a phone the table scrolls inside a focusable region, and still passes.
    await page.setViewportSize({ width: 375, height: 800 });
    expect(await axeViolations(page)).toEqual([]);
    await closePage(page);
  });

  for (const who of ['advocate', 'northCcc', 'northAdmin'] as const) {
    it(`shows ${who} what they can do here and no child data`, async () => {
      const page = await freshPage();
      await signIn(page, portal.url, 'north', people[who].email, password);
      expect(new URL(page.url()).pathname).toBe('/c/north');
      expect(await page.$('[data-testid=no-child-records]')).not.toBeNull();
      expect(await page.$('table')).toBeNull();
      const text = await mainText(page);
      for (const child of ['Ada North', 'Ben North', 'Cara North', 'Cleo South'])
        expect(text).not.toContain(child);
      expect(await axeViolations(page)).toEqual([]);
      await closePage(page);
    });
  }

  it('lets a platform operator list the councils, with no child data', async () => {
    const page = await freshPage();
    await page.goto(`${portal.url}/platform`);
    expect(new URL(page.url()).pathname).toBe('/platform/sign-in');
    await page.fill('#email', people.operator.email);
    await page.fill('#password', password);
    await submit(page, 'Sign in');
    expect(new URL(page.url()).pathname).toBe('/platform');
    const rows = await tableRows(page, '[data-testid=councils]');
    expect(rows.map((row) => [row[0], row[1]])).toEqual([
      [councils.north.name, '/c/north'],
      [councils.south.name, '/c/south'],
    ]);
    expect(await mainText(page)).not.toContain('Ada North');
    // A platform session is no council's session.
    await page.goto(`${portal.url}/c/north`);
    expect(new URL(page.url()).pathname).toBe('/c/north/sign-in');
    expect(await axeViolations(page)).toEqual([]);
    await closePage(page);
  });

  it('does not let a council person sign in to the platform', async () => {
    const page = await freshPage();
    await page.goto(`${portal.url}/platform/sign-in`);
    await page.fill('#email', people.northManager.email);
    await page.fill('#password', password);
    await submit(page, 'Sign in');
    expect(new URL(page.url()).pathname).toBe('/platform/sign-in');
    expect(await page.textContent('.govuk-error-summary')).toContain(
      'Enter a correct email address and password',
    );
    await closePage(page);
  });
});

describe('when the API answers with an error', () => {
  it('shows a clear error page with a reference, and nothing of the error itself', async () => {
    // The children subgraph alone does not know the reviews fields: every caseload query fails there.
    const broken = await startPortal({
      identityDatabaseUrl: system.database.urlFor('identity'),
      authPrivateKey: system.keys.privateKeyPem,
      gatewayUrl: system.subgraphUrl('children'),
    });
    try {
      const page = await freshPage();
      await page.goto(`${broken.url}/c/north/sign-in`);
      await page.fill('#email', people.northIro.email);
      await page.fill('#password', password);
      const [response] = await Promise.all([
        page.waitForResponse(
          (r) => new URL(r.url()).pathname === '/c/north' && r.request().method() === 'GET',
        ),
        page.click('button:has-text("Sign in")'),
      ]);
      expect(response.status()).toBe(503);
      await page.waitForLoadState('load');
      expect(await page.textContent('h1')).toBe('Sorry, there is a problem with the service');
      const reference = (await page.textContent('[data-testid=request-id]'))?.trim();
      expect(reference).toMatch(/^[0-9a-f-]{36}$/);
      const text = await mainText(page);
      expect(text).not.toMatch(/lastReview|reviewSchedule|GRAPHQL|Cannot query field|at \w+ \(/);
      // The portal logged the real error under the same reference.
      expect(broken.output()).toContain(reference);
      expect(broken.output()).toContain('gateway query failed');
      await page.context().close();
    } finally {
      await broken.stop();
    }
  });
});
