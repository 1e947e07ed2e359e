// Pasting a block copied from a spreadsheet or a report page fills the table from the focused
// cell; totals and what falls outside are not written (a notice says how many); one undo step
// restores everything.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { cell, findings, openPage, usePage } from '../harness.mjs';

const app = usePage();

/** Dispatches a paste event, as the browser does for Ctrl+V, with the given clipboard data. */
async function paste(page, path, data) {
  await page.evaluate(([p, d]) => {
    const transfer = new DataTransfer();
    for (const [type, value] of Object.entries(d)) transfer.setData(type, value);
    const target = document.querySelector(`[data-cell="${p}"]`);
    target.focus();
    target.dispatchEvent(new ClipboardEvent('paste', { clipboardData: transfer, bubbles: true, cancelable: true }));
  }, [path, data]);
}

const seedLines = () => {
  const text = readFileSync('tests/fixtures/seed-2021-page.txt', 'utf8');
  const start = text.indexOf('一、本年新收政府信息公开申请数量');
  const last = text.indexOf('四、结转下年度继续办理', start);
  return text.slice(start, text.indexOf('\n', last));
};

test('pasting the seed lines, a messy block and an HTML table', async () => {
  const context = await app.browser.newContext();
  const page = await openPage(context, app.url);
  await paste(page, 'requests.received.natural_person', { 'text/plain': seedLines() });
  const notice = page.locator('[data-notice="message"]');
  assert.match(await notice.textContent(), /已粘贴 144 个格。31 个数值落在自动计算的合计格上，未写入。2 个数值超出表格范围，未写入。/);
  const values = await page.$$eval('[data-cell^="requests."]', (inputs) => inputs.map((input) => input.value));
  assert.deepEqual(values, Array(175).fill('0'), 'table 三 is filled');

  await paste(page, 'requests.granted.natural_person', { 'text/plain': '１２\t1,234\t \t/\t12a\t3\t9\t8\r\n4\t５\t6\n' });
  const row = await page.$$eval('[data-cell^="requests.granted."]', (inputs) => inputs.map((input) => input.value));
  assert.deepEqual(row, ['12', '1234', '', '/', '12a', '3', '']);
  assert.equal(await cell(page, 'requests.partly_granted.commercial').inputValue(), '5');
  assert.equal(await findings(page, 'R6').count(), 1, '12a is kept with its reason');
  assert.match(await notice.textContent(), /已粘贴 9 个格。1 个数值落在自动计算的合计格上，未写入。1 个数值超出表格范围，未写入。/);

  await page.getByRole('button', { name: '撤销' }).click();
  const restored = await page.$$eval('[data-cell^="requests.granted."]', (inputs) => inputs.map((input) => input.value));
  assert.deepEqual(restored, Array(7).fill('0'), 'one undo step restores the whole paste');
  assert.equal(await cell(page, 'requests.partly_granted.commercial').inputValue(), '0');

  await paste(page, 'appeals.review.upheld', {
    'text/html': '<table><tr><td>1</td><td>２</td><td>3</td><td>0</td></tr></table>',
    'text/plain': 'ignored',
  });
  assert.equal(await cell(page, 'appeals.review.corrected').inputValue(), '2');
  assert.equal(await cell(page, 'appeals.review.total').inputValue(), '6');
  await context.close();
});
