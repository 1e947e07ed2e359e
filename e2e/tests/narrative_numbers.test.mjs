// The numbers the narrative states stand beside the table values they claim (R11), and one click
// inserts the 依申请公开 data paragraph composed from the tables; it can be edited and undone.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cell, field, findings, openPage, typeInto, usePage } from '../harness.mjs';

const app = usePage();
const TEXT = 'overview.1.text';

test('stated numbers beside the tables, and the data paragraph inserted in one click', async () => {
  const context = await app.browser.newContext();
  const page = await openPage(context, app.url);
  assert.equal(await field(page, 'overview.1.heading').inputValue(), '（二）依申请公开');
  assert.equal(await page.locator('[data-insert-sentence]').count(), 1, 'only under 依申请公开');

  await typeInto(cell(page, 'requests.received.natural_person'), '12');
  await field(page, TEXT).click();
  await page.keyboard.type('全年共收到政府信息公开申请10件。');
  const stated = page.locator(`[data-stated-numbers="${TEXT}"] li`);
  assert.equal(await stated.count(), 1);
  assert.equal(
    await stated.textContent(),
    '“收到政府信息公开申请10件” → 表三 一、本年新收政府信息公开申请数量·总计：12 ✗ 不一致',
  );
  assert.equal(await findings(page, 'R11').count(), 1, 'R11 names the mismatch');

  await page.locator('[data-insert-sentence]').click();
  const text = await field(page, TEXT).inputValue();
  assert.match(text, /^全年共收到政府信息公开申请10件。\n本年度共收到政府信息公开申请12件，上年结转〔表中未填〕件。/);
  assert.equal(await stated.count(), 2);
  assert.match(await stated.nth(1).textContent(), /：12 ✓ 一致$/);

  await field(page, TEXT).fill(text.split('\n')[1]);
  assert.equal(await stated.count(), 1);
  assert.equal(await findings(page, 'R11').count(), 0, 'the generated paragraph agrees with the tables');

  await page.locator('[data-insert-sentence]').click();
  await page.keyboard.press('Control+z');
  assert.equal(await field(page, TEXT).inputValue(), text.split('\n')[1], 'the insertion is one undo step');

  // A published report that renamed its sub-sections (no 依申请公开): offered under the first.
  await page.locator('[data-import="json"]').setInputFiles('tests/fixtures/seed-2021.json');
  await page.waitForFunction(() => document.querySelector('[data-field="meta.body"]').value !== '');
  assert.equal(await page.locator('[data-insert-sentence]').count(), 1);
  assert.equal(await page.locator('[data-insert-sentence]').getAttribute('data-insert-sentence'), 'overview.0.text');
  assert.deepEqual(page.errors, []);
  await context.close();
});
