//! The arithmetic rules (R1, R2, R3, R5) as balances: a left side of cells whose sum must equal a
//! right side's, and the one cell whose needed value a message suggests.
//!
//! A balance speaks only once every cell it involves is filled, at every stage: a blank is not a
//! 0 the report printed, and no accusation may rest on it — R8 reports the blank instead, with
//! the value a balance needs there ([`needed_values`]). A placeholder or invalid text makes a
//! balance uncheckable, and R6/R8 report that cell instead.

use std::sync::OnceLock;

use super::id;
use super::{finding, Finding, Severity, Target};
use crate::cell::Cell;
use crate::format::{
    APPEAL_GROUPS, APPEAL_TOTAL_COL, REQUEST_COLUMNS, REQUEST_ROWS, REQUEST_TOTAL_COL,
    ROW_CARRIED_FORWARD, ROW_CARRIED_IN, ROW_FIRST_OUTCOME, ROW_RECEIVED, ROW_TOTAL,
};
use crate::report::{CellRef, Report};
use crate::rules::Context;

/// left = right, in one row or column.
struct Balance {
    rule: &'static str,
    /// Where the balance lives, for the message (`表三「自然人」列`).
    scope: String,
    left: Vec<CellRef>,
    right: Vec<CellRef>,
    /// The cell whose needed value the message suggests.
    solve_for: CellRef,
    /// How a term is named inside this scope.
    term: fn(CellRef) -> String,
    /// The relation as the format states it, quoted after the numbers.
    relation: &'static str,
    /// Which side of a failing balance an error marks: the total (a total disagreeing with its
    /// parts) or the typed cells (R1: a column's flows, where no cell is a sum of the others).
    marks_totals: bool,
}

fn request(row: usize, col: usize) -> CellRef {
    CellRef::Request { row, col }
}

fn row_term(cell: CellRef) -> String {
    match cell {
        CellRef::Request { row, .. } => REQUEST_ROWS[row].message_label(),
        _ => cell.message_label(),
    }
}

fn column_term(cell: CellRef) -> String {
    match cell {
        CellRef::Request { col, .. } => REQUEST_COLUMNS[col].label.to_owned(),
        CellRef::Appeal { col, .. } => crate::format::APPEAL_COLUMNS[col].1.to_owned(),
        _ => cell.message_label(),
    }
}

fn column_scope(col: usize) -> String {
    format!("表三「{}」列", REQUEST_COLUMNS[col].label)
}

/// Blank cells that a balance alone determines — every other cell of it holds a number — with
/// the value it needs there; a cell two balances would fill differently is left out.
pub(super) fn needed_values(report: &Report) -> Vec<(CellRef, u64)> {
    let value = |cell: &CellRef| match report.count(*cell) {
        Some(Cell::Value(value)) => Some(*value),
        _ => None,
    };
    let mut needed: Vec<(CellRef, Option<u64>)> = Vec::new();
    for balance in balances() {
        let cells = || balance.left.iter().chain(&balance.right);
        let mut blanks = cells().filter(|cell| report.cell_is_blank(**cell));
        let (Some(blank), None) = (blanks.next(), blanks.next()) else {
            continue;
        };
        let known = |side: &[CellRef]| -> Option<u64> {
            side.iter().filter(|cell| *cell != blank).map(value).sum()
        };
        let (Some(left), Some(right)) = (known(&balance.left), known(&balance.right)) else {
            continue;
        };
        let value = if balance.left.contains(blank) {
            right.checked_sub(left)
        } else {
            left.checked_sub(right)
        };
        match needed.iter_mut().find(|(cell, _)| cell == blank) {
            Some((_, known)) if *known != value => *known = None,
            Some(_) => {}
            None => needed.push((*blank, value)),
        }
    }
    needed
        .into_iter()
        .filter_map(|(cell, value)| Some((cell, value?)))
        .collect()
}

