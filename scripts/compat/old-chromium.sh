#!/usr/bin/env bash
# Old headless Chromium builds, from npm packages that carry the browser inside the package
# (built for AWS Lambda; they run on Debian 12 with the libraries they bring in lib/).
#
#   bash scripts/compat/old-chromium.sh [DIR]        # default .cache/oldbrowsers
#
# Afterwards DIR/cNNN/chrome/chromium (+ lib/, the NSS libraries it needs) exists for each entry
# below (e2e/engines.mjs drives them). About 50 MB of download
# and 150 MB on disk per build. Nothing is fetched at run time, and no install script runs.
set -euo pipefail
DIR=${1:-.cache/oldbrowsers}
mkdir -p "$DIR"
# dir   npm package                         Chromium inside (from the package's README)
while read -r name spec chromium; do
  [ -z "$name" ] && continue
  if [ -x "$DIR/$name/chrome/chromium" ]; then echo "$name: already there"; continue; fi
  echo "$name: $spec (Chromium $chromium)"
  npm install --prefix "$DIR/$name" --no-audit --no-fund --ignore-scripts --legacy-peer-deps --loglevel=error "$spec" >/dev/null </dev/null
  bin=
  for b in "$DIR/$name/node_modules/chrome-aws-lambda/bin" "$DIR/$name/node_modules/@sparticuz/chromium/bin"; do [ -d "$b" ] && bin=$b; done
  [ -n "$bin" ] || { echo "$name: no bin/ folder in $spec" >&2; exit 1; }
  node - "$bin" "$DIR/$name/chrome" <<'JS'
const fs = require("fs"), zlib = require("zlib"), path = require("path"), cp = require("child_process");
const [bin, dest] = process.argv.slice(2);
fs.mkdirSync(dest, { recursive: true });
for (const f of fs.readdirSync(bin).filter((f) => f.endsWith(".br"))) {
  const out = zlib.brotliDecompressSync(fs.readFileSync(path.join(bin, f)));
  const name = f.replace(/\.br$/, "");
  if (name.endsWith(".tar")) { const t = path.join(dest, name); fs.writeFileSync(t, out); cp.execFileSync("tar", ["xf", t, "-C", dest]); fs.unlinkSync(t); }
  else fs.writeFileSync(path.join(dest, name.startsWith("chromium") ? "chromium" : name), out, { mode: 0o755 });
}
JS
done <<'LIST'
c069 chrome-aws-lambda@1.6.3 69.0.3494.0
c078 chrome-aws-lambda@1.20.4 78.0.3882.0
c086 chrome-aws-lambda@5.3.1 86.0.4240.0
c092 chrome-aws-lambda@10.1.0 92.0.4512.0
c109 @sparticuz/chromium@109.0.6 109.0.5412.0
LIST

# Each build's very first start on a new machine can print nothing (Chromium 69 did, once, in a
# fresh machine's first `make test`): start each once here, so that no test meets that start.
for build in "$DIR"/c*/chrome/chromium; do
  stamp="$(dirname "$build")/.started"
  [ -e "$stamp" ] && continue
  profile=$(mktemp -d)
  LD_LIBRARY_PATH="$(dirname "$build")/lib" "$build" --headless --no-sandbox --disable-gpu --no-first-run \
    --user-data-dir="$profile" --dump-dom about:blank >/dev/null 2>&1 </dev/null || true
  rm -rf "$profile"
  touch "$stamp"
done
