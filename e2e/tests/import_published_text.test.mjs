// Importing the text of a published report page: the summary says what was read, left blank or
// not understood; nothing changes until the user confirms; confirming makes a draft, or starts
// this year's draft from it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { cell, field, findings, openPage, usePage, useItAnyway } from '../harness.mjs';

const app = usePage();
const PAGE = readFileSync('tests/fixtures/seed-2021-page.txt', 'utf8');

async function readText(page, text) {
  await page.locator('[data-import="text"]').click();
  await page.locator('[data-import-text]').fill(text);
  await page.locator('[data-import-read]').click();
}

test('import summary, confirm as a draft, and start this year from it', async () => {
  const context = await app.browser.newContext();
  const page = await openPage(context, app.url);
  await field(page, 'meta.body').fill('原有草稿');

  await readText(page, '会议纪要\n今天讨论了食堂菜单。');
  const refused = page.locator('[data-import-refused]');
  await refused.waitFor();
  assert.match(await refused.textContent(), /没有找到政府信息公开工作年度报告/, 'said in the dialog, in place');
  await page.getByRole('button', { name: '取消' }).click();

  await readText(page, PAGE);
  const summary = page.locator('[data-import-summary]');
  await summary.waitFor();
  assert.equal(await summary.locator('[data-import-filled]').getAttribute('data-import-filled'), '200');
  assert.match(await summary.textContent(), /老城区东南隅街道办事处2021年政府信息公开工作年度报告/);
  assert.equal(await summary.locator('[data-import-line]').count(), 2, 'the two lines with an eighth number are listed');
  assert.equal(await field(page, 'meta.body').inputValue(), '原有草稿', 'nothing changes before confirming');

  await summary.locator('[data-import-use="draft"]').click();
  assert.equal(await field(page, 'meta.body').inputValue(), '老城区东南隅街道办事处');
  assert.equal(await cell(page, 'requests.total.total').inputValue(), '0');
  assert.match(await field(page, 'overview.1.heading').inputValue(), /基层政务公开标准化规范化推进情况/);
  assert.equal(await page.locator('[data-drafts] [data-draft-id]').count(), 2);

  await readText(page, PAGE);
  await page.locator('[data-import-use="start"]').click();
  await useItAnyway(page);
  assert.equal(await field(page, 'meta.year').inputValue(), '2022');
  assert.equal(await cell(page, 'requests.carried_in.total').inputValue(), '0', '上年结转 from last year');
  await page.getByRole('button', { name: '检查' }).click();
  assert.equal(await findings(page, 'R9').count(), 0);
  await context.close();
});

// A PDF's text in its own reading order (01.txt prints most of table 三 column by column): the
// dialog says how its cells were inferred, a line a way, not that they were split from digits.
test('cells turned from a PDF reading order are named with how they were read', async () => {
  const context = await app.browser.newContext();
  const page = await openPage(context, app.url);
  await readText(page, readFileSync('crates/ogi-report-import/tests/real/01.txt', 'utf8'));
  const summary = page.locator('[data-import-summary]');
  await summary.waitFor();
  const reasons = await summary.locator('[data-import-inferred-why] li').allTextContents();
  assert.ok(reasons.some((line) => /^\d+ 个：这几行的数字在文字中按列排出/.test(line)), reasons.join('\n'));
  assert.ok(reasons.length < 8, 'a line a way of reading, not a line a cell');
  assert.doesNotMatch(await summary.textContent(), /由连在一起的数字拆分得出，请与/);
  await summary.locator('[data-import-use="draft"]').click();
  assert.equal(await cell(page, 'requests.unable_not_held.natural_person').inputValue(), '10');
  await context.close();
});
