//! What an import gives beside the report: the types the importer (crates/ogi-report-import), the
//! package, the page and 汇总 share, so that a summary crosses between them in one shape.

use crate::file::{read_report_value, write_report};
use crate::json::{self, Value};
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

/// What an import gives, as the file-work package hands it to the page (and portals): one object,
/// `{"report": <the report file>, "summary": {filled, inferred: [{cell, why}], blank,
/// notUnderstood: [{line, text, why}], missing} | null}` — `null` for a report file of our own.
/// Written here and read back by [`read_imported`], so the package and the page agree.
pub fn write_imported(report: &Report, summary: Option<&Summary>) -> String {
    let strings = |items: &[String]| {
        Value::Array(
            items
                .iter()
                .map(|item| Value::String(item.clone()))
                .collect(),
        )
    };
    let text = |value: &str| Value::String(value.to_owned());
    let summary = summary.map_or(Value::Null, |summary| {
        let inferred = summary
            .inferred
            .iter()
            .map(|(cell, why)| object(vec![("cell", text(cell)), ("why", text(why))]))
            .collect();
        let not_understood = summary
            .not_understood
            .iter()
            .map(|(line, line_text, why)| {
                object(vec![
                    ("line", Value::Number(line.to_string())),
                    ("text", text(line_text)),
                    ("why", text(why)),
                ])
            })
            .collect();
        object(vec![
            ("filled", strings(&summary.filled)),
            ("inferred", Value::Array(inferred)),
            ("blank", strings(&summary.blank)),
            ("notUnderstood", Value::Array(not_understood)),
            ("missing", strings(&report.missing)),
        ])
    });
    let mut out = String::from("{\"report\":");
    out.push_str(&write_report(report));
    out.push_str(",\"summary\":");
    json::write_pretty(&mut out, &summary, 0);
    out.push('}');
    out
}

/// Reads what [`write_imported`] wrote: the report (its `missing` parts from the summary) and the
/// summary, or why not.
pub fn read_imported(text: &str) -> Result<Imported, String> {
    let document = json::parse(text).map_err(|error| {
        format!(
            "导入结果无法读取（第 {} 行第 {} 列）",
            error.line, error.column
        )
    })?;
    let report = document.get("report").ok_or("导入结果中没有报告")?;
    let mut report = read_report_value(report).map_err(|error| error.to_string())?;
    let summary = match document.get("summary") {
        None | Some(Value::Null) => return Ok((report, None)),
        Some(summary) => summary,
    };
    let strings = |key: &str| -> Vec<String> {
        items(summary.get(key))
            .iter()
            .filter_map(|item| item.as_str().map(str::to_owned))
            .collect()
    };
    let field = |item: &Value, key: &str| {
        item.get(key)
            .and_then(Value::as_str)
            .unwrap_or_default()
            .to_owned()
    };
    report.missing = strings("missing");
    let summary = Summary {
        filled: strings("filled"),
        inferred: items(summary.get("inferred"))
            .iter()
            .map(|item| (field(item, "cell"), field(item, "why")))
            .collect(),
        blank: strings("blank"),
        not_understood: items(summary.get("notUnderstood"))
            .iter()
            .map(|item| {
                let line = item.get("line").and_then(Value::as_u64).unwrap_or_default();
                (line as usize, field(item, "text"), field(item, "why"))
            })
            .collect(),
    };
    Ok((report, Some(summary)))
}

fn object(entries: Vec<(&str, Value)>) -> Value {
    Value::Object(
        entries
            .into_iter()
            .map(|(key, value)| (key.to_owned(), value))
            .collect(),
    )
}

fn items(value: Option<&Value>) -> &[Value] {
    match value {
        Some(Value::Array(items)) => items,
        _ => &[],
    }
}
