//! What an import gives beside the report: the types the importer (crates/ogi-report-import), the
//! package, the page and 汇总 share, so that a summary crosses between them in one shape.

use serde::{Deserialize, Serialize};
use serde_json::value::RawValue;

use crate::file::{read_report_raw, ReportFile};
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

impl Summary {
    /// How many cells were inferred: a cell may be listed with two ways at once (the 2019
    /// format's single （六） row, turned from a column), and counts once.
    pub fn inferred_cells(&self) -> usize {
        let mut paths: Vec<&str> = self
            .inferred
            .iter()
            .map(|(path, _)| path.as_str())
            .collect();
        paths.sort_unstable();
        paths.dedup();
        paths.len()
    }

    /// The inferred cells counted by how they were inferred, in the order first met: a few lines
    /// (digits split, rows turned, a group the narrative names), not one a cell.
    pub fn inferred_by_reason(&self) -> Vec<(&str, usize)> {
        let mut reasons: Vec<(&str, usize)> = Vec::new();
        for (_, why) in &self.inferred {
            match reasons.iter_mut().find(|(known, _)| known == why) {
                Some((_, count)) => *count += 1,
                None => reasons.push((why.as_str(), 1)),
            }
        }
        reasons
    }
}

/// What an import read, beside the report: [`Summary`], or nothing to confirm for a report file
/// of our own (every cell is as the file has it).
pub type Imported = (Report, Option<Summary>);

/// What an import gives, as the file-work package hands it to the page (and portals): one object,
/// `{"report": <the report file>, "summary": {filled, inferred: [{cell, why}], blank,
/// notUnderstood: [{line, text, why}], missing} | null}` — `null` for a report file of our own.
#[derive(Serialize, Deserialize)]
struct ImportedDoc<R, S> {
    report: R,
    summary: Option<S>,
}

#[derive(Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
struct SummaryDoc {
    filled: Vec<String>,
    inferred: Vec<InferredDoc>,
    blank: Vec<String>,
    not_understood: Vec<LineDoc>,
    /// The report's parts and rows the source did not have (R13), which the report file does
    /// not carry.
    missing: Vec<String>,
}

#[derive(Serialize, Deserialize)]
struct InferredDoc {
    cell: String,
    why: String,
}

#[derive(Serialize, Deserialize)]
struct LineDoc {
    line: usize,
    text: String,
    why: String,
}

/// Written here and read back by [`read_imported`], so the package and the page agree.
pub fn write_imported(report: &Report, summary: Option<&Summary>) -> String {
    let summary = summary.map(|summary| SummaryDoc {
        filled: summary.filled.clone(),
        inferred: summary
            .inferred
            .iter()
            .map(|(cell, why)| InferredDoc {
                cell: cell.clone(),
                why: why.clone(),
            })
            .collect(),
        blank: summary.blank.clone(),
        not_understood: summary
            .not_understood
            .iter()
            .map(|(line, text, why)| LineDoc {
                line: *line,
                text: text.clone(),
                why: why.clone(),
            })
            .collect(),
        missing: report.missing.clone(),
    });
    // Strings and integers only: serialising cannot fail.
    let report = ReportFile(report);
    serde_json::to_string(&ImportedDoc { report, summary }).unwrap_or_default()
}

/// Reads what [`write_imported`] wrote: the report (its `missing` parts from the summary) and the
/// summary, or why not.
pub fn read_imported(text: &str) -> Result<Imported, String> {
    let document: ImportedDoc<&RawValue, SummaryDoc> =
        serde_json::from_str(text).map_err(|error| {
            format!(
                "导入结果无法读取（第 {} 行第 {} 列）",
                error.line(),
                error.column()
            )
        })?;
    let mut report = read_report_raw(document.report).map_err(|error| error.to_string())?;
    let Some(summary) = document.summary else {
        return Ok((report, None));
    };
    report.missing = summary.missing;
    let summary = Summary {
        filled: summary.filled,
        inferred: summary
            .inferred
            .into_iter()
            .map(|item| (item.cell, item.why))
            .collect(),
        blank: summary.blank,
        not_understood: summary
            .not_understood
            .into_iter()
            .map(|item| (item.line, item.text, item.why))
            .collect(),
    };
    Ok((report, Some(summary)))
}

#[cfg(test)]
mod tests {
    use super::Summary;

    #[test]
    fn inferred_cells_count_once_and_group_by_reason() {
        let entry = |path: &str, why: &str| (path.to_owned(), why.to_owned());
        let summary = Summary {
            inferred: vec![
                entry("requests.other_other.total", "按列排出"),
                entry("requests.other_other.total", "2019 年格式"),
                entry("requests.total.total", "按列排出"),
            ],
            ..Summary::default()
        };
        assert_eq!(summary.inferred_cells(), 2);
        assert_eq!(
            summary.inferred_by_reason(),
            [("按列排出", 2), ("2019 年格式", 1)]
        );
    }
}
