// The keyboard moves through table 三 as in a spreadsheet: Tab wraps rows, Enter goes down,
// arrows leave a cell only at the text's edge, totals are skipped, Escape restores the cell.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cell, openPage, usePage } from '../harness.mjs';

const app = usePage();
const focused = (page) => page.evaluate(() => document.activeElement?.getAttribute('data-cell'));

test('a keyboard walk across table 三', async () => {
  const context = await app.browser.newContext();
  const page = await openPage(context, app.url);
  await cell(page, 'requests.received.natural_person').focus();
  const visited = [];
  for (let i = 0; i < 7; i += 1) {
    await page.keyboard.press('Tab');
    visited.push(await focused(page));
  }
  assert.deepEqual(visited, [
    'requests.received.commercial', 'requests.received.research', 'requests.received.public_interest',
    'requests.received.legal_service', 'requests.received.other_org',
    'requests.carried_in.natural_person', 'requests.carried_in.commercial',
  ], 'Tab skips the 总计 column and wraps to the next row');
  await page.keyboard.press('Shift+Tab');
  assert.equal(await focused(page), 'requests.carried_in.natural_person');

  await page.keyboard.press('Enter');
  assert.equal(await focused(page), 'requests.granted.natural_person');
  await page.keyboard.press('Shift+Enter');
  assert.equal(await focused(page), 'requests.carried_in.natural_person');

  await cell(page, 'requests.other_other.research').focus();
  await page.keyboard.press('ArrowDown');
  assert.equal(await focused(page), 'requests.carried_forward.research', '（七）总计 is skipped');
  await page.keyboard.press('ArrowUp');
  assert.equal(await focused(page), 'requests.other_other.research');

  await page.keyboard.type('12');
  await page.keyboard.press('ArrowLeft');
  assert.equal(await focused(page), 'requests.other_other.research', 'the caret moves inside the text first');
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ArrowLeft');
  assert.equal(await focused(page), 'requests.other_other.commercial', 'at the text start, the cell to the left');
  await page.keyboard.press('ArrowRight');
  assert.equal(await focused(page), 'requests.other_other.research');

  await page.keyboard.press('End');
  assert.equal(await focused(page), 'requests.other_other.other_org');
  await page.keyboard.press('Home');
  assert.equal(await focused(page), 'requests.other_other.natural_person');
  await page.keyboard.press('Control+End');
  assert.equal(await focused(page), 'requests.carried_forward.other_org');
  await page.keyboard.press('Control+Home');
  assert.equal(await focused(page), 'requests.received.natural_person');

  await page.keyboard.type('9');
  assert.equal(await cell(page, 'requests.received.total').inputValue(), '9');
  await page.keyboard.press('Escape');
  assert.equal(await cell(page, 'requests.received.natural_person').inputValue(), '', 'Escape restores the value from before');
  assert.equal(await cell(page, 'requests.received.total').inputValue(), '');
  await context.close();
});
