//! The report file (docs/report-file.md): strict reading with errors that name the place, a
//! migration step per older version, and writing in the documented key order.
//!
//! Reading is all or nothing: a file either becomes a whole [`Report`] or a [`FileError`].
//! Unknown keys and wrong types are errors; a missing cell is blank; a missing part or row is
//! blank and recorded in [`Report::missing`] for R13.

use std::fmt;
use std::rc::Rc;

use crate::json::{self, Value};

use crate::cell::{AmountCell, Cell, CountCell, Problem};

/// An object's entries, in document order.
type Map = [(String, Value)];

/// Looking keys up in an object; the last of repeated keys wins, as in most JSON readers.
trait Entries {
    fn field(&self, key: &str) -> Option<&Value>;
}

impl Entries for Map {
    fn field(&self, key: &str) -> Option<&Value> {
        self.iter()
            .rev()
            .find(|(k, _)| k == key)
            .map(|(_, value)| value)
    }
}
use crate::format::{
    proactive_file_groups, ProactiveCellRef, APPEAL_COLUMNS, APPEAL_GROUPS, FEES_KEY, MAX_COUNT,
    REQUEST_COLUMNS, REQUEST_ROWS, TEMPLATE_ID,
};
use crate::report::{BodyType, CellRef, Closing, Meta, Narrative, Report, Section};

pub const KIND: &str = "ogi-annual-report";
pub const CURRENT_VERSION: u64 = 2;

const ROOT_KEYS: [&str; 13] = [
    "kind",
    "version",
    "template",
    "meta",
    "preface",
    "overview",
    "proactive",
    "requests",
    "appeals",
    "problems",
    "other_matters",
    "closing",
    "previous",
];
const META_KEYS: [&str; 3] = ["body", "year", "body_type"];
const CLOSING_KEYS: [&str; 2] = ["body", "date"];
const SECTION_KEYS: [&str; 2] = ["heading", "text"];

/// Why a file could not be read; `path` names the place (`requests.granted.total`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FileError {
    pub path: String,
    pub problem: FileProblem,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FileProblem {
    NotJson {
        line: usize,
        column: usize,
    },
    WrongKind(String),
    NewerVersion(u64),
    UnknownVersion(String),
    UnsupportedTemplate(String),
    UnknownKey,
    Missing,
    WrongType {
        expected: &'static str,
        found: &'static str,
    },
    InvalidValue(String),
    NestedPrevious,
}

impl fmt::Display for FileError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let at = if self.path.is_empty() {
            "文件".to_owned()
        } else {
            format!("「{}」", self.path)
        };
        match &self.problem {
            FileProblem::NotJson { line, column } => write!(
                f,
                "这不是有效的报告文件：第 {line} 行第 {column} 列附近的 JSON 格式有误（文件可能不完整或已损坏）。"
            ),
            FileProblem::WrongKind(kind) => write!(
                f,
                "这不是政府信息公开年度报告文件：kind 为「{kind}」，应为「{KIND}」。"
            ),
            FileProblem::NewerVersion(version) => write!(
                f,
                "该文件由较新版本的工具生成（文件版本 {version}，本工具支持到版本 {CURRENT_VERSION}），请更新本工具后再打开。"
            ),
            FileProblem::UnknownVersion(version) => {
                write!(f, "文件版本「{version}」无法识别（本工具支持版本 1 至 {CURRENT_VERSION}）。")
            }
            FileProblem::UnsupportedTemplate(template) => write!(
                f,
                "文件使用的格式「{template}」不受支持；本工具支持 2021 年国家格式（{TEMPLATE_ID}）。"
            ),
            FileProblem::UnknownKey => write!(
                f,
                "报告文件中有无法识别的项目{at}。为避免丢失内容，文件未被打开；请检查该项是否拼写有误。"
            ),
            FileProblem::Missing => write!(f, "报告文件缺少必需的项目{at}。"),
            FileProblem::WrongType { expected, found } => {
                write!(f, "报告文件{at}应为{expected}，实际为{found}。")
            }
            FileProblem::InvalidValue(detail) => write!(f, "报告文件{at}的值无效：{detail}。"),
            FileProblem::NestedPrevious => write!(
                f,
                "报告文件{at}应为 null：上年报告中不能再嵌套更早年度的报告。"
            ),
        }
    }
}

impl std::error::Error for FileError {}

fn error(path: &str, problem: FileProblem) -> FileError {
    FileError {
        path: path.to_owned(),
        problem,
    }
}

