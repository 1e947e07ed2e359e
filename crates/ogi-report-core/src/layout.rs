//! The three tables as printed: header rows, merged labels and where each data cell sits, on a
//! grid of columns with widths for Word. The page, the DOCX writer and the HTML writer all draw
//! their tables from this one layout, so a merge or a label can only be wrong in one place.

use std::sync::OnceLock;

use crate::format::{
    APPEALS_LAWSUIT_HEADER, APPEALS_REVIEW_HEADER, APPEAL_COLUMNS, APPEAL_GROUPS, PART_APPEALS,
    PART_PROACTIVE, PART_REQUESTS, PROACTIVE_BLOCKS, PROACTIVE_LABEL_COLUMN,
    REQUESTS_APPLICANT_HEADER, REQUESTS_NOTE, REQUESTS_ORG_HEADER, REQUEST_COLUMNS, REQUEST_ROWS,
};
use crate::report::CellRef;

/// What a grid position holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Content {
    /// A column header, a block header or the note.
    Header(&'static str),
    /// A row label.
    Label(&'static str),
    /// A data cell of the report.
    Data(CellRef),
}

/// One cell of the layout, starting at grid column `col` and covering `colspan` × `rowspan`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct LayoutCell {
    pub content: Content,
    pub col: usize,
    pub colspan: usize,
    pub rowspan: usize,
}

impl LayoutCell {
    fn new(content: Content, col: usize) -> LayoutCell {
        LayoutCell {
            content,
            col,
            colspan: 1,
            rowspan: 1,
        }
    }

    fn spans(mut self, colspan: usize, rowspan: usize) -> LayoutCell {
        self.colspan = colspan;
        self.rowspan = rowspan;
        self
    }
}

/// A table as printed. `rows` holds only the cells that start in each row; cells merged from
/// above are implied by `rowspan`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TableLayout {
    /// Index of the part in [`crate::format::PARTS`].
    pub part: usize,
    /// Column widths in twips (1/1440 inch); they add up to the text width of an A4 page with
    /// the 公文 margins (156 mm).
    pub widths: Vec<u32>,
    /// How many leading rows are headers (repeated on each printed page).
    pub header_rows: usize,
    pub rows: Vec<Vec<LayoutCell>>,
}

/// The text width of an A4 page with 28 mm and 26 mm side margins, in twips.
pub const TEXT_WIDTH_TWIPS: u32 = 8844;

/// A table 三 data column: three 小五 characters (3 × 180 twips), the cell margins (114) and room
/// (six digits of Times New Roman); the 总计 column, seven digits.
const REQUEST_DATA_TWIPS: u32 = 680;
const REQUEST_TOTAL_TWIPS: u32 = 760;

/// Splits the text width into columns by weight, the rounding left in the last column.
fn widths(weights: &[u32]) -> Vec<u32> {
    let total: u32 = weights.iter().sum();
    let mut widths: Vec<u32> = weights
        .iter()
        .map(|weight| TEXT_WIDTH_TWIPS * weight / total)
        .collect();
    let used: u32 = widths.iter().sum();
    if let Some(last) = widths.last_mut() {
        *last += TEXT_WIDTH_TWIPS - used;
    }
    widths
}

/// The three table layouts, built once.
pub fn tables() -> &'static [TableLayout; 3] {
    static TABLES: OnceLock<[TableLayout; 3]> = OnceLock::new();
    TABLES.get_or_init(|| [proactive(), requests(), appeals()])
}

/// The layout of the table in part `part`.
pub fn table(part: usize) -> Option<&'static TableLayout> {
    tables().iter().find(|table| table.part == part)
}

