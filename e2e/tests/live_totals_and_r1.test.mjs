// Typing numbers updates totals live; R1 waits while its column is being filled (what is open is
// said neutrally), then fires and clears as the user types.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cell, findings, openPage, typeInto, usePage } from '../harness.mjs';

const app = usePage();

test('typing numbers updates totals and R1 live', async () => {
  const context = await app.browser.newContext();
  const page = await openPage(context, app.url);

  await typeInto(cell(page, 'requests.received.natural_person'), '5');
  assert.equal(await cell(page, 'requests.received.total').inputValue(), '5');
  // One typed cell is a column being filled: no error, and what is open is said neutrally.
  assert.equal(await findings(page, 'R1').count(), 0, 'no R1 while the column has blanks');
  assert.equal(await cell(page, 'requests.received.natural_person').getAttribute('aria-invalid'), null);
  assert.match(await page.locator('[data-unfilled]').textContent(), /表三 还有 24 行未填/);
  // Every cell filled (the rest with 0): the column's relation is judged — once, not again in
  // the 总计 column.
  await page.getByRole('button', { name: '空白格填 0' }).click();
  assert.equal(await page.locator('[data-unfilled]').count(), 0, 'nothing open');
  assert.equal(await findings(page, 'R1').count(), 1, 'R1 in the 自然人 column only');
  const message = await findings(page, 'R1').first().textContent();
  assert.match(message, /一、本年新收政府信息公开申请数量（5）/);
  assert.match(message, /四、结转下年度继续办理应为 5/);
  // Words, not codes: the finding is named by what is wrong; its code stays in data-rule.
  assert.match(message, /^错误 · 收到与办理不平衡/);
  assert.doesNotMatch(message, /R\d/);
  assert.doesNotMatch(await cell(page, 'requests.received.natural_person').getAttribute('title'), /R\d/);
  assert.equal(await cell(page, 'requests.received.natural_person').getAttribute('aria-invalid'), 'true');

  await typeInto(cell(page, 'requests.granted.natural_person'), '3');
  assert.equal(await cell(page, 'requests.total.natural_person').inputValue(), '3');
  assert.equal(await cell(page, 'requests.granted.total').inputValue(), '3');
  assert.match(await findings(page, 'R1').first().textContent(), /应为 2/);

  await typeInto(cell(page, 'requests.carried_forward.natural_person'), '2');
  assert.equal(await findings(page, 'R1').count(), 0, 'R1 clears');
  await page.getByRole('button', { name: '检查' }).click();
  assert.equal(await findings(page, 'R1').count(), 0, 'and stays clear after 检查');
  assert.equal(await cell(page, 'requests.received.natural_person').getAttribute('aria-invalid'), null);
  assert.deepEqual(page.errors, []);
  await context.close();
});
