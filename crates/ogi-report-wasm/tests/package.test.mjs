// The npm package `ogi-report` (pkg/, built by `make package`) under node's test runner, held to
// the CLI built from the same core: the same bytes, the same findings, the same messages.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { article, audit, check, format, importFile, initSync, render, sum } from '../../../pkg/ogi_report.js';

initSync({ module: readFileSync(new URL('../../../pkg/ogi_report_bg.wasm', import.meta.url)) });

const CLI = process.env.OGI_REPORT_CLI ?? 'target/debug/ogi-report';
const SEED_PAGE = 'tests/fixtures/seed-2021-page.txt';
const SEED_FILE = 'tests/fixtures/seed-2021.json';
const TODAY = '2022-01-20';

const work = mkdtempSync(join(tmpdir(), 'ogi-package-'));
const cli = (...args) => execFileSync(CLI, args, { maxBuffer: 1 << 26 });
const cliFile = (name, ...args) => {
  const out = join(work, name);
  cli(...args, '--out', out);
  return readFileSync(out);
};

test('the seed page through importFile → check → render equals what the CLI writes', () => {
  const imported = importFile(readFileSync(SEED_PAGE), 'seed-2021-page.txt');
  assert.equal(imported.report.meta.body, '老城区东南隅街道办事处');
  assert.equal(imported.summary.filled.length, 200);

  const reportFile = cliFile('seed.json', 'import', SEED_PAGE);
  assert.deepEqual(imported.report, JSON.parse(reportFile.toString('utf8')), 'the same report as `ogi-report import`');

  const checked = check(imported.report, { today: TODAY });
  const byCli = JSON.parse(spawnSync(CLI, ['check', join(work, 'seed.json'), '--json', '--today', TODAY]).stdout.toString('utf8'));
  assert.deepEqual(checked, byCli, 'the same findings as `ogi-report check --json`');

  for (const to of ['docx', 'html', 'json', 'xlsx']) {
    const bytes = render(imported.report, to);
    assert.ok(bytes instanceof Uint8Array);
    const expected = cliFile(`seed.${to}`, 'render', join(work, 'seed.json'), '--to', to);
    assert.ok(Buffer.from(bytes).equals(expected), `${to}: byte for byte what \`ogi-report render --to ${to}\` writes`);
  }
});

test('a report goes in as JSON text or as an object, with the same result', () => {
  const text = readFileSync(SEED_FILE, 'utf8');
  assert.ok(Buffer.from(render(text, 'docx')).equals(Buffer.from(render(JSON.parse(text), 'docx'))));
  assert.deepEqual(check(text, { today: TODAY }), check(JSON.parse(text), { today: TODAY }));
});

test('a typed error is found with its cells and a message naming the printed labels', () => {
  const report = JSON.parse(readFileSync(SEED_FILE, 'utf8'));
  report.requests.received.natural_person = 5;
  const { findings, errors } = check(report, { today: TODAY });
  assert.ok(errors > 0);
  const r1 = findings.find((finding) => finding.rule === 'R1');
  assert.ok(r1, 'R1 holds no longer');
  assert.equal(r1.severity, 'error');
  assert.ok(r1.cells.includes('requests.received.natural_person'));
  assert.match(r1.message, /一、本年新收政府信息公开申请数量/);
  // A report with errors is rendered as a draft unless the caller says otherwise.
  assert.match(Buffer.from(render(report, 'html')).toString('utf8'), /草稿（未通过检查）/);
  assert.doesNotMatch(Buffer.from(render(report, 'html', { draft: false })).toString('utf8'), /草稿（未通过检查）/);
  assert.match(article(report, { draft: true }), /草稿（未通过检查）/);
});

test('while filling, blank cells are not errors yet', () => {
  const blank = JSON.parse(readFileSync(SEED_FILE, 'utf8'));
  blank.requests.granted.natural_person = null;
  const final = check(blank, { today: TODAY });
  const filling = check(blank, { today: TODAY, stage: 'filling' });
  assert.ok(final.findings.some((finding) => finding.rule === 'R8'));
  assert.ok(!filling.findings.some((finding) => finding.rule === 'R8'));
});