fn proactive() -> TableLayout {
    let columns = 1 + PROACTIVE_BLOCKS
        .iter()
        .map(|block| block.columns.len())
        .max()
        .unwrap_or(1);
    let mut rows = Vec::new();
    for block in PROACTIVE_BLOCKS {
        rows.push(vec![
            LayoutCell::new(Content::Header(block.header), 0).spans(columns, 1)
        ]);
        let mut header = vec![LayoutCell::new(Content::Header(PROACTIVE_LABEL_COLUMN), 0)];
        let last = block.columns.len();
        for (index, column) in block.columns.iter().enumerate() {
            // A block with fewer columns widens its last one to the table's width.
            let colspan = if index + 1 == last { columns - last } else { 1 };
            header.push(LayoutCell::new(Content::Header(column), 1 + index).spans(colspan, 1));
        }
        rows.push(header);
        for row in block.rows {
            let mut cells = vec![LayoutCell::new(Content::Label(row.label), 0)];
            for (index, cell) in row.cells.iter().enumerate() {
                let colspan = if index + 1 == last { columns - last } else { 1 };
                cells.push(
                    LayoutCell::new(Content::Data(CellRef::Proactive(*cell)), 1 + index)
                        .spans(colspan, 1),
                );
            }
            rows.push(cells);
        }
    }
    TableLayout {
        part: PART_PROACTIVE,
        widths: widths(&[2, 2, 2, 2]),
        header_rows: 0,
        rows,
    }
}

fn requests() -> TableLayout {
    const LABEL_COLUMNS: usize = 3;
    let data = REQUEST_COLUMNS.len();
    let organisations = REQUEST_COLUMNS
        .iter()
        .filter(|column| column.group.is_some())
        .count();
    let mut rows = vec![
        vec![
            LayoutCell::new(Content::Header(REQUESTS_NOTE), 0).spans(LABEL_COLUMNS, 3),
            LayoutCell::new(Content::Header(REQUESTS_APPLICANT_HEADER), LABEL_COLUMNS)
                .spans(data, 1),
        ],
        vec![
            LayoutCell::new(Content::Header(REQUEST_COLUMNS[0].label), LABEL_COLUMNS).spans(1, 2),
            LayoutCell::new(Content::Header(REQUESTS_ORG_HEADER), LABEL_COLUMNS + 1)
                .spans(organisations, 1),
            LayoutCell::new(
                Content::Header(REQUEST_COLUMNS[data - 1].label),
                LABEL_COLUMNS + data - 1,
            )
            .spans(1, 2),
        ],
        REQUEST_COLUMNS
            .iter()
            .enumerate()
            .filter(|(_, column)| column.group.is_some())
            .map(|(col, column)| {
                LayoutCell::new(Content::Header(column.label), LABEL_COLUMNS + col)
            })
            .collect(),
    ];
    for (row, spec) in REQUEST_ROWS.iter().enumerate() {
        let labels = spec.label_path();
        let mut cells = Vec::new();
        for (level, label) in labels.iter().enumerate() {
            let Some(label) = label else { continue };
            let starts = row == 0 || REQUEST_ROWS[row - 1].label_path()[level] != Some(label);
            if !starts {
                continue;
            }
            // An absent deeper level widens this label; equal labels below merge into it.
            let colspan = 1 + labels[level + 1..]
                .iter()
                .take_while(|next| next.is_none())
                .count();
            let rowspan = REQUEST_ROWS[row..]
                .iter()
                .take_while(|next| next.label_path()[level] == Some(label))
                .count();
            cells.push(LayoutCell::new(Content::Label(label), level).spans(colspan, rowspan));
        }
        for col in 0..data {
            cells.push(LayoutCell::new(
                Content::Data(CellRef::Request { row, col }),
                LABEL_COLUMNS + col,
            ));
        }
        rows.push(cells);
    }
    // In twips: each data column holds three characters of the tables' 小五 (9 pt) and its
    // margins, so 自然人 stays on one line; the labels share the rest, the deepest level the
    // most (most of its labels then take one line).
    // The 总计 column is wider: its corner sums the whole table (seven digits stay on a line).
    let mut weights = vec![600, 960, 2444];
    weights.extend(std::iter::repeat_n(REQUEST_DATA_TWIPS, data - 1));
    weights.push(REQUEST_TOTAL_TWIPS);
    TableLayout {
        part: PART_REQUESTS,
        widths: widths(&weights),
        header_rows: 3,
        rows,
    }
}

