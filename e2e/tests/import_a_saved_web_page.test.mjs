// Last year's report as a saved web page (.html) chosen in the import dialog: read as a browser
// would copy it, summarised, and this year's draft started from it. An old Word file (.doc) is
// refused in the dialog with what to do instead, and nothing changes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cell, cli, field, openPage, usePage, useItAnyway } from '../harness.mjs';

const app = usePage();

test('a saved web page starts this year; an old .doc file is refused in place', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'ogi-html-'));
  const html = join(dir, '老城区东南隅街道办事处2021年政府信息公开工作年度报告.html');
  assert.equal(cli('render', 'tests/fixtures/seed-2021.json', '--to', 'html', '--out', html), 0);

  const context = await app.browser.newContext();
  const page = await openPage(context, app.url);
  await field(page, 'meta.body').fill('原有草稿');
  await page.locator('[data-import="text"]').click();
  // An old binary Word file starts with the OLE signature.
  const oldWord = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(512)]);
  await page.locator('[data-import="file"]').setInputFiles({ name: '报告.doc', mimeType: 'application/msword', buffer: oldWord });
  const refused = page.locator('[data-import-refused]');
  await refused.waitFor();
  assert.match(await refused.textContent(), /报告\.doc.*不能直接读取旧版 Word 文件.*另存为 \.docx/);
  assert.equal(await field(page, 'meta.body').inputValue(), '原有草稿');

  await page.locator('[data-import="file"]').setInputFiles({ name: 'page.html', mimeType: 'text/html', buffer: readFileSync(html) });
  const summary = page.locator('[data-import-summary]');
  await summary.waitFor();
  assert.equal(await summary.locator('[data-import-filled]').getAttribute('data-import-filled'), '200');
  await summary.locator('[data-import-use="start"]').click();
  // Another body's report (the open draft is 「原有草稿」) of 2021, not last year's: asked first.
  assert.match(await page.locator('[data-question]').textContent(), /「老城区东南隅街道办事处」.*「原有草稿」.*2021 年度/);
  await useItAnyway(page);
  assert.equal(await field(page, 'meta.body').inputValue(), '老城区东南隅街道办事处');
  assert.equal(await field(page, 'meta.year').inputValue(), '2022');
  assert.equal(await cell(page, 'requests.carried_in.total').inputValue(), '0', '上年结转 from last year');
  assert.deepEqual(page.errors, []);
  await context.close();
});
