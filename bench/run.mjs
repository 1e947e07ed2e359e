// `make bench`: measures the built page in headless Chromium against a calibration page (plain
// inputs), prints one table and writes docs/performance.md. Timings vary with the machine; they are
// measured here and never asserted in tests.
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { execSync } from 'node:child_process';
import { cpus } from 'node:os';
import { gzipSync } from 'node:zlib';
import { pathToFileURL } from 'node:url';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { serve } from '../e2e/server.mjs';

const EDITS = Number(process.env.EDITS ?? 500);
const COLD_RUNS = Number(process.env.COLD_RUNS ?? 20);
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
  '--disable-sync', '--no-first-run', '--disable-quic', '--enable-precise-memory-info'];

const seed = JSON.parse(readFileSync('tests/fixtures/seed-2021.json', 'utf8'));
const rows = Object.keys(seed.requests);
const cols = Object.keys(seed.requests.received);
const typedCells = rows.filter((row) => row !== 'total')
  .flatMap((row) => cols.filter((col) => col !== 'total').map((col) => `requests.${row}.${col}`));

const stats = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  return { n: sorted.length, median: at(0.5), p95: at(0.95), p99: at(0.99) };
};
const ms = (value) => (value === undefined ? 'n/a' : value.toFixed(2));

// Records keydown → end of the page's input handlers, and keydown → the next frame painted.
function latencyProbe() {
  window.__lat = { handler: [], frame: [] };
  let keydownAt = null;
  addEventListener('keydown', () => { keydownAt = performance.now(); }, true);
  addEventListener('input', () => {
    if (keydownAt === null) return;
    const start = keydownAt;
    keydownAt = null;
    window.__lat.handler.push(performance.now() - start);
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => window.__lat.frame.push(performance.now() - start);
      channel.port2.postMessage(0);
    });
  });
  // An export: the click on its control → the download link's click (or the print dialog). Word
  // and HTML are rendered by the file-work package, which the first export fetches.
  window.__exports = [];
  let clickAt = null;
  addEventListener('click', (event) => { if (event.target.closest('[data-export], [data-export-anyway]')) clickAt = performance.now(); }, true);
  const handedOver = () => { if (clickAt !== null) { window.__exports.push(performance.now() - clickAt); clickAt = null; } };
  const anchorClick = HTMLAnchorElement.prototype.click;
  HTMLAnchorElement.prototype.click = function click() { if (this.download) handedOver(); return anchorClick.call(this); };
  addEventListener('TrunkApplicationStarted', (event) => { window.__wasm = event.detail.wasm; });
  new MutationObserver((_, observer) => {
    if (document.documentElement.dataset.appReady && document.querySelector('[data-cell]')) {
      window.__readyAt = performance.now();
      observer.disconnect();
    }
  }).observe(document, { attributes: true, childList: true, subtree: true });
}

async function newPage(browser, url, { throttle = 1, timings = false, calibration = false } = {}) {
  const context = await browser.newContext({ acceptDownloads: true });
  if (timings) await context.addInitScript(() => { window.__ogiTimings = {}; });
  if (calibration) await context.addInitScript((keys) => { window.__calibrationKeys = keys; }, { rows, cols });
  await context.addInitScript(latencyProbe);
  const page = await context.newPage();
  if (throttle > 1) {
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: throttle });
  }
  await page.goto(url);
  await page.waitForFunction(() => window.__readyAt !== undefined);
  return { context, page };
}

const nextFrame = (page) => page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0))));