fn join(path: &str, key: &str) -> String {
    if path.is_empty() {
        key.to_owned()
    } else {
        format!("{path}.{key}")
    }
}

fn type_name(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "布尔值",
        Value::Number(_) => "数字",
        Value::String(_) => "文本",
        Value::Array(_) => "数组",
        Value::Object(_) => "对象",
    }
}

fn wrong_type(path: &str, expected: &'static str, value: &Value) -> FileError {
    error(
        path,
        FileProblem::WrongType {
            expected,
            found: type_name(value),
        },
    )
}

/// An object whose keys are all in `allowed`.
fn object<'v>(value: &'v Value, path: &str, allowed: &[&str]) -> Result<&'v Map, FileError> {
    let map = match value {
        Value::Object(entries) => Some(entries.as_slice()),
        _ => None,
    }
    .ok_or_else(|| wrong_type(path, "对象", value))?;
    if let Some(unknown) = map
        .iter()
        .map(|(key, _)| key)
        .find(|key| !allowed.contains(&key.as_str()))
    {
        return Err(error(&join(path, unknown), FileProblem::UnknownKey));
    }
    Ok(map)
}

fn required<'v>(map: &'v Map, path: &str, key: &str) -> Result<&'v Value, FileError> {
    map.field(key)
        .ok_or_else(|| error(&join(path, key), FileProblem::Missing))
}

fn string<'v>(value: &'v Value, path: &str) -> Result<&'v str, FileError> {
    value
        .as_str()
        .ok_or_else(|| wrong_type(path, "文本", value))
}

/// Reads a report file. Never panics; any problem is a [`FileError`] and nothing is half-read.
pub fn read_report(text: &str) -> Result<Report, FileError> {
    let value = json::parse(text.strip_prefix('\u{FEFF}').unwrap_or(text)).map_err(|e| {
        error(
            "",
            FileProblem::NotJson {
                line: e.line,
                column: e.column,
            },
        )
    })?;
    read_value(&value, "", true)
}

/// Reads a report file already parsed as JSON (a report embedded in a larger document).
pub fn read_report_value(value: &Value) -> Result<Report, FileError> {
    read_value(value, "", true)
}

fn read_value(value: &Value, path: &str, allow_previous: bool) -> Result<Report, FileError> {
    let migrated = migrate(value, path)?;
    let value = migrated.as_ref().unwrap_or(value);
    let root = object(value, path, &ROOT_KEYS)?;
    let template = string(required(root, path, "template")?, &join(path, "template"))?;
    if template != TEMPLATE_ID {
        return Err(error(
            &join(path, "template"),
            FileProblem::UnsupportedTemplate(template.to_owned()),
        ));
    }
    let mut report = Report::default();
    report.meta = read_meta(required(root, path, "meta")?, &join(path, "meta"))?;
    report.preface = string(required(root, path, "preface")?, &join(path, "preface"))?.to_owned();
    for part in Narrative::ALL {
        let key = part.key();
        let sections = match root.field(key) {
            Some(value) => read_sections(value, &join(path, key))?,
            None => {
                report.missing.push(join(path, key));
                Vec::new()
            }
        };
        report.set_sections(part, sections);
    }
    read_proactive(
        root.field("proactive"),
        &join(path, "proactive"),
        &mut report,
    )?;
    read_requests(root.field("requests"), &join(path, "requests"), &mut report)?;
    read_appeals(root.field("appeals"), &join(path, "appeals"), &mut report)?;
    report.closing = read_closing(required(root, path, "closing")?, &join(path, "closing"))?;
    let previous_path = join(path, "previous");
    match root.field("previous") {
        None | Some(Value::Null) => {}
        Some(_) if !allow_previous => {
            return Err(error(&previous_path, FileProblem::NestedPrevious))
        }
        Some(previous) => {
            report.previous = Some(Rc::new(read_value(previous, &previous_path, false)?))
        }
    }
    Ok(report)
}

