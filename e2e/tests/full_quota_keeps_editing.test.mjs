// A full quota: the page says so, keeps every edit in memory and offers the file download.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cell, field, openPage, typeInto, usePage } from '../harness.mjs';

const app = usePage();

/** Fills localStorage until the browser refuses more. */
function fillStorage() {
  const chunk = 'x'.repeat(256 * 1024);
  let index = 0;
  try {
    for (;;) localStorage.setItem(`filler:${index++}`, chunk);
  } catch {}
  let small = 1024;
  while (small >= 1) {
    try {
      localStorage.setItem(`filler:${index++}`, 'y'.repeat(small));
    } catch {
      small = Math.floor(small / 2);
    }
  }
  return index;
}

test('a full quota keeps the edits and asks for a download', async () => {
  const context = await app.browser.newContext({ acceptDownloads: true });
  const page = await openPage(context, app.url);
  await field(page, 'meta.body').fill('满额测试街道');
  await page.evaluate(fillStorage);

  // Any edit that makes the stored draft larger cannot be saved now.
  await field(page, 'overview.0.text').fill('存储已满时输入的这一段文字不能丢失。');
  await typeInto(cell(page, 'requests.granted.natural_person'), '9');
  const notice = page.locator('[data-notice="save-failed"]');
  await notice.waitFor();
  assert.match(await notice.textContent(), /存储空间已满/);
  assert.equal(await cell(page, 'requests.granted.natural_person').inputValue(), '9');
  assert.equal(await cell(page, 'requests.granted.total').inputValue(), '9', 'the page keeps working');

  const download = page.waitForEvent('download');
  await notice.getByRole('button', { name: '下载报告文件' }).click();
  const file = await download;
  const text = Buffer.concat(await (await file.createReadStream()).toArray()).toString('utf8');
  const report = JSON.parse(text);
  assert.equal(report.meta.body, '满额测试街道');
  assert.equal(report.requests.granted.natural_person, 9, 'the unsaved edit is in the file');
  assert.equal(report.overview[0].text, '存储已满时输入的这一段文字不能丢失。');

  await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('filler:')).forEach((k) => localStorage.removeItem(k)));
  await typeInto(cell(page, 'requests.granted.commercial'), '1');
  await notice.waitFor({ state: 'detached' });
  await page.reload();
  await page.waitForSelector('html[data-app-ready="true"]');
  assert.equal(await cell(page, 'requests.granted.natural_person').inputValue(), '9', 'saved once space returned');
  assert.equal(await field(page, 'overview.0.text').inputValue(), '存储已满时输入的这一段文字不能丢失。');
  await context.close();
});