async function keystrokes(browser, url, options) {
  const { context, page } = await newPage(browser, url, options);
  // Components drawn so far (the timing build counts each drawing as `drawn:<component>`).
  const drawnBefore = await page.evaluate(() => ({ ...(window.__ogiTimings ?? {}) }));
  for (let i = 0; i < EDITS; i += 1) {
    const path = typedCells[(i * 37) % typedCells.length];
    await page.evaluate((p) => { const el = document.querySelector(`[data-cell="${p}"]`); el.focus(); el.select(); }, path);
    // Every edit changes the cell's number: a cell comes round again after typedCells.length
    // edits, with the next digit (the same digit again would be an edit that changes nothing).
    await page.keyboard.press(String(((i + Math.floor(i / typedCells.length)) % 9) + 1));
    await nextFrame(page);
  }
  await nextFrame(page);
  const result = await page.evaluate(() => ({ ...window.__lat, timings: window.__ogiTimings ?? {} }));
  result.drawn = Object.fromEntries(Object.entries(result.timings)
    .filter(([name]) => name.startsWith('drawn:'))
    .map(([name, count]) => [name.slice('drawn:'.length), (count - (drawnBefore[name] ?? 0)) / EDITS]));
  await context.close();
  return result;
}

async function coldStart(browser, url, throttle, { calibration = false } = {}) {
  const times = [];
  for (let i = 0; i < COLD_RUNS; i += 1) {
    const { context, page } = await newPage(browser, url, { throttle, calibration });
    times.push(await page.evaluate(() => window.__readyAt));
    await context.close();
  }
  return stats(times);
}

async function narrative(browser, url) {
  const { context, page } = await newPage(browser, url);
  const field = page.locator('[data-field="overview.0.text"]');
  await field.fill('政'.repeat(5000));
  await page.evaluate(() => { window.__lat.handler.length = 0; window.__lat.frame.length = 0; });
  await field.focus();
  await page.keyboard.press('End');
  for (let i = 0; i < 100; i += 1) {
    await page.keyboard.press(String.fromCharCode(97 + (i % 26)));
    await nextFrame(page);
  }
  await nextFrame(page);
  const result = await page.evaluate(() => window.__lat);
  await context.close();
  return result;
}

async function exportsAndMemory(browser, url) {
  const { context, page } = await newPage(browser, url);
  await page.locator('[data-import="json"]').setInputFiles('tests/fixtures/seed-2021.json');
  await page.waitForSelector('[data-notice="message"]');
  // Chromium may hold back repeated downloads; the time to the download link's click is what is
  // measured. A report with errors passes the gate through "export anyway", whose click restarts
  // the clock. The package was loaded by the first export (measured in firstExport).
  const exportTime = async (kind) => {
    await page.evaluate(() => window.__exports.splice(0));
    for (let i = 0; i < 10; i += 1) {
      await page.locator(`[data-export="${kind}"]`).click();
      const gate = page.locator('[data-export-anyway]');
      if (await gate.count()) await gate.click();
      await page.waitForFunction((count) => window.__exports.length > count, i);
    }
    return stats(await page.evaluate(() => window.__exports.splice(0))).median;
  };
  const seed = { json: await exportTime('json'), docx: await exportTime('docx'), html: await exportTime('html') };
  for (const [index, path] of typedCells.entries()) {
    await page.evaluate(([p, v]) => {
      const el = document.querySelector(`[data-cell="${p}"]`);
      el.value = v;
      el.dispatchEvent(new InputEvent('input', { bubbles: true }));
    }, [path, String((index % 17) + 1)]);
  }
  const full = { json: await exportTime('json'), docx: await exportTime('docx'), html: await exportTime('html') };
  const memory = await page.evaluate(() => ({
    wasm: window.__wasm?.memory?.buffer?.byteLength,
    heap: performance.memory?.usedJSHeapSize,
  }));
  await context.close();
  return { seed, full, memory };
}

