// A corrupt stored draft: its raw text is kept aside under another key and offered for
// download; the other drafts open normally.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DRAFT_PREFIX, cell, field, openPage, savedAfter, typeInto, usePage } from '../harness.mjs';

const app = usePage();

test('a corrupt draft is kept aside and the rest opens', async () => {
  const context = await app.browser.newContext({ acceptDownloads: true });
  const page = await openPage(context, app.url);
  await field(page, 'meta.body').fill('完好的草稿');
  await typeInto(cell(page, 'requests.granted.natural_person'), '3');
  await savedAfter(page, null);
  const broken = '{"envelope":1,"id":"broken","name":"坏","report":{"kind":"ogi-annual-report"';
  await page.evaluate(([key, text]) => localStorage.setItem(key, text), [`${DRAFT_PREFIX}broken`, broken]);

  await page.reload();
  await page.waitForSelector('html[data-app-ready="true"]');
  assert.equal(await field(page, 'meta.body').inputValue(), '完好的草稿');
  assert.equal(await cell(page, 'requests.granted.natural_person').inputValue(), '3');
  const item = page.locator('[data-drafts] [data-draft-id="broken"]');
  assert.match(await item.textContent(), /无法读取/);
  const stored = await page.evaluate(() => ({
    aside: localStorage.getItem('ogi-report:v1:corrupt:broken'),
    original: localStorage.getItem('ogi-report:v1:draft:broken'),
  }));
  assert.equal(stored.aside, broken, 'the raw text is kept under another key');
  assert.equal(stored.original, null);

  const download = page.waitForEvent('download');
  await item.getByRole('button', { name: '下载原文' }).click();
  const file = await download;
  const text = await (await file.createReadStream()).toArray();
  assert.equal(Buffer.concat(text).toString('utf8'), broken);
  await context.close();
});
