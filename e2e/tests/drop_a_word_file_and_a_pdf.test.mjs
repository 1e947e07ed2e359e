// Last year's report as people have it — a Word file filled in by hand (python-docx, merged
// cells, runs split mid-label) and the PDF printed from it — dropped on the page: the import
// dialog opens, reads it through the on-demand importer, says what it read, and this year's
// draft starts from it with 上年结转 equal to last year's 结转下年度继续办理. 以上年报告开始 takes a
// published report the same way, through the dialog.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { cell, field, openPage, usePage, useItAnyway } from '../harness.mjs';

const app = usePage();
const corpus = 'crates/ogi-report-import/tests/corpus';
const truth = JSON.parse(readFileSync(`${corpus}/full.truth.json`, 'utf8'));

/** Drops a file on the page as a person dragging it from the desktop would. */
async function dropFile(page, path, name, mimeType) {
  const base64 = readFileSync(path).toString('base64');
  await page.evaluate(({ base64, name, mimeType }) => {
    const bytes = Uint8Array.from(atob(base64), (ch) => ch.charCodeAt(0));
    const data = new DataTransfer();
    data.items.add(new File([bytes], name, { type: mimeType }));
    const target = document.querySelector('main') ?? document.body;
    target.dispatchEvent(new DragEvent('dragover', { bubbles: true, cancelable: true, dataTransfer: data }));
    target.dispatchEvent(new DragEvent('drop', { bubbles: true, cancelable: true, dataTransfer: data }));
  }, { base64, name, mimeType });
}

for (const [file, mimeType] of [
  ['full.python-docx.docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
  ['full.python-docx.libreoffice.pdf', 'application/pdf'],
]) {
  test(`a dropped ${file.split('.').pop()} file starts this year's draft`, async () => {
    const context = await app.browser.newContext();
    const page = await openPage(context, app.url);
    await dropFile(page, `${corpus}/${file}`, `上年报告.${file.split('.').pop()}`, mimeType);
    const summary = page.locator('[data-import-summary]');
    await summary.waitFor();
    assert.equal(await summary.locator('[data-import-filled]').getAttribute('data-import-filled'), '200');
    await summary.locator('[data-import-use="start"]').click();
    await useItAnyway(page);
    assert.equal(await field(page, 'meta.body').inputValue(), truth.meta.body);
    assert.equal(await field(page, 'meta.year').inputValue(), String(truth.meta.year + 1));
    const carried = truth.requests.carried_forward;
    for (const [key, value] of Object.entries(carried)) {
      assert.equal(await cell(page, `requests.carried_in.${key}`).inputValue(), String(value), `上年结转 ${key}`);
    }
    assert.deepEqual(page.errors, []);
    await context.close();
  });
}

test('以上年报告开始 with a published report (a web page saved by Word) goes through the dialog', async () => {
  const context = await app.browser.newContext();
  const page = await openPage(context, app.url);
  await page.locator('[data-import="last-year"]').setInputFiles(`${corpus}/full.word.html`);
  const summary = page.locator('[data-import-summary]');
  await summary.waitFor();
  assert.equal(await summary.locator('[data-import-filled]').getAttribute('data-import-filled'), '200');
  await summary.locator('[data-import-use="start"]').click();
  await useItAnyway(page);
  assert.equal(await field(page, 'meta.year').inputValue(), String(truth.meta.year + 1));
  assert.equal(await cell(page, 'requests.carried_in.total').inputValue(), String(truth.requests.carried_forward.total));
  assert.deepEqual(page.errors, []);
  await context.close();
});

test('pasted glued text: inferred cells are counted and blank cells named as printed', async () => {
  const context = await app.browser.newContext();
  const page = await openPage(context, app.url);
  await page.locator('[data-import="text"]').click();
  await page.locator('[data-import-text]').fill(readFileSync(`${corpus}/full.tabs.glued.txt`, 'utf8'));
  await page.locator('[data-import-read]').click();
  const summary = page.locator('[data-import-summary]');
  await summary.waitFor();
  assert.ok(Number(await summary.locator('[data-import-inferred]').getAttribute('data-import-inferred')) > 100);
  assert.match(await summary.locator('[data-import-blank]').textContent(), /表二 规章·本年制发件数/);
  assert.deepEqual(page.errors, []);
  await context.close();
});
