// The filling page as one self-contained HTML file, for the offices that host nothing: it opens
// when double-clicked, from a USB stick or a mail attachment (`file://`), and asks no network for
// anything. `node scripts/one-file.mjs dist` (make single) writes dist/offline/ogi-report.html from
// the built page in dist/:
// - the CSS and the start-up script inline; no service worker (file:// has none), no manifest;
// - every program file (in <head>: the page's program takes over <body>) (the page's wasm and glue, the glue's snippets, the file-work package in
//   its lean and its PDF-reading build) gzip-compressed and base64-encoded into an inert
//   <script type="application/x-ogi-blob"> element, decoded only when needed: the page's own at
//   start, the file-work package on the first export or import, the PDF build for a PDF alone
//   (assets/one-file-loader.js);
// - an empty <script type="application/json" id="ogi-pack"> that a county's pack fills with its
//   settings (core::pack, the tools page's 下发 view).
import { readFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';

const dist = process.argv[2] ?? 'dist';
const out = join(dist, 'offline', 'ogi-report.html');
const here = dirname(fileURLToPath(import.meta.url));
const index = readFileSync(join(dist, 'index.html'), 'utf8');

/** The first match of `pattern` in the built index.html (Trunk's hashed file names). */
function built(pattern, what) {
  const found = index.match(pattern);
  if (!found) throw new Error(`one-file: no ${what} in ${dist}/index.html`);
  return found[1];
}
const css = built(/<link href=\.?\/?([\w.-]+\.css)[^>]*rel=stylesheet>/, 'stylesheet');
const glue = built(/import\('\.\/([\w.-]+\.js)'\)/, 'program loader');
const wasm = built(/module_or_path: '\.\/([\w.-]+\.wasm)'/, 'program');
// core::pack::SLOT: where a county's settings go.
const SLOT = '<script type="application/json" id="ogi-pack">';

const blobs = [];
/** Adds a file as an inert, compressed element; the loader finds it by `name`. */
function blob(name, bytes) {
  const data = gzipSync(bytes, { level: 9 }).toString('base64');
  blobs.push(`<script type="application/x-ogi-blob" id="ogi-blob:${name}">${data}</script>`);
}

const glueText = readFileSync(join(dist, glue), 'utf8');
// The glue imports its snippets by relative path; the loader gives each a URL of its own.
const snippets = [...glueText.matchAll(/from\s*["']\.\/(snippets\/[^"']+)["']/g)].map(([, path]) => path);
blob('page.js', Buffer.from(glueText));
blob('page.wasm', readFileSync(join(dist, wasm)));
for (const path of snippets) blob(path, readFileSync(join(dist, path)));
// After the loader: parsed while the page starts, read only on the first file operation.
const pageBlobs = blobs.splice(0);
blob('file-work/ogi_report.js', readFileSync(join(dist, 'file-work', 'ogi_report.js')));
blob('file-work/ogi_report_bg.wasm', readFileSync(join(dist, 'file-work', 'ogi_report_bg.wasm')));
blob('file-work/pdf/ogi_report.js', readFileSync(join(dist, 'file-work', 'pdf', 'ogi_report.js')));
blob('file-work/pdf/ogi_report_bg.wasm', readFileSync(join(dist, 'file-work', 'pdf', 'ogi_report_bg.wasm')));

// Inline text must not close its element early.
const inline = (text) => text.replace(/<\/(script|style)/gi, '<\\/$1');
const loader = readFileSync(join(here, '..', 'assets', 'one-file-loader.js'), 'utf8')
  .replace('__SNIPPETS__', JSON.stringify(snippets));

// The built index.html itself, its references to other files taken out or put inline: the head's
// meta and title and the body's loading text stay the page's own.
const without = (pattern, what) => {
  const before = html;
  html = html.replace(pattern, '');
  if (html === before) throw new Error(`one-file: no ${what} in ${dist}/index.html`);
};
let html = index;
without(/<base [^>]*>/, 'base');
without(/<link [^>]*rel=(?:modulepreload|preload)[^>]*>/g, 'preloads');
without(/<link [^>]*rel=manifest>/, 'manifest link');
without(/<link [^>]*rel=icon>/, 'icon link');
without(/<script type=module>import\([^<]*<\/script>/, 'program loader');
without(/<script src=sw-register\.js[^>]*><\/script>/, 'service worker registration');
const inlined = (text) => () => text;
html = html
  .replace(/<html /, '<html data-one-file="" ')
  .replace(/<link [^>]*rel=stylesheet>/, inlined(`<style>${inline(readFileSync(join(dist, css), 'utf8'))}</style>`))
  .replace(/<script src=startup\.js><\/script>/, inlined(`<script>${inline(readFileSync(join(dist, 'startup.js'), 'utf8'))}</script>`))
  .replace('</head>', inlined(`${SLOT}</script>\n${pageBlobs.join('\n')}\n<script>${inline(loader)}</script>\n${blobs.join('\n')}\n</head>`));
if (!html.includes('data-one-file') || !html.includes('<style>') || !html.includes(SLOT)) {
  throw new Error(`one-file: ${dist}/index.html is not shaped as expected`);
}
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, html);
console.log(`one-file: ${out} (${html.length} bytes)`);
