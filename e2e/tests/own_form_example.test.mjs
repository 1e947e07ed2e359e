// A portal's own form over the npm package (examples/own-form/): it draws table 三 from
// format(), checks on every input, marks the typed error and downloads the Word file.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cell, downloadOf, findings, typeInto, usePage } from '../harness.mjs';

// The repository root: the example imports the package from pkg/ as a portal would from its own path.
const app = usePage({ dir: process.cwd() });

test('the own-form example checks a typed error and downloads a Word file', async () => {
  const context = await app.browser.newContext({ acceptDownloads: true });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(`${app.url}examples/own-form/`);
  await page.locator('#report:not([hidden])').waitFor();
  assert.equal(await page.locator('[data-cell]').count(), 175, 'every cell of table 三');

  await page.locator('[data-field="meta.body"]').fill('示例街道办事处');
  await typeInto(cell(page, 'requests.received.natural_person'), '5');
  await typeInto(cell(page, 'requests.granted.natural_person'), '3');
  assert.equal(await findings(page, 'R1').count(), 0, 'the column is still being filled');
  // The rest of the column filled with 0: its relation is judged.
  for (const input of await page.locator('[data-cell^="requests."][data-cell$=".natural_person"]:not([readonly])').all()) {
    if ((await input.inputValue()) === '') await input.fill('0');
  }
  await findings(page, 'R1').first().waitFor();
  assert.match(await findings(page, 'R1').first().textContent(), /一、本年新收政府信息公开申请数量/);
  assert.equal(await cell(page, 'requests.received.natural_person').getAttribute('aria-invalid'), 'true');
  assert.equal(await cell(page, 'requests.total.natural_person').inputValue(), '3', 'the total follows');

  await typeInto(cell(page, 'requests.carried_forward.natural_person'), '2');
  assert.equal(await findings(page, 'R1').count(), 0, 'the balance holds: 5 + 0 = 3 + 2');

  const { name, bytes } = await downloadOf(page, page.locator('[data-export="docx"]'));
  assert.match(name, /^示例街道办事处\d{4}年政府信息公开工作年度报告\.docx$/);
  assert.equal(bytes.subarray(0, 4).toString('latin1'), 'PK\x03\x04');
  assert.ok(bytes.includes(Buffer.from('示例街道办事处')), 'the typed body is in the document');
  assert.deepEqual(errors, []);
  await context.close();
});
