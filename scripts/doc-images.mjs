// `make doc-images`: one page image per output, for reviewers (docs/images/). The Word file is
// read by LibreOffice; the HTML file and the printed page are rendered by Chromium.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, renameSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { serve } from '../e2e/server.mjs';

const SEED = 'tests/fixtures/seed-2021.json';
const dir = mkdtempSync(join(tmpdir(), 'ogi-images-'));
const run = (command, ...args) => execFileSync(command, args, { stdio: 'pipe' });
const page = (pdf, number, out) => {
  run('pdftoppm', '-r', '70', '-png', '-f', String(number), '-l', String(number), '-singlefile', pdf, join(dir, 'page'));
  renameSync(join(dir, 'page.png'), out);
};

run('cargo', 'run', '-q', '-p', 'ogi-report-cli', '--', 'render', SEED, '--to', 'docx', '--out', join(dir, 'seed.docx'));
run('cargo', 'run', '-q', '-p', 'ogi-report-cli', '--', 'render', SEED, '--to', 'html', '--out', join(dir, 'seed.html'));
run('libreoffice', `-env:UserInstallation=file://${dir}/profile`, '--headless', '--convert-to', 'pdf', '--outdir', dir, join(dir, 'seed.docx'));
page(join(dir, 'seed.pdf'), 1, 'docs/images/docx-page-1.png');
page(join(dir, 'seed.pdf'), 5, 'docs/images/docx-table-3.png');

const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'] });
const html = await browser.newPage({ viewport: { width: 900, height: 1200 } });
await html.setContent(readFileSync(join(dir, 'seed.html'), 'utf8'));
await html.screenshot({ path: 'docs/images/html.png' });

const server = await serve('dist', 0, '/');
const app = await browser.newPage();
await app.goto(`http://127.0.0.1:${server.address().port}/`);
await app.waitForSelector('html[data-app-ready="true"]');
await app.locator('[data-import="json"]').setInputFiles(SEED);
await app.waitForFunction(() => document.querySelector('[data-field="meta.body"]').value !== '');
// The print dialog itself is the browser's; render the same print view to PDF instead.
await app.evaluate(() => { window.print = () => {}; });
await app.locator('[data-export="print"]').click();
await app.emulateMedia({ media: 'print' });
await app.pdf({ path: join(dir, 'print.pdf'), preferCSSPageSize: true });
page(join(dir, 'print.pdf'), 4, 'docs/images/print-table-3.png');
await browser.close();
server.close();
console.log('wrote docs/images/{docx-page-1,docx-table-3,html,print-table-3}.png');
