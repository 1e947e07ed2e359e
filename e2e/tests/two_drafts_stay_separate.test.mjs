// Two drafts stay separate: new, switch, reopen; each keeps its own figures and text.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cell, field, openPage, typeInto, usePage } from '../harness.mjs';

const app = usePage();

test('two drafts keep their own content', async () => {
  const context = await app.browser.newContext();
  const page = await openPage(context, app.url);
  await field(page, 'meta.body').fill('甲街道办事处');
  await typeInto(cell(page, 'requests.received.natural_person'), '11');

  await page.getByRole('button', { name: '新建草稿' }).click();
  assert.equal(await field(page, 'meta.body').inputValue(), '');
  assert.equal(await cell(page, 'requests.received.natural_person').inputValue(), '');
  await field(page, 'meta.body').fill('乙镇人民政府');
  await typeInto(cell(page, 'requests.received.natural_person'), '22');

  const drafts = page.locator('[data-drafts] [data-draft-id]');
  assert.equal(await drafts.count(), 2);
  const first = drafts.filter({ hasText: '甲街道办事处' });
  await first.getByRole('button', { name: '打开' }).click();
  assert.equal(await field(page, 'meta.body').inputValue(), '甲街道办事处');
  assert.equal(await cell(page, 'requests.received.natural_person').inputValue(), '11');

  await page.reload();
  await page.waitForSelector('html[data-app-ready="true"]');
  assert.equal(await field(page, 'meta.body').inputValue(), '甲街道办事处', 'the last open draft returns');
  await drafts.filter({ hasText: '乙镇人民政府' }).getByRole('button', { name: '打开' }).click();
  assert.equal(await cell(page, 'requests.received.natural_person').inputValue(), '22');

  page.once('dialog', (dialog) => dialog.accept());
  await drafts.filter({ hasText: '甲街道办事处' }).getByRole('button', { name: '删除' }).click();
  assert.equal(await drafts.count(), 1);
  assert.equal(await field(page, 'meta.body').inputValue(), '乙镇人民政府', 'deleting another draft leaves this one open');
  await context.close();
});
