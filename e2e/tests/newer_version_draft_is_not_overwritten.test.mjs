// A draft written by a newer version of the tool is listed, never opened or overwritten.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DRAFT_PREFIX, field, openPage, usePage } from '../harness.mjs';

const app = usePage();

test('a newer-version draft is refused and left untouched', async () => {
  const context = await app.browser.newContext();
  const setup = await openPage(context, app.url);
  const newer = JSON.stringify({ envelope: 2, id: 'future', name: '新版本的草稿', saved_at: '2099-01-01T00:00:00.000Z', report: { kind: 'ogi-annual-report', version: 7 } });
  await setup.evaluate(([key, text]) => {
    localStorage.clear();
    localStorage.setItem(key, text);
    localStorage.setItem('ogi-report:v1:current', 'future');
  }, [`${DRAFT_PREFIX}future`, newer]);
  await setup.close();

  const page = await openPage(context, app.url);
  const item = page.locator('[data-drafts] [data-draft-id="future"]');
  assert.match(await item.textContent(), /较新版本/);
  assert.equal(await item.getByRole('button', { name: '打开' }).count(), 0);
  await field(page, 'meta.body').fill('本页的新草稿');
  const stored = await page.evaluate((key) => localStorage.getItem(key), `${DRAFT_PREFIX}future`);
  assert.equal(stored, newer, 'never overwritten');
  await context.close();
});
