//! A report written out as the texts people really copy or convert from published reports
//! (issue 13): a web page's tab-separated rows, a PDF viewer's one cell per line with header words
//! broken up, Markdown from a PDF converter (one small pipe table per group, `数据1…` columns,
//! page footers inside), fixed-width columns with wrapped labels and the vertical label spread one
//! character per line, and any of them with every white space removed. Labels come from the
//! core's format constants, never spelled here.

use ogi_report_core::format::{
    APPEAL_COLUMNS, APPEAL_GROUPS, PARTS, PART_APPEALS, PART_OTHER_MATTERS, PART_OVERVIEW,
    PART_PROACTIVE, PART_PROBLEMS, PART_REQUESTS, PROACTIVE_BLOCKS, REQUESTS_APPLICANT_HEADER,
    REQUESTS_NOTE, REQUEST_COLS, REQUEST_COLUMNS, REQUEST_ROWS, TITLE_SUFFIX,
};
use ogi_report_core::{CellRef, Narrative, Report};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Layout {
    Tabs,
    CellPerLine,
    Markdown,
    FixedWidth,
}

pub const LAYOUTS: [Layout; 4] = [
    Layout::Tabs,
    Layout::CellPerLine,
    Layout::Markdown,
    Layout::FixedWidth,
];

impl Layout {
    pub fn name(self) -> &'static str {
        match self {
            Layout::Tabs => "tabs",
            Layout::CellPerLine => "cell-per-line",
            Layout::Markdown => "markdown",
            Layout::FixedWidth => "fixed-width",
        }
    }
}

fn cell(report: &Report, cell: CellRef) -> String {
    report.cell_text(cell)
}

fn request_values(report: &Report, row: usize) -> Vec<String> {
    (0..REQUEST_COLS)
        .map(|col| cell(report, CellRef::Request { row, col }))
        .collect()
}

fn appeal_values(report: &Report) -> Vec<String> {
    (0..APPEAL_GROUPS.len())
        .flat_map(|group| (0..APPEAL_COLUMNS.len()).map(move |col| CellRef::Appeal { group, col }))
        .map(|at| cell(report, at))
        .collect()
}

/// Writes one row of label cells and values in the layout's shape.
fn row(layout: Layout, labels: &[&str], values: &[String], out: &mut String) {
    match layout {
        Layout::Tabs => {
            out.push_str(&labels.join("\t"));
            for value in values {
                out.push('\t');
                out.push_str(value);
            }
            out.push('\n');
        }
        Layout::CellPerLine => {
            for label in labels {
                out.push_str(label);
                out.push('\n');
            }
            for value in values {
                out.push_str(value);
                out.push('\n');
            }
        }
        Layout::Markdown => {
            out.push_str("| ");
            out.push_str(&labels.join(" "));
            for value in values {
                out.push_str(" | ");
                out.push_str(value);
            }
            out.push_str(" |\n");
        }
        Layout::FixedWidth => {
            // A label longer than 12 characters wraps: the rest goes on the next line.
            let label: String = labels.concat();
            let chars: Vec<char> = label.chars().collect();
            let (first, rest) = chars.split_at(chars.len().min(12));
            let first: String = first.iter().collect();
            out.push_str(&format!("{first:<16}"));
            for value in values {
                out.push_str(&format!("{value:>6}  "));
            }
            out.push('\n');
            if !rest.is_empty() {
                out.push_str("  ");
                out.push_str(&rest.iter().collect::<String>());
                out.push('\n');
            }
        }
    }
}

fn narrative(report: &Report, part: Narrative, out: &mut String) {
    for section in report.sections(part) {
        if !section.heading.is_empty() {
            out.push_str(&section.heading);
            out.push('\n');
        }
        out.push_str(&section.text);
        out.push('\n');
    }
}

