// 审阅 on the tools page: a published report's page text whose table 四 prints a wrong 行政复议
// 总计 shows the R5 error at that cell, every cell marked as read; a glued text (white space
// removed) marks the cells split by the arithmetic as inferred and those it could not read as
// not read, blaming none of them on the report; a PDF is read through the PDF-reading build.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { openPage, usePage } from '../harness.mjs';

const app = usePage();
const PAGE = readFileSync('tests/fixtures/seed-2021-page.txt', 'utf8');

async function auditFile(page, name, buffer, mimeType = 'text/plain') {
  await page.locator('[data-audit-file]').setInputFiles({ name, mimeType, buffer });
  await page.locator(`[data-audit-result][data-audit-file-name="${name}"]`).waitFor();
  const counts = page.locator('[data-audit-counts]');
  return {
    read: Number(await counts.getAttribute('data-read')),
    inferred: Number(await counts.getAttribute('data-inferred')),
    unread: Number(await counts.getAttribute('data-unread')),
  };
}

test('a wrong table-四 total is shown; glued text is marked inferred or unread; a PDF is read', async () => {
  const context = await app.browser.newContext();
  const page = await openPage(context, `${app.url}tools/?view=audit`);

  const zeros = Array(15).fill('0');
  const wrong = [...zeros];
  wrong[4] = '3';
  const text = PAGE.replace(zeros.join('\t'), wrong.join('\t'));
  assert.notEqual(text, PAGE);
  const counts = await auditFile(page, '上年报告.txt', Buffer.from(text));
  assert.deepEqual(counts, { read: 200, inferred: 0, unread: 0 });
  const r5 = page.locator('[data-audit-finding="R5"]');
  assert.equal(await r5.count(), 1);
  assert.match(await r5.getAttribute('data-cells'), /appeals\.review\.total/);
  assert.equal(await page.locator('[data-audit-cell="appeals.review.total"]').textContent(), '3');
  assert.ok(Number(await page.locator('[data-audit-tally]').getAttribute('data-errors')) >= 1);
  // The wrong cell is marked in the table, and only where the report is wrong.
  assert.equal(await page.locator('[data-audit-cell="appeals.review.total"]').getAttribute('aria-invalid'), 'true');
  assert.deepEqual(
    await page.locator('[data-audit-cell][aria-invalid="true"]').evaluateAll((cells) => cells.map((cell) => cell.dataset.auditCell)),
    ['appeals.review.total'],
  );
  // A published report is out: no deadline reminder.
  assert.equal(await page.locator('[data-audit-finding="R18"]').count(), 0);

  // A real report whose PDF text interleaves table 四's groups: 行政复议's, which its narrative
  // states, is inferred; which lawsuit group is which nothing says, so those stay unread — and
  // nothing is blamed on them.
  const real = readFileSync('crates/ogi-report-import/tests/real/03.txt');
  await auditFile(page, '03.txt', real);
  assert.equal(await page.locator('[data-audit-finding="R5"]').count(), 0);
  assert.equal(await page.locator('[data-audit-cell="appeals.review.total"]').getAttribute('data-source'), 'inferred');
  assert.equal(await page.locator('[data-audit-cell="appeals.review.total"]').textContent(), '351');
  assert.equal(await page.locator('[data-audit-cell="appeals.lawsuit_direct.total"]').getAttribute('data-source'), 'unread');

  const glued = readFileSync('crates/ogi-report-import/tests/corpus/department.tabs.glued.txt');
  const gluedCounts = await auditFile(page, 'glued.txt', glued);
  assert.ok(gluedCounts.inferred > 100, `inferred ${gluedCounts.inferred}`);
  assert.equal(gluedCounts.read + gluedCounts.inferred + gluedCounts.unread, 200);
  assert.equal(await page.locator('[data-audit-cell="requests.received.total"]').getAttribute('data-source'), 'inferred');

  const pdf = readFileSync('crates/ogi-report-import/tests/corpus/full.python-docx.libreoffice.pdf');
  assert.deepEqual(await auditFile(page, '报告.pdf', pdf, 'application/pdf'), { read: 200, inferred: 0, unread: 0 });
  assert.equal(await page.locator('[data-audit-cell="requests.total.total"]').textContent(), '24885');
  assert.deepEqual(page.errors, []);
  await context.close();
});
