//! Shared helpers for the core's integration tests.
#![allow(dead_code)]

pub mod layouts;

use ogi_report_core::format::{
    APPEAL_GROUPS, APPEAL_TOTAL_COL, REQUEST_TOTAL_COL, ROW_CARRIED_FORWARD, ROW_CARRIED_IN,
    ROW_RECEIVED, ROW_TOTAL,
};
use ogi_report_core::rules::{check, Context, Finding, Stage};
use ogi_report_core::{read_report, Cell, CellRef, Report};
use proptest::prelude::*;

pub const SEED: &str = include_str!("../../../../tests/fixtures/seed-2021.json");

pub fn seed() -> Report {
    read_report(SEED).expect("the seed fixture reads")
}

pub fn filling() -> Context<'static> {
    Context {
        stage: Stage::Filling,
        ..Context::default()
    }
}

pub fn final_check() -> Context<'static> {
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

/// Values for the cells a user types in tables 三 and 四 (totals excluded).
pub fn typed_values() -> impl Strategy<Value = (Vec<u64>, Vec<u64>)> {
    (
        prop::collection::vec(0u64..500, 25 * 6),
        prop::collection::vec(0u64..50, 3 * 4),
    )
}

/// A report built by typing every non-total cell, so the core computes every total.
pub fn typed_report(requests: &[u64], appeals: &[u64]) -> Report {
    let mut report = seed();
    let mut values = requests.iter();
    for row in 0..25 {
        if row == ROW_TOTAL {
            continue;
        }
        for col in 0..REQUEST_TOTAL_COL {
            report.edit_cell(
                CellRef::Request { row, col },
                &values.next().unwrap().to_string(),
            );
        }
    }
    let mut values = appeals.iter();
    for group in 0..APPEAL_GROUPS.len() {
        for col in 0..APPEAL_TOTAL_COL {
            report.edit_cell(
                CellRef::Appeal { group, col },
                &values.next().unwrap().to_string(),
            );
        }
    }
    report
}

pub fn value(report: &Report, row: usize, col: usize) -> u64 {
    report
        .count(CellRef::Request { row, col })
        .and_then(Cell::value)
        .unwrap()
}

/// A report where R1 holds too: row 四 set to 一 + 二 − （七）, row 一 raised where needed.
pub fn consistent_report(requests: &[u64], appeals: &[u64]) -> Report {
    let mut report = typed_report(requests, appeals);
    for col in 0..REQUEST_TOTAL_COL {
        let handled = value(&report, ROW_TOTAL, col);
        let arrived = value(&report, ROW_RECEIVED, col) + value(&report, ROW_CARRIED_IN, col);
        if arrived < handled {
            let received = value(&report, ROW_RECEIVED, col) + handled - arrived;
            report.edit_cell(
                CellRef::Request {
                    row: ROW_RECEIVED,
                    col,
                },
                &received.to_string(),
            );
        }
        let arrived = value(&report, ROW_RECEIVED, col) + value(&report, ROW_CARRIED_IN, col);
        report.edit_cell(
            CellRef::Request {
                row: ROW_CARRIED_FORWARD,
                col,
            },
            &(arrived - handled).to_string(),
        );
    }
    report
}
