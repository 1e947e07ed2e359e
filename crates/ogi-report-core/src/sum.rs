//! 汇总: a superior office's sum of its units' reports for one year. Files are gathered into
//! [`Units`] (unreadable, other-year and repeated files refused with the reason), every table
//! cell is summed (the fee exactly), totals are recomputed, the narrative is left empty. A cell
//! that is not a number in some unit's report is left out of the sum and named, never guessed.
//! The page and the CLI both gather and sum through this module, so they cannot disagree.

use crate::cell::{Amount, Cell};
use crate::import::import_file;
use crate::report::{CellRef, Report};
use crate::rules::{check, tally, Context, Finding, Severity};

/// The units' reports gathered for one 汇总, in the order the files were given.
#[derive(Clone, Debug, Default)]
pub struct Units {
    /// (file name, report) of every file accepted.
    pub accepted: Vec<(String, Report)>,
    /// (file name, reason) of every file left out.
    pub refused: Vec<(String, String)>,
}

impl Units {
    /// Reads one unit's file — its report file, or a published report as Word, PDF, web page or
    /// text (cells the importer could not read stay blank and are named by the sum). The first
    /// accepted report sets the year; a report of another year, or of a unit already gathered,
    /// is refused rather than summed twice or mixed.
    pub fn add_bytes(&mut self, file: &str, bytes: &[u8]) {
        match import_file(bytes, file) {
            Ok((report, _)) => self.add_report(file, report),
            Err(error) => self.refused.push((file.to_owned(), error.to_string())),
        }
    }

    /// Gathers one unit's report, already read (the page reads files through its on-demand
    /// importer): refused if of another year or of a unit already gathered.
    pub fn add_report(&mut self, file: &str, report: Report) {
        let reason = self.conflict(&report);
        match reason {
            Some(reason) => self.refused.push((file.to_owned(), reason)),
            None => self.accepted.push((file.to_owned(), report)),
        }
    }

    /// [`Units::add_bytes`] for a file already read as text.
    pub fn add(&mut self, file: &str, text: &str) {
        self.add_bytes(file, text.as_bytes());
    }

    /// When no file was accepted: the message that says so, with every file's reason.
    pub fn nothing_to_sum(&self) -> Option<String> {
        if !self.accepted.is_empty() {
            return None;
        }
        let refused: Vec<String> = self
            .refused
            .iter()
            .map(|(file, reason)| format!("{file}：{reason}"))
            .collect();
        Some(format!("没有可以汇总的报告文件。\n{}", refused.join("\n")))
    }

    /// Records a file that could not even be read as text.
    pub fn refuse(&mut self, file: &str, reason: &str) {
        self.refused.push((file.to_owned(), reason.to_owned()));
    }

    /// The year of the gathered reports.
    pub fn year(&self) -> Option<i32> {
        self.accepted
            .iter()
            .find_map(|(_, report)| report.meta.year)
    }

    fn conflict(&self, report: &Report) -> Option<String> {
        if let (Some(year), Some(other)) = (self.year(), report.meta.year) {
            if year != other {
                return Some(format!(
                    "报告年度为 {other} 年，与已汇总的报告（{year} 年）不同，未计入。"
                ));
            }
        }
        let body = report.meta.body.trim();
        let (earlier, _) = self
            .accepted
            .iter()
            .find(|(_, gathered)| !body.is_empty() && gathered.meta.body.trim() == body)?;
        Some(format!(
            "单位「{body}」的报告已从文件「{earlier}」计入，未重复汇总。"
        ))
    }

    /// The summed report and what was left out of it (see [`sum_reports`]).
    pub fn sum(&self, body: &str) -> (Report, Vec<String>) {
        sum_reports(self.accepted.iter().map(|(_, report)| report), body)
    }
}

/// The summed report's body when none is given.
pub const DEFAULT_SUM_BODY: &str = "汇总";

/// One unit's line in the 汇总 table.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UnitLine {
    pub body: String,
    pub errors: usize,
    pub warnings: usize,
    /// What the check found, for a reviewer to read.
    pub findings: Vec<Finding>,
    /// Key figures: (label, value as shown).
    pub figures: Vec<(&'static str, String)>,
}

/// The key figures a 汇总 table shows per unit.
pub const KEY_FIGURES: [(&str, &str); 4] = [
    ("本年新收申请", "requests.received.total"),
    ("办理结果总计", "requests.total.total"),
    ("结转下年度", "requests.carried_forward.total"),
    ("行政复议", "appeals.review.total"),
];