fn appeals() -> TableLayout {
    let width = APPEAL_COLUMNS.len();
    let lawsuit_groups = APPEAL_GROUPS
        .iter()
        .filter(|group| group.top == APPEALS_LAWSUIT_HEADER)
        .count();
    let mut top = vec![LayoutCell::new(Content::Header(APPEALS_REVIEW_HEADER), 0).spans(width, 2)];
    top.push(
        LayoutCell::new(Content::Header(APPEALS_LAWSUIT_HEADER), width)
            .spans(width * lawsuit_groups, 1),
    );
    let subs = APPEAL_GROUPS
        .iter()
        .enumerate()
        .filter_map(|(group, spec)| {
            spec.sub
                .map(|sub| LayoutCell::new(Content::Header(sub), group * width).spans(width, 1))
        })
        .collect();
    let columns = (0..APPEAL_GROUPS.len())
        .flat_map(|group| {
            APPEAL_COLUMNS
                .iter()
                .enumerate()
                .map(move |(col, (_, label))| (group * width + col, *label))
        })
        .map(|(at, label)| LayoutCell::new(Content::Header(label), at))
        .collect();
    let data = (0..APPEAL_GROUPS.len())
        .flat_map(|group| {
            (0..width).map(move |col| {
                LayoutCell::new(
                    Content::Data(CellRef::Appeal { group, col }),
                    group * width + col,
                )
            })
        })
        .collect();
    TableLayout {
        part: PART_APPEALS,
        widths: widths(&vec![1; width * APPEAL_GROUPS.len()]),
        header_rows: 3,
        rows: vec![top, subs, columns, data],
    }
}

/// The data cells' placement is what the page's memoised rows use: the layout row of table 三's
/// data row `row`.
pub fn request_row(row: usize) -> &'static [LayoutCell] {
    let table = &tables()[1];
    &table.rows[table.header_rows + row]
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every row's cells, with those merged from above, cover the grid exactly once.
    fn assert_covers_grid(table: &TableLayout) {
        let columns = table.widths.len();
        let mut covered = vec![vec![false; columns]; table.rows.len()];
        for (row, cells) in table.rows.iter().enumerate() {
            for cell in cells {
                for covered_row in &mut covered[row..row + cell.rowspan] {
                    for (offset, slot) in covered_row[cell.col..cell.col + cell.colspan]
                        .iter_mut()
                        .enumerate()
                    {
                        assert!(
                            !*slot,
                            "part {} row {row} col {} covered twice",
                            table.part,
                            cell.col + offset
                        );
                        *slot = true;
                    }
                }
            }
        }
        for (row, cols) in covered.iter().enumerate() {
            assert!(
                cols.iter().all(|c| *c),
                "part {} row {row} has a hole: {cols:?}",
                table.part
            );
        }
    }

    #[test]
    fn every_table_covers_its_grid_and_its_cells_once() {
        let mut data = Vec::new();
        for table in tables() {
            assert_covers_grid(table);
            assert_eq!(table.widths.iter().sum::<u32>(), TEXT_WIDTH_TWIPS);
            for cell in table.rows.iter().flatten() {
                if let Content::Data(cell) = cell.content {
                    data.push(cell);
                }
            }
        }
        let all: Vec<CellRef> = CellRef::all().collect();
        assert_eq!(data, all, "every cell once, in reading order");
    }

    #[test]
    fn table_three_has_the_official_header() {
        let table = &tables()[1];
        assert_eq!(table.widths.len(), 10);
        assert_eq!(
            table.rows[0][0],
            LayoutCell {
                content: Content::Header(REQUESTS_NOTE),
                col: 0,
                colspan: 3,
                rowspan: 3
            }
        );
        let handled = table.rows[3 + 2]
            .iter()
            .find(|cell| cell.content == Content::Label("三、本年度办理结果"))
            .unwrap();
        assert_eq!((handled.col, handled.rowspan), (0, 22));
        let withheld = table.rows[3 + 4]
            .iter()
            .find(|cell| cell.content == Content::Label("（三）不予公开"))
            .unwrap();
        assert_eq!((withheld.col, withheld.rowspan), (1, 8));
        let received = table.rows[3][0];
        assert_eq!((received.colspan, received.rowspan), (3, 1));
    }
}
