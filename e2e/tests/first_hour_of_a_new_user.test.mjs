// The first hour of a new user on an office laptop (1366×768): the first-visit hint, the toolbar
// in groups reachable by keyboard, this year's draft started from last year's Word file with Enter
// in the dialog — carried over, last year's values beside the cells, and no error shown — the
// 检查 gate's buttons on screen (also at 200 % zoom), findings in words without rule codes, and
// the 落款 at the end of the Word file as LibreOffice reads it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cell, downloadOf, field, findings, openPage, usePage, useItAnyway } from '../harness.mjs';

const app = usePage();
const LAPTOP = { viewport: { width: 1366, height: 768 } };
const corpus = 'crates/ogi-report-import/tests/corpus';

test('the first-visit hint shows the three steps and closes for good', async () => {
  const context = await app.browser.newContext(LAPTOP);
  const page = await openPage(context, app.url);
  const hint = page.locator('[data-first-steps]');
  assert.match(await hint.textContent(), /开始.*填写并检查.*导出/);
  await hint.locator('[data-first-steps-close]').click();
  assert.equal(await hint.count(), 0);
  await page.reload();
  await page.waitForSelector('html[data-app-ready="true"]');
  assert.equal(await page.locator('[data-first-steps]').count(), 0, 'not on the next visit');
  await context.close();
});

test('the toolbar groups are reached in order with the keyboard', async () => {
  const context = await app.browser.newContext(LAPTOP);
  const page = await openPage(context, app.url);
  const groups = await page.locator('.tool-group .group-label').allTextContents();
  assert.deepEqual(groups, ['开始', '上年', '导出', '汇总与审阅']);
  await page.getByRole('button', { name: '检查' }).focus();
  const reached = [];
  for (let step = 0; step < 30 && !reached.includes('tool:audit'); step += 1) {
    await page.keyboard.press('Tab');
    reached.push(await page.evaluate(() => {
      const at = document.activeElement;
      const hook = ['data-import', 'data-export', 'data-tool'].find((name) => at.hasAttribute(name));
      return hook ? `${hook.slice(5)}:${at.getAttribute(hook)}` : at.textContent.trim();
    }));
  }
  const order = ['import:json', 'import:text', 'import:last-year', 'import:previous', 'tool:compare',
    'export:docx', 'export:print', 'export:json', 'tool:sum', 'tool:audit'].map((hook) => reached.indexOf(hook));
  assert.ok(order.every((at, index) => at >= 0 && (index === 0 || at > order[index - 1])), `${reached}`);
  // Every control says in one line what it does.
  for (const control of await page.locator('.tool-group button, .tool-group a, .tool-group input').all()) {
    assert.ok((await control.getAttribute('title'))?.length > 8, await control.evaluate((el) => el.outerHTML));
  }
  await context.close();
});

test('last year\'s Word file starts this year with Enter: carried over, beside the cells, no error', async () => {
  const context = await app.browser.newContext(LAPTOP);
  const page = await openPage(context, app.url);
  await page.locator('[data-import="last-year"]').setInputFiles(`${corpus}/full.python-docx.docx`);
  await page.locator('[data-import-summary]').waitFor();
  // The dialog's default is what the control said: start this year, focused, taken by Enter.
  assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('data-import-use')), 'start');
  assert.equal(await page.locator('#import-title').textContent(), '以上年报告开始本年草稿');
  await page.keyboard.press('Enter');
  // The fixture is of 2021, not of last year: the page asks before it starts from it.
  assert.match(await page.locator('[data-question]').textContent(), /2021 年度.*2022 年度/);
  assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('data-question-answer')), 'no',
    'the safe answer is the default');
  await useItAnyway(page);
  await page.waitForFunction(() => document.querySelector('[data-field="meta.year"]').value === '2022');
  assert.equal(await cell(page, 'requests.carried_in.natural_person').inputValue(), '279');
  // Nothing typed yet: no error, no cell marked; what is open is said neutrally.
  assert.equal(await page.locator('[data-findings] [data-severity="error"]').count(), 0);
  assert.equal(await page.locator('[aria-invalid="true"]').count(), 0);
  assert.match(await page.locator('[data-unfilled]').textContent(), /表三 还有 \d+ 行未填/);
  // Last year's value beside a cell, named for screen readers.
  const received = cell(page, 'requests.received.natural_person');
  const beside = page.locator('#ly-requests\\.received\\.natural_person');
  assert.match(await beside.textContent(), /^上年 \d+$/);
  assert.match(await received.getAttribute('aria-describedby'), /ly-requests\.received\.natural_person/);
  assert.deepEqual(page.errors, []);
  await context.close();
});

