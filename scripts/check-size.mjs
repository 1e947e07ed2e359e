// The first-load budget: every file the page loads before the user can type (HTML, JS, wasm,
// CSS, and wasm-bindgen's snippets that the glue imports), gzip -9. File work (file-work/) and the
// tools page (tools/) load on demand and are not counted. Sizes are deterministic for a given
// build, so this can be asserted.
//
// The budget is what the first load measures now with a little room, so that it cannot grow
// unnoticed: 204.9 KB, of which 1.5 KB came with the pure reducer (issue 16: `State::apply`
// returning effects, `runtime::perform` doing them and feeding reads back as actions — one
// round trip per save, list or load) and 1.1 KB with a file dropped anywhere on the page and the
// import dialog naming inferred cells; 1.2 KB with the 前言 (issue 21: the report file's version 2
// and the migration of version-1 files and drafts, the field and its hint in the header — kept in
// the header component: a component of its own cost 0.6 KB more), and 0.3 KB with the rules'
// short names the page shows instead of their ids (issue 22). Then 9.0 KB with the first hour
// of a new user (issue 22): the toolbar in four groups with a one-line description per control
// (drawn from one table of data: written as markup it cost 0.3 KB more), the first-visit hint,
// the question before another body's or year's report is used, the dialog's default following
// the control, the 落款 (report file and its part), last year's value under each cell and the
// neutral 「还有 … 未填」 — of which 4 KB is the Chinese text itself; the hint and the 落款 are
// plain functions, not components (a component type costs about 0.6 KB of Yew's mounting code).
// Then 5.1 KB (to 209.99 KB) with the offices that host nothing (issue 24): the page reads a superior office's
// settings (下发) from its own slot or its link, checks them strictly (a file from outside), offers
// the office's units for the body's name, names its deadline in the reminder and its threshold in
// the copied-text check, and says where a one-file page's drafts live and where the report goes
// back; about 3.4 KB of it is the settings' reader inlined into the page's start. Then 0.14 KB
// (to 210.13 KB) when the importer and the writers left the core for crates of their own (issue
// 23): the page's code did not change; the optimiser inlines a little differently across the new
// crate boundaries (twiggy: State::update and the report file's reader each a few dozen bytes);
// and 0.32 KB less (to 209.82 KB) once the page read an import's summary with the core's reader
// of the package's JSON (core::imported) instead of JavaScript property lookups of its own; then
// 0.26 KB (to 210.08 KB) when imports became an effect the runtime performs, as exports are (the
// component no longer calls the package), and both matches over effects lost their `_` arm; then
// 0.49 KB (to 210.57 KB) with table 二's file groups derived from its one description at run time
// (format::proactive_file_groups) and the page's files moved into model/, browser/ and view/. The
// count is 210.28 KB since a snippet counts only when the page's glue imports it (the tools page's
// fetch_text.js, which Trunk copies beside the page, was counted before and never loaded); 210.14
// KB once components shared the page's configuration (embed::config) instead of copying it.
// Then 33.0 KB (to 243.33 KB) when the design card's packages took over (issue 23): the report
// file, the draft envelope, the pack and an import's result read and written with serde and
// serde_json (derive; raw values keep a cell's number as written; serde_path_to_error names the
// place of a reading error, 7 KB of it), drafts read through gloo-storage — in place of the core's
// own 403-line JSON module. The issue allowed the budget to grow by what this costs, to 200 KB at
// most; it costs more than the 10 KB the issue expected, and the page was at 210 KB before it:
// over the cap, said so (docs/performance.md has the measurements of what would win it back).
// Then 0.84 KB (wasm, gzip; to 244.2 KB) with R8 naming the value a relation needs in a blank
// cell, now that no relation counts a blank as 0 (issue 21), and 1.55 KB (to 245.7 KB) when the
// page's state was split by concern (issue 23: five concerns with nested actions, each `apply` in
// its own file, notices as values the view words): twiggy shows the same code, less inlined —
// the one `update` (12.3 KB raw) became `apply` (10.7 KB) and `apply_draft` (2.7 KB).
// Then 0.46 KB (to 246.2 KB) when the import dialog counted inferred cells by how each was read
// (digits split, rows turned from a PDF's column order, a group the narrative states) instead of
// saying they were all split from digits, and a cell inferred two ways once. Then 0.66 KB (to
// 246.86 KB) when the toolbar's four groups of controls became a component of their own, so that
// a keystroke no longer draws them and their twenty callbacks again (issue 23; with the draft
// marked current only when it was not, 0.07 ms less wasm a keystroke: docs/performance.md), and
// 0.28 KB (to 247.13 KB) when each part and the header got only their own part's marks, so that
// a message changing in table 三 no longer draws tables 二 and 四, the header and the narrative
// parts again (the handler's p95 at 4× CPU 12.7 → 11.5 ms).
// (A dispatch context instead of callbacks would have cost
// another 2.2 KB: Yew's ContextProvider and use_context; the components take callbacks.) The goal is 150 KB: moving rendering and importing to the on-demand package took
// 9 KB off; the rest of the module is Yew, Rust's core/alloc and wasm-bindgen's glue (about three
// quarters of the code by twiggy), which no split of our own code removes (docs/performance.md).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const BUDGET = 247.2 * 1000;
const dir = process.argv[2] ?? 'dist';
const own = readdirSync(dir).filter((name) => /\.(html|js|wasm|css)$/.test(name));
// Trunk copies every snippet of the crate (the tools page's too); one counts when this page's glue
// imports it.
const glue = own.filter((name) => /^ogi-report[\w-]*\.js$/.test(name)).map((name) => readFileSync(join(dir, name), 'utf8')).join('\n');
const snippets = existsSync(join(dir, 'snippets'))
  ? readdirSync(join(dir, 'snippets'), { recursive: true })
    .map((name) => `snippets/${String(name)}`)
    .filter((name) => name.endsWith('.js') && glue.includes(name))
  : [];
const files = [...own, ...snippets].sort();
let raw = 0;
let gzipped = 0;
for (const name of files) {
  const bytes = readFileSync(join(dir, name));
  const size = gzipSync(bytes, { level: 9 }).length;
  raw += bytes.length;
  gzipped += size;
  console.log(`${name.padEnd(44)} ${String(bytes.length).padStart(8)} B raw ${String(size).padStart(8)} B gzip`);
}
console.log(`${'first load'.padEnd(44)} ${String(raw).padStart(8)} B raw ${String(gzipped).padStart(8)} B gzip (budget ${BUDGET} B)`);
if (files.length === 0 || !files.some((name) => name.endsWith('.wasm'))) {
  console.error('size: no built page found in ' + dir);
  process.exit(1);
}
if (gzipped > BUDGET) {
  console.error(`size: first load is ${gzipped} B gzip, over the ${BUDGET} B budget`);
  process.exit(1);
}
