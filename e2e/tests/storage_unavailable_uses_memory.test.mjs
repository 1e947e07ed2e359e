// Storage that throws on access (a sandboxed iframe, storage disabled): the page runs in memory
// with a permanent notice, and the report can still be downloaded.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cell, field, openPage, typeInto, usePage } from '../harness.mjs';

const app = usePage();

test('storage that throws gives in-memory mode with a notice', async () => {
  const context = await app.browser.newContext({ acceptDownloads: true });
  await context.addInitScript(() => {
    Object.defineProperty(window, 'localStorage', {
      get() {
        throw new DOMException('The operation is insecure.', 'SecurityError');
      },
    });
  });
  const page = await openPage(context, app.url);
  const notice = page.locator('[data-notice="storage-unavailable"]');
  assert.match(await notice.textContent(), /无法使用本地存储（SecurityError）/);
  await field(page, 'meta.body').fill('内存模式街道');
  await typeInto(cell(page, 'requests.received.other_org'), '2');
  assert.equal(await cell(page, 'requests.received.total').inputValue(), '2');
  assert.equal(await notice.count(), 1, 'the notice stays');

  const download = page.waitForEvent('download');
  await page.locator('[data-export="json"]').click();
  const text = Buffer.concat(await (await (await download).createReadStream()).toArray()).toString('utf8');
  assert.equal(JSON.parse(text).requests.received.other_org, 2);
  assert.deepEqual(page.errors, []);
  await context.close();
});
