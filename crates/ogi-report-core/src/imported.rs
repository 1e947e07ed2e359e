//! What an import gives beside the report: the types the importer (crates/ogi-report-import), the
//! package, the page and 汇总 share, so that a summary crosses between them in one shape.

use crate::report::Report;

/// What an import did, for the user to confirm before it becomes a draft.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Summary {
    /// Cells given a value (read as printed, or inferred).
    pub filled: Vec<String>,
    /// Cells whose value was not printed as such: (cell path, how it was inferred).
    pub inferred: Vec<(String, String)>,
    pub blank: Vec<String>,
    /// (line number from 1, the line or row, why) for what was not placed.
    pub not_understood: Vec<(usize, String, String)>,
}

/// What an import read, beside the report: [`Summary`], or nothing to confirm for a report file
/// of our own (every cell is as the file has it).
pub type Imported = (Report, Option<Summary>);