// The first Word export after the page is ready: fetching and compiling the file-work package,
// then rendering. Online from the local server, and offline from the service worker's cache
// after one online visit (the page reloaded with the network off).
async function firstExport(browser, url, runs = 5) {
  const online = [];
  const offline = [];
  for (let run = 0; run < runs; run += 1) {
    const { context, page } = await newPage(browser, url);
    await page.waitForFunction(async () => Boolean((await navigator.serviceWorker.getRegistration())?.active
      && navigator.serviceWorker.controller));
    await page.locator('[data-export="docx"]').click();
    await page.locator('[data-export-anyway]').click();
    await page.waitForFunction(() => window.__exports.length > 0);
    online.push(await page.evaluate(() => window.__exports[0]));
    await context.setOffline(true);
    await page.reload();
    await page.waitForFunction(() => window.__readyAt);
    await page.locator('[data-export="docx"]').click();
    await page.locator('[data-export-anyway]').click();
    await page.waitForFunction(() => window.__exports.length > 0);
    offline.push(await page.evaluate(() => window.__exports[0]));
    await context.close();
  }
  return { online: stats(online), offline: stats(offline), runs };
}

// 汇总 in the tools page: `count` units' files chosen at once → the status line in the DOM, and
// the frame after it (read, check, sum and draw the tables).
async function sumMany(browser, url, count, runs = 5) {
  const files = Array.from({ length: count }, (_, index) => {
    const report = structuredClone(seed);
    report.meta.body = `第${index + 1}单位`;
    for (const row of ['received', 'granted', 'total']) {
      report.requests[row].natural_person += index;
      report.requests[row].total += index;
    }
    return { name: `unit-${index + 1}.json`, mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(report, null, 2)) };
  });
  const dom = [];
  const frame = [];
  for (let run = 0; run < runs; run += 1) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${url}tools/`);
    await page.waitForSelector('html[data-app-ready="true"]');
    await page.evaluate(() => {
      window.__sum = {};
      addEventListener('change', () => { window.__sum.start = performance.now(); }, true);
      new MutationObserver((_, observer) => {
        if (!document.querySelector('[data-sum-status]')) return;
        window.__sum.dom = performance.now();
        requestAnimationFrame(() => setTimeout(() => { window.__sum.frame = performance.now(); }, 0));
        observer.disconnect();
      }).observe(document, { childList: true, subtree: true });
    });
    await page.locator('[data-sum-files]').setInputFiles(files);
    await page.waitForFunction(() => window.__sum.frame);
    const times = await page.evaluate(() => window.__sum);
    dom.push(times.dom - times.start);
    frame.push(times.frame - times.start);
    await context.close();
  }
  return { dom: stats(dom), frame: stats(frame), runs };
}

function sizeOf(path) {
  const bytes = readFileSync(path);
  return { raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
}

// What a page loads before the user can type, as scripts/check-size.mjs counts it: its own files
// and the wasm-bindgen snippets its glue imports (file-work/ and tools/ load on demand).
const FIRST_LOAD_BUDGET = Number(/const BUDGET = ([\d.]+) \* 1000/.exec(readFileSync('scripts/check-size.mjs', 'utf8'))[1]) * 1000;

function firstLoad(dir) {
  const own = readdirSync(dir).filter((name) => /\.(html|js|wasm|css)$/.test(name));
  // A snippet counts when this page's glue imports it (Trunk copies every snippet of the crate).
  const glue = own.filter((name) => /^ogi-report[\w-]*\.js$/.test(name)).map((name) => readFileSync(join(dir, name), 'utf8')).join('\n');
  const snippets = existsSync(join(dir, 'snippets'))
    ? readdirSync(join(dir, 'snippets'), { recursive: true }).map((name) => `snippets/${name}`)
      .filter((name) => name.endsWith('.js') && glue.includes(name))
    : [];
  return [...own, ...snippets].sort().map((name) => ({ name, ...sizeOf(join(dir, name)) }));
}

// `BENCH_COMPARE=A,B [BENCH_THROTTLE=4] node bench/run.mjs`: builds of the page (dist directories)
// side by side with the calibration page, in alternating rounds so that the machine's drift falls
// on all: cold start and keystrokes, and the wasm module's size. Prints a table; writes nothing.
if (process.env.BENCH_COMPARE) {
  const dirs = process.env.BENCH_COMPARE.split(',');
  const throttle = Number(process.env.BENCH_THROTTLE ?? 1);
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ARGS });
  const results = Object.fromEntries([...dirs, 'calibration'].map((dir) => [dir, { cold: [], handler: [], frame: [] }]));
  for (let round = 0; round < 3; round += 1) {
    for (const dir of [...dirs, 'calibration']) {
      const calibration = dir === 'calibration';
      const server = await serve(calibration ? 'bench' : dir, 0, '/');
      const url = `http://127.0.0.1:${server.address().port}/${calibration ? 'calibration.html' : ''}`;
      const cold = await coldStart(browser, url, throttle, { calibration });
      const typing = await keystrokes(browser, url, { throttle, calibration });
      results[dir].cold.push(cold.median);
      results[dir].handler.push(...typing.handler);
      results[dir].frame.push(...typing.frame);
      server.close();
    }
  }
  await browser.close();
  console.log(`CPU ${throttle}×`);
  console.log('| build | wasm gzip B | cold start median of 3 medians | handler median / p95 | → frame median / p95 |');
  console.log('|---|---:|---:|---:|---:|');
  for (const dir of [...dirs, 'calibration']) {
    const wasm = dir === 'calibration' ? undefined : readdirSync(dir).find((name) => name.endsWith('_bg.wasm'));
    const { cold, handler, frame } = results[dir];
    const h = stats(handler);
    const f = stats(frame);
    console.log(`| ${dir} | ${wasm ? sizeOf(join(dir, wasm)).gzip : ''} | ${ms(stats(cold).median)} | ${ms(h.median)} / ${ms(h.p95)} | ${ms(f.median)} / ${ms(f.p95)} |`);
  }
  process.exit(0);
}

