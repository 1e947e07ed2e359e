// Chinese input through an IME: a composition in a narrative field and full-width digits in a
// cell end as exactly the committed text, saved, with nothing lost or doubled.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cell, field, openPage, savedAfter, usePage } from '../harness.mjs';

const app = usePage();

async function compose(cdp, steps, committed) {
  for (const text of steps) {
    await cdp.send('Input.imeSetComposition', { text, selectionStart: text.length, selectionEnd: text.length });
  }
  await cdp.send('Input.insertText', { text: committed });
}

test('IME compositions commit exactly once and are saved', async () => {
  const context = await app.browser.newContext();
  const page = await openPage(context, app.url);
  const cdp = await context.newCDPSession(page);

  await field(page, 'overview.0.text').click();
  await page.keyboard.type('本年');
  await compose(cdp, ['z', 'zh', 'zhe', 'zheng', 'zheng wu'], '政务');
  await compose(cdp, ['g', 'go', 'gong', 'gong kai'], '公开');
  assert.equal(await field(page, 'overview.0.text').inputValue(), '本年政务公开');

  await cell(page, 'requests.granted.natural_person').click();
  await compose(cdp, ['１', '１２'], '１２');
  assert.equal(await cell(page, 'requests.granted.natural_person').inputValue(), '１２', 'kept as typed while in the cell');
  assert.equal(await cell(page, 'requests.granted.total').inputValue(), '12');
  const saved = await savedAfter(page, null);
  assert.ok(saved);

  await page.reload();
  await page.waitForSelector('html[data-app-ready="true"]');
  assert.equal(await field(page, 'overview.0.text').inputValue(), '本年政务公开');
  assert.equal(await cell(page, 'requests.granted.natural_person').inputValue(), '12');
  await context.close();
});
