// What the user types stays as typed while they type (full-width digits, separators); the
// normalised number appears only when they leave the cell, and totals use it at once.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cell, openPage, usePage } from '../harness.mjs';

const app = usePage();

test('a cell is normalised on leaving it, never while typing', async () => {
  const context = await app.browser.newContext();
  const page = await openPage(context, app.url);
  const input = cell(page, 'requests.granted.research');
  await input.click();
  await page.keyboard.insertText('１');
  await page.keyboard.insertText('，２３４');
  assert.equal(await input.inputValue(), '１，２３４');
  assert.equal(await cell(page, 'requests.granted.total').inputValue(), '1234');
  await cell(page, 'requests.granted.legal_service').focus();
  assert.equal(await input.inputValue(), '1234');
  await context.close();
});
