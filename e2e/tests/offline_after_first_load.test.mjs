// Load once; with no network at all the page reloads, the drafts are intact and exports still
// download: the first Word export loads the file-work package from the service worker's cache. The tools page, opened once while online, opens offline too.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cell, downloadOf, field, offlineReady, openPage, savedAfter, typeInto, usePage } from '../harness.mjs';

const app = usePage();

test('the page works offline after the first load', async () => {
  const context = await app.browser.newContext({ acceptDownloads: true });
  const page = await openPage(context, app.url);
  await offlineReady(page);
  await field(page, 'meta.body').fill('离线测试街道');
  await typeInto(cell(page, 'requests.granted.natural_person'), '6');
  await savedAfter(page, null);
  const tools = await openPage(context, `${app.url}tools/?view=compare`);
  await tools.waitForSelector('[data-compare-missing]');
  await tools.close();

  const fetched = await page.evaluate(() => performance.getEntriesByType('resource').map((entry) => entry.name));
  assert.ok(!fetched.some((url) => url.includes('file-work/')), 'file work is not part of the first load');
  await offlineReady(page);
  assert.ok(await page.evaluate(async () => Boolean(await caches.match('file-work/ogi_report_bg.wasm', { ignoreSearch: true }))),
    'the service worker precached the file-work package');

  await new Promise((resolve) => app.server.close(resolve));
  app.server = null;
  await context.setOffline(true);
  await page.reload();
  await page.waitForSelector('html[data-app-ready="true"]');
  assert.equal(await field(page, 'meta.body').inputValue(), '离线测试街道');
  assert.equal(await cell(page, 'requests.granted.natural_person').inputValue(), '6');
  await typeInto(cell(page, 'requests.granted.commercial'), '1');
  assert.equal(await cell(page, 'requests.granted.total').inputValue(), '7', 'rules run offline');
  await page.locator('[data-export="docx"]').click();
  const { name, bytes } = await downloadOf(page, page.locator('[data-export-anyway]'));
  assert.match(name, /离线测试街道.*\.docx$/);
  assert.equal(bytes.subarray(0, 2).toString(), 'PK');

  const offlineTools = await openPage(context, `${app.url}tools/?view=compare`);
  await offlineTools.waitForSelector('[data-compare-missing="last"]');
  assert.match(await offlineTools.locator('[data-compare-missing]').textContent(), /离线测试街道/,
    'the offline tools page reads the draft being filled');
  await context.close();
});
