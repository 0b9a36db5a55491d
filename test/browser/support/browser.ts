import { AxeBuilder } from '@axe-core/playwright';
import { chromium, type Page } from 'playwright-core';

/**
 * Debian's chromium, never a downloaded browser. The flags keep it from calling out to the
 * network (refused here, many times a second); Playwright gives each launch a fresh profile.
 */
export function launchBrowser() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
}

/** WCAG 2.2 AA as axe checks it; returns the violations in a readable form (empty when clean). */
export async function axeViolations(page: Page) {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
    .analyze();
  return results.violations.map((v) => ({
    id: v.id,
    impact: v.impact,
    help: v.help,
    targets: v.nodes.map((n) => n.target.join(' ')),
  }));
}

/** The cells of a table's body rows, whitespace collapsed. */
export function tableRows(page: Page, selector: string) {
  return page.$$eval(`${selector} tbody tr`, (rows) =>
    rows.map((row) =>
      Array.from(row.children).map((cell) => (cell.textContent ?? '').replace(/\s+/g, ' ').trim()),
    ),
  );
}

export async function signIn(
  page: Page,
  portalUrl: string,
  council: string,
  email: string,
  password: string,
) {
  await page.goto(`${portalUrl}/c/${council}/sign-in`);
  await page.fill('#email', email);
  await page.fill('#password', password);
  await submit(page, 'Sign in');
}

export const mainText = async (page: Page) => ((await page.textContent('main')) ?? '').replace(/\s+/g, ' ');

/** Clicks a submit button and waits for the page the POST leads to (a redirect or the form again). */
export async function submit(page: Page, label: string) {
  await Promise.all([
    page.waitForNavigation({ waitUntil: 'load' }),
    page.click(`button:has-text("${label}")`),
  ]);
}