// The timing build of the page (make bench); sizes below are read from dist/, the production build.
const server = await serve(process.env.BENCH_DIST ?? 'dist', 0, '/');
const calibrationServer = await serve('bench', 0, '/');
const url = `http://127.0.0.1:${server.address().port}/`;
const calibrationUrl = `http://127.0.0.1:${calibrationServer.address().port}/calibration.html`;
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ARGS });

const lines = [];
const row = (...cells) => lines.push(`| ${cells.join(' | ')} |`);
const load = firstLoad('dist');
const totalRaw = load.reduce((sum, file) => sum + file.raw, 0);
const totalGzip = load.reduce((sum, file) => sum + file.gzip, 0);

const cold = { normal: await coldStart(browser, url, 1), throttled: await coldStart(browser, url, 4) };
const calibrationCold = {
  normal: await coldStart(browser, calibrationUrl, 1, { calibration: true }),
  throttled: await coldStart(browser, calibrationUrl, 4, { calibration: true }),
};
const typing = {};
for (const throttle of [1, 4]) {
  typing[`ours×${throttle}`] = await keystrokes(browser, url, { throttle, timings: true });
  typing[`calibration×${throttle}`] = await keystrokes(browser, calibrationUrl, { throttle, calibration: true });
}
const longText = await narrative(browser, url);
const outputs = await exportsAndMemory(browser, url);
const first = await firstExport(browser, url);
const summing = await sumMany(browser, url, 200);
// The one file (make single), production build, opened from disk: start to the form, 1× and 4×.
const oneFile = pathToFileURL(resolve('dist/offline/ogi-report.html')).href;
const oneFileCold = { normal: await coldStart(browser, oneFile, 1), throttled: await coldStart(browser, oneFile, 4) };
const chromiumVersion = browser.version();
await browser.close();
server.close();
calibrationServer.close();

