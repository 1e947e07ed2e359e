//! Shared helpers for the core's integration tests.
#![allow(dead_code)]

use ogi_report_core::format::ROW_TOTAL;
use ogi_report_core::rules::{check, Context, Finding, Stage};
use ogi_report_core::{read_report, CellRef, Report};

pub const SEED: &str = include_str!("../../../../tests/fixtures/seed-2021.json");

pub fn seed() -> Report {
    read_report(SEED).expect("the seed fixture reads")
}

pub fn filling() -> Context {
    Context {
        stage: Stage::Filling,
        ..Context::default()
    }
}

pub fn final_check() -> Context {
    Context::default()
}

/// Findings of one rule.
pub fn of<'a>(findings: &'a [Finding], rule: &str) -> Vec<&'a Finding> {
    findings
        .iter()
        .filter(|finding| finding.rule == rule)
        .collect()
}

pub fn run(report: &Report, rule: &str) -> Vec<Finding> {
    check(report, &final_check())
        .into_iter()
        .filter(|finding| finding.rule == rule)
        .collect()
}

pub fn request(row: &str, col: &str) -> CellRef {
    CellRef::parse(&format!("requests.{row}.{col}")).expect("a table 三 cell")
}

/// Types `value` into a cell as a user would (totals follow).
pub fn type_in(report: &mut Report, path: &str, value: &str) {
    report.edit_cell(CellRef::parse(path).expect("a cell path"), value);
}

pub const TOTAL_ROW: usize = ROW_TOTAL;

/// A report with a distinct non-zero figure in every typed cell (totals computed), consistent
/// under R1, and last year's narrative replaced so it reads as this year's.
pub fn full_report() -> Report {
    let mut report = seed();
    for (index, cell) in CellRef::all().enumerate() {
        if !cell.is_total() {
            report.edit_cell(cell, &(101 + index).to_string());
        }
    }
    report.edit_cell(CellRef::parse("proactive.fees").unwrap(), "12.3456");
    report
}

/// The entries of a stored ZIP archive (what our DOCX writer produces), by name.
pub fn unzip(bytes: &[u8]) -> Vec<(String, Vec<u8>)> {
    let mut entries = Vec::new();
    let mut at = 0;
    let u16_at = |at: usize| u16::from_le_bytes([bytes[at], bytes[at + 1]]) as usize;
    let u32_at = |at: usize| {
        u32::from_le_bytes([bytes[at], bytes[at + 1], bytes[at + 2], bytes[at + 3]]) as usize
    };
    while u32_at(at) == 0x0403_4B50 {
        assert_eq!(u16_at(at + 8), 0, "stored entries only");
        let size = u32_at(at + 18);
        let name_length = u16_at(at + 26);
        let extra = u16_at(at + 28);
        let name = String::from_utf8(bytes[at + 30..at + 30 + name_length].to_vec()).unwrap();
        let start = at + 30 + name_length + extra;
        entries.push((name, bytes[start..start + size].to_vec()));
        at = start + size;
    }
    entries
}