/** The 检查 gate's two buttons are inside the viewport. */
async function gateOnScreen(page, viewport) {
  await page.locator('[data-export="docx"]').click();
  const gate = page.locator('[data-export-gate]');
  await gate.waitFor();
  assert.ok(await gate.locator('.gate-errors li').count() > 3, 'a list long enough to scroll');
  for (const button of [gate.getByRole('button', { name: '返回修改' }), gate.locator('[data-export-anyway]')]) {
    const box = await button.boundingBox();
    assert.ok(box.y >= 0 && box.y + box.height <= viewport.height && box.x + box.width <= viewport.width,
      `${await button.textContent()} at ${JSON.stringify(box)} in ${JSON.stringify(viewport)}`);
  }
  // Findings name what is wrong in words: no rule code in what is shown.
  assert.doesNotMatch(await gate.textContent(), /\bR\d+\b/);
}

test('the 检查 gate keeps its buttons on screen at 1366×768 and at 200 % zoom', async () => {
  for (const viewport of [LAPTOP.viewport, { width: 683, height: 384 }]) {
    const context = await app.browser.newContext({ viewport });
    const page = await openPage(context, app.url);
    await gateOnScreen(page, viewport);
    for (const text of await findings(page).allTextContents()) assert.doesNotMatch(text, /\bR\d+\b/, text);
    await context.close();
  }
});

test('the 落款 ends the Word file, right-aligned, as LibreOffice reads it', async () => {
  const context = await app.browser.newContext({ ...LAPTOP, acceptDownloads: true });
  const page = await openPage(context, app.url);
  await field(page, 'meta.body').fill('老城区东南隅街道办事处');
  await page.locator('[data-closing-toggle]').check();
  assert.equal(await field(page, 'closing.body').inputValue(), '老城区东南隅街道办事处', 'the body by default');
  assert.match(await field(page, 'closing.date').inputValue(), /^\d{4}年\d{1,2}月\d{1,2}日$/, 'today by default');
  await field(page, 'closing.date').fill('2027年1月20日');
  await page.locator('[data-export="docx"]').click();
  const { bytes } = await downloadOf(page, page.locator('[data-export-anyway]'));
  const dir = mkdtempSync(join(tmpdir(), 'ogi-closing-'));
  writeFileSync(join(dir, 'report.docx'), bytes);
  const convert = () => execFileSync('libreoffice', [`-env:UserInstallation=file://${dir}/profile`, '--headless',
    '--convert-to', 'pdf', '--outdir', dir, join(dir, 'report.docx')], { stdio: 'pipe' });
  // LibreOffice's first start on a new machine can fail (WrappedTargetRuntimeException): once more.
  try { convert(); } catch (error) {
    if (!String(error.stderr).includes('WrappedTargetRuntimeException')) throw error;
    convert();
  }
  const layout = execFileSync('pdftotext', ['-bbox-layout', join(dir, 'report.pdf'), '-']).toString('utf8');
  const lines = [...layout.matchAll(/<line xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)"[^>]*>([\s\S]*?)<\/line>/g)]
    .map(([, xMin, xMax, words]) => ({ xMin: Number(xMin), xMax: Number(xMax), text: [...words.matchAll(/>([^<]*)<\/word>/g)].map((w) => w[1]).join('') }));
  // The last lines of text, before the page number in the footer (— 3 —).
  const text = lines.filter((line) => !/^—\d+—$/.test(line.text));
  const [body, date] = text.slice(-2);
  assert.equal(body.text, '老城区东南隅街道办事处');
  assert.equal(date.text, '2027年1月20日');
  // A4 is 595 pt wide with a 26 mm (74 pt) right margin: the body ends two characters (32 pt)
  // before it; the date ends 4.5 characters before it (11 − 6.5: it starts two characters right
  // of the body's start where digits are half a character wide, as in 仿宋; LibreOffice's stand-in
  // font draws them a little wider, so the start is only checked to lie right of the body's).
  assert.ok(Math.abs(595 - 74 - 32 - body.xMax) < 6, `body ends at ${body.xMax}`);
  assert.ok(Math.abs(595 - 74 - 72 - date.xMax) < 6, `date ends at ${date.xMax}`);
  assert.ok(date.xMin > body.xMin + 8, `date starts at ${date.xMin}, body at ${body.xMin}`);
  assert.deepEqual(page.errors, []);
  await context.close();
});
