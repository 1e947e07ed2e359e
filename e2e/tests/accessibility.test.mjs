// axe-core on the page with findings showing: no serious or critical violation.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { cell, findings, openPage, typeInto, usePage } from '../harness.mjs';

const app = usePage();
const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

test('no serious or critical accessibility violation', async () => {
  const context = await app.browser.newContext();
  const page = await openPage(context, app.url);
  await typeInto(cell(page, 'requests.received.natural_person'), '5');
  await typeInto(cell(page, 'requests.granted.commercial'), '12a');
  await page.getByRole('button', { name: '检查' }).click();
  assert.ok((await findings(page).count()) > 3, 'findings are showing');
  await page.addScriptTag({ path: axePath });
  const result = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
  const serious = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  const summary = serious.map((v) => `${v.id} (${v.impact}): ${v.nodes.length} × ${v.nodes[0]?.target}`);
  assert.deepEqual(summary, []);
  await context.close();
});
