// Another tab working on another draft: this tab's drafts list follows it (the changed draft only
// is read again), and nothing here is paused or overwritten.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { field, openPage, savedAfter, usePage } from '../harness.mjs';

const app = usePage();

test('the drafts list follows another tab', async () => {
  const context = await app.browser.newContext();
  const first = await openPage(context, app.url);
  await field(first, 'meta.body').fill('甲街道');
  await savedAfter(first, null);

  const second = await openPage(context, app.url);
  await second.getByRole('button', { name: '新建草稿' }).click();
  await field(second, 'meta.body').fill('乙');
  await field(second, 'meta.body').press('End');
  await second.keyboard.type('街道');
  const drafts = first.locator('[data-drafts] [data-draft-id]');
  await first.waitForFunction(() => document.querySelector('[data-drafts]').textContent.includes('乙街道'));
  assert.equal(await drafts.count(), 2);
  assert.match(await drafts.first().textContent(), /乙街道/, 'newest first');
  assert.equal(await first.locator('[data-notice="other-tab"]').count(), 0, 'another draft is no conflict');
  assert.equal(await field(first, 'meta.body').inputValue(), '甲街道');

  assert.deepEqual(first.errors, []);
  await context.close();
});