test('errors are JavaScript Errors with the messages the CLI prints', () => {
  const broken = '{"kind": "ogi-annual-report", "version": 1,';
  writeFileSync(join(work, 'broken.json'), broken);
  const stderr = spawnSync(CLI, ['check', join(work, 'broken.json')]).stderr.toString('utf8').trim();
  assert.throws(() => check(broken), (error) => error instanceof Error && stderr.endsWith(error.message));
  assert.throws(() => render('{}', 'pdf'), { message: /不支持的输出格式「pdf」/ });
  assert.throws(() => check(undefined), { message: /缺少报告/ });
  assert.throws(() => check(readFileSync(SEED_FILE, 'utf8'), { today: '2022-13-01' }), { message: /today 日期「2022-13-01」无效/ });
  assert.throws(() => importFile(new TextEncoder().encode('会议纪要\n今天讨论了食堂菜单。'), 'notes.txt'), {
    message: /没有找到政府信息公开工作年度报告/,
  });
});

test('hostile files are refused with a reason, never read', () => {
  assert.throws(() => importFile(new Uint8Array(21 * 1024 * 1024), 'huge.txt'), { message: /文件过大/ });
  assert.throws(() => importFile(new Uint8Array([0xff, 0xfe, 0x00, 0xd8]), 'x.txt'), { message: /不是 UTF-8/ });
  assert.throws(() => importFile(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0, 0]), 'r.docx'), { message: /Word 文件/ });
  assert.throws(() => importFile(new TextEncoder().encode('%PDF-1.7\n'), 'r.pdf'), { message: /PDF 文件/ });
});

test('a saved web page is read as a browser would copy it', () => {
  const seed = JSON.parse(readFileSync(SEED_FILE, 'utf8'));
  const page = render(seed, 'html', { draft: false });
  const imported = importFile(page, '老城区东南隅街道办事处2021年政府信息公开工作年度报告.html');
  assert.equal(imported.summary.filled.length, 200);
  assert.deepEqual(imported.report.requests, seed.requests);
  assert.deepEqual(imported.report.appeals, seed.appeals);
  assert.deepEqual(imported.report.proactive, seed.proactive);
  assert.throws(() => importFile(new TextEncoder().encode('<div>'.repeat(5000)), 'deep.html'), { message: /嵌套超过 1000 层/ });
});

test('a report file is imported as it is, without a summary to confirm', () => {
  const imported = importFile(readFileSync(SEED_FILE), 'seed-2021.json');
  assert.equal(imported.summary, null);
  assert.deepEqual(imported.report, JSON.parse(readFileSync(SEED_FILE, 'utf8')));
});

test('汇总 gives the file `ogi-report sum` writes, and says what it left out', () => {
  const seed = JSON.parse(readFileSync(SEED_FILE, 'utf8'));
  const other = structuredClone(seed);
  other.meta.body = '另一街道办事处';
  const otherYear = structuredClone(seed);
  otherYear.meta.body = '第三街道办事处';
  otherYear.meta.year = 2020;
  const files = [
    ['a.json', JSON.stringify(seed, null, 2)],
    ['b.json', JSON.stringify(other, null, 2)],
    ['c.json', JSON.stringify(otherYear, null, 2)],
  ];
  for (const [name, text] of files) writeFileSync(join(work, name), text);
  const result = sum(
    files.map(([name, text], index) => (index === 0 ? { name, bytes: new TextEncoder().encode(text) } : { name, text })),
    { body: '某区汇总' },
  );
  const expected = cliFile('sum.json', 'sum', ...files.map(([name]) => join(work, name)), '--body', '某区汇总', '--csv', join(work, 'sum.csv'));
  assert.deepEqual(result.report, JSON.parse(expected.toString('utf8')));
  assert.equal(result.csv, readFileSync(join(work, 'sum.csv'), 'utf8'), 'the units table as the CLI writes it');
  assert.deepEqual(result.units.map((unit) => unit.body), ['老城区东南隅街道办事处', '另一街道办事处']);
  assert.equal(result.refused.length, 1);
  assert.match(result.refused[0].reason, /2020/);
  assert.throws(() => sum([{ name: 'x.json', text: 'nope' }]), { message: /没有可以汇总的报告文件/ });
});