/// Checks kind and version and brings an older file up to [`CURRENT_VERSION`]. Returns the
/// migrated document, or `None` when the file is current.
fn migrate(value: &Value, path: &str) -> Result<Option<Value>, FileError> {
    let root = match value {
        Value::Object(entries) => Some(entries.as_slice()),
        _ => None,
    }
    .ok_or_else(|| wrong_type(path, "对象", value))?;
    let kind_path = join(path, "kind");
    let kind = string(required(root, path, "kind")?, &kind_path)?;
    if kind != KIND {
        return Err(error(&kind_path, FileProblem::WrongKind(kind.to_owned())));
    }
    let version_path = join(path, "version");
    let version_value = required(root, path, "version")?;
    let version = match version_value {
        Value::Number(number) => number.parse::<u64>().ok().ok_or_else(|| {
            error(
                &version_path,
                FileProblem::UnknownVersion(number.to_string()),
            )
        })?,
        other => return Err(wrong_type(&version_path, "整数", other)),
    };
    if version > CURRENT_VERSION {
        return Err(error(&version_path, FileProblem::NewerVersion(version)));
    }
    let mut migrated: Option<Value> = None;
    let mut at = version;
    while at < CURRENT_VERSION {
        let step = MIGRATIONS
            .iter()
            .find(|(from, _)| *from == at)
            .ok_or_else(|| error(&version_path, FileProblem::UnknownVersion(at.to_string())))?;
        let next = (step.1)(migrated.take().unwrap_or_else(|| value.clone()));
        migrated = Some(next);
        at += 1;
    }
    Ok(migrated)
}

/// One step per older version: (from version, rewrite to from + 1).
type Migration = (u64, fn(Value) -> Value);
const MIGRATIONS: [Migration; 1] = [(1, v1_to_v2)];

/// Version 2 adds `preface` (the 前言 before part 一) after `meta` and `closing` (the 落款)
/// before `previous`: a version-1 file has neither.
fn v1_to_v2(value: Value) -> Value {
    let Value::Object(entries) = value else {
        return value;
    };
    let closing = || {
        let empty = || Value::String(String::new());
        (
            "closing".to_owned(),
            Value::Object(vec![
                ("body".to_owned(), empty()),
                ("date".to_owned(), empty()),
            ]),
        )
    };
    let mut out = Vec::with_capacity(entries.len() + 2);
    for (key, value) in entries {
        if key == "previous" {
            out.push(closing());
        }
        let after_meta = key == "meta";
        // (`previous` is a document of its own, migrated when it is read.)
        let value = if key == "version" {
            Value::Number("2".to_owned())
        } else {
            value
        };
        out.push((key, value));
        if after_meta {
            out.push(("preface".to_owned(), Value::String(String::new())));
        }
    }
    if !out.iter().any(|(key, _)| key == "closing") {
        out.push(closing());
    }
    // Without `meta` the file is refused for that; `preface` need not be placed.
    Value::Object(out)
}

fn read_closing(value: &Value, path: &str) -> Result<Closing, FileError> {
    let map = object(value, path, &CLOSING_KEYS)?;
    let field = |key| -> Result<String, FileError> {
        Ok(string(required(map, path, key)?, &join(path, key))?.to_owned())
    };
    Ok(Closing {
        body: field("body")?,
        date: field("date")?,
    })
}

fn read_meta(value: &Value, path: &str) -> Result<Meta, FileError> {
    let map = object(value, path, &META_KEYS)?;
    let body = string(required(map, path, "body")?, &join(path, "body"))?.to_owned();
    let year_path = join(path, "year");
    let year = match required(map, path, "year")? {
        Value::Null => None,
        Value::Number(number) => {
            let year = number
                .parse::<i32>()
                .ok()
                .filter(|year| (1..=9999).contains(year));
            Some(year.ok_or_else(|| {
                error(
                    &year_path,
                    FileProblem::InvalidValue(format!("年度「{number}」不是有效年份")),
                )
            })?)
        }
        other => return Err(wrong_type(&year_path, "整数或 null", other)),
    };
    let type_path = join(path, "body_type");
    let body_type_key = string(required(map, path, "body_type")?, &type_path)?;
    let body_type = BodyType::from_key(body_type_key).ok_or_else(|| {
        error(
            &type_path,
            FileProblem::InvalidValue(format!("「{body_type_key}」应为 department 或 government")),
        )
    })?;
    Ok(Meta {
        body,
        year,
        body_type,
    })
}

fn read_sections(value: &Value, path: &str) -> Result<Vec<Section>, FileError> {
    let items = match value {
        Value::Array(items) => Some(items.as_slice()),
        _ => None,
    }
    .ok_or_else(|| wrong_type(path, "数组", value))?;
    items
        .iter()
        .enumerate()
        .map(|(index, item)| {
            let item_path = join(path, &index.to_string());
            let map = object(item, &item_path, &SECTION_KEYS)?;
            let heading = string(
                required(map, &item_path, "heading")?,
                &join(&item_path, "heading"),
            )?;
            let text = string(
                required(map, &item_path, "text")?,
                &join(&item_path, "text"),
            )?;
            Ok(Section::new(heading, text))
        })
        .collect()
}

