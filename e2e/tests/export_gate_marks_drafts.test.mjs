// Exporting a report with errors stops at the 检查 gate: the dialog lists the errors (each jumps
// to its cell); exporting anyway gives a file marked 草稿（未通过检查）, the same the CLI renders.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cell, cli, downloadOf, openPage, typeInto, usePage } from '../harness.mjs';

const app = usePage();
const MARK = '草稿（未通过检查）';

test('the gate lists errors and marks a draft export', async () => {
  const context = await app.browser.newContext({ acceptDownloads: true });
  const page = await openPage(context, app.url);
  await page.locator('[data-import="json"]').setInputFiles('tests/fixtures/seed-2021.json');
  await page.waitForFunction(() => document.querySelector('[data-field="meta.body"]').value !== '');
  await typeInto(cell(page, 'requests.granted.commercial'), '12a');

  await page.locator('[data-export="docx"]').click();
  const gate = page.locator('[data-export-gate]');
  await gate.waitFor();
  assert.equal(await gate.locator('.gate-errors [data-rule="R6"]').count(), 1);
  await gate.locator('.gate-errors [data-rule="R6"] button').click();
  assert.equal(await gate.count(), 0, 'jumping closes the dialog');
  assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('data-cell')), 'requests.granted.commercial');

  await page.locator('[data-export="docx"]').click();
  const { bytes } = await downloadOf(page, gate.locator('[data-export-anyway]'));
  assert.ok(bytes.includes(Buffer.from(MARK)), 'the Word file carries the draft mark');
  const { bytes: json } = await downloadOf(page, page.locator('[data-export="json"]'));
  const dir = mkdtempSync(join(tmpdir(), 'ogi-e2e-'));
  writeFileSync(join(dir, 'draft.json'), json);
  assert.equal(cli('render', join(dir, 'draft.json'), '--to', 'docx', '--out', join(dir, 'cli.docx')), 0);
  assert.ok(bytes.equals(readFileSync(join(dir, 'cli.docx'))), 'the CLI marks the same draft the same way');

  await page.locator('[data-export="html"]').click();
  await page.getByRole('button', { name: '返回修改' }).click();
  assert.equal(await gate.count(), 0);
  await page.getByRole('button', { name: '空白格填 0' }).click();
  await typeInto(cell(page, 'requests.granted.commercial'), '0');
  const { bytes: html } = await downloadOf(page, page.locator('[data-export="html"]'));
  assert.equal(await gate.count(), 0, 'fixed: no gate');
  assert.ok(!html.includes(Buffer.from(MARK)), 'a clean file has no mark');
  await context.close();
});
