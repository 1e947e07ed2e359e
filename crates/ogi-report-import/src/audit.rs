//! 审阅: a published report checked as it stands, for reviewers, 第三方评估 and journalists. Any
//! file the importer reads (Word, PDF, web page, text, our report file) is read and run through
//! the same final check a filler gets; every table cell is marked as read as printed, inferred
//! (and how), or not read. A cell the importer could not read is not the report's fault: the
//! findings that rest on such cells are set aside and counted, never reported against the report.
//! A published report is past its deadline by nature: no reminder of it is given.

use ogi_report_core::audit::{set_aside_unread, CellSource};
use ogi_report_core::rules::{check, Checked, Context, Severity};
use ogi_report_core::{CellRef, Report};
use serde::Serialize;

use crate::{import_file, ImportError};

/// What 审阅 found.
#[derive(Clone, Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Audit {
    #[serde(skip)]
    pub report: Report,
    /// The final check's findings, less those resting on unread cells.
    #[serde(flatten)]
    pub checked: Checked,
    /// Findings set aside because a cell they rest on was not read.
    pub set_aside: usize,
    /// Every table cell, in reading order: (path, source).
    pub cells: Vec<(String, CellSource)>,
    /// (line, text, why) of what the importer could not place.
    pub not_placed: Vec<(usize, String, String)>,
    /// The cells the findings mark (where the report is wrong), each once, in reading order.
    pub marked: Vec<String>,
}

impl Audit {
    /// The paths of the cells whose source is of `wanted`'s kind (an inference's how aside).
    pub fn cells_from(&self, wanted: &CellSource) -> Vec<&str> {
        self.cells
            .iter()
            .filter(|(_, source)| source.key() == wanted.key())
            .map(|(path, _)| path.as_str())
            .collect()
    }
}

/// Reads `bytes` (named `file_name`) and checks the report as published.
pub fn audit(bytes: &[u8], file_name: &str, context: &Context) -> Result<Audit, ImportError> {
    let (report, summary) = import_file(bytes, file_name)?;
    let summary = summary.unwrap_or_default();
    let cells: Vec<(String, CellSource)> = CellRef::all()
        .map(|cell| {
            let path = cell.path();
            let source = if let Some((_, why)) = summary.inferred.iter().find(|(at, _)| *at == path)
            {
                CellSource::Inferred { why: why.clone() }
            } else if report.cell_is_blank(cell) && summary.blank.contains(&path) {
                CellSource::Unread
            } else {
                CellSource::Read
            };
            (path, source)
        })
        .collect();
    let unread: Vec<String> = cells
        .iter()
        .filter(|(_, source)| *source == CellSource::Unread)
        .map(|(path, _)| path.clone())
        .collect();
    // A published report is judged as it stands: no reminder of its deadline (it is out).
    let context = Context {
        today: None,
        deadline: None,
        ..*context
    };
    let (kept, set_aside) = set_aside_unread(check(&report, &context), &unread);
    let marked_by_kept: Vec<String> = kept
        .iter()
        .filter(|finding| matches!(finding.severity, Severity::Error | Severity::Warning))
        .flat_map(|finding| {
            finding
                .marked_cells()
                .map(CellRef::path)
                .collect::<Vec<_>>()
        })
        .collect();
    let marked = CellRef::all()
        .map(CellRef::path)
        .filter(|path| marked_by_kept.contains(path))
        .collect();
    Ok(Audit {
        marked,
        set_aside,
        checked: Checked::new(kept),
        cells,
        not_placed: summary.not_understood,
        report,
    })
}
