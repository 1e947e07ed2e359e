//! 汇总: a superior office's sum of its units' reports for one year. Every table cell is summed
//! (the fee exactly), totals are recomputed, the narrative is left empty. A cell that is not a
//! number in some unit's report is left out of the sum and named, never guessed.

use crate::cell::{Amount, Cell};
use crate::report::{CellRef, Report};
use crate::rules::{check, tally, Context};

/// One unit's line in the 汇总 table.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UnitLine {
    pub body: String,
    pub errors: usize,
    pub warnings: usize,
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

pub fn unit_line(report: &Report) -> UnitLine {
    let (errors, warnings) = tally(&check(report, &Context::default()));
    let figures = KEY_FIGURES
        .iter()
        .map(|(label, path)| {
            (
                *label,
                CellRef::parse(path)
                    .map(|cell| report.cell_text(cell))
                    .unwrap_or_default(),
            )
        })
        .collect();
    UnitLine {
        body: report.meta.body.clone(),
        errors,
        warnings,
        figures,
    }
}

/// The summed report, and (unit, cell path) for values left out because they are not numbers.
pub fn sum_reports(reports: &[Report], body: &str) -> (Report, Vec<(String, String)>) {
    let mut total = Report::new_draft();
    total.meta.body = body.to_owned();
    total.meta.year = reports.first().and_then(|report| report.meta.year);
    for part in crate::report::Narrative::ALL {
        total.set_sections(part, Vec::new());
    }
    let mut left_out = Vec::new();
    for cell in CellRef::all().filter(|cell| !cell.is_total()) {
        if cell.is_amount() {
            let mut sum = Amount::zero();
            for report in reports {
                match report.fees() {
                    Cell::Value(amount) => sum = sum.checked_add(*amount).unwrap_or(sum),
                    Cell::Blank => {}
                    _ => left_out.push((report.meta.body.clone(), cell.path())),
                }
            }
            total.set_fees(Cell::Value(sum));
            continue;
        }
        let mut sum = 0u64;
        for report in reports {
            match report.count(cell) {
                Some(Cell::Value(value)) => sum = sum.saturating_add(*value),
                Some(Cell::Blank) | None => {}
                Some(_) => left_out.push((report.meta.body.clone(), cell.path())),
            }
        }
        total.set_count(cell, Cell::Value(sum));
    }
    (total.with_computed_totals(), left_out)
}