/// Every balance of the format, built once: they are data, not per-check work.
fn balances() -> &'static [Balance] {
    static BALANCES: OnceLock<Vec<Balance>> = OnceLock::new();
    BALANCES.get_or_init(|| {
        let mut all = Vec::new();
        for col in 0..REQUEST_COLUMNS.len() {
            all.push(Balance {
                rule: id::R1,
                scope: column_scope(col),
                left: vec![request(ROW_RECEIVED, col), request(ROW_CARRIED_IN, col)],
                right: vec![request(ROW_TOTAL, col), request(ROW_CARRIED_FORWARD, col)],
                solve_for: request(ROW_CARRIED_FORWARD, col),
                term: row_term,
                relation: crate::r1_relation!(),
                marks_totals: false,
            });
        }
        for (row, spec) in REQUEST_ROWS.iter().enumerate() {
            all.push(Balance {
                rule: id::R2,
                scope: format!("表三「{}」行", spec.message_label()),
                left: vec![request(row, REQUEST_TOTAL_COL)],
                right: (0..REQUEST_TOTAL_COL)
                    .map(|col| request(row, col))
                    .collect(),
                solve_for: request(row, REQUEST_TOTAL_COL),
                term: column_term,
                relation: crate::r2_relation!(),
                marks_totals: true,
            });
        }
        for col in 0..REQUEST_COLUMNS.len() {
            all.push(Balance {
                rule: id::R3,
                scope: column_scope(col),
                left: vec![request(ROW_TOTAL, col)],
                right: (ROW_FIRST_OUTCOME..ROW_TOTAL)
                    .map(|row| request(row, col))
                    .collect(),
                solve_for: request(ROW_TOTAL, col),
                term: row_term,
                relation: crate::r3_relation!(),
                marks_totals: true,
            });
        }
        for (group, spec) in APPEAL_GROUPS.iter().enumerate() {
            let cell = |col| CellRef::Appeal { group, col };
            all.push(Balance {
                rule: id::R5,
                scope: format!("表四「{}」", spec.label()),
                left: vec![cell(APPEAL_TOTAL_COL)],
                right: (0..APPEAL_TOTAL_COL).map(cell).collect(),
                solve_for: cell(APPEAL_TOTAL_COL),
                term: column_term,
                relation: crate::r5_relation!(),
                marks_totals: true,
            });
        }
        all
    })
}

/// Whether every balance that involves one of `cells` holds where all its cells hold numbers: the
/// importer's test of a way to split digits run together (R1–R3, R5 as the rules define them).
pub fn balances_hold(report: &Report, cells: &[CellRef]) -> bool {
    let value = |cell: &CellRef| match report.count(*cell) {
        Some(Cell::Value(value)) => Some(*value),
        _ => None,
    };
    balances()
        .iter()
        .filter(|balance| {
            balance
                .left
                .iter()
                .chain(&balance.right)
                .any(|cell| cells.contains(cell))
        })
        .all(|balance| {
            let left: Option<u64> = balance.left.iter().map(value).sum();
            let right: Option<u64> = balance.right.iter().map(value).sum();
            match (left, right) {
                (Some(left), Some(right)) => left == right,
                _ => true,
            }
        })
}

/// Whether every cell a balance involves holds something — typed or imported; a total counts
/// once every cell it sums does too. While filling, a balance waits until then: a column being
/// typed top to bottom, or carried over from last year with the rest still to come, is not wrong
/// yet; in a finished report a blank is R8's to report, not a 0 to accuse.
fn complete(report: &Report, balance: &Balance) -> bool {
    let filled = |cell: &CellRef| !report.cell_is_blank(*cell);
    balance
        .left
        .iter()
        .chain(&balance.right)
        .all(|cell| match crate::report::total_leaves(*cell) {
            Some(mut leaves) => filled(cell) && leaves.all(|leaf| filled(&leaf)),
            None => filled(cell),
        })
}

fn check_rule(rule: &str, report: &Report, findings: &mut Vec<Finding>) {
    let before = findings.len();
    for balance in balances().iter().filter(|balance| balance.rule == rule) {
        // The 总计 column sums the others: when one of them is off, it is off by the same
        // mistake, which is told once, in the column where it was made.
        let total_column =
            matches!(balance.solve_for, CellRef::Request { col, .. } if col == REQUEST_TOTAL_COL);
        if rule == id::R1 && total_column && findings.len() > before {
            continue;
        }
        if complete(report, balance) {
            check(report, findings, balance);
        }
    }
}

