// 汇总 with the list of units that should report (pasted as from Excel): four listed units, three
// of their files — one with an error, one with a blank cell — and a unit not on the list. Each
// unit's state is shown (已交 · 有错误 · 有空白 · 未交 · 不在名单中), the unit that sent nothing is
// in the 催报 list to copy, and the CSV carries a 报送情况 column and a row for the missing unit.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { downloadOf, openPage, usePage } from '../harness.mjs';

const app = usePage();
const SEED = JSON.parse(readFileSync('tests/fixtures/seed-2021.json', 'utf8'));

/** A unit's report file as `{name, mimeType, buffer}`, changed by `edit`. */
function unit(name, body, edit = () => {}) {
  const report = structuredClone(SEED);
  report.meta.body = body;
  edit(report);
  return { name, mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(report)) };
}

test('each listed unit gets its state, the missing one is listed to urge, the CSV says so', async () => {
  const context = await app.browser.newContext({ acceptDownloads: true });
  const page = await openPage(context, `${app.url}tools/`);
  await page.locator('[data-sum-units-list]').fill('单位名称\t类型\n甲街道\t部门\n乙街道\t部门\n丙镇\t政府\n丁镇\t政府\n');
  await page.locator('[data-sum-files]').setInputFiles([
    unit('a.json', '甲街道'),
    unit('b.json', '乙街道', (report) => { report.requests.granted.commercial = null; }),
    unit('c.json', '丙镇', (report) => { report.requests.received.natural_person = 5; }),
    unit('x.json', '名单外单位'),
  ]);
  await page.waitForSelector('[data-sum-status]');
  const rows = page.locator('[data-sum-checklist] tbody tr');
  await page.waitForFunction(() => document.querySelectorAll('[data-sum-checklist] tbody tr').length === 5);
  const states = await rows.evaluateAll((trs) => trs.map((tr) => [tr.dataset.unit, tr.dataset.unitStatus, tr.lastElementChild.textContent]));
  assert.deepEqual(states, [
    ['甲街道', 'submitted', '已交'],
    ['乙街道', 'blanks', '有空白'],
    ['丙镇', 'errors', '有错误'],
    ['丁镇', 'missing', '未交'],
    ['名单外单位', 'unlisted', '不在名单中'],
  ]);
  assert.equal(await page.locator('[data-sum-urge]').inputValue(), '丁镇');
  assert.match(await page.locator('[data-sum-checklist-tally]').textContent(), /名单 4 个单位：已交 1，有错误 1，有空白 1，未交 1。另有 1 个不在名单中的单位。/);

  const table = await downloadOf(page, page.locator('[data-sum-download="csv"]'));
  const lines = table.bytes.toString('utf8').replace(/^\uFEFF/, '').split('\r\n');
  assert.match(lines[0], /,报送情况$/);
  assert.match(lines[1], /^甲街道,.*,已交$/);
  assert.ok(lines.includes('丁镇,,,,,,,,未交'), lines.join('\n'));
  assert.deepEqual(page.errors, []);
  await context.close();
});
