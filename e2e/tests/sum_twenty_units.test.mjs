// 汇总 in the page: twenty units' files plus an unreadable, an other-year and a repeated one.
// The page lists each unit's check results and key figures, names every file it left out with
// the reason, and downloads the same summed file the CLI writes from the same files.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { downloadOf, openPage, runCli, usePage } from '../harness.mjs';

const app = usePage();
const SEED = JSON.parse(readFileSync('tests/fixtures/seed-2021.json', 'utf8'));

/** Unit `n`: n requests received and granted (totals kept consistent), a fee of n/4 万元. */
function unit(n, { body = `第${n}街道办事处`, year = 2021, broken = false } = {}) {
  const report = structuredClone(SEED);
  report.meta.body = body;
  report.meta.year = year;
  const requests = report.requests;
  for (const row of ['received', 'granted', 'total']) {
    requests[row].natural_person += n;
    requests[row].total += n;
  }
  // Unit 7 forgets to update its 总计 column: an R2 error the table must show.
  if (broken) requests.granted.total -= n;
  report.proactive.fees = String(n / 4);
  return JSON.stringify(report, null, 2);
}

test('twenty units: checked, summed, and the same file as `ogi-report sum`', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'ogi-sum-'));
  const files = [];
  const write = (name, text) => {
    const path = join(dir, name);
    writeFileSync(path, text);
    files.push(path);
  };
  for (let n = 1; n <= 20; n += 1) write(`unit-${String(n).padStart(2, '0')}.json`, unit(n, { broken: n === 7 }));
  write('broken.json', '{"kind": "ogi-report", "meta": {');
  write('old.json', unit(30, { body: '旧年度街道', year: 2020 }));
  write('again.json', unit(5, { body: '第3街道办事处' }));

  const context = await app.browser.newContext({ acceptDownloads: true });
  const page = await openPage(context, `${app.url}tools/`);
  await page.locator('[data-sum-files]').setInputFiles(files);
  await page.waitForSelector('[data-sum-status]');
  assert.equal(
    await page.locator('[data-sum-status]').textContent(),
    '已计入 20 个单位的 2021 年度报告；未计入 3 个文件。',
  );

  const refused = page.locator('[data-sum-refused] li');
  assert.equal(await refused.count(), 3);
  assert.match(await refused.nth(0).textContent(), /^broken\.json：这不是有效的报告文件/);
  assert.match(await refused.nth(1).textContent(), /^old\.json：报告年度为 2020 年，与汇总的年度（2021 年）不同/);
  assert.match(await refused.nth(2).textContent(), /^again\.json：单位「第3街道办事处」的报告已从文件「unit-03\.json」计入/);

  const rows = page.locator('[data-sum-units] tbody tr');
  assert.equal(await rows.count(), 20);
  const seventh = page.locator('[data-unit="unit-07.json"]');
  assert.ok(Number(await seventh.locator('[data-errors]').textContent()) > 0, 'unit 7 has errors');
  assert.match(await seventh.getAttribute('class'), /has-errors/);
  await seventh.locator('summary').click();
  assert.match(await seventh.locator('.unit-findings').textContent(), /R2|总计|合计/);
  assert.equal(await page.locator('[data-unit="unit-08.json"] [data-errors]').textContent(), '0');
  // Every unit's narrative is the same text (the fixture's): each is named as repeating another's.
  const copied = page.locator('[data-sum-copied]');
  assert.equal(await copied.count(), 20);
  const eighth = page.locator('[data-unit="unit-08.json"] [data-sum-copied][data-unit="第8街道办事处"]');
  assert.equal(await eighth.getAttribute('data-other-unit'), '第1街道办事处');
  assert.equal(await eighth.getAttribute('data-share'), '100');
  assert.equal(await eighth.textContent(), '与「第1街道办事处」雷同 100%');
  // 1 + 2 + … + 20 = 210 requests; 210 / 4 = 52.5 万元 of fees, written to two decimals as units wrote 0.25.
  assert.equal(await page.locator('[data-sum-cell="requests.received.natural_person"]').textContent(), '210');
  assert.equal(await page.locator('[data-sum-cell="requests.total.total"]').textContent(), '210');
  assert.equal(await page.locator('[data-sum-cell="proactive.fees"]').textContent(), '52.50', 'kept to the decimals the units wrote');

  await page.locator('[data-sum-body]').fill('某某区');
  const { name, bytes } = await downloadOf(page, page.locator('[data-sum-download="json"]'));
  assert.equal(name, '某某区2021年政府信息公开工作年度报告.json');

  const out = join(dir, 'cli-total.json');
  const csvOut = join(dir, 'cli-table.csv');
  const xlsxOut = join(dir, 'cli-total.xlsx');
  const result = runCli('sum', ...files, '--out', out, '--body', '某某区', '--csv', csvOut, '--xlsx', xlsxOut);
  assert.equal(result.status, 0, result.stderr);
  assert.ok(bytes.equals(readFileSync(out)), 'the page and the CLI write the same summed file');
  // And the same check results per unit.
  const cliLines = result.stdout.split('\n').filter((line) => line.startsWith('第'));
  assert.equal(cliLines.length, 20);
  for (const [index, line] of cliLines.entries()) {
    const [body, errors, warnings] = line.split('\t');
    const row = rows.nth(index);
    assert.equal(await row.locator('th').first().evaluate((th) => th.firstChild.textContent), body);
    assert.equal(await row.locator('[data-errors]').textContent(), errors, body);
    assert.equal(await row.locator('[data-warnings]').textContent(), warnings, body);
  }
  const table = await downloadOf(page, page.locator('[data-sum-download="csv"]'));
  assert.equal(table.name, '某某区2021年各单位年度报告检查汇总表.csv');
  assert.ok(table.bytes.equals(readFileSync(csvOut)), 'the page and the CLI write the same table');
  const csv = table.bytes.toString('utf8');
  assert.equal(csv.charCodeAt(0), 0xfeff, 'a byte-order mark for Excel');
  assert.deepEqual(
    csv.slice(1).split('\r\n').slice(1, 21).map((line) => line.split(',').slice(0, 3).join('\t')),
    cliLines.map((line) => line.split('\t').slice(0, 3).join('\t')),
    'the CSV rows are the CLI table rows',
  );
  const workbook = await downloadOf(page, page.locator('[data-sum-download="xlsx"]'));
  assert.equal(workbook.name, '某某区2021年政府信息公开工作年度报告.xlsx');
  assert.ok(workbook.bytes.equals(readFileSync(xlsxOut)), 'the page and the CLI write the same workbook');

  // More files can be dropped onto the page later; they join the same 汇总.
  const more = [21, 22].map((n) => ({ name: `unit-${n}.json`, text: unit(n) }));
  await page.locator('.drop-zone').evaluate((zone, files) => {
    const transfer = new DataTransfer();
    for (const { name, text } of files) transfer.items.add(new File([text], name, { type: 'application/json' }));
    zone.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }));
  }, more);
  await page.waitForFunction(() => document.querySelector('[data-sum-status]').textContent.startsWith('已计入 22 个'));
  assert.equal(await rows.count(), 22);
  assert.equal(await page.locator('[data-sum-cell="requests.received.natural_person"]').textContent(), String(210 + 21 + 22));

  // Two files of 第3街道办事处: the first counts (equally complete); the user chooses the other.
  await page.locator('[data-sum-refused] li[data-file$="again.json"] [data-sum-prefer]').click();
  await page.waitForFunction(() => document.querySelector('[data-sum-refused] li[data-file$="unit-03.json"]'));
  assert.match(await page.locator('[data-sum-refused] li[data-file$="unit-03.json"]').textContent(), /您选择的一份/);
  assert.equal(await page.locator('[data-sum-cell="requests.received.natural_person"]').textContent(), String(210 + 21 + 22 - 3 + 5));
  assert.deepEqual(page.errors, []);
  await context.close();
});
