"""Word files for the import corpus, built with python-docx (a different tool from our renderer).

For each `<name>.skeleton.tsv` (written by `write_corpus` in crates/ogi-report-import/tests/corpus.rs:
`P` paragraphs, `T` a new table, `R` rows of tab-separated cells, `^` merged with the cell above,
`<` merged with the cell to the left) it writes two files the way offices fill the template:

- `<name>.python-docx.docx`: the official skeleton with its merged cells (gridSpan, vMerge), each
  label's text split over two runs, and empty paragraphs between parts;
- `<name>.unmerged.docx`: no merged cells; a group label repeated on every row of its group.
"""

import sys
from pathlib import Path

from docx import Document
from docx.shared import Pt


def split_runs(paragraph, text):
    half = len(text) // 2
    for piece in (text[:half], text[half:]):
        if piece:
            run = paragraph.add_run(piece)
            run.font.size = Pt(10)


def read_skeleton(path):
    blocks = []
    for line in path.read_text(encoding="utf-8").splitlines():
        kind, _, rest = line.partition("\t")
        if kind == "P":
            blocks.append(("P", rest))
        elif kind == "T":
            blocks.append(("T", []))
        elif kind == "R":
            blocks[-1][1].append(rest.split("\t"))
    return blocks


def build(blocks, merged):
    document = Document()
    for kind, content in blocks:
        if kind == "P":
            split_runs(document.add_paragraph(), content)
            if content.startswith(("一、", "二、", "三、", "四、", "五、", "六、")):
                document.add_paragraph()
            continue
        rows = content
        columns = max(len(row) for row in rows)
        table = document.add_table(rows=len(rows), cols=columns)
        table.style = "Table Grid"
        grid = [row + [""] * (columns - len(row)) for row in rows]
        if not merged:
            # Without merging, what a merged cell held is repeated down and left empty across.
            for r, row in enumerate(grid):
                for c, text in enumerate(row):
                    if text == "<":
                        row[c] = ""
                    elif text == "^":
                        row[c] = grid[r - 1][c] if r > 0 else ""
        for r, row in enumerate(grid):
            for c, text in enumerate(row):
                if text not in ("^", "<") and text:
                    cell = table.cell(r, c)
                    cell.paragraphs[0].text = ""
                    split_runs(cell.paragraphs[0], text)
        if merged:
            for r, row in enumerate(grid):
                for c, text in enumerate(row):
                    if text in ("^", "<"):
                        continue
                    right = c
                    while right + 1 < columns and row[right + 1] == "<":
                        right += 1
                    down = r
                    while down + 1 < len(grid) and grid[down + 1][c] == "^":
                        down += 1
                    if right > c or down > r:
                        table.cell(r, c).merge(table.cell(down, right))
    return document


def main(directory):
    directory = Path(directory)
    for skeleton in sorted(directory.glob("*.skeleton.tsv")):
        name = skeleton.name.removesuffix(".skeleton.tsv")
        blocks = read_skeleton(skeleton)
        build(blocks, merged=True).save(directory / f"{name}.python-docx.docx")
        build(blocks, merged=False).save(directory / f"{name}.unmerged.docx")


if __name__ == "__main__":
    main(sys.argv[1])
