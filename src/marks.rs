//! The order the page lists findings in, and the error message each cell or field carries.

use std::collections::HashMap;

use ogi_report_core::rules::{Finding, Severity};
use ogi_report_core::CellRef;
use yew::AttrValue;

/// Findings in the order the panel lists them: errors, then warnings, then the rest. What shows
/// while filling is the core's decision (`Stage`); this only orders.
pub fn ordered(findings: &[Finding]) -> Vec<Finding> {
    // Rule order kept within a severity (a filter per severity: a stable sort here would carry
    // its own code into the page).
    [
        Severity::Error,
        Severity::Warning,
        Severity::Info,
        Severity::Help,
    ]
    .into_iter()
    .flat_map(|severity| findings.iter().filter(move |f| f.severity == severity))
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