lines.push('## First-load transfer', '', '| file | raw B | gzip -9 B |', '|---|---:|---:|');
for (const file of load) row(file.name, file.raw, file.gzip);
row('**total**', totalRaw, `**${totalGzip}** (budget ${FIRST_LOAD_BUDGET}, scripts/check-size.mjs)`);
lines.push('', '## Cold start: navigation → first table cell editable (ms)', '',
  `| page | CPU | runs | median | p95 | median as a ratio to the calibration page's (target ≤ 4×) | target |`, '|---|---|---:|---:|---:|---:|---|');
for (const [which, label] of [['normal', '1×'], ['throttled', '4×']]) {
  row('ours', label, cold[which].n, ms(cold[which].median), ms(cold[which].p95), `${(cold[which].median / calibrationCold[which].median).toFixed(2)}×`, which === 'normal' ? 'median ≤ 300' : '');
  row('calibration', label, calibrationCold[which].n, ms(calibrationCold[which].median), ms(calibrationCold[which].p95), '', '');
}
lines.push('', `## Keystroke latency on table 三 (${EDITS} edits across all typed cells, ms)`, '',
  '| page | CPU | handler median | handler p95 | handler p99 | → frame median | → frame p95 | → frame p99 |',
  '|---|---|---:|---:|---:|---:|---:|---:|');
for (const [name, result] of Object.entries(typing)) {
  const [page, throttle] = name.split('×');
  const handler = stats(result.handler);
  const frame = stats(result.frame);
  row(page, `${throttle}×`, ms(handler.median), ms(handler.p95), ms(handler.p99), ms(frame.median), ms(frame.p95), ms(frame.p99));
}
const ratio = (throttle, what) => stats(typing[`ours×${throttle}`][what]).p95 / stats(typing[`calibration×${throttle}`][what]).p95;
lines.push('', `Handler p95 as a ratio to the calibration page's: ${ratio(1, 'handler').toFixed(2)}× unthrottled, ${ratio(4, 'handler').toFixed(2)}× at 4× throttling (target ≤ 2×).`,
  '', `Keydown → frame p95 as a ratio to the calibration page's: ${ratio(1, 'frame').toFixed(2)}× unthrottled, ${ratio(4, 'frame').toFixed(2)}× at 4× throttling (target ≤ 1.5× unthrottled).`);
const rules = stats(typing['ours×1'].timings.rules ?? []);
const save = stats(typing['ours×1'].timings.save ?? []);
lines.push('', '## Inside one keystroke (ours, unthrottled, ms)', '', '| step | median | p95 | target |', '|---|---:|---:|---|');
row('rules (all of R1–R18)', ms(rules.median), ms(rules.p95), '');
row('autosave (serialise + localStorage)', ms(save.median), ms(save.p95), 'median ≤ 0.5');
const drawn = Object.entries(typing['ours×1'].drawn).filter(([, times]) => times > 0).sort(([a], [b]) => a.localeCompare(b));
lines.push('', 'Components drawn per edit (moving to the cell and typing one digit; the others are not drawn again): '
  + `${drawn.map(([name, times]) => `${name} ${times.toFixed(2)}`).join(', ')}.`);
const narrativeHandler = stats(longText.handler);
const narrativeFrame = stats(longText.frame);
lines.push('', '## Narrative typing in a 5 000-character field (100 keys, ms)', '', '| handler median | handler p95 | → frame median | → frame p95 |', '|---:|---:|---:|---:|');
row(ms(narrativeHandler.median), ms(narrativeHandler.p95), ms(narrativeFrame.median), ms(narrativeFrame.p95));
lines.push('', `## First Word export after load: click → download (median of ${first.runs} fresh pages, ms)`, '',
  '| from | median | p95 | target |', '|---|---:|---:|---|');
row('local server (package fetched and compiled)', ms(first.online.median), ms(first.online.p95), '≤ 300');
row('offline, service worker cache', ms(first.offline.median), ms(first.offline.p95), '≤ 300');
const fileWork = readdirSync('dist/file-work', { recursive: true })
  .map(String)
  .filter((name) => /\.(js|wasm)$/.test(name))
  .sort()
  .map((name) => ({ name, ...sizeOf(join('dist/file-work', name)) }));
