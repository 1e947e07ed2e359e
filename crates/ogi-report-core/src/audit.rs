//! 审阅's terms, shared by the importer's `audit` (crates/ogi-report-import), 汇总, the package
//! and the pages: how a table cell's value came to be known, and setting aside the findings that
//! rest on a cell the importer could not read (not the report's fault).

use serde::Serialize;

use crate::rules::Finding;

/// How one table cell's value came to be known.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "source", rename_all = "camelCase")]
pub enum CellSource {
    /// As printed (or as the report file has it).
    Read,
    /// Not printed as such, e.g. split from digits run together: how.
    Inferred { why: String },
    /// Not read: the cell is blank here, whatever the report printed.
    Unread,
}

impl CellSource {
    /// The name the package and `audit --json` give it (`source`), and the page's hooks use.
    pub fn key(&self) -> &'static str {
        match self {
            CellSource::Read => "read",
            CellSource::Inferred { .. } => "inferred",
            CellSource::Unread => "unread",
        }
    }

    /// What a reader is told.
    pub fn label(&self) -> &'static str {
        match self {
            CellSource::Read => "原样读出",
            CellSource::Inferred { .. } => "推断得出",
            CellSource::Unread => "未能读出",
        }
    }

    /// From its [`key`](CellSource::key) and, when inferred, how.
    pub fn parse(key: &str, why: &str) -> Option<CellSource> {
        match key {
            "read" => Some(CellSource::Read),
            "inferred" => Some(CellSource::Inferred {
                why: why.to_owned(),
            }),
            "unread" => Some(CellSource::Unread),
            _ => None,
        }
    }
}

/// The findings that rest only on cells that were read, and how many were set aside because a
/// cell they rest on was not (the importer's doing, not the report's). 审阅 and 汇总 both use it.
pub fn set_aside_unread(findings: Vec<Finding>, unread: &[String]) -> (Vec<Finding>, usize) {
    let total = findings.len();
    let kept: Vec<Finding> = findings
        .into_iter()
        .filter(|finding| !finding.paths().iter().any(|path| unread.contains(path)))
        .collect();
    let set_aside = total - kept.len();
    (kept, set_aside)
}
