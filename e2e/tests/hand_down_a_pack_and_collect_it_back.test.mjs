// A county office hands the one-file page down with its settings and sums what comes back: on the
// tools page's 下发 view it enters its name, the year, its deadline, four units and its threshold
// and downloads one file; a unit opens that file from disk, chooses its name from the list (a name
// off the list is allowed, with a word), sees the county's deadline in the reminder, and exports
// its report file named after itself and the year, told where to send it. Back in 汇总, the same
// file gives the list (a hosted page gets the same settings by the view's link): three of the four units' files → one 未交, one 有错误, and the two units
// whose narratives are the same flagged with the share.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { downloadOf, field, openPage, usePage } from '../harness.mjs';

const app = usePage();
const SEED = JSON.parse(readFileSync('tests/fixtures/seed-2021.json', 'utf8'));
const OFFICE = '某某区政务公开办';
const UNITS = ['甲街道办事处', '乙街道办事处', '丙镇人民政府', '丁镇人民政府'];

/** A unit's report file whose narrative is its own (or `words`, another unit's), changed by `edit`. */
function unitFile(name, body, { words = body, edit = () => {} } = {}) {
  const report = structuredClone(SEED);
  report.meta.body = body;
  for (const part of ['overview', 'problems']) {
    for (const section of report[part]) {
      section.text = `${words}按照上级部署认真落实政务公开各项要求。${words}结合实际完善制度并加强工作队伍建设。`;
    }
  }
  edit(report);
  return { name, mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(report)) };
}

test('a pack made in a minute, filled from disk, and collected back with who is missing, wrong or copied', async () => {
  const context = await app.browser.newContext({ acceptDownloads: true });
  const tools = await openPage(context, `${app.url}tools/?view=pack`);
  await tools.locator('[data-pack="body"]').fill(OFFICE);
  await tools.locator('[data-pack="year"]').selectOption('2021');
  await tools.locator('[data-pack="deadline"]').fill('2022-01-20');
  await tools.locator('[data-pack="units"]').fill(`单位名称\t类型\n${UNITS[0]}\t部门\n${UNITS[1]}\t部门\n${UNITS[2]}\t人民政府\n${UNITS[3]}\t人民政府\n`);
  await tools.locator('[data-pack="threshold"]').fill('60');
  assert.equal(await tools.locator('[data-pack-tally]').textContent(), '名单中 4 个单位。');
  const pack = await downloadOf(tools, tools.locator('[data-pack-download]'));
  assert.equal(pack.name, `${OFFICE}2021年度政府信息公开工作年度报告填写页.html`);
  assert.match(await tools.locator('[data-pack-done]').textContent(), /名单中的 4 个单位/);
  const saved = join(mkdtempSync(join(tmpdir(), 'ogi-pack-')), pack.name);
  writeFileSync(saved, pack.bytes);

  // The same settings by a link, for a hosted page.
  const hosted = await openPage(context, await tools.locator('[data-pack-link]').inputValue());
  assert.match(await hosted.locator('[data-pack-note]').textContent(), new RegExp(`由${OFFICE}下发`));
  assert.equal(await hosted.locator('#pack-units option').count(), UNITS.length);
  assert.equal(await hosted.locator('[data-one-file-note]').count(), 0, 'a hosted page is not the one file');
  await hosted.close();

  // A unit opens the mailed file from disk.
  const unit = await openPage(context, pathToFileURL(saved).href);
  assert.match(await unit.locator('[data-pack-note]').textContent(), new RegExp(`由${OFFICE}下发.*2021 年度.*请于2022年1月20日前将报告文件报送${OFFICE}`));
  assert.deepEqual(await unit.locator('#pack-units option').evaluateAll((options) => options.map((option) => option.value)), UNITS);
  await field(unit, 'meta.body').fill('丙镇政府');
  assert.ok(!(await unit.locator('[data-pack-unlisted]').isVisible()), 'no word while the name is being typed');
  await field(unit, 'meta.body').press('Tab');
  assert.ok(await unit.locator('[data-pack-unlisted]').isVisible());
  assert.match(await unit.locator('[data-pack-unlisted]').textContent(), /“丙镇政府”不在某某区政务公开办下发的单位名单中/);
  await field(unit, 'meta.body').fill(UNITS[2]);
  assert.equal(await unit.locator('[data-pack-unlisted]').count(), 0);
  assert.equal(await field(unit, 'meta.body_type').inputValue(), 'government', 'the type the list gives');
  assert.equal(await field(unit, 'meta.year').inputValue(), '2021');
  await unit.locator('[data-cell="requests.received.natural_person"]').fill('3');
  await unit.locator('button', { hasText: '检查' }).first().click();
  await unit.waitForSelector('[data-findings] [data-rule="R18"]');
  assert.match(await unit.locator('[data-findings] [data-rule="R18"]').textContent(), /报送截止日期2022年1月20日（某某区政务公开办的通知）/);
  const exported = await downloadOf(unit, unit.locator('[data-export="json"]'));
  assert.equal(exported.name, `${UNITS[2]}2021年政府信息公开工作年度报告.json`);
  assert.match(await unit.locator('[data-notice="message"]').textContent(), new RegExp(`请于2022年1月20日前将报告文件报送${OFFICE}`));
  assert.deepEqual(unit.errors, []);

  // 汇总 with the pack: three of the four units' files.
  const sum = await openPage(context, `${app.url}tools/?view=sum`);
  await sum.locator('[data-sum-pack]').setInputFiles(saved);
  await sum.waitForFunction((count) => document.querySelector('[data-sum-units-list]').value.split('\n').length === count, UNITS.length);
  await sum.locator('[data-sum-files]').setInputFiles([
    unitFile('a.json', UNITS[0]),
    unitFile('b.json', UNITS[1], { edit: (report) => { report.requests.received.natural_person += 5; } }),
    unitFile('c.json', UNITS[2], { words: UNITS[0] }),
  ]);
  await sum.waitForFunction(() => document.querySelectorAll('[data-sum-checklist] tbody tr').length === 4);
  assert.equal(await sum.locator('[data-sum-body]').inputValue(), OFFICE, 'the 汇总 is named after the office');
  const states = await sum.locator('[data-sum-checklist] tbody tr').evaluateAll((rows) => rows.map((row) => [row.dataset.unit, row.dataset.unitStatus]));
  assert.deepEqual(states, [[UNITS[0], 'submitted'], [UNITS[1], 'errors'], [UNITS[2], 'submitted'], [UNITS[3], 'missing']]);
  assert.equal(await sum.locator('[data-sum-urge]').inputValue(), UNITS[3]);
  const copied = await sum.locator('[data-sum-copied]').evaluateAll((spans) => spans.map((span) => [span.dataset.unit, span.dataset.otherUnit, span.dataset.share]));
  assert.deepEqual(copied, [[UNITS[0], UNITS[2], '100'], [UNITS[2], UNITS[0], '100']]);
  assert.deepEqual(sum.errors, []);
  await context.close();
});
