// Another tab working on another draft: this tab's drafts list follows it (the changed draft only
// is read again), and nothing here is paused or overwritten.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DRAFT_PREFIX, field, openPage, savedAfter, usePage } from '../harness.mjs';

const app = usePage();

test('the drafts list follows another tab', async () => {
  const context = await app.browser.newContext();
  const first = await openPage(context, app.url);
  // Which stored drafts this tab reads: another tab's keystroke must not make it re-read them all.
  await first.evaluate((prefix) => {
    window.__draftReads = 0;
    const getItem = Storage.prototype.getItem;
    Storage.prototype.getItem = function (key) {
      if (String(key).startsWith(prefix)) window.__draftReads += 1;
      return getItem.call(this, key);
    };
  }, DRAFT_PREFIX);
  await field(first, 'meta.body').fill('甲街道');
  await savedAfter(first, null);

  const second = await openPage(context, app.url);
  await second.getByRole('button', { name: '新建草稿' }).click();
  await field(second, 'meta.body').fill('乙');
  await first.waitForFunction(() => document.querySelector('[data-drafts]').textContent.includes('乙'));
  await first.evaluate(() => { window.__draftReads = 0; });
  await field(second, 'meta.body').press('End');
  await second.keyboard.type('街道');
  const drafts = first.locator('[data-drafts] [data-draft-id]');
  await first.waitForFunction(() => document.querySelector('[data-drafts]').textContent.includes('乙街道'));
  assert.equal(await drafts.count(), 2);
  assert.equal(await first.evaluate(() => window.__draftReads), 0, 'the changed draft comes with the event; none is re-read');
  assert.match(await drafts.first().textContent(), /乙街道/, 'newest first');
  assert.equal(await first.locator('[data-notice="other-tab"]').count(), 0, 'another draft is no conflict');
  assert.equal(await field(first, 'meta.body').inputValue(), '甲街道');

  assert.deepEqual(first.errors, []);
  await context.close();
});
