// Opening a report file: a good file becomes a new draft; a bad one changes nothing and says why.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cell, field, openPage, typeInto, usePage } from '../harness.mjs';

const app = usePage();

test('opening a report file, good and bad', async () => {
  const context = await app.browser.newContext();
  const page = await openPage(context, app.url);
  await field(page, 'meta.body').fill('原有草稿');
  await typeInto(cell(page, 'requests.granted.natural_person'), '8');

  const bad = { name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from('{"kind": "ogi-annual-report", "version": 99}') };
  await page.locator('[data-import="json"]').setInputFiles(bad);
  const notice = page.locator('[data-notice="message"]');
  await notice.waitFor();
  assert.match(await notice.textContent(), /broken\.json.*未能打开，当前内容没有改变.*较新版本/);
  assert.equal(await field(page, 'meta.body').inputValue(), '原有草稿');
  assert.equal(await cell(page, 'requests.granted.natural_person').inputValue(), '8');

  await page.locator('[data-import="json"]').setInputFiles('tests/fixtures/seed-2021.json');
  await page.waitForFunction(() => document.querySelector('[data-field="meta.body"]').value === '老城区东南隅街道办事处');
  assert.equal(await field(page, 'meta.year').inputValue(), '2021');
  assert.match(await field(page, 'overview.1.heading').inputValue(), /基层政务公开标准化规范化推进情况/);
  assert.equal(await page.locator('[data-drafts] [data-draft-id]').count(), 2, 'the opened file is a new draft');
  await context.close();
});
