//! 报送情况: the superior office's list of units beside the files that came back — each listed
//! unit 已交, 有错误, 有空白 or 未交, and the files of units not on the list — and the 催报 list of
//! those that sent nothing. Units are matched by name, spaces ignored (a list pasted from Excel and
//! a title typed by hand differ in little else).

use crate::rules::id;
use crate::sum::UnitLine;
use crate::BodyType;

/// A unit's state in the list.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum UnitStatus {
    /// Its report counts and its final check finds no error.
    Submitted,
    /// Its report has errors other than blank cells.
    Errors,
    /// Its report's only errors are blank cells or placeholders (R8).
    Blanks,
    /// On the list, and no report of it counts.
    Missing,
    /// A report that counts, of a unit not on the list.
    Unlisted,
}

impl UnitStatus {
    /// The state's hook (`data-unit-status`).
    pub fn key(self) -> &'static str {
        match self {
            UnitStatus::Submitted => "submitted",
            UnitStatus::Errors => "errors",
            UnitStatus::Blanks => "blanks",
            UnitStatus::Missing => "missing",
            UnitStatus::Unlisted => "unlisted",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            UnitStatus::Submitted => "已交",
            UnitStatus::Errors => "有错误",
            UnitStatus::Blanks => "有空白",
            UnitStatus::Missing => "未交",
            UnitStatus::Unlisted => "不在名单中",
        }
    }

    /// A counted unit's state from its final check.
    pub fn of(line: &UnitLine) -> UnitStatus {
        let errors = line
            .findings
            .iter()
            .filter(|finding| finding.severity == crate::Severity::Error);
        let mut blanks = false;
        for finding in errors {
            if finding.rule != id::R8 {
                return UnitStatus::Errors;
            }
            blanks = true;
        }
        if blanks {
            UnitStatus::Blanks
        } else {
            UnitStatus::Submitted
        }
    }
}

/// One row of the list: a unit's name (as listed, or as its report names it) and its state.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ChecklistRow {
    pub unit: String,
    pub status: UnitStatus,
}

/// The column the downloads add when a list is given.
pub const STATUS_COLUMN: &str = "报送情况";

/// A unit's name without its spaces (half- and full-width), for matching.
fn key(name: &str) -> String {
    name.chars().filter(|ch| !ch.is_whitespace()).collect()
}

/// Whether two names are the same unit's.
pub fn same_unit(a: &str, b: &str) -> bool {
    key(a) == key(b)
}

/// The unit names of a pasted list: see [`unit_rows`].
pub fn parse_units(text: &str) -> Vec<String> {
    unit_rows(text).into_iter().map(|(name, _)| name).collect()
}

/// The units of a pasted list with the body type a row gives: one a line; of a row copied from
/// Excel the first cell is the name and the second, if any, the type (人民政府 / 政府 for a
/// government, 部门 / 街道 / 乡镇 for the rest); blank lines, a 单位 / 单位名称 header and repeats
/// dropped.
pub fn unit_rows(text: &str) -> Vec<(String, Option<BodyType>)> {
    let mut units: Vec<(String, Option<BodyType>)> = Vec::new();
    for line in text.lines() {
        let mut cells = line
            .split(['\t', ',', '，'])
            .map(|cell| cell.trim().trim_matches('"').trim());
        let name = cells.next().unwrap_or_default();
        let header = matches!(key(name).as_str(), "单位" | "单位名称" | "序号");
        if !name.is_empty() && !header && !units.iter().any(|(unit, _)| same_unit(unit, name)) {
            units.push((name.to_owned(), cells.next().and_then(body_type)));
        }
    }
    units
}

/// A body type as a list's second column may write it.
fn body_type(cell: &str) -> Option<BodyType> {
    if let Some(kind) = BodyType::from_key(cell) {
        return Some(kind);
    }
    if cell.contains("政府") {
        Some(BodyType::Government)
    } else if ["部门", "街道", "乡镇"]
        .iter()
        .any(|word| cell.contains(word))
    {
        Some(BodyType::Department)
    } else {
        None
    }
}

/// Every listed unit with its state, in the list's order, then the counted units not on it.
pub fn checklist(listed: &[String], lines: &[UnitLine]) -> Vec<ChecklistRow> {
    let mut rows: Vec<ChecklistRow> = listed
        .iter()
        .map(|unit| ChecklistRow {
            unit: unit.clone(),
            status: lines
                .iter()
                .find(|line| same_unit(&line.body, unit))
                .map_or(UnitStatus::Missing, UnitStatus::of),
        })
        .collect();
    rows.extend(
        lines
            .iter()
            .filter(|line| !listed.iter().any(|unit| same_unit(unit, &line.body)))
            .map(|line| ChecklistRow {
                unit: line.body.clone(),
                status: UnitStatus::Unlisted,
            }),
    );
    rows
}

/// The state of a counted unit's line in the list (不在名单中 when it is not on it).
pub fn status_of(rows: &[ChecklistRow], line: &UnitLine) -> UnitStatus {
    rows.iter()
        .find(|row| same_unit(&row.unit, &line.body) && row.status != UnitStatus::Missing)
        .map_or(UnitStatus::Unlisted, |row| row.status)
}

/// The 催报 list: the listed units that sent nothing, one a line.
pub fn missing(rows: &[ChecklistRow]) -> Vec<&str> {
    rows.iter()
        .filter(|row| row.status == UnitStatus::Missing)
        .map(|row| row.unit.as_str())
        .collect()
}
