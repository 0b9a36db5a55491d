import { startSystem } from '../support/system.ts';
import { launchBrowser, submit } from './support/browser.ts';
import { startPortal } from './support/portal.ts';
import { seedCouncils, password, people } from './support/seed.ts';
const system = await startSystem();
await seedCouncils(system);
const portal = await startPortal({ identityDatabaseUrl: system.database.urlFor('identity'), authPrivateKey: system.keys.privateKeyPem, gatewayUrl: system.gatewayUrl });
const browser = await launchBrowser();
try {
  const page = await browser.newPage();
  page.on('console', (m) => console.log('CONSOLE', m.type(), m.text()));
  page.on('response', (r) => console.log('RESP', r.status(), r.request().method(), r.url()));
  page.on('pageerror', (e) => console.log('PAGEERROR', e));
  await page.goto(`${portal.url}/c/north/sign-in`);
  await page.fill('#email', people.northIro.email);
  await page.fill('#password', 'wrong password');
  await submit(page, 'Sign in');
  console.log('URL', page.url(), 'TITLE', await page.title());
  await page.waitForTimeout(1000);
  console.log('URL', page.url(), 'TITLE', await page.title());
  console.log((await page.content()).slice(0, 500));
} finally {
  console.log('PORTAL OUTPUT\n' + portal.output());
  await browser.close();
  await portal.stop(); await system.stop();
}