test('汇总 counts a file without a year only when given one, and leaves unknown cells blank and named', () => {
  const seed = JSON.parse(readFileSync(SEED_FILE, 'utf8'));
  const noYear = structuredClone(seed);
  noYear.meta.body = '无年度街道办事处';
  noYear.meta.year = null;
  const blank = structuredClone(seed);
  blank.meta.body = '空白街道办事处';
  blank.requests.granted.natural_person = null;
  const files = [
    { name: 'seed.json', text: JSON.stringify(seed) },
    { name: 'none.json', text: JSON.stringify(noYear) },
    { name: 'blank.json', text: JSON.stringify(blank) },
  ];
  const plain = sum(files, {});
  assert.equal(plain.year, 2021);
  assert.deepEqual(plain.units.map((unit) => unit.file), ['seed.json', 'blank.json']);
  assert.match(plain.refused[0].reason, /没有年度/);
  assert.equal(plain.report.requests.granted.natural_person, null, 'unknown, not the sum of the others');
  assert.equal(plain.unknown[0].cell, 'requests.granted.natural_person');
  assert.deepEqual(plain.unknown[0].causes, [{ unit: '空白街道办事处', why: '未填写' }]);
  const given = sum(files, { fileYears: { 'none.json': 2021 } });
  assert.deepEqual(given.units.map((unit) => unit.file), ['seed.json', 'none.json', 'blank.json']);
  assert.match(given.status, /已计入 3 个单位的 2021 年度报告/);
});

test('format() describes every part and every cell of the three tables', () => {
  const described = format();
  assert.deepEqual(
    described.parts.map((part) => part.heading),
    ['一、总体情况', '二、主动公开政府信息情况', '三、收到和处理政府信息公开申请情况', '四、政府信息公开行政复议、行政诉讼情况', '五、存在的主要问题及改进情况', '六、其他需要报告的事项'],
  );
  const cells = described.tables.flatMap((table) => table.rows.flat()).filter((cell) => cell.kind === 'cell');
  assert.equal(cells.length, 10 + 175 + 15);
  const granted = cells.find((cell) => cell.path === 'requests.granted.natural_person');
  assert.deepEqual(granted.labels, ['三、本年度办理结果 （一）予以公开', '自然人']);
  assert.equal(cells.find((cell) => cell.path === 'requests.total.total').total, true);
  // Every cell a form draws is a path `check` understands.
  const paths = new Set(check(readFileSync(SEED_FILE, 'utf8'), { today: TODAY }).findings.flatMap((finding) => finding.cells));
  for (const path of paths) if (path.startsWith('requests.')) assert.ok(cells.some((cell) => cell.path === path), path);
});

test('a Word file and a PDF import as the CLI reads them; 审阅 finds what `ogi-report audit` finds', () => {
  const corpus = 'crates/ogi-report-import/tests/corpus';
  for (const file of ['full.python-docx.docx', 'full.python-docx.libreoffice.pdf']) {
    const path = join(corpus, file);
    const imported = importFile(readFileSync(path), file);
    assert.equal(imported.summary.filled.length, 200, file);
    assert.deepEqual(imported.report, JSON.parse(cliFile(`${file}.json`, 'import', path).toString('utf8')), file);
    const audited = audit(readFileSync(path), file, { today: TODAY });
    const byCli = JSON.parse(spawnSync(CLI, ['audit', path, '--json', '--today', TODAY]).stdout.toString('utf8'));
    assert.deepEqual(audited.report, imported.report);
    delete audited.report;
    assert.deepEqual(audited, byCli, file);
    assert.ok(audited.cells.every(([, source]) => source.source === 'read'));
  }
});
