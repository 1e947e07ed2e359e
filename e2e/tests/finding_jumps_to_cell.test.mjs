// A findings item jumps to its first cell.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cell, findings, openPage, typeInto, usePage } from '../harness.mjs';

const app = usePage();

test('activating a finding focuses its first cell', async () => {
  const context = await app.browser.newContext();
  const page = await openPage(context, app.url);
  await typeInto(cell(page, 'appeals.review.upheld'), '1.5');
  await typeInto(cell(page, 'requests.carried_in.research'), '4');
  // The balance is judged once its column is filled.
  await page.getByRole('button', { name: '空白格填 0' }).click();
  await page.locator('[data-field="meta.body"]').focus();

  const r6 = findings(page, 'R6');
  assert.equal(await r6.getAttribute('data-cells'), 'appeals.review.upheld');
  await r6.locator('button').click();
  assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('data-cell')), 'appeals.review.upheld');

  const r1 = findings(page, 'R1').first();
  assert.equal((await r1.getAttribute('data-cells')).split(' ')[0], 'requests.received.research');
  await r1.locator('button').press('Enter');
  assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('data-cell')), 'requests.received.research');
  await context.close();
});
