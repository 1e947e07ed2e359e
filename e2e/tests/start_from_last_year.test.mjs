// Starting this year's draft from last year's report file: 上年结转 from last year's row 四,
// headings carried, R9/R10/R17 live; attaching last year's report to an existing draft.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { cell, field, findings, openPage, typeInto, usePage, useItAnyway } from '../harness.mjs';

const app = usePage();

const lastYear = () => {
  const report = JSON.parse(readFileSync('tests/fixtures/seed-2021.json', 'utf8'));
  report.requests.received.natural_person = 5;
  report.requests.received.total = 5;
  report.requests.carried_forward.natural_person = 5;
  report.requests.carried_forward.total = 5;
  return { name: 'last-year.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(report)) };
};

test('start from last year, and attach last year to a draft', async () => {
  const context = await app.browser.newContext();
  const page = await openPage(context, app.url);
  await page.locator('[data-import="last-year"]').setInputFiles(lastYear());
  await useItAnyway(page);
  await page.waitForFunction(() => document.querySelector('[data-field="meta.body"]').value === '老城区东南隅街道办事处');
  assert.equal(await field(page, 'meta.year').inputValue(), '2022');
  assert.equal(await cell(page, 'requests.carried_in.natural_person').inputValue(), '5');
  assert.equal(await cell(page, 'requests.carried_in.total').inputValue(), '5');
  assert.equal(await field(page, 'overview.1.heading').inputValue(), '（一）基层政务公开标准化规范化推进情况');
  assert.equal(await field(page, 'overview.1.text').inputValue(), '', 'texts are to be written anew');

  await typeInto(cell(page, 'requests.carried_in.natural_person'), '4');
  assert.equal(await findings(page, 'R9').count(), 1, 'R9 fires live, once (自然人; not again in 总计)');
  await typeInto(cell(page, 'requests.carried_in.natural_person'), '5');
  assert.equal(await findings(page, 'R9').count(), 0, 'and clears');
  const copied = readFileSync('tests/fixtures/seed-2021.json', 'utf8');
  await field(page, 'overview.1.text').fill(JSON.parse(copied).overview[1].text);
  await field(page, 'overview.2.text').fill(JSON.parse(copied).overview[2].text);
  assert.equal(await findings(page, 'R17').count(), 1, 'copied text is flagged');

  await page.getByRole('button', { name: '新建草稿' }).click();
  await field(page, 'meta.body').fill('老城区东南隅街道办事处');
  await page.locator('[data-import="previous"]').setInputFiles(lastYear());
  await useItAnyway(page);
  await page.locator('[data-notice="message"]').waitFor();
  await typeInto(cell(page, 'requests.carried_in.natural_person'), '2');
  assert.equal(await findings(page, 'R9').count(), 1, 'R9 runs against the attached report');
  await context.close();
});
