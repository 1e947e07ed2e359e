// Undo and redo across tables and narrative (Ctrl+Z, Ctrl+Y, Ctrl+Shift+Z and the buttons);
// totals follow and are never a step of their own; the result of an undo is saved.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cell, field, openPage, usePage } from '../harness.mjs';

const app = usePage();

test('undo and redo over cells and narrative, and reload keeps the result', async () => {
  const context = await app.browser.newContext();
  const page = await openPage(context, app.url);
  await cell(page, 'requests.granted.natural_person').click();
  await page.keyboard.type('34');
  await field(page, 'overview.0.text').click();
  await page.keyboard.type('本年度工作');
  await cell(page, 'appeals.review.upheld').click();
  await page.keyboard.type('2');

  await page.keyboard.press('Control+z');
  assert.equal(await cell(page, 'appeals.review.upheld').inputValue(), '');
  assert.equal(await cell(page, 'appeals.review.total').inputValue(), '');
  await page.keyboard.press('Control+z');
  assert.equal(await field(page, 'overview.0.text').inputValue(), '', 'what was typed in one field is one step');
  await page.keyboard.press('Control+y');
  assert.equal(await field(page, 'overview.0.text').inputValue(), '本年度工作');
  await page.keyboard.press('Control+z');
  await page.keyboard.press('Control+z');
  assert.equal(await cell(page, 'requests.granted.natural_person').inputValue(), '');
  assert.equal(await cell(page, 'requests.granted.total').inputValue(), '');
  await page.keyboard.press('Control+Shift+z');
  assert.equal(await cell(page, 'requests.granted.natural_person').inputValue(), '34');
  assert.equal(await cell(page, 'requests.granted.total').inputValue(), '34');

  await page.reload();
  await page.waitForSelector('html[data-app-ready="true"]');
  assert.equal(await cell(page, 'requests.granted.natural_person').inputValue(), '34');
  assert.equal(await field(page, 'overview.0.text').inputValue(), '', 'the undone text stays undone');
  assert.equal(await page.getByRole('button', { name: '撤销' }).isDisabled(), true, 'history starts empty after a reload');
  await context.close();
});