/// A count cell: an integer, text as typed (re-read like typed input), or null/absent.
fn read_count(value: Option<&Value>, path: &str) -> Result<CountCell, FileError> {
    Ok(match value {
        None | Some(Value::Null) => Cell::Blank,
        Some(Value::String(text)) => CountCell::parse(text),
        // A number that is not a count is kept as written and classified like typed text
        // (`-3` negative, `1.5` not whole, `1e3` exponent, too many digits too large).
        Some(Value::Number(number)) => match number.parse::<u64>() {
            Ok(count) if count <= MAX_COUNT => Cell::Value(count),
            Ok(_) => Cell::Invalid {
                raw: number.clone(),
                problem: Problem::TooLarge,
            },
            Err(_) => CountCell::parse(number),
        },
        Some(other) => return Err(wrong_type(path, "整数、文本或 null", other)),
    })
}

fn read_amount(value: Option<&Value>, path: &str) -> Result<AmountCell, FileError> {
    Ok(match value {
        None | Some(Value::Null) => Cell::Blank,
        Some(Value::String(text)) => AmountCell::parse(text),
        Some(Value::Number(number)) => AmountCell::parse(&number.to_string()),
        Some(other) => {
            return Err(wrong_type(
                path,
                "金额文本（如 \"12.3456\"）、数字或 null",
                other,
            ))
        }
    })
}

/// A table's object: `None` when absent (recorded as missing).
fn table<'v>(
    value: Option<&'v Value>,
    path: &str,
    keys: &[&str],
    report: &mut Report,
) -> Result<Option<&'v Map>, FileError> {
    match value {
        None => {
            report.missing.push(path.to_owned());
            Ok(None)
        }
        Some(value) => object(value, path, keys).map(Some),
    }
}

/// A row's object inside a table: `None` when absent (recorded as missing).
fn row<'v>(
    map: &'v Map,
    path: &str,
    key: &str,
    keys: &[&str],
    report: &mut Report,
) -> Result<Option<&'v Map>, FileError> {
    let row_path = join(path, key);
    table(map.field(key), &row_path, keys, report)
}

fn read_proactive(value: Option<&Value>, path: &str, report: &mut Report) -> Result<(), FileError> {
    let groups = proactive_file_groups();
    let mut keys: Vec<&str> = groups.iter().map(|(key, _)| *key).collect();
    keys.push(FEES_KEY);
    let Some(map) = table(value, path, &keys, report)? else {
        return Ok(());
    };
    let count = |index| CellRef::Proactive(ProactiveCellRef::Count(index));
    for (key, cells) in groups {
        if let [(None, index)] = cells[..] {
            report.set_count(count(index), read_count(map.field(key), &join(path, key))?);
            continue;
        }
        let fields: Vec<&str> = cells.iter().filter_map(|(field, _)| *field).collect();
        let row_map = row(map, path, key, &fields, report)?;
        for (field, index) in cells {
            let field = field.unwrap_or_default();
            let value = match row_map {
                Some(row_map) => read_count(row_map.field(field), &join(&join(path, key), field))?,
                None => Cell::Blank,
            };
            report.set_count(count(*index), value);
        }
    }
    report.set_fees(read_amount(map.field(FEES_KEY), &join(path, FEES_KEY))?);
    Ok(())
}

fn read_requests(value: Option<&Value>, path: &str, report: &mut Report) -> Result<(), FileError> {
    let row_keys = REQUEST_ROWS.map(|spec| spec.key);
    let column_keys = REQUEST_COLUMNS.map(|spec| spec.key);
    let Some(map) = table(value, path, &row_keys, report)? else {
        return Ok(());
    };
    for (row_index, key) in row_keys.iter().enumerate() {
        let Some(row_map) = row(map, path, key, &column_keys, report)? else {
            continue;
        };
        for (col, column) in column_keys.iter().enumerate() {
            let cell = read_count(row_map.field(column), &join(&join(path, key), column))?;
            report.set_count(
                CellRef::Request {
                    row: row_index,
                    col,
                },
                cell,
            );
        }
    }
    Ok(())
}

