// A second deployment with another build id: the page shows "有新版本，刷新后使用" and never
// reloads by itself; typing goes on undisturbed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cell, offlineReady, openPage, usePage } from '../harness.mjs';

const app = usePage();

test('a new build is announced, not forced', async () => {
  const context = await app.browser.newContext();
  const page = await openPage(context, app.url);
  await offlineReady(page);
  await page.evaluate(() => { window.__samePage = true; });

  const next = mkdtempSync(join(tmpdir(), 'ogi-build2-'));
  cpSync('dist', next, { recursive: true });
  const sw = readFileSync(join(next, 'sw.js'), 'utf8');
  const id = sw.match(/const BUILD_ID = '([0-9a-f]+)'/)[1];
  writeFileSync(join(next, 'sw.js'), sw.replace(`'${id}'`, `'${id.split('').reverse().join('')}'`));
  app.server.dir = next;

  const input = cell(page, 'requests.granted.research');
  await input.click();
  await page.keyboard.type('12');
  await page.evaluate(() => navigator.serviceWorker.getRegistration().then((registration) => registration.update()));
  await page.keyboard.type('3');
  const notice = page.locator('[data-notice="update"]');
  await notice.waitFor();
  assert.match(await notice.textContent(), /有新版本，刷新后使用/);
  await page.keyboard.type('4');
  assert.equal(await input.inputValue(), '1234', 'typing was never interrupted');
  assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('data-cell')), 'requests.granted.research');
  assert.equal(await page.evaluate(() => window.__samePage), true, 'no reload happened');

  await Promise.all([page.waitForEvent('load'), notice.getByRole('button', { name: '刷新' }).click()]);
  await page.waitForSelector('html[data-app-ready="true"]');
  assert.equal(await cell(page, 'requests.granted.research').inputValue(), '1234', 'the draft survives the update');
  await context.close();
});
