// Reload restores every field exactly, including text that is not a number.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cell, field, openPage, savedAfter, typeInto, usePage } from '../harness.mjs';

const app = usePage();

test('reload restores every field exactly', async () => {
  const context = await app.browser.newContext();
  const page = await openPage(context, app.url);
  await field(page, 'meta.body').fill('老城区东南隅街道办事处');
  await field(page, 'meta.year').selectOption('2021');
  await field(page, 'meta.body_type').selectOption('government');
  await field(page, 'overview.0.heading').fill('（一）基层政务公开标准化规范化推进情况');
  await field(page, 'overview.0.text').fill('明确工作责任，确保政府信息公开工作规范、有序开展。\n第二段。');
  await field(page, 'other_matters.0.text').fill('无');
  await typeInto(cell(page, 'requests.granted.commercial'), '12a');
  await typeInto(cell(page, 'proactive.fees'), '0.50');
  await typeInto(cell(page, 'appeals.review.upheld'), '/');
  await typeInto(cell(page, 'proactive.licensing'), '１２');
  await cell(page, 'proactive.punishment').focus();
  await savedAfter(page, null);

  await page.reload();
  await page.waitForSelector('html[data-app-ready="true"]');
  assert.equal(await field(page, 'meta.body').inputValue(), '老城区东南隅街道办事处');
  assert.equal(await field(page, 'meta.year').inputValue(), '2021');
  assert.equal(await field(page, 'meta.body_type').inputValue(), 'government');
  assert.equal(await field(page, 'overview.0.heading').inputValue(), '（一）基层政务公开标准化规范化推进情况');
  assert.equal(await field(page, 'overview.0.text').inputValue(), '明确工作责任，确保政府信息公开工作规范、有序开展。\n第二段。');
  assert.equal(await field(page, 'other_matters.0.text').inputValue(), '无');
  assert.equal(await cell(page, 'requests.granted.commercial').inputValue(), '12a');
  assert.equal(await cell(page, 'requests.granted.commercial').getAttribute('aria-invalid'), 'true');
  assert.equal(await cell(page, 'proactive.fees').inputValue(), '0.50');
  assert.equal(await cell(page, 'appeals.review.upheld').inputValue(), '/');
  assert.equal(await cell(page, 'proactive.licensing').inputValue(), '12', 'full-width digits are normalised');
  assert.match(await page.locator('.report-title').textContent(), /^老城区东南隅街道办事处2021年政府信息公开工作年度报告$/);
  await context.close();
});
