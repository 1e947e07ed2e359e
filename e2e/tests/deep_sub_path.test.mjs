// The same build served under a deep sub-path: every asset loads and the service worker's scope
// is that path.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cell, offlineReady, openPage, typeInto, usePage } from '../harness.mjs';

const PREFIX = '/portal/some/deep/path/';
const app = usePage({ prefix: PREFIX });

test('hosting under a deep sub-path', async () => {
  const context = await app.browser.newContext();
  const failed = [];
  context.on('response', (response) => { if (response.status() >= 400) failed.push(`${response.status()} ${response.url()}`); });
  const page = await openPage(context, app.url);
  await offlineReady(page);
  const scope = await page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r.scope));
  assert.equal(new URL(scope).pathname, PREFIX);
  await typeInto(cell(page, 'requests.received.natural_person'), '2');
  assert.equal(await cell(page, 'requests.received.total').inputValue(), '2');
  assert.deepEqual(failed, []);
  await context.close();
});
