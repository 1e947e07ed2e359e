// The same draft edited in two tabs: the tab that did not write gets a notice, stops saving,
// and neither tab silently overwrites the other.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DRAFT_PREFIX, cell, field, openPage, savedAfter, typeInto, usePage } from '../harness.mjs';

const app = usePage();

test('two tabs on one draft get the notice', async () => {
  const context = await app.browser.newContext();
  const first = await openPage(context, app.url);
  await field(first, 'meta.body').fill('两页测试街道');
  await savedAfter(first, null);
  const second = await openPage(context, app.url);
  assert.equal(await field(second, 'meta.body').inputValue(), '两页测试街道');

  await typeInto(cell(second, 'requests.granted.natural_person'), '5');
  const notice = first.locator('[data-notice="other-tab"]');
  await notice.waitFor();
  const id = await first.evaluate(() => localStorage.getItem('ogi-report:v1:current'));
  const storedBySecond = await first.evaluate((key) => localStorage.getItem(key), `${DRAFT_PREFIX}${id}`);

  await typeInto(cell(first, 'requests.granted.commercial'), '7');
  const afterFirstTyped = await first.evaluate((key) => localStorage.getItem(key), `${DRAFT_PREFIX}${id}`);
  assert.equal(afterFirstTyped, storedBySecond, 'the first tab does not overwrite the second');
  assert.equal(await first.locator('[data-saved-at]').textContent(), '已暂停保存');

  await notice.getByRole('button', { name: '把本页内容另存为新草稿' }).click();
  await notice.waitFor({ state: 'detached' });
  assert.equal(await first.locator('[data-drafts] [data-draft-id]').count(), 2);
  assert.equal(await cell(first, 'requests.granted.commercial').inputValue(), '7');
  assert.equal(await cell(first, 'requests.granted.natural_person').inputValue(), '');
  await context.close();
});