lines.push('', '## File work on demand (file-work/: the ogi-report package without its PDF reader; pdf/: with it, fetched only to read a PDF; both precached, not in the first load)', '',
  '| file | raw B | gzip -9 B |', '|---|---:|---:|');
for (const file of fileWork) row(file.name, file.raw, file.gzip);
lines.push('', '## Later exports: click → download (median of 10, ms)', '', '| output | seed report | full report | target |', '|---|---:|---:|---|');
row('JSON (report file)', ms(outputs.seed.json), ms(outputs.full.json), '');
row('DOCX', ms(outputs.seed.docx), ms(outputs.full.docx), '≤ 50');
row('HTML', ms(outputs.seed.html), ms(outputs.full.html), '');
const single = sizeOf('dist/offline/ogi-report.html');
lines.push('', '## One file opened from disk (dist/offline/ogi-report.html: make single)', '',
  'The page, its file-work package and the PDF-reading build in one file (gzip + base64 inside); what a county mails to its units.', '',
  '| size raw B | gzip -9 B (as mailed zipped) | cold start from file:// median / p95, 1× | at 4× throttling |', '|---:|---:|---:|---:|');
row(single.raw, single.gzip, `${ms(oneFileCold.normal.median)} / ${ms(oneFileCold.normal.p95)}`, `${ms(oneFileCold.throttled.median)} / ${ms(oneFileCold.throttled.p95)}`);
const tools = firstLoad('dist/tools');
lines.push('', '## Tools page (tools/: 汇总, 上年对比, 审阅; loaded only when opened, not precached)', '',
  '| file | raw B | gzip -9 B |', '|---|---:|---:|');
for (const file of tools) row(file.name, file.raw, file.gzip);
row('**total**', tools.reduce((sum, file) => sum + file.raw, 0), `**${tools.reduce((sum, file) => sum + file.gzip, 0)}**`);
lines.push('', `汇总 of 200 units' files chosen at once (median of ${summing.runs} runs, ms): status shown ${ms(summing.dom.median)} (p95 ${ms(summing.dom.p95)}), next frame ${ms(summing.frame.median)} (p95 ${ms(summing.frame.p95)}); target < 1000.`);
lines.push('', '## Memory after filling a full report', '', '| wasm linear memory | JS heap used |', '|---:|---:|');
row(`${outputs.memory.wasm ?? 'n/a'} B`, `${outputs.memory.heap ?? 'n/a'} B`);

const cpu = cpus()[0]?.model ?? 'unknown CPU';
const date = new Date().toISOString().slice(0, 10);
const rustc = execSync('rustc --version').toString().trim();
const header = [
  '# Performance',
  '',
  `Measured ${date} by \`make bench\` on ${cpus().length} × ${cpu}, headless Chromium ${chromiumVersion}`,
  `(software rendering), ${rustc}. Release build of the page; the calibration page is`,
  '`bench/calibration.html`. Native figures come from `cargo bench -p ogi-report-cli` (below).',
  'Timings are measured, never asserted in tests; the size budget is asserted in `make test`.',
  '',
  // Notes kept by hand (what the measurements below mean), in one place: bench/notes.md.
  readFileSync('bench/notes.md', 'utf8').replace(/^<!--.*-->\n/, ''),
];
const table = lines.join('\n');
console.log(table);
const native = process.env.NATIVE_BENCH ? `\n\n## Native (\`cargo bench -p ogi-report-cli\`: the core, the importer, the writers)\n\n\`\`\`\n${readFileSync(process.env.NATIVE_BENCH, 'utf8').trim()}\n\`\`\`\n` : '\n';
writeFileSync('docs/performance.md', `${header.join('\n')}\n${table}${native}`);
console.log('\nwrote docs/performance.md');