fn read_appeals(value: Option<&Value>, path: &str, report: &mut Report) -> Result<(), FileError> {
    let group_keys = APPEAL_GROUPS.map(|spec| spec.key);
    let column_keys = APPEAL_COLUMNS.map(|(key, _)| key);
    let Some(map) = table(value, path, &group_keys, report)? else {
        return Ok(());
    };
    for (group, key) in group_keys.iter().enumerate() {
        let Some(group_map) = row(map, path, key, &column_keys, report)? else {
            continue;
        };
        for (col, column) in column_keys.iter().enumerate() {
            let cell = read_count(group_map.field(column), &join(&join(path, key), column))?;
            report.set_count(CellRef::Appeal { group, col }, cell);
        }
    }
    Ok(())
}

// ---------------------------------------------------------------------------------------------
// Writing

/// The report file, pretty-printed with keys in the documented order, ending in a newline.
pub fn write_report(report: &Report) -> String {
    let mut text = String::new();
    json::write_pretty(&mut text, &document(report), 0);
    text.push('\n');
    text
}

fn entry(key: &str, value: Value) -> (String, Value) {
    (key.to_owned(), value)
}

fn text(value: &str) -> Value {
    Value::String(value.to_owned())
}

fn count(cell: &CountCell) -> Value {
    match cell {
        Cell::Blank => Value::Null,
        Cell::Value(count) => Value::Number(count.to_string()),
        Cell::Placeholder(raw) | Cell::Invalid { raw, .. } => text(raw),
    }
}

fn amount(cell: &AmountCell) -> Value {
    match cell {
        Cell::Blank => Value::Null,
        Cell::Value(amount) => Value::String(amount.to_string()),
        Cell::Placeholder(raw) | Cell::Invalid { raw, .. } => text(raw),
    }
}

fn keyed(keys: &[&str], cells: &[CountCell]) -> Value {
    Value::Object(
        keys.iter()
            .zip(cells)
            .map(|(key, cell)| entry(key, count(cell)))
            .collect(),
    )
}

fn sections(report: &Report, part: Narrative) -> Value {
    Value::Array(
        report
            .sections(part)
            .iter()
            .map(|section| {
                Value::Object(vec![
                    entry("heading", text(&section.heading)),
                    entry("text", text(&section.text)),
                ])
            })
            .collect(),
    )
}

fn document(report: &Report) -> Value {
    let meta = &report.meta;
    let year = meta
        .year
        .map_or(Value::Null, |year| Value::Number(year.to_string()));
    let counts = &report.proactive.counts;
    let mut proactive: Vec<(String, Value)> = proactive_file_groups()
        .iter()
        .map(|(key, cells)| match cells[..] {
            [(None, index)] => entry(key, count(&counts[index])),
            _ => entry(
                key,
                Value::Object(
                    cells
                        .iter()
                        .map(|(field, index)| {
                            entry(field.unwrap_or_default(), count(&counts[*index]))
                        })
                        .collect(),
                ),
            ),
        })
        .collect();
    proactive.push(entry(FEES_KEY, amount(report.fees())));
    let column_keys = REQUEST_COLUMNS.map(|spec| spec.key);
    let requests = REQUEST_ROWS
        .iter()
        .zip(&report.requests)
        .map(|(spec, cells)| entry(spec.key, keyed(&column_keys, &cells[..])))
        .collect();
    let appeal_keys = APPEAL_COLUMNS.map(|(key, _)| key);
    let appeals = APPEAL_GROUPS
        .iter()
        .zip(&report.appeals)
        .map(|(spec, cells)| entry(spec.key, keyed(&appeal_keys, &cells[..])))
        .collect();
    Value::Object(vec![
        entry("kind", text(KIND)),
        entry("version", Value::Number(CURRENT_VERSION.to_string())),
        entry("template", text(TEMPLATE_ID)),
        entry(
            "meta",
            Value::Object(vec![
                entry("body", text(&meta.body)),
                entry("year", year),
                entry("body_type", text(meta.body_type.key())),
            ]),
        ),
        entry("preface", text(&report.preface)),
        entry("overview", sections(report, Narrative::Overview)),
        entry("proactive", Value::Object(proactive)),
        entry("requests", Value::Object(requests)),
        entry("appeals", Value::Object(appeals)),
        entry("problems", sections(report, Narrative::Problems)),
        entry("other_matters", sections(report, Narrative::OtherMatters)),
        entry(
            "closing",
            Value::Object(vec![
                entry("body", text(&report.closing.body)),
                entry("date", text(&report.closing.date)),
            ]),
        ),
        entry(
            "previous",
            report.previous.as_deref().map_or(Value::Null, document),
        ),
    ])
}
