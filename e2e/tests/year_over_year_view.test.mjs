// 上年对比: the draft being filled beside the last year's report it was started from, every cell
// with both years and the change, the parts' lengths, printable; opened from the filling page.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { cell, openPage, savedAfter, typeInto, usePage, useItAnyway } from '../harness.mjs';

const app = usePage();

test('the year-over-year view shows this year beside last year, and prints', async () => {
  const context = await app.browser.newContext();
  const page = await openPage(context, app.url);
  await page.locator('[data-import="last-year"]').setInputFiles('tests/fixtures/seed-2021.json');
  await useItAnyway(page);
  await page.waitForFunction(() => document.querySelector('[data-field="meta.year"]').value === '2022');
  const saved = await page.locator('[data-saved-at]').getAttribute('data-saved-at');
  await typeInto(cell(page, 'requests.received.natural_person'), '5');
  await savedAfter(page, saved);

  const opened = context.waitForEvent('page');
  await page.locator('[data-tool="compare"]').click();
  const view = await opened;
  const errors = [];
  view.on('pageerror', (error) => errors.push(error.message));
  await view.waitForSelector('[data-compare-summary]');
  const summary = await view.locator('[data-compare-summary]').textContent();
  assert.match(summary, /本年：老城区东南隅街道办事处2022年政府信息公开工作年度报告。上年：老城区东南隅街道办事处2021年政府信息公开工作年度报告。/);

  const received = view.locator('[data-compare-cell="requests.received.natural_person"]');
  assert.equal(await received.getAttribute('data-change'), 'up');
  assert.equal(await received.locator('.this-year').textContent(), '5');
  assert.equal(await received.locator('.last-year').textContent(), '上年 0');
  assert.equal(await received.locator('.delta').textContent(), '+5');
  const carried = view.locator('[data-compare-cell="requests.carried_in.natural_person"]');
  assert.equal(await carried.getAttribute('data-change'), 'same', '上年结转 came from last year (0 and 0)');
  const blank = view.locator('[data-compare-cell="requests.granted.natural_person"]');
  assert.equal(await blank.getAttribute('data-change'), 'unfilled', 'a blank is neither last year\'s 0 nor a change');
  assert.equal(await blank.locator('.this-year').textContent(), '空');
  assert.equal(await view.locator('[data-compare-cell]').count(), 200, 'every table cell');
  const changed = await view.locator('[data-compare-cell]:not([data-change="same"]):not([data-change="unfilled"])').count();
  const unfilled = await view.locator('[data-compare-cell][data-change="unfilled"]').count();
  assert.ok(changed < 10 && unfilled > 150, `${changed} changed, ${unfilled} not filled yet`);
  assert.ok(summary.includes(`有 ${changed} 个单元格与上年不同`), summary);
  assert.ok(summary.includes(`本年还有 ${unfilled} 个单元格未填，未计为变化`), summary);

  const parts = view.locator('[data-compare-parts] tbody tr');
  assert.equal(await parts.count(), 3);
  assert.equal(await parts.nth(0).locator('th').textContent(), '一、总体情况');
  const [thisYear, lastYear] = await Promise.all([0, 1].map(async (i) => Number(await parts.nth(0).locator('td').nth(i).textContent())));
  assert.ok(lastYear > 500 && thisYear < 100, `headings only this year (${thisYear}), last year's full text (${lastYear})`);
  assert.equal(await parts.nth(0).locator('td').nth(4).textContent(), '无', 'nothing repeated yet');

  await view.emulateMedia({ media: 'print' });
  assert.equal(await view.locator('.tool-tabs').isVisible(), false, 'no controls in print');
  assert.equal(await view.locator('[data-compare-print]').isVisible(), false);
  assert.equal(await received.isVisible(), true, 'the tables print');
  // Two files chosen in the same moment both count (the second does not undo the first).
  await view.emulateMedia({ media: 'screen' });
  const seed = readFileSync('tests/fixtures/seed-2021.json', 'utf8');
  const chosenNow = seed.replace('"year": 2021', '"year": 2022').replace('老城区东南隅街道办事处', '丙街道办事处');
  await view.evaluate(([now, before]) => {
    for (const [hook, text] of [['this', now], ['last', before]]) {
      const input = document.querySelector(`[data-compare-file="${hook}"]`);
      const transfer = new DataTransfer();
      transfer.items.add(new File([text], `${hook}.json`, { type: 'application/json' }));
      input.files = transfer.files;
      input.dispatchEvent(new Event('change', { bubbles: true }));
    }
  }, [chosenNow, seed]);
  await view.waitForFunction(() => document.querySelector('[data-compare-summary]')?.textContent.startsWith('本年：丙街道办事处2022年'));
  assert.match(await view.locator('[data-compare-summary]').textContent(), /上年：老城区东南隅街道办事处2021年/);
  assert.deepEqual(errors, []);
  await context.close();
});
