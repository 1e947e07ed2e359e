// Chromium before 97 knows no 'wasm-unsafe-eval': under the strict policy (dist/csp.txt) it
// refuses to compile the program, and the page says why instead of hanging; under the variant
// policy for old kernels (dist/csp-legacy.txt, docs/deploy.md) it runs. Current engines run under
// both, with no violation.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { serve } from '../server.mjs';
import { chromiumSession, oldChromium } from '../engines.mjs';

const strict = readFileSync('dist/csp.txt', 'utf8').trim();
const legacy = readFileSync('dist/csp-legacy.txt', 'utf8').trim();

async function pageUnder(policy, options, check) {
  const server = await serve(process.cwd() + '/dist', 0, '/', { 'Content-Security-Policy': policy });
  const session = await chromiumSession(options);
  try {
    await session.open(`http://127.0.0.1:${server.address().port}/`);
    await check(session);
  } finally {
    await session.close();
    server.close();
  }
}

test('the variant differs from the strict policy only by unsafe-eval', () => {
  assert.equal(legacy, strict.replace("'wasm-unsafe-eval'", "'wasm-unsafe-eval' 'unsafe-eval'"));
});

const c086 = oldChromium('c086');
const skip = !existsSync(c086.executablePath) && 'make tools-engines';

test('Chromium 86 under the strict policy says the site policy blocks it', { skip }, () =>
  pageUnder(strict, c086, async (session) => {
    await session.waitFor('[data-load-failed]');
    assert.match(await session.text('[data-load-failed]'), /安全策略（Content-Security-Policy）不允许本浏览器（浏览器内核 Chromium 86）/);
  }));

test('Chromium 86 runs under the variant policy', { skip }, () =>
  pageUnder(legacy, c086, (session) => session.ready()));

test('current Chromium runs under the variant policy too', () =>
  pageUnder(legacy, { executablePath: '/usr/bin/chromium' }, (session) => session.ready()));
