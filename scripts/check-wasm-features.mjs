// Every WebAssembly module the build ships (the page, the tools page, the file-work package) uses
// no feature beyond MVP + mutable-globals, sign-ext, nontrapping-fptoint and bulk-memory, so that
// 360 13 (Chromium 86) and Firefox ESR 78 can compile it (.cargo/config.toml, the wasm-opt
// lowering passes). The bytes are decoded by scripts/compat/wasm-features.mjs; deterministic, so
// asserted in `make test`.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyze } from './compat/wasm-features.mjs';

const ALLOWED = new Set(['mutable-globals', 'sign-ext', 'nontrapping-fptoint', 'bulk-memory']);
const dir = process.argv[2] ?? 'dist';
const modules = readdirSync(dir, { recursive: true }).map(String).filter((name) => name.endsWith('.wasm')).sort();
let failed = modules.length === 0;
for (const name of modules) {
  const { features, minimum } = analyze(readFileSync(join(dir, name)));
  const outside = features.filter(({ feature }) => !ALLOWED.has(feature));
  const used = features.map(({ feature, count }) => `${feature} ×${count}`).join(', ') || 'MVP only';
  console.log(`${name}: ${used}; oldest engines: Chrome ${minimum.chrome}, Firefox ${minimum.firefox}, Safari ${minimum.safari}`);
  for (const { feature, count, example } of outside) {
    console.error(`  ${feature} is used ${count} times (e.g. ${example}): old engines cannot compile this module`);
    failed = true;
  }
}
if (modules.length === 0) console.error(`wasm features: no .wasm file in ${dir}`);
process.exit(failed ? 1 : 0);
