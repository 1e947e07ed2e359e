//! Rules on single cells: counts are whole numbers (R6), the fee is a valid amount in 万元 (R7),
//! and a finished report has no blank or placeholder cell (R8).

use super::id;
use super::{excerpt, finding, Context, Finding, Severity, Stage, Target};
use crate::cell::{Amount, Cell};
use crate::format::{FEE_SUSPICIOUS_WAN, PART_PROACTIVE};
use crate::report::{CellRef, Report};

pub(super) fn r6(report: &Report, _: &Context, findings: &mut Vec<Finding>) {
    for cell in CellRef::all() {
        if let Some(Cell::Invalid { raw, problem }) = report.count(cell) {
            let message = format!(
                "{}填写的「{}」不是有效件数：{}。",
                cell.message_label(),
                excerpt(raw),
                problem.message(false)
            );
            findings.push(finding(
                id::R6,
                Severity::Error,
                vec![Target::cell(cell)],
                message,
            ));
        }
    }
}

pub(super) fn r7(report: &Report, _: &Context, findings: &mut Vec<Finding>) {
    let cell = CellRef::Proactive(crate::format::ProactiveCellRef::Fees);
    let label = cell.message_label();
    match report.fees() {
        Cell::Invalid { raw, problem } => {
            let message = format!(
                "{label}填写的「{}」不是有效金额：{}。",
                excerpt(raw),
                problem.message(true)
            );
            findings.push(finding(
                id::R7,
                Severity::Error,
                vec![Target::cell(cell)],
                message,
            ));
        }
        Cell::Value(amount) if amount.whole_wan() >= FEE_SUSPICIOUS_WAN => {
            let as_if_yuan = Amount::from_yuan(amount.whole_wan());
            let message = format!(
                "{label}为 {amount} 万元（即 {} 元），金额很大。请确认单位是万元：若原本按元填写，应改为 {as_if_yuan} 万元。",
                amount.yuan()
            );
            findings.push(finding(
                id::R7,
                Severity::Warning,
                vec![Target::cell(cell)],
                message,
            ));
        }
        _ => {}
    }
}

pub(super) fn r8(report: &Report, context: &Context, findings: &mut Vec<Finding>) {
    let mut blanks: [Vec<Target>; 3] = Default::default();
    for cell in CellRef::all() {
        let text = match cell {
            CellRef::Proactive(crate::format::ProactiveCellRef::Fees) => match report.fees() {
                Cell::Blank => None,
                Cell::Placeholder(raw) => Some(raw),
                _ => continue,
            },
            // A blank total whose parts cannot be summed is reported through those parts.
            _ if cell.is_total() && report.computed_total(cell) == Some(Cell::Blank) => continue,
            _ => match report.count(cell) {
                Some(Cell::Blank) => None,
                Some(Cell::Placeholder(raw)) => Some(raw),
                _ => continue,
            },
        };
        match text {
            Some(raw) => {
                let message = format!(
                    "{}填写了「{}」。表格中不能用占位符，没有发生的请填 0。",
                    cell.message_label(),
                    excerpt(raw)
                );
                findings.push(finding(
                    id::R8,
                    Severity::Error,
                    vec![Target::cell(cell)],
                    message,
                ));
            }
            None => blanks[cell.part_index() - PART_PROACTIVE].push(Target::cell(cell)),
        }
    }
    if context.stage != Stage::Final {
        return;
    }
    let needed = super::balance::needed_values(report);
    for (table, cells) in crate::format::TABLE_NAMES.iter().zip(blanks) {
        if cells.is_empty() {
            continue;
        }
        let message = format!(
            "{table}还有 {} 个空白格。定稿前请逐格填写，没有发生的填 0。{}",
            cells.len(),
            needed_in_words(&cells, &needed)
        );
        findings.push(finding(id::R8, Severity::Error, cells, message));
    }
}

/// The most blank cells whose needed value one R8 message names.
const MAX_NEEDED_NAMED: usize = 3;

/// What the table's own arithmetic says some of `blanks` must hold (`按表中其他数字，…应为 1。`).
fn needed_in_words(blanks: &[Target], needed: &[(CellRef, u64)]) -> String {
    let named: Vec<String> = blanks
        .iter()
        .filter_map(|target| match target {
            Target::Cell { cell, .. } => needed.iter().find(|(known, _)| known == cell),
            _ => None,
        })
        .take(MAX_NEEDED_NAMED)
        .map(|(cell, value)| format!("{}应为 {value}", cell.message_label()))
        .collect();
    if named.is_empty() {
        String::new()
    } else {
        format!("按表中其他数字，{}。", named.join("，"))
    }
}
