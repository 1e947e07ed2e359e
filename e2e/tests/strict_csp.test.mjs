// Both pages under the strict Content-Security-Policy the build writes (dist/csp.txt: one hash
// per page's inline loader): no violation while typing, checking, exporting and printing, nor on
// the tools page.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { cell, downloadOf, offlineReady, openPage, typeInto, usePage } from '../harness.mjs';

const policy = readFileSync('dist/csp.txt', 'utf8').trim();
const app = usePage({ headers: { 'Content-Security-Policy': policy } });

test('no CSP violation under the strict policy', async () => {
  assert.match(policy, /^default-src 'self'; script-src 'self' 'wasm-unsafe-eval' 'sha256-[A-Za-z0-9+/=]+' 'sha256-[A-Za-z0-9+/=]+'$/);
  assert.doesNotMatch(policy, /'unsafe-eval'|'unsafe-inline'/);
  const context = await app.browser.newContext({ acceptDownloads: true });
  await context.addInitScript(() => {
    window.__violations = [];
    document.addEventListener('securitypolicyviolation', (event) => window.__violations.push(`${event.violatedDirective} ${event.blockedURI}`));
  });
  const page = await openPage(context, app.url);
  await offlineReady(page);
  await typeInto(cell(page, 'requests.received.natural_person'), '3');
  await page.getByRole('button', { name: '检查' }).click();
  await downloadOf(page, page.locator('[data-export="json"]'));
  await page.evaluate(() => { window.print = () => {}; });
  await page.locator('[data-export="print"]').click();
  await page.locator('[data-export-anyway]').click();
  await page.locator('#print-view h1').waitFor({ state: 'attached' });
  await page.emulateMedia({ media: 'print' });
  assert.equal(await page.locator('#print-view h1').isVisible(), true);
  const font = await page.locator('#print-view h1').evaluate((h1) => getComputedStyle(h1).fontSize);
  assert.equal(font, '29.3333px', 'the print view is styled (22pt) without inline styles');
  assert.deepEqual(await page.evaluate(() => window.__violations), []);
  assert.deepEqual(page.errors, []);

  const tools = await openPage(context, `${app.url}tools/?view=compare`);
  await tools.waitForSelector('[data-compare-missing], [data-compare-summary]');
  assert.deepEqual(await tools.evaluate(() => window.__violations), []);
  assert.deepEqual(tools.errors, []);
  await context.close();
});
