// The export controls download the same bytes the CLI renders from the same report file, and
// printing shows only the report.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cli, downloadOf, openPage, usePage } from '../harness.mjs';

const app = usePage();
const SEED = 'tests/fixtures/seed-2021.json';

test('Word, HTML, JSON and Excel downloads equal the CLI render; print shows the report only', async () => {
  const context = await app.browser.newContext({ acceptDownloads: true });
  const page = await openPage(context, app.url);
  await page.locator('[data-import="json"]').setInputFiles(SEED);
  await page.waitForFunction(() => document.querySelector('[data-field="meta.body"]').value !== '');
  const dir = mkdtempSync(join(tmpdir(), 'ogi-e2e-'));

  for (const kind of ['docx', 'html', 'json', 'xlsx']) {
    const { name, bytes } = await downloadOf(page, page.locator(`[data-export="${kind}"]`));
    assert.equal(name, `老城区东南隅街道办事处2021年政府信息公开工作年度报告.${kind}`);
    const out = join(dir, `cli.${kind}`);
    assert.equal(cli('render', SEED, '--to', kind, '--out', out), 0);
    assert.ok(bytes.equals(readFileSync(out)), `${kind}: page and CLI give the same bytes`);
  }
  assert.equal(await page.locator('[data-export-gate]').count(), 0, 'a clean report passes the gate');

  await page.locator('[data-export="print"]').click();
  const printed = page.locator('#print-view');
  await printed.locator('h1').waitFor({ state: 'attached' });
  await page.emulateMedia({ media: 'print' });
  assert.equal(await page.locator('.app').isVisible(), false, 'no app chrome in print');
  assert.equal(await printed.isVisible(), true);
  assert.match(await printed.locator('h1').textContent(), /^老城区东南隅街道办事处2021年政府信息公开工作年度报告$/);
  assert.equal(await printed.locator('table').count(), 3);
  assert.equal(await printed.locator('thead').count(), 2, 'tables 三 and 四 repeat their headers');
  await context.close();
});
