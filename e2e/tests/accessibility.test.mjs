// axe-core on the page with findings showing, on its dialogs and on the tools page: no serious or
// critical violation.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { cell, findings, openPage, typeInto, usePage } from '../harness.mjs';

const app = usePage();

/** axe-core's serious and critical violations on the page as it is now. */
async function seriousViolations(page) {
  const result = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.length} × ${v.nodes[0]?.target}`);
}
const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

test('no serious or critical accessibility violation', async () => {
  const context = await app.browser.newContext();
  const page = await openPage(context, app.url);
  await typeInto(cell(page, 'requests.received.natural_person'), '5');
  await typeInto(cell(page, 'requests.granted.commercial'), '12a');
  await page.getByRole('button', { name: '检查' }).click();
  assert.ok((await findings(page).count()) > 3, 'findings are showing');
  await page.addScriptTag({ path: axePath });
  assert.deepEqual(await seriousViolations(page), [], 'the form with findings');

  await page.locator('[data-export="docx"]').click();
  await page.locator('[data-export-gate]').waitFor();
  assert.deepEqual(await seriousViolations(page), [], 'the 检查 gate dialog');
  await page.getByRole('button', { name: '返回修改' }).click();

  await page.locator('[data-import="text"]').click();
  await page.locator('[data-import-text]').fill(readFileSync('tests/fixtures/seed-2021-page.txt', 'utf8'));
  await page.locator('[data-import-read]').click();
  await page.locator('[data-import-summary]').waitFor();
  assert.deepEqual(await seriousViolations(page), [], 'the import summary dialog');

  const tools = await openPage(context, `${app.url}tools/`);
  await tools.locator('[data-sum-files]').setInputFiles(['tests/fixtures/seed-2021.json', 'Cargo.toml']);
  await tools.locator('[data-sum-units]').waitFor();
  await tools.locator('[data-unit] summary').first().click();
  await tools.addScriptTag({ path: axePath });
  assert.deepEqual(await seriousViolations(tools), [], 'the 汇总 view with a unit and a refused file');
  await tools.getByRole('tab', { name: '本年与上年对比' }).click();
  await tools.locator('[data-compare-missing]').waitFor();
  assert.deepEqual(await seriousViolations(tools), [], 'the year-over-year view, nothing to compare yet');
  await tools.locator('[data-compare-file="this"]').setInputFiles('tests/fixtures/seed-2021.json');
  await tools.locator('[data-compare-file="last"]').setInputFiles('tests/fixtures/seed-2021.json');
  await tools.locator('[data-compare-summary]').waitFor();
  assert.deepEqual(await seriousViolations(tools), [], 'the year-over-year view with both years');
  await context.close();
});