/// The whole report as text in `layout`.
pub fn report_text(report: &Report, layout: Layout) -> String {
    let mut out = format!(
        "{}{}{}\n",
        report.meta.body,
        report.meta.year.unwrap_or(2023),
        TITLE_SUFFIX
    );
    for (index, part) in PARTS.iter().enumerate() {
        out.push_str(part.heading);
        out.push('\n');
        match index {
            PART_OVERVIEW => narrative(report, Narrative::Overview, &mut out),
            PART_PROBLEMS => narrative(report, Narrative::Problems, &mut out),
            PART_OTHER_MATTERS => narrative(report, Narrative::OtherMatters, &mut out),
            PART_PROACTIVE => proactive(report, layout, &mut out),
            PART_REQUESTS => requests(report, layout, &mut out),
            PART_APPEALS => appeals(report, layout, &mut out),
            _ => {}
        }
    }
    out
}

fn proactive(report: &Report, layout: Layout, out: &mut String) {
    for block in PROACTIVE_BLOCKS {
        out.push_str(block.header);
        out.push('\n');
        let header: Vec<&str> = std::iter::once("信息内容")
            .chain(block.columns.iter().copied())
            .collect();
        if layout == Layout::CellPerLine {
            // A PDF viewer breaks header words into fragments.
            for word in header {
                let chars: Vec<char> = word.chars().collect();
                for piece in chars.chunks(3) {
                    out.push_str(&piece.iter().collect::<String>());
                    out.push('\n');
                }
            }
        } else {
            out.push_str(&header.join(if layout == Layout::Tabs { "\t" } else { " " }));
            out.push('\n');
        }
        for spec in block.rows {
            let values: Vec<String> = spec
                .cells
                .iter()
                .map(|at| cell(report, CellRef::Proactive(*at)))
                .collect();
            row(layout, &[spec.label], &values, out);
        }
    }
}

fn requests(report: &Report, layout: Layout, out: &mut String) {
    out.push_str(REQUESTS_NOTE);
    out.push('\n');
    out.push_str(REQUESTS_APPLICANT_HEADER);
    out.push('\n');
    let columns: Vec<&str> = REQUEST_COLUMNS.iter().map(|column| column.label).collect();
    if layout == Layout::Markdown {
        let names: Vec<String> = (1..=REQUEST_COLS).map(|n| format!("数据{n}")).collect();
        out.push_str(&format!("| 项目 | {} |\n", names.join(" | ")));
        out.push_str(&format!("|---|{}\n", "---|".repeat(REQUEST_COLS)));
    } else {
        out.push_str(&columns.join(if layout == Layout::Tabs { "\t" } else { "\n" }));
        out.push('\n');
    }
    // The vertical label of rows 3–24, one character per row in fixed-width text.
    let vertical: Vec<char> = REQUEST_ROWS[2].level1.chars().collect();
    for (index, spec) in REQUEST_ROWS.iter().enumerate() {
        let path: Vec<&str> = spec.label_path().into_iter().flatten().collect();
        let labels: Vec<&str> = match layout {
            // A web page repeats nothing: merged cells are empty after their first row.
            Layout::Tabs | Layout::Markdown => vec![spec.label()],
            Layout::CellPerLine | Layout::FixedWidth => {
                path[path.len().saturating_sub(1)..].to_vec()
            }
        };
        if layout == Layout::FixedWidth && index >= 2 {
            if let Some(ch) = vertical.get(index - 2) {
                out.push(*ch);
                out.push(' ');
            }
        }
        if layout == Layout::Markdown && index == 12 {
            out.push_str("\n— 3 —\n\n");
        }
        row(layout, &labels, &request_values(report, index), out);
    }
}

fn appeals(report: &Report, layout: Layout, out: &mut String) {
    for group in APPEAL_GROUPS {
        out.push_str(group.label());
        out.push(if layout == Layout::Tabs { '\t' } else { '\n' });
    }
    out.push('\n');
    for _ in APPEAL_GROUPS {
        for (_, label) in APPEAL_COLUMNS {
            out.push_str(label);
            out.push(if layout == Layout::Tabs { '\t' } else { '\n' });
        }
    }
    out.push('\n');
    row(layout, &[], &appeal_values(report), out);
}

/// The text with every white space removed, as some crawlers and CMS exports publish it.
pub fn glued(text: &str) -> String {
    text.chars().filter(|ch| !ch.is_whitespace()).collect()
}