pub(super) fn r1(report: &Report, _context: &Context, findings: &mut Vec<Finding>) {
    check_rule(id::R1, report, findings);
}

pub(super) fn r2(report: &Report, _context: &Context, findings: &mut Vec<Finding>) {
    check_rule(id::R2, report, findings);
}

pub(super) fn r3(report: &Report, _context: &Context, findings: &mut Vec<Finding>) {
    check_rule(id::R3, report, findings);
}

pub(super) fn r5(report: &Report, _context: &Context, findings: &mut Vec<Finding>) {
    check_rule(id::R5, report, findings);
}

/// A side written out for a message: every term when short, the non-zero ones when long.
fn describe_side(cells: &[CellRef], values: &[u64], term: fn(CellRef) -> String) -> String {
    const SHORT: usize = 6;
    let terms: Vec<String> = cells
        .iter()
        .zip(values)
        .filter(|(_, value)| cells.len() <= SHORT || **value != 0)
        .map(|(cell, value)| format!("{}（{value}）", term(*cell)))
        .collect();
    let sum: u64 = values.iter().sum();
    match terms.len() {
        0 => "各项均为 0，合计 0".to_owned(),
        1 if cells.len() == 1 => terms[0].clone(),
        _ if cells.len() > SHORT => format!("{}，其余为 0，合计 {sum}", terms.join(" + ")),
        _ => format!("{} = {sum}", terms.join(" + ")),
    }
}

fn check(report: &Report, findings: &mut Vec<Finding>, balance: &Balance) {
    let value = |cell: CellRef| match report.count(cell) {
        Some(Cell::Value(value)) => Some(*value),
        _ => None,
    };
    let sum = |cells: &[CellRef]| cells.iter().map(|cell| value(*cell)).sum::<Option<u64>>();
    let (Some(left_sum), Some(right_sum)) = (sum(&balance.left), sum(&balance.right)) else {
        return;
    };
    if left_sum == right_sum {
        return;
    }
    let values = |cells: &[CellRef]| {
        cells
            .iter()
            .map(|cell| value(*cell).unwrap_or(0))
            .collect::<Vec<u64>>()
    };
    let (left, right) = (values(&balance.left), values(&balance.right));
    let difference = left_sum.abs_diff(right_sum);
    let solve_value = value(balance.solve_for).unwrap_or(0);
    let (own_side, other_side) = if balance.left.contains(&balance.solve_for) {
        (left_sum, right_sum)
    } else {
        (right_sum, left_sum)
    };
    // Unsigned on purpose: signed 128-bit formatting would add a kilobyte to the page.
    let rest = own_side.saturating_sub(solve_value);
    let solve_label = (balance.term)(balance.solve_for);
    let fix = match other_side.checked_sub(rest) {
        Some(needed) => format!("若其他数字无误，{solve_label}应为 {needed}。"),
        None => format!(
            "仅修改{solve_label}无法平衡（需为 -{}），请核对其他数字。",
            rest - other_side
        ),
    };
    let message = format!(
        "{}：{}，而 {}，相差 {difference}。{}。{fix}",
        balance.scope,
        describe_side(&balance.left, &left, balance.term),
        describe_side(&balance.right, &right, balance.term),
        balance.relation,
    );
    // Cells a user can type in come first: the page jumps to the first one.
    let (mut involved, totals): (Vec<CellRef>, Vec<CellRef>) = balance
        .left
        .iter()
        .chain(&balance.right)
        .partition(|cell| !cell.is_total());
    involved.extend(totals);
    let targets = involved
        .into_iter()
        .map(|cell| Target::Cell {
            cell,
            marked: cell.is_total() == balance.marks_totals,
        })
        .collect();
    findings.push(finding(balance.rule, Severity::Error, targets, message));
}
