// Print / Save as PDF holds at every narrative length: the report with 0 to 56 lines of 总体情况
// (every page position of its tables, about two pages) printed to PDF by Chromium; in each PDF
// every label and every figure of every table row is on some page, in order. The same sweep as
// the Word file's (crates/ogi-report-render/tests/libreoffice.rs).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { format, initSync, withTotals } from '../../pkg/ogi_report.js';
import { openPage, usePage } from '../harness.mjs';

initSync({ module: readFileSync(new URL('../../pkg/ogi_report_bg.wasm', import.meta.url)) });
const app = usePage();
const LINES = 56;
// 24 characters and the two-character indent: one printed line each.
const LINE = '本机关认真贯彻落实政府信息公开条例依法做好工作。';

/** The seed with a distinct figure in every cell, totals computed, and `lines` lines of 总体情况. */
function report(lines) {
  const base = JSON.parse(readFileSync('tests/fixtures/seed-2021.json', 'utf8'));
  let n = 101;
  for (const table of ['requests', 'appeals']) {
    for (const row of Object.values(base[table])) for (const col of Object.keys(row)) if (col !== 'total') row[col] = n++;
  }
  base.overview = [{ heading: '', text: Array(lines).fill(LINE).join('\n') }];
  return withTotals(base);
}

const squeeze = (text) => text.replace(/\s+/g, '');

/** Every label and figure of every table, in order, in the PDF's text (merged labels may continue on the next page). */
function checkTables(text, filed, context) {
  for (const table of format().tables) {
    const start = text.indexOf(squeeze(table.heading));
    assert.ok(start >= 0, `${context}: ${table.heading}`);
    let at = start;
    for (const row of table.rows) {
      for (const cell of row) {
        const item = squeeze(cell.kind === 'cell'
          ? String(cell.path.split('.').reduce((object, key) => object?.[key], filed) ?? '')
          : cell.text);
        if (!item) continue;
        if (cell.rowspan > 1) {
          // Its characters in order, allowing the repeated header rows of the next page between them.
          let from = at;
          for (const ch of item) {
            const found = text.indexOf(ch, from);
            assert.ok(found >= 0 && found - from < 600, `${context}: 「${cell.text}」 continues in order`);
            from = found + 1;
          }
          at = text.indexOf(item[0], at) + 1;
        } else {
          const found = text.indexOf(item, at);
          assert.ok(found >= 0, `${context}: 「${item}」 in order after ${text.slice(Math.max(0, at - 20), at)}`);
          at = found + item.length;
        }
      }
    }
  }
}

test('printing keeps every row of every table at every narrative length', async () => {
  const context = await app.browser.newContext();
  const page = await openPage(context, app.url);
  await page.evaluate(() => { window.print = () => {}; });
  const dir = mkdtempSync(join(tmpdir(), 'ogi-print-'));
  for (let lines = 0; lines <= LINES; lines += 1) {
    const filed = report(lines);
    const buffer = Buffer.from(JSON.stringify(filed));
    await page.locator('[data-import="json"]').setInputFiles({ name: `r${lines}.json`, mimeType: 'application/json', buffer });
    await page.waitForFunction((n) => document.querySelector('[data-field="overview.0.text"]')?.value.split('\n').filter(Boolean).length === n, lines);
    await page.evaluate(() => document.getElementById('print-view')?.replaceChildren());
    await page.locator('[data-export="print"]').click();
    const anyway = page.locator('[data-export-anyway]');
    if (await anyway.count()) await anyway.click();
    await page.locator('#print-view h1').waitFor({ state: 'attached' });
    const pdf = join(dir, `print-${lines}.pdf`);
    writeFileSync(pdf, await page.pdf({ format: 'A4', preferCSSPageSize: true }));
    const text = squeeze(execFileSync('pdftotext', ['-raw', pdf, '-']).toString('utf8'));
    checkTables(text, filed, `${lines} lines`);
  }
  await context.close();
});