/// A report's [`KEY_FIGURES`] as shown: (label, value).
pub fn key_figures(report: &Report) -> Vec<(&'static str, String)> {
    KEY_FIGURES
        .iter()
        .map(|(label, path)| {
            (
                *label,
                CellRef::parse(path)
                    .map(|cell| report.cell_text(cell))
                    .unwrap_or_default(),
            )
        })
        .collect()
}

pub fn unit_line(report: &Report) -> UnitLine {
    let findings = check(report, &Context::default());
    let (errors, warnings) = tally(&findings);
    let figures = key_figures(report);
    UnitLine {
        body: report.meta.body.clone(),
        errors,
        warnings,
        findings,
        figures,
    }
}

/// Each accepted unit's line, in file order (each report checked once).
pub fn unit_lines(units: &Units) -> Vec<UnitLine> {
    units
        .accepted
        .iter()
        .map(|(_, report)| unit_line(report))
        .collect()
}

/// The 汇总 table: a header row, then one row per unit.
fn table_rows(lines: &[UnitLine]) -> Vec<Vec<String>> {
    let mut header: Vec<String> = ["单位", Severity::Error.label(), Severity::Warning.label()]
        .map(str::to_owned)
        .to_vec();
    header.extend(KEY_FIGURES.iter().map(|(label, _)| (*label).to_owned()));
    let mut rows = vec![header];
    for line in lines {
        let mut row = vec![
            line.body.clone(),
            line.errors.to_string(),
            line.warnings.to_string(),
        ];
        row.extend(line.figures.iter().map(|(_, value)| value.clone()));
        rows.push(row);
    }
    rows
}

/// The 汇总 table as tab-separated text (what `ogi-report sum` prints).
pub fn units_table(lines: &[UnitLine]) -> String {
    table_rows(lines)
        .iter()
        .map(|row| format!("{}\n", row.join("\t")))
        .collect()
}

/// The 汇总 table as CSV for a spreadsheet: UTF-8 with a byte-order mark (so Excel reads the
/// Chinese correctly), CRLF line ends, and fields quoted where they must be. A field that a
/// spreadsheet would take for a formula (`=`, `+`, `-`, `@`) is written as text.
pub fn units_csv(lines: &[UnitLine]) -> String {
    let field = |value: &String| {
        let value = if value.starts_with(['=', '+', '-', '@']) {
            format!("'{value}")
        } else {
            value.clone()
        };
        if value.contains([',', '"', '\n', '\r']) {
            format!("\"{}\"", value.replace('"', "\"\""))
        } else {
            value
        }
    };
    let mut csv = String::from('\u{feff}');
    for row in table_rows(lines) {
        let fields: Vec<String> = row.iter().map(field).collect();
        csv.push_str(&fields.join(","));
        csv.push_str("\r\n");
    }
    csv
}

/// The summed report, and a message for each value left out because it is not a number.
pub fn sum_reports<'a, I>(reports: I, body: &str) -> (Report, Vec<String>)
where
    I: IntoIterator<Item = &'a Report>,
    I::IntoIter: Clone,
{
    let reports = reports.into_iter();
    let mut total = Report::new_draft();
    total.meta.body = body.to_owned();
    total.meta.year = reports.clone().find_map(|report| report.meta.year);
    for part in crate::report::Narrative::ALL {
        total.set_sections(part, Vec::new());
    }
    let mut left_out = Vec::new();
    for cell in CellRef::all().filter(|cell| !cell.is_total()) {
        if cell.is_amount() {
            let mut sum = Amount::zero();
            for report in reports.clone() {
                match report.fees() {
                    Cell::Value(amount) => sum = sum.checked_add(*amount).unwrap_or(sum),
                    Cell::Blank => {}
                    _ => left_out.push(left_out_message(report, cell)),
                }
            }
            total.set_fees(Cell::Value(sum));
            continue;
        }
        let mut sum = 0u64;
        for report in reports.clone() {
            match report.count(cell) {
                Some(Cell::Value(value)) => sum = sum.saturating_add(*value),
                Some(Cell::Blank) | None => {}
                Some(_) => left_out.push(left_out_message(report, cell)),
            }
        }
        total.set_count(cell, Cell::Value(sum));
    }
    (total.with_computed_totals(), left_out)
}

fn left_out_message(report: &Report, cell: CellRef) -> String {
    format!(
        "「{}」的{}填的是「{}」，不是数字，未计入汇总。",
        report.meta.body,
        cell.message_label(),
        report.cell_text(cell)
    )
}
