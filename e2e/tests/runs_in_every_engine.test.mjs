// The page in every engine the machine can have — Chromium 86 (360 13), 92, 109 (Windows 7's
// last Chrome), Debian's Chromium, Firefox ESR and WebKitGTK: open it, type into table 三, see
// the total, fill the blanks with 0 and see the R1 finding, reload and find the draft still there, download the Word file
// (rendered by the file-work package, loaded on demand in that engine), fill the print view, see
// the service worker take control, open the tools page.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { serve } from '../server.mjs';
import { chromiumBuilds, chromiumSession, firefoxAvailable, firefoxSession, webkitAvailable, webkitSession } from '../engines.mjs';

const cell = (path) => `[data-cell="${path}"]`;

async function smoke(session, url) {
  await session.ready(url);
  await session.type(cell('requests.received.natural_person'), '5');
  await session.type(cell('requests.granted.natural_person'), '3');
  await session.until('the total', async () => (await session.value(cell('requests.total.natural_person'))) === '3');
  assert.equal(await session.value(cell('requests.received.total')), '5');
  // The column is judged once filled: the rest with 0.
  await session.click('[data-fill-blanks]');
  await session.waitFor('[data-findings] [data-rule="R1"]');
  assert.match(await session.text('[data-findings] [data-rule="R1"]'), /一、本年新收政府信息公开申请数量（5）/);
  await session.until('the save', () => session.evaluate(() => document.querySelector('[data-saved-at]')?.getAttribute('data-saved-at')));

  await session.reload();
  await session.ready();
  assert.equal(await session.value(cell('requests.received.natural_person')), '5', 'the draft survives a reload');
  assert.equal(await session.value(cell('requests.total.natural_person')), '3');

  // R1 does not hold, so the 检查 gate asks first; the draft is exported anyway.
  const word = await session.download(['[data-export="docx"]', '[data-export-anyway]']);
  assert.match(word.name, /\.docx$/);
  assert.equal(word.head, 'PK\u0003\u0004', 'a Word file (a ZIP package)');
  assert.ok(word.size > 5000, `a whole document (${word.size} bytes)`);

  // Printing: the browser's dialog is not opened here; the print view is filled for it.
  await session.evaluate(() => { window.print = () => { window.__printed = true; }; });
  await session.click('[data-export="print"]');
  await session.waitFor('[data-export-anyway]');
  await session.click('[data-export-anyway]');
  await session.until('the print view', () => session.evaluate(() => window.__printed && document.querySelectorAll('#print-view table').length === 3));

  await session.until('the service worker', () => session.evaluate(() => navigator.serviceWorker.ready.then(() => true)));
  await session.open(`${url}tools/?view=compare`);
  await session.waitFor('[data-compare-missing], [data-compare-summary]', 60_000);
}

let server;
const url = async () => {
  server ??= await serve(process.cwd() + '/dist', 0, '/');
  return `http://127.0.0.1:${server.address().port}/`;
};
test.after(() => server?.close());

/** Opens a session, runs the smoke in it, and closes it whatever happened. */
async function smokeIn(open) {
  const session = await open();
  try {
    await smoke(session, await url());
  } finally {
    await session.close();
  }
}

for (const [label, options] of chromiumBuilds()) {
  test(`runs in ${label}`, () => smokeIn(() => chromiumSession(options)));
}

test('runs in Firefox ESR', { skip: !firefoxAvailable() && 'firefox-esr is not installed (make tools-engines)' },
  () => smokeIn(firefoxSession));

test('runs in WebKitGTK', { skip: !webkitAvailable() && 'webkit2gtk-driver is not installed (make tools-engines)' },
  () => smokeIn(webkitSession));
