//! Which findings the page shows now, and the error message each cell or field carries.
//!
//! While filling, a blank is not an error and the whole-report rules (R14–R16) wait for "检查";
//! an arithmetic rule shows once one of its cells holds something, i.e. the user has been there.

use std::collections::HashMap;

use ogi_report_core::rules::{Finding, Severity, Stage};
use ogi_report_core::{CellRef, Report};
use yew::AttrValue;

const CROSS_CELL: [&str; 4] = ["R1", "R2", "R3", "R5"];
const AFTER_CHECK: [&str; 3] = ["R14", "R15", "R16"];

pub fn is_visible(finding: &Finding, stage: Stage, report: &Report) -> bool {
    if stage == Stage::Final {
        return true;
    }
    if AFTER_CHECK.contains(&finding.rule) {
        return false;
    }
    if CROSS_CELL.contains(&finding.rule) {
        return finding
            .cells
            .iter()
            .filter_map(|path| CellRef::parse(path))
            .any(|cell| {
                !cell.is_total() && report.count(cell).is_some_and(|value| !value.is_blank())
            });
    }
    true
}

/// Findings in the order the panel lists them: errors, then warnings, then the rest.
pub fn visible(findings: &[Finding], stage: Stage, report: &Report) -> Vec<Finding> {
    // Most severe first, rule order kept within a severity (a filter per severity: a stable
    // sort here would carry its own code into the page).
    [
        Severity::Error,
        Severity::Warning,
        Severity::Info,
        Severity::Help,
    ]
    .into_iter()
    .flat_map(|severity| {
        findings
            .iter()
            .filter(move |f| f.severity == severity && is_visible(f, stage, report))
    })
    .cloned()
    .collect()
}

/// Whether a finding marks this cell: the cells a user would change to make the rule hold. R1
/// is fixed in the typed rows; R2, R3 and R5 only fail when a total disagrees with its parts.
fn marks_cell(rule: &str, cell: CellRef) -> bool {
    match rule {
        "R1" => !cell.is_total(),
        "R2" | "R3" | "R5" => cell.is_total(),
        _ => true,
    }
}

/// The first error message on each cell and field.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Marks {
    cells: HashMap<CellRef, AttrValue>,
    fields: HashMap<String, AttrValue>,
}

impl Marks {
    pub fn new(shown: &[Finding]) -> Marks {
        let mut marks = Marks::default();
        for finding in shown.iter().filter(|f| f.severity == Severity::Error) {
            let message = AttrValue::from(format!("{}：{}", finding.rule, finding.message));
            for path in &finding.cells {
                match CellRef::parse(path) {
                    Some(cell) if !marks_cell(finding.rule, cell) => {}
                    Some(cell) => {
                        marks.cells.entry(cell).or_insert_with(|| message.clone());
                    }
                    None => {
                        marks
                            .fields
                            .entry(path.clone())
                            .or_insert_with(|| message.clone());
                    }
                }
            }
        }
        marks
    }

    pub fn cell(&self, cell: CellRef) -> Option<AttrValue> {
        self.cells.get(&cell).cloned()
    }

    pub fn field(&self, path: &str) -> Option<AttrValue> {
        self.fields.get(path).cloned()
    }

    pub fn has_any(
        &self,
        mut in_part: impl FnMut(&str) -> bool,
        mut cell_in_part: impl FnMut(CellRef) -> bool,
    ) -> bool {
        self.fields.keys().any(|path| in_part(path))
            || self.cells.keys().any(|cell| cell_in_part(*cell))
    }
}
