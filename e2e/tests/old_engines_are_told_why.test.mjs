// Where the page cannot run, it says so in place of "正在加载……" and says what to use: Chromium 69
// and 78 (older 360/QQ kernels), and IE (360/QQ's 兼容模式: no WebAssembly).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { serve } from '../server.mjs';
import { oldChromium } from '../engines.mjs';

let server;
test.before(async () => { server = await serve(process.cwd() + '/dist', 0, '/'); });
test.after(() => server.close());
const url = () => `http://127.0.0.1:${server.address().port}/`;

// The page as an old headless shell leaves it once its timers have run (no driver speaks to
// Chromium 69/78 any more; the DOM it dumps is what a person would see).
// (Run asynchronously: the server answering it lives in this process.)
// An old build now and then exits at once having printed nothing, or the empty document it starts
// with (`<html><head></head><body></body></html>` in 67 ms: Chromium 78 in a fresh machine's CI,
// Chromium 69 in a fresh clone with an empty HOME; never here in 40 tries): that is the engine not
// loading the address, not the page, so a dump without the page's title is tried again, up to
// three times, and the last error output is shown if it never comes.
async function domIn(name) {
  const { executablePath, env } = oldChromium(name);
  let stderr = '';
  for (let attempt = 0; attempt < 3; attempt += 1) {
    const run = await promisify(execFile)(executablePath, ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run',
      '--disable-background-networking', `--user-data-dir=${mkdtempSync(join(tmpdir(), 'ogi-old-'))}`,
      '--virtual-time-budget=10000', '--dump-dom', url()], { env, timeout: 60_000, maxBuffer: 1 << 24 });
    if (run.stdout.includes('政府信息公开工作年度报告')) return run.stdout;
    stderr = `${run.stderr}\n(dump: ${run.stdout.slice(0, 200)})`;
  }
  assert.fail(`Chromium ${name.slice(1)} did not load the page three times; its error output:\n${stderr.slice(-2000)}`);
}

for (const [name, version] of [['c069', 69], ['c078', 78]]) {
  test(`Chromium ${version} is told which browser to use`, { skip: !existsSync(oldChromium(name).executablePath) && 'make tools-engines' }, async () => {
    const dom = await domIn(name);
    assert.match(dom, /data-load-failed/, 'the loading text is replaced');
    assert.match(dom, new RegExp(`当前浏览器版本过旧（浏览器内核 Chromium ${version}）`));
    assert.match(dom, /极速模式/);
    assert.doesNotMatch(dom, /正在加载填写页面/);
  });
}

test('IE mode (no WebAssembly) is told to switch to 极速模式', async () => {
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--no-first-run'] });
  const context = await browser.newContext({ userAgent: 'Mozilla/5.0 (Windows NT 6.1; WOW64; Trident/7.0; rv:11.0) like Gecko' });
  await context.addInitScript(() => { delete window.WebAssembly; });
  const page = await context.newPage();
  await page.goto(url());
  const failed = page.locator('[data-load-failed]');
  await failed.waitFor();
  assert.match(await failed.textContent(), /兼容模式.*IE 内核.*极速模式/);
  assert.equal(await failed.getAttribute('role'), 'alert');
  await browser.close();
});
