// Closing the page abruptly right after a keystroke loses nothing: the save happens in the
// keystroke's own event turn.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cell, openPage, usePage } from '../harness.mjs';

const app = usePage();

test('a page closed right after a keystroke keeps that keystroke', async () => {
  const context = await app.browser.newContext();
  const page = await openPage(context, app.url);
  await cell(page, 'requests.granted.legal_service').click();
  await page.keyboard.type('4');
  await page.keyboard.type('7');
  await page.close({ runBeforeUnload: false });

  const again = await openPage(context, app.url);
  assert.equal(await cell(again, 'requests.granted.legal_service').inputValue(), '47');
  await context.close();
});
