// The 前言 typed on the page is kept in the report file and printed after the title, before
// 一、总体情况, in the print view and the Word file (the same bytes the CLI renders).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cli, downloadOf, field, openPage, usePage } from '../harness.mjs';

const app = usePage();
const PREFACE = '根据《中华人民共和国政府信息公开条例》，编制本报告。本报告所列数据的统计期限自2021年1月1日起至2021年12月31日止。';

test('a 前言 typed on the page is in the report file, the print view and the Word file', async () => {
  const context = await app.browser.newContext({ acceptDownloads: true });
  const page = await openPage(context, app.url);
  await page.locator('[data-import="json"]').setInputFiles('tests/fixtures/seed-2021.json');
  await page.waitForFunction(() => document.querySelector('[data-field="meta.body"]').value !== '');
  await field(page, 'preface').fill(PREFACE);

  const file = await downloadOf(page, page.locator('[data-export="json"]'));
  const report = JSON.parse(file.bytes.toString('utf8'));
  assert.equal(report.preface, PREFACE);
  assert.equal(report.version, 2);

  const dir = mkdtempSync(join(tmpdir(), 'ogi-preface-'));
  writeFileSync(join(dir, 'report.json'), file.bytes);
  const word = await downloadOf(page, page.locator('[data-export="docx"]'));
  assert.equal(cli('render', join(dir, 'report.json'), '--to', 'docx', '--out', join(dir, 'cli.docx')), 0);
  assert.ok(word.bytes.equals(readFileSync(join(dir, 'cli.docx'))), 'the page and the CLI write the same Word file');

  await page.locator('[data-export="print"]').click();
  const printed = page.locator('#print-view');
  await printed.locator('h1').waitFor({ state: 'attached' });
  const order = await printed.locator('h1, h2, p').evaluateAll((nodes) => nodes.slice(0, 3).map((node) => node.textContent));
  assert.deepEqual(order, ['老城区东南隅街道办事处2021年政府信息公开工作年度报告', PREFACE, '一、总体情况']);
  assert.deepEqual(page.errors, []);
  await context.close();
});
