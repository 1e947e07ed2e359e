// The one-file page (make single: dist/offline/ogi-report.html) as an office without a website
// gets it — a mail attachment saved to a folder of its own, with nothing beside it — opened from
// disk (file://) in Chromium (Debian's and 86, the kernel of 360 13), Firefox ESR and WebKitGTK:
// it starts, says where its drafts live, keeps a draft across a reopening, exports Word and the
// report file, prints, imports a Word file and a PDF (the PDF reader decoded only then), and asks the
// network for nothing.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromiumBuilds, chromiumSession, firefoxAvailable, firefoxSession, webkitAvailable, webkitSession } from '../engines.mjs';

const corpus = 'crates/ogi-report-import/tests/corpus';
const cell = (path) => `[data-cell="${path}"]`;

/** The one file, copied where a saved attachment would be: a folder holding nothing else. */
function savedAttachment() {
  const folder = mkdtempSync(join(tmpdir(), 'ogi-attachment-'));
  const file = join(folder, '年度报告填写页.html');
  copyFileSync('dist/offline/ogi-report.html', file);
  return pathToFileURL(file).href;
}

/** Drops a file on the page as a person dragging it from the desktop would (every engine). */
async function drop(session, path, name, type) {
  const base64 = readFileSync(path).toString('base64');
  await session.evaluate(({ base64, name, type }) => {
    const bytes = Uint8Array.from(atob(base64), (ch) => ch.charCodeAt(0));
    const data = new DataTransfer();
    data.items.add(new File([bytes], name, { type }));
    const target = document.querySelector('main');
    target.dispatchEvent(new DragEvent('dragover', { bubbles: true, cancelable: true, dataTransfer: data }));
    target.dispatchEvent(new DragEvent('drop', { bubbles: true, cancelable: true, dataTransfer: data }));
  }, { base64, name, type });
  await session.until(`${name} read`, () => session.evaluate(
    () => document.querySelector('[data-import-filled]')?.getAttribute('data-import-filled'),
  ), 60_000).then((filled) => assert.equal(filled, '200', `${name}: every cell placed`));
}

/** What the page fetched: resource timing in every engine, and every request in Chromium. */
async function fetched(session) {
  const timed = await session.evaluate(() => performance.getEntriesByType('resource').map((entry) => entry.name));
  return [...timed, ...(session.requested?.() ?? [])];
}

async function fromDisk(session) {
  const url = savedAttachment();
  await session.ready(url);
  assert.match(await session.text('[data-one-file-note]'), /草稿保存在这台电脑的这个浏览器中/);
  const decoded = () => session.evaluate(() => window.ogiOneFile.decoded());
  assert.deepEqual((await decoded()).filter((name) => name.startsWith('file-work/')), [],
    'the page starts without the file-work package');
  assert.equal(await session.evaluate(() => document.querySelectorAll('[data-tool]').length), 0,
    'no link to a tools page that is not beside the file');

  await session.type(cell('requests.received.natural_person'), '8');
  await session.until('the total', async () => (await session.value(cell('requests.received.total'))) === '8');
  await session.until('the save', () => session.evaluate(() => document.querySelector('[data-saved-at]')?.getAttribute('data-saved-at')));
  await session.open(url);
  await session.ready();
  assert.equal(await session.value(cell('requests.received.natural_person')), '8', 'the draft is there on reopening');

  const reportFile = await session.download(['[data-export="json"]']);
  assert.match(reportFile.name, /\.json$/);
  assert.equal(reportFile.head.trimStart()[0], '{');
  const word = await session.download(['[data-export="docx"]', '[data-export-anyway]']);
  assert.equal(word.head, 'PK\u0003\u0004', 'a Word file');
  assert.ok(word.size > 5000);

  // Printing: the browser's dialog is not opened here; the print view is filled for it.
  await session.evaluate(() => { window.print = () => { window.__printed = true; }; });
  await session.click('[data-export="print"]');
  await session.waitFor('[data-export-anyway]');
  await session.click('[data-export-anyway]');
  await session.until('the print view', () => session.evaluate(() => window.__printed && document.querySelectorAll('#print-view table').length === 3));

  await drop(session, `${corpus}/full.python-docx.docx`, '上年报告.docx',
    'application/vnd.openxmlformats-officedocument.wordprocessingml.document');
  assert.ok(!(await decoded()).includes('file-work/pdf/ogi_report_bg.wasm'), 'the PDF reader waits for a PDF');
  await session.reload();
  await session.ready();
  await drop(session, `${corpus}/full.python-docx.libreoffice.pdf`, '上年报告.pdf', 'application/pdf');

  const network = (await fetched(session)).filter((address) => !/^(file|blob|data):/.test(address));
  assert.deepEqual(network, [], 'nothing is asked of the network');
}

async function inSession(open) {
  const session = await open();
  try {
    await fromDisk(session);
  } finally {
    await session.close();
  }
}

for (const [label, options] of chromiumBuilds().filter(([label]) => /Debian|Chromium 86/.test(label))) {
  test(`the one file opens from disk in ${label}`, () => inSession(() => chromiumSession(options)));
}

test('the one file opens from disk in Firefox ESR', { skip: !firefoxAvailable() && 'firefox-esr is not installed (make tools-engines)' },
  () => inSession(firefoxSession));

test('the one file opens from disk in WebKitGTK', { skip: !webkitAvailable() && 'webkit2gtk-driver is not installed (make tools-engines)' },
  () => inSession(webkitSession));
