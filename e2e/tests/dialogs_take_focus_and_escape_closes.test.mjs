// The 检查 gate and the import dialog take the focus when they open, so keyboard and screen-reader
// users are inside them, and Escape closes them as their 返回修改/取消 buttons do.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cell, openPage, typeInto, usePage } from '../harness.mjs';

const app = usePage();

test('dialogs take the focus and close on Escape', async () => {
  const context = await app.browser.newContext();
  const page = await openPage(context, app.url);
  await typeInto(cell(page, 'requests.received.natural_person'), '3');
  await page.locator('[data-export="docx"]').click();
  const gate = page.locator('[data-export-gate]');
  await gate.waitFor();
  assert.equal(await gate.evaluate((element) => element === document.activeElement), true, 'the gate has the focus');
  await page.keyboard.press('Tab');
  assert.equal(await gate.evaluate((element) => element.contains(document.activeElement)), true, 'Tab moves to a control inside the dialog');
  await page.keyboard.press('Escape');
  assert.equal(await gate.count(), 0, 'Escape closes the gate');

  await page.locator('[data-import="text"]').click();
  const dialog = page.getByRole('dialog');
  await dialog.waitFor();
  assert.equal(await dialog.evaluate((element) => element === document.activeElement), true, 'the import dialog has the focus');
  await page.keyboard.press('Escape');
  assert.equal(await dialog.count(), 0, 'Escape closes the import dialog');
  assert.equal(await cell(page, 'requests.received.natural_person').inputValue(), '3', 'nothing else changed');
  assert.deepEqual(page.errors, []);
  await context.close();
});
