#!/usr/bin/env bash
# Rebuilds the import corpus in crates/ogi-report-import/tests/corpus (issue 13): the texts, pages
# and Word skeletons from the core's test `write_corpus`, Word files from python-docx, and PDFs
# printed by LibreOffice from those Word files and from ours. The files are committed; the tests
# read them and need none of these tools.
set -euo pipefail
dir=crates/ogi-report-import/tests/corpus
cargo test -q -p ogi-report-import --test corpus -- --ignored write_corpus
python3 -c "import docx" 2>/dev/null || pip install -q "python-docx==1.2.0"
python3 scripts/corpus/build_docx.py "$dir"
out=$(mktemp -d)
for docx in "$dir"/*.python-docx.docx "$dir"/*.ours.docx; do
  libreoffice --headless --convert-to pdf --outdir "$out" "$(realpath "$docx")" >/dev/null 2>&1
done
for pdf in "$out"/*.pdf; do
  base=$(basename "$pdf" .pdf)
  mv "$pdf" "$dir/$base.libreoffice.pdf"
done
rm -rf "$out" "$dir"/*.skeleton.tsv
{
  echo "# file	truth	mode	least cells read (Word files and PDFs, written by scripts/corpus/build.sh)"
  for file in "$dir"/*.docx "$dir"/*.pdf; do
    name=$(basename "$file")
    echo "$name	${name%%.*}	exact	200"
  done
} > "$dir/manifest-files.tsv"
