//! The format as data for a portal that draws its own form: the parts with their headings and
//! guidance, and the three tables as printed (header rows, merged labels, where each cell sits,
//! its path, its labels and whether it is a computed total). All of it read from the core's
//! constants and layouts, so a portal's form cannot drift from the page's or the Word file's.

use ogi_report_core::format::{PartKind, PARTS, TEMPLATE_ID, TITLE_SUFFIX};
use ogi_report_core::layout::{tables, Content, LayoutCell, TableLayout};
use serde::Serialize;

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Description {
    template: &'static str,
    title_suffix: &'static str,
    parts: Vec<PartOut>,
    tables: Vec<TableOut>,
}

#[derive(Serialize)]
struct PartOut {
    key: &'static str,
    heading: &'static str,
    kind: &'static str,
    guidance: &'static str,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct TableOut {
    part: usize,
    heading: &'static str,
    /// Column widths in twips, adding up to the text width of an A4 page in 公文 layout.
    widths: &'static [u32],
    header_rows: usize,
    rows: Vec<Vec<CellOut>>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct CellOut {
    /// `header`, `label` or `cell`.
    kind: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    text: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    path: Option<String>,
    /// The printed row and column labels of a data cell (its accessible name).
    #[serde(skip_serializing_if = "Option::is_none")]
    labels: Option<[String; 2]>,
    /// A data cell the product computes (a 总计); a form shows it read-only.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    total: bool,
    col: usize,
    colspan: usize,
    rowspan: usize,
}

fn cell(layout: &LayoutCell) -> CellOut {
    let mut out = CellOut {
        kind: "header",
        text: None,
        path: None,
        labels: None,
        total: false,
        col: layout.col,
        colspan: layout.colspan,
        rowspan: layout.rowspan,
    };
    match layout.content {
        Content::Header(text) => out.text = Some(text),
        Content::Label(text) => {
            out.kind = "label";
            out.text = Some(text);
        }
        Content::Data(cell) => {
            let (row, column) = cell.labels();
            out.kind = "cell";
            out.path = Some(cell.path());
            out.labels = Some([row, column]);
            out.total = cell.is_total();
        }
    }
    out
}

fn table(layout: &'static TableLayout) -> TableOut {
    TableOut {
        part: layout.part,
        heading: PARTS[layout.part].heading,
        widths: &layout.widths,
        header_rows: layout.header_rows,
        rows: layout
            .rows
            .iter()
            .map(|row| row.iter().map(cell).collect())
            .collect(),
    }
}

/// The description as JSON text.
pub fn describe() -> String {
    let description = Description {
        template: TEMPLATE_ID,
        title_suffix: TITLE_SUFFIX,
        parts: PARTS
            .iter()
            .map(|part| PartOut {
                key: part.key,
                heading: part.heading,
                kind: match part.kind {
                    PartKind::Narrative => "narrative",
                    PartKind::Table => "table",
                },
                guidance: part.guidance,
            })
            .collect(),
        tables: tables().iter().map(table).collect(),
    };
    serde_json::to_string(&description).expect("the description holds only strings and numbers")
}
