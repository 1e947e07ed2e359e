//! The order the page lists findings in, and the error message each cell or field carries.

use std::collections::HashMap;

use ogi_report_core::rules::{Finding, Severity};
use ogi_report_core::{CellRef, FieldRef};
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

/// The first error message on each cell and field. What an error marks is the core's decision
/// (`Finding::marked_cells`, `marked_fields`); this only gathers it.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Marks {
    cells: HashMap<CellRef, AttrValue>,
    fields: HashMap<FieldRef, AttrValue>,
}

impl Marks {
    pub fn new(shown: &[Finding]) -> Marks {
        let mut marks = Marks::default();
        for finding in shown.iter().filter(|f| f.severity == Severity::Error) {
            let name = ogi_report_core::rules::name(finding.rule);
            let message = AttrValue::from(format!("{name}：{}", finding.message));
            for cell in finding.marked_cells() {
                marks.cells.entry(cell).or_insert_with(|| message.clone());
            }
            for field in finding.marked_fields() {
                marks.fields.entry(field).or_insert_with(|| message.clone());
            }
        }
        marks
    }

    pub fn cell(&self, cell: CellRef) -> Option<AttrValue> {
        self.cells.get(&cell).cloned()
    }

    pub fn field(&self, field: FieldRef) -> Option<AttrValue> {
        self.fields.get(&field).cloned()
    }

    /// Only the marks in part `index` (0–5) of the format, or with `None` those outside the six
    /// parts (the header's and the 落款's fields). A component given the marks of its own part
    /// compares them by value, so a keystroke whose messages change elsewhere (a column's total
    /// named in a table 三 message) does not draw it again.
    pub fn of_part(&self, index: Option<usize>) -> Marks {
        Marks {
            cells: self
                .cells
                .iter()
                .filter(|(cell, _)| Some(cell.part_index()) == index)
                .map(|(cell, message)| (*cell, message.clone()))
                .collect(),
            fields: self
                .fields
                .iter()
                .filter(|(field, _)| field.part_index() == index)
                .map(|(field, message)| (*field, message.clone()))
                .collect(),
        }
    }

    /// Whether an error marks something in part `index` (0–5) of the format.
    pub fn has_any_in_part(&self, index: usize) -> bool {
        self.fields
            .keys()
            .any(|field| field.part_index() == Some(index))
            || self.cells.keys().any(|cell| cell.part_index() == index)
    }
}
