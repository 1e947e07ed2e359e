// The first-load budget: every file the page loads before the user can type (HTML, JS, wasm,
// CSS, and wasm-bindgen's snippets that the glue imports), gzip -9, at most 150 KB in total. File
// work (file-work/) and the tools page (tools/) load on demand and are not counted. Sizes are
// deterministic for a given build, so this can be asserted.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const BUDGET = 150 * 1000;
const dir = process.argv[2] ?? 'dist';
const snippets = existsSync(join(dir, 'snippets'))
  ? readdirSync(join(dir, 'snippets'), { recursive: true }).map((name) => join('snippets', String(name)))
  : [];
const files = [...readdirSync(dir), ...snippets].filter((name) => /\.(html|js|wasm|css)$/.test(name)).sort();
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
