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
