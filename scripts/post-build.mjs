// Trunk's post_build hook: makes the staged build small, offline-capable and CSP-ready.
// - the program optimised by binaryen's wasm-opt with scripts/wasm-opt.flags (the flags the
//   Makefile gives the package: one list; index.html and tools.html turn Trunk's own run off);
// - the wasm-bindgen glue minified (terser), its integrity attributes updated;
// - sw.js: the list of every file of this build to precache, and a build id from their contents;
// - csp.txt: the Content-Security-Policy this build needs (the hashes of Trunk's inline loaders),
//   and csp-legacy.txt, the variant for Chromium before 97 (docs/deploy.md).
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join, relative } from 'node:path';
import { minify } from 'terser';

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) throw new Error('post-build: TRUNK_STAGING_DIR is not set (run through trunk build)');

const files = [];
const walk = (at) => {
  for (const name of readdirSync(at).sort()) {
    const path = join(at, name);
    if (statSync(path).isDirectory()) walk(path);
    else files.push(relative(dir, path).split('\\').join('/'));
  }
};
walk(dir);

// wasm-bindgen's glue, minified here because Trunk's minifier gives up on it (about 2 KB gzip of
// the first load). Only this build's own top-level scripts (the tools page minifies its own when
// it is built); their integrity attributes in index.html are rewritten to match.
let html = readFileSync(join(dir, 'index.html'), 'utf8');
const sri = (bytes) => `sha384-${createHash('sha384').update(bytes).digest('base64')}`;
const flags = readFileSync(new URL('wasm-opt.flags', import.meta.url), 'utf8').trim().split(/\s+/);
// binaryen's from npm (make tools-build), which `trunk build` finds without the Makefile's PATH too.
const npmWasmOpt = fileURLToPath(new URL('../node_modules/.bin/wasm-opt', import.meta.url));
const wasmOpt = existsSync(npmWasmOpt) ? npmWasmOpt : 'wasm-opt';
for (const file of files.filter((name) => /^ogi-report[\w-]*_bg\.wasm$/.test(name))) {
  const path = join(dir, file);
  const before = readFileSync(path);
  execFileSync(wasmOpt, [...flags, path, '-o', path], { stdio: 'inherit' });
  if (!html.includes(sri(before))) throw new Error(`post-build: no integrity attribute for ${file}`);
  html = html.replace(sri(before), sri(readFileSync(path)));
}
for (const file of files.filter((name) => /^ogi-report[\w-]*\.js$/.test(name))) {
  const path = join(dir, file);
  const source = readFileSync(path);
  const { code } = await minify(source.toString('utf8'), { module: true, compress: { passes: 2 }, mangle: true });
  if (!html.includes(sri(source))) throw new Error(`post-build: no integrity attribute for ${file}`);
  writeFileSync(path, code);
  html = html.replace(sri(source), sri(code));
}
writeFileSync(join(dir, 'index.html'), html);

if (!files.includes('sw.js')) {
  // The tools page is built on its own first and copied into the filling page's build, whose
  // run of this hook covers it.
  console.log('post-build: tools page staged');
  process.exit(0);
}
// The tools page is not precached (the first load stays small); the service worker keeps its
// files once they have been opened. It is part of the build id, so an update replaces them.
const built = files.filter((file) => !['sw.js', 'csp.txt', 'csp-legacy.txt'].includes(file));
const precache = ['./', ...built.filter((file) => !file.startsWith('tools/'))];

const hash = createHash('sha256');
for (const file of built) hash.update(file).update(readFileSync(join(dir, file)));
const buildId = hash.digest('hex').slice(0, 16);
const sw = readFileSync(join(dir, 'sw.js'), 'utf8')
  .replace('__BUILD_ID__', buildId)
  .replace('__PRECACHE__', JSON.stringify(precache));
writeFileSync(join(dir, 'sw.js'), sw);

// Inline scripts only (a `src` script is covered by 'self'); attribute quotes may be minified away.
// One policy for both pages: the filling page's loader and the tools page's.
const hashes = built
  .filter((file) => file.endsWith('index.html'))
  .flatMap((file) => [...readFileSync(join(dir, file), 'utf8').matchAll(/<script(?![^>]*\ssrc=)[^>]*>([\s\S]*?)<\/script>/g)])
  .map(([, body]) => `'sha256-${createHash('sha256').update(body).digest('base64')}'`);
const csp = `default-src 'self'; script-src 'self' 'wasm-unsafe-eval' ${hashes.join(' ')}`;
writeFileSync(join(dir, 'csp.txt'), `${csp}\n`);
// Chromium before 97 (360 13 = 86, 搜狗 = 94) knows no 'wasm-unsafe-eval' and compiles wasm only
// under 'unsafe-eval', which also lets script text be evaluated: a portal opts into it knowingly.
const legacy = csp.replace("'wasm-unsafe-eval'", "'wasm-unsafe-eval' 'unsafe-eval'");
writeFileSync(join(dir, 'csp-legacy.txt'), `${legacy}\n`);
console.log(`post-build: ${precache.length} files precached, build ${buildId}`);
