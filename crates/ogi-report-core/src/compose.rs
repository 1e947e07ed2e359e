//! Sentences composed from the tables for the narrative: the 依申请公开 paragraph of 一、总体情况
//! states what table 三 and table 四 hold, in words R11 reads back. The user inserts it with one
//! click and edits it like any other text.

use std::ops::Range;

use crate::format::{
    APPEAL_TOTAL_COL, REQUEST_ROWS, REQUEST_TOTAL_COL, ROW_CARRIED_FORWARD, ROW_CARRIED_IN,
    ROW_FIRST_OUTCOME, ROW_RECEIVED, ROW_TOTAL,
};
use crate::report::{CellRef, Narrative, Report};

/// Where a number is not in the table yet; the user sees it and fills the table first.
pub const NOT_FILLED: &str = "〔表中未填〕";

fn requests_total(report: &Report, rows: Range<usize>) -> Option<u64> {
    report.count_sum(rows.map(|row| CellRef::Request {
        row,
        col: REQUEST_TOTAL_COL,
    }))
}

fn appeals_total(report: &Report, groups: Range<usize>) -> Option<u64> {
    report.count_sum(groups.map(|group| CellRef::Appeal {
        group,
        col: APPEAL_TOTAL_COL,
    }))
}

fn shown(value: Option<u64>) -> String {
    value.map_or_else(|| NOT_FILLED.to_owned(), |value| value.to_string())
}

/// The outcome groups of table 三 as prose names (`予以公开`, `部分公开`, `不予公开` …) with the
/// rows each covers: the printed second-level labels without their numbering and notes.
fn outcome_groups() -> Vec<(&'static str, Range<usize>)> {
    let mut groups: Vec<(&'static str, Range<usize>)> = Vec::new();
    for (row, spec) in REQUEST_ROWS
        .iter()
        .enumerate()
        .take(ROW_TOTAL)
        .skip(ROW_FIRST_OUTCOME)
    {
        let label = spec.level2.unwrap_or(spec.level1);
        let name = label.split_once('）').map_or(label, |(_, rest)| rest);
        let name = name.split('（').next().unwrap_or(name);
        match groups.last_mut() {
            Some((last, rows)) if *last == name => rows.end = row + 1,
            _ => groups.push((name, row..row + 1)),
        }
    }
    groups
}

/// The 依申请公开 data paragraph, e.g. `本年度共收到政府信息公开申请12件，上年结转1件。…`.
pub fn requests_sentence(report: &Report) -> String {
    let row = |row: usize| requests_total(report, row..row + 1);
    let outcomes: Vec<String> = outcome_groups()
        .into_iter()
        .map(|(name, rows)| format!("{name}{}件", shown(requests_total(report, rows))))
        .collect();
    format!(
        "本年度共收到政府信息公开申请{}件，上年结转{}件。办理结果：{}，共计{}件；结转下年度继续办理{}件。因政府信息公开工作被申请行政复议{}件，被提起行政诉讼{}件。",
        shown(row(ROW_RECEIVED)),
        shown(row(ROW_CARRIED_IN)),
        outcomes.join("，"),
        shown(row(ROW_TOTAL)),
        shown(row(ROW_CARRIED_FORWARD)),
        shown(appeals_total(report, 0..1)),
        shown(appeals_total(report, 1..3)),
    )
}

/// The sub-section of 一、总体情况 the data paragraph is offered under: the one headed 依申请公开
/// (any heading containing 依申请), or else the first, where a report's general overview stands.
pub fn requests_sentence_section(report: &Report) -> Option<usize> {
    let sections = report.sections(Narrative::Overview);
    sections
        .iter()
        .position(|section| section.heading.contains("依申请"))
        .or_else(|| (!sections.is_empty()).then_some(0))
}
