//! The report file (docs/report-file.md): strict reading with errors that name the place, a
//! migration step per older version, and writing in the documented key order — with serde and
//! serde_json, the report's shape written once as the types below.
//!
//! Reading is all or nothing: a file either becomes a whole [`Report`] or a [`FileError`].
//! Unknown and repeated keys and wrong types are errors; a missing cell is blank; a missing part or
//! row is blank and recorded in [`Report::missing`] for R13. Cells are read as their raw JSON text
//! ([`RawValue`]), so a number that is not a count keeps the text it was written with (`1e3`,
//! `99999999999999999999`) and is classified as typed text would be.

use std::borrow::Cow;
use std::fmt;
use std::marker::PhantomData;
use std::rc::Rc;

use serde::de::{self, Deserializer, MapAccess, Visitor};
use serde::ser::{SerializeMap, Serializer};
use serde::{Deserialize, Serialize};
use serde_json::value::RawValue;

use crate::cell::{AmountCell, Cell, CountCell, Problem};
use crate::format::{
    proactive_file_groups, ProactiveCellRef, APPEAL_COLUMNS, APPEAL_GROUPS, FEES_KEY, MAX_COUNT,
    REQUEST_COLUMNS, REQUEST_ROWS, TEMPLATE_ID,
};
use crate::report::{BodyType, CellRef, Closing, Meta, Narrative, Report, Section};

pub const KIND: &str = "ogi-annual-report";
pub const CURRENT_VERSION: u64 = 2;

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
    /// Nested deeper than serde_json reads (a guard against stack exhaustion; no report comes
    /// near it).
    TooDeep,
    WrongKind(String),
    NewerVersion(u64),
    UnknownVersion(String),
    UnsupportedTemplate(String),
    UnknownKey,
    /// A key given twice in one object: which one counts would be a guess.
    RepeatedKey,
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
            FileProblem::TooDeep => write!(
                f,
                "这不是有效的报告文件：{at}的嵌套层数过多，报告文件不会有这样的结构。"
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
            FileProblem::RepeatedKey => write!(
                f,
                "报告文件中项目{at}出现了不止一次，无法确定以哪一个为准；请删去多余的一项。"
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

// ---------------------------------------------------------------------------------------------
// serde's errors in the file's words

/// Reads `text` (the whole document, or the part of it at `base`) as `T`; a failure names the
/// place (`meta.year`) in the file's own path words.
pub(crate) fn from_json<'de, T: Deserialize<'de>>(
    text: &'de str,
    base: &str,
) -> Result<T, FileError> {
    let mut deserializer = serde_json::Deserializer::from_str(text);
    let value = serde_path_to_error::deserialize(&mut deserializer).map_err(|failure| {
        let path = failure
            .path()
            .iter()
            .fold(base.to_owned(), |path, segment| {
                use serde_path_to_error::Segment;
                match segment {
                    Segment::Seq { index } => join(&path, &index.to_string()),
                    Segment::Map { key } | Segment::Enum { variant: key } => join(&path, key),
                    Segment::Unknown => path,
                }
            });
        described(failure.inner(), &path)
    })?;
    // Text after the document (serde_json::from_str checks this too).
    deserializer
        .end()
        .map_err(|failure| described(&failure, base))?;
    Ok(value)
}

/// serde_json's error as a [`FileError`]. serde's data errors are worded by serde itself
/// (`missing field `body``, `invalid type: string "x", expected i32`); their fixed shapes are read
/// back into the problems the page words for the user.
fn described(failure: &serde_json::Error, path: &str) -> FileError {
    use serde_json::error::Category;
    let message = failure.to_string();
    let position = format!(" at line {} column {}", failure.line(), failure.column());
    let message = message.strip_suffix(&position).unwrap_or(&message);
    if message.starts_with("recursion limit exceeded") {
        return error(path, FileProblem::TooDeep);
    }
    if !matches!(failure.classify(), Category::Data) {
        let (line, column) = (failure.line(), failure.column());
        return error("", FileProblem::NotJson { line, column });
    }
    // An unknown or repeated key is already the path's last segment (serde_path_to_error has
    // read it); a missing one is not.
    let key_after = |prefix: &str| {
        let key = message.strip_prefix(prefix)?.split('`').next()?;
        let named = path == key || path.ends_with(&format!(".{key}"));
        Some(if named {
            path.to_owned()
        } else {
            join(path, key)
        })
    };
    if let Some(at) = key_after("missing field `") {
        return error(&at, FileProblem::Missing);
    }
    if let Some(at) = key_after("unknown field `") {
        return error(&at, FileProblem::UnknownKey);
    }
    if let Some(at) = key_after("duplicate field `") {
        return error(&at, FileProblem::RepeatedKey);
    }
    if let Some(rest) = message.strip_prefix("invalid type: ") {
        let (found, expected) = rest.split_once(", expected ").unwrap_or((rest, ""));
        let (found, expected) = (kind_in_words(found), kind_in_words(expected));
        return error(path, FileProblem::WrongType { expected, found });
    }
    error(path, FileProblem::InvalidValue(message.to_owned()))
}

/// A JSON kind as serde words it (serde_json's unexpected values, the visitors' expectations).
fn kind_in_words(serde_words: &str) -> &'static str {
    let words = serde_words
        .trim_start_matches("a ")
        .trim_start_matches("an ");
    let kinds: [(&[&str], &str); 7] = [
        (&["string", "borrowed string"], "文本"),
        (&["null", "unit"], "null"),
        (&["boolean"], "布尔值"),
        (&["integer", "i32", "i64", "u64", "usize"], "整数"),
        (&["floating point"], "带小数或指数的数字"),
        (&["sequence"], "数组"),
        (&["map", "object", "struct"], "对象"),
    ];
    kinds
        .iter()
        .find(|(starts, _)| starts.iter().any(|start| words.starts_with(start)))
        .map_or("其他内容", |(_, name)| *name)
}

/// What a raw JSON value is, judged by its first character (serde_json has checked the rest).
#[derive(Clone, Copy, PartialEq, Eq)]
enum RawKind {
    Text,
    Number,
    Null,
    Other(&'static str),
}

impl RawKind {
    fn of(raw: &RawValue) -> RawKind {
        match raw.get().as_bytes().first() {
            Some(b'"') => RawKind::Text,
            Some(b'n') => RawKind::Null,
            Some(b'{') => RawKind::Other("对象"),
            Some(b'[') => RawKind::Other("数组"),
            Some(b't' | b'f') => RawKind::Other("布尔值"),
            _ => RawKind::Number,
        }
    }

    /// The kind in the words of a wrong-type message.
    fn words(self) -> &'static str {
        match self {
            RawKind::Text => "文本",
            RawKind::Number => "数字",
            RawKind::Null => "null",
            RawKind::Other(words) => words,
        }
    }
}

/// A JSON string's text (the raw value is one; serde_json has checked it).
fn unquoted(raw: &RawValue) -> String {
    serde_json::from_str(raw.get()).unwrap_or_default()
}

/// An object's members in document order, for the tables whose keys are the format's own
/// ([`crate::format`]): checked against it after reading, so that each key is written once.
/// A key given twice is refused.
pub(crate) struct Keyed<T>(Vec<(String, T)>);

impl<'de, T: Deserialize<'de>> Deserialize<'de> for Keyed<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Members<T>(PhantomData<T>);
        impl<'de, T: Deserialize<'de>> Visitor<'de> for Members<T> {
            type Value = Keyed<T>;
            fn expecting(&self, formatter: &mut fmt::Formatter) -> fmt::Result {
                formatter.write_str("an object")
            }
            fn visit_map<M: MapAccess<'de>>(self, mut map: M) -> Result<Keyed<T>, M::Error> {
                let mut members: Vec<(String, T)> = Vec::new();
                while let Some((key, value)) = map.next_entry::<String, T>()? {
                    if members.iter().any(|(seen, _)| *seen == key) {
                        // serde's own wording for a repeated field, read back by `described`.
                        return Err(de::Error::custom(format_args!("duplicate field `{key}`")));
                    }
                    members.push((key, value));
                }
                Ok(Keyed(members))
            }
        }
        deserializer.deserialize_map(Members(PhantomData))
    }
}

impl<T> Keyed<T> {
    pub(crate) fn get(&self, key: &str) -> Option<&T> {
        self.0
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, value)| value)
    }

    /// Refuses a key that is not one of `allowed` (never dropped: it may be a misspelt cell).
    fn only(self, path: &str, allowed: &[&str]) -> Result<Keyed<T>, FileError> {
        match self
            .0
            .iter()
            .find(|(key, _)| !allowed.contains(&key.as_str()))
        {
            Some((unknown, _)) => Err(error(&join(path, unknown), FileProblem::UnknownKey)),
            None => Ok(self),
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Reading

/// The whole document, every version this release reads (version 1 had no `preface` and no
/// `closing`). Tables hold raw cells, placed by the format's keys.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct FileIn<'a> {
    #[serde(rename = "kind")]
    _kind: de::IgnoredAny,
    #[serde(rename = "version")]
    _version: de::IgnoredAny,
    template: Cow<'a, str>,
    meta: MetaIn<'a>,
    preface: Option<String>,
    overview: Option<Vec<Section>>,
    #[serde(borrow)]
    proactive: Option<Keyed<&'a RawValue>>,
    #[serde(borrow)]
    requests: Option<Keyed<Keyed<&'a RawValue>>>,
    #[serde(borrow)]
    appeals: Option<Keyed<Keyed<&'a RawValue>>>,
    problems: Option<Vec<Section>>,
    other_matters: Option<Vec<Section>>,
    closing: Option<Closing>,
    #[serde(borrow)]
    previous: Option<&'a RawValue>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct MetaIn<'a> {
    body: String,
    year: Option<i64>,
    body_type: Cow<'a, str>,
}

/// Reads a report file. Never panics; any problem is a [`FileError`] and nothing is half-read.
pub fn read_report(text: &str) -> Result<Report, FileError> {
    read_document(text.strip_prefix('\u{FEFF}').unwrap_or(text), "", true)
}

/// Reads a report file held inside a larger document (a draft's envelope, an import's result).
pub fn read_report_raw(raw: &RawValue) -> Result<Report, FileError> {
    read_document(raw.get(), "", true)
}

fn read_document(text: &str, path: &str, allow_previous: bool) -> Result<Report, FileError> {
    let version = checked_version(text, path)?;
    let file: FileIn = from_json(text, path)?;
    let template_path = join(path, "template");
    if file.template != TEMPLATE_ID {
        let template = file.template.into_owned();
        return Err(error(
            &template_path,
            FileProblem::UnsupportedTemplate(template),
        ));
    }
    let mut report = Report::default();
    report.meta = read_meta(file.meta, &join(path, "meta"))?;
    report.preface = since_version_2(file.preface, version, &join(path, "preface"))?;
    report.closing = since_version_2(file.closing, version, &join(path, "closing"))?;
    let parts = [
        (Narrative::Overview, file.overview),
        (Narrative::Problems, file.problems),
        (Narrative::OtherMatters, file.other_matters),
    ];
    for (part, sections) in parts {
        if sections.is_none() {
            report.missing.push(join(path, part.key()));
        }
        report.set_sections(part, sections.unwrap_or_default());
    }
    read_proactive(file.proactive, &join(path, "proactive"), &mut report)?;
    read_rows(
        file.requests,
        &join(path, "requests"),
        &mut report,
        RowsOf::Requests,
    )?;
    read_rows(
        file.appeals,
        &join(path, "appeals"),
        &mut report,
        RowsOf::Appeals,
    )?;
    let previous_path = join(path, "previous");
    match file.previous {
        None => {}
        Some(_) if !allow_previous => {
            return Err(error(&previous_path, FileProblem::NestedPrevious))
        }
        Some(previous) => {
            let previous = read_document(previous.get(), &previous_path, false)?;
            report.previous = Some(Rc::new(previous));
        }
    }
    Ok(report)
}

/// A member that version 2 added (the 前言 and the 落款): required from version 2 on, empty when
/// a version-1 file is read (the one migration so far).
fn since_version_2<T: Default>(value: Option<T>, version: u64, path: &str) -> Result<T, FileError> {
    match value {
        None if version >= 2 => Err(error(path, FileProblem::Missing)),
        value => Ok(value.unwrap_or_default()),
    }
}

/// Checks kind and version; the version, which may be older than [`CURRENT_VERSION`].
fn checked_version(text: &str, path: &str) -> Result<u64, FileError> {
    // Kind and version are read before anything else (the document as an object of raw members):
    // a file of another kind or of a newer version is named as such, not refused for keys this
    // release does not know.
    let header: Keyed<&RawValue> = from_json(text, path)?;
    let kind_path = join(path, "kind");
    let kind = header
        .get("kind")
        .ok_or_else(|| error(&kind_path, FileProblem::Missing))?;
    if !kind.get().starts_with('"') {
        let found = RawKind::of(kind).words();
        return Err(error(
            &kind_path,
            FileProblem::WrongType {
                expected: "文本",
                found,
            },
        ));
    }
    let kind = unquoted(kind);
    if kind != KIND {
        return Err(error(&kind_path, FileProblem::WrongKind(kind)));
    }
    let version_path = join(path, "version");
    let raw = header
        .get("version")
        .ok_or_else(|| error(&version_path, FileProblem::Missing))?;
    let kind = RawKind::of(raw);
    if kind != RawKind::Number {
        let (expected, found) = ("整数", kind.words());
        return Err(error(
            &version_path,
            FileProblem::WrongType { expected, found },
        ));
    }
    let written = raw.get();
    match written.parse::<u64>() {
        Ok(version) if version > CURRENT_VERSION => {
            Err(error(&version_path, FileProblem::NewerVersion(version)))
        }
        Ok(version) if version >= 1 => Ok(version),
        _ => Err(error(
            &version_path,
            FileProblem::UnknownVersion(written.to_owned()),
        )),
    }
}

fn read_meta(meta: MetaIn, path: &str) -> Result<Meta, FileError> {
    let year = match meta.year {
        None => None,
        Some(year) => Some(
            i32::try_from(year)
                .ok()
                .filter(|year| (1..=9999).contains(year))
                .ok_or_else(|| {
                    let detail = format!("年度「{year}」不是有效年份");
                    error(&join(path, "year"), FileProblem::InvalidValue(detail))
                })?,
        ),
    };
    let body_type = BodyType::from_key(&meta.body_type).ok_or_else(|| {
        let detail = format!("「{}」应为 department 或 government", meta.body_type);
        error(&join(path, "body_type"), FileProblem::InvalidValue(detail))
    })?;
    Ok(Meta {
        body: meta.body,
        year,
        body_type,
    })
}

/// A cell's raw JSON: null (or absent) is blank, text is re-read like typed input, a number is
/// given to `number` as written; anything else is refused as not `expected`.
fn read_cell<V>(
    raw: Option<&&RawValue>,
    path: &str,
    expected: &'static str,
    text: fn(&str) -> Cell<V>,
    number: fn(&str) -> Cell<V>,
) -> Result<Cell<V>, FileError> {
    let Some(raw) = raw else {
        return Ok(Cell::Blank);
    };
    match RawKind::of(raw) {
        RawKind::Null => Ok(Cell::Blank),
        RawKind::Text => Ok(text(&unquoted(raw))),
        RawKind::Number => Ok(number(raw.get())),
        other => {
            let found = other.words();
            Err(error(path, FileProblem::WrongType { expected, found }))
        }
    }
}

/// A count cell: an integer, text as typed, or null/absent. A number that is not a count is
/// kept as written and classified like typed text (`-3` negative, `1.5` not whole, `1e3`
/// exponent, too many digits too large).
fn read_count(raw: Option<&&RawValue>, path: &str) -> Result<CountCell, FileError> {
    let number = |number: &str| match number.parse::<u64>() {
        Ok(count) if count <= MAX_COUNT => Cell::Value(count),
        Ok(_) => Cell::Invalid {
            raw: number.to_owned(),
            problem: Problem::TooLarge,
        },
        Err(_) => CountCell::parse(number),
    };
    read_cell(raw, path, "整数、文本或 null", CountCell::parse, number)
}

fn read_amount(raw: Option<&&RawValue>, path: &str) -> Result<AmountCell, FileError> {
    let expected = "金额文本（如 \"12.3456\"）、数字或 null";
    read_cell(raw, path, expected, AmountCell::parse, AmountCell::parse)
}

/// A table given, its keys checked; `None` (recorded as missing) when absent.
fn present<T>(
    table: Option<Keyed<T>>,
    path: &str,
    keys: &[&str],
    report: &mut Report,
) -> Result<Option<Keyed<T>>, FileError> {
    match table {
        None => {
            report.missing.push(path.to_owned());
            Ok(None)
        }
        Some(table) => table.only(path, keys).map(Some),
    }
}

fn read_proactive(
    table: Option<Keyed<&RawValue>>,
    path: &str,
    report: &mut Report,
) -> Result<(), FileError> {
    let groups = proactive_file_groups();
    let mut keys: Vec<&str> = groups.iter().map(|(key, _)| *key).collect();
    keys.push(FEES_KEY);
    let Some(table) = present(table, path, &keys, report)? else {
        return Ok(());
    };
    let count = |index| CellRef::Proactive(ProactiveCellRef::Count(index));
    for (key, cells) in groups {
        let key_path = join(path, key);
        if let [(None, index)] = cells[..] {
            report.set_count(count(index), read_count(table.get(key), &key_path)?);
            continue;
        }
        let fields: Vec<&str> = cells.iter().filter_map(|(field, _)| *field).collect();
        let group = match table.get(key) {
            Some(raw) => Some(from_json::<Keyed<&RawValue>>(raw.get(), &key_path)?),
            None => None,
        };
        let group = present(group, &key_path, &fields, report)?;
        for (field, index) in cells {
            let field = field.unwrap_or_default();
            let value = match &group {
                Some(group) => read_count(group.get(field), &join(&key_path, field))?,
                None => Cell::Blank,
            };
            report.set_count(count(*index), value);
        }
    }
    report.set_fees(read_amount(table.get(FEES_KEY), &join(path, FEES_KEY))?);
    Ok(())
}

/// The two tables of rows of counts: 表三 (rows × applicant columns) and 表四 (groups × columns).
#[derive(Clone, Copy)]
enum RowsOf {
    Requests,
    Appeals,
}

fn read_rows(
    table: Option<Keyed<Keyed<&RawValue>>>,
    path: &str,
    report: &mut Report,
    rows_of: RowsOf,
) -> Result<(), FileError> {
    let (row_keys, column_keys): (Vec<&str>, Vec<&str>) = match rows_of {
        RowsOf::Requests => (
            REQUEST_ROWS.iter().map(|spec| spec.key).collect(),
            REQUEST_COLUMNS.iter().map(|spec| spec.key).collect(),
        ),
        RowsOf::Appeals => (
            APPEAL_GROUPS.iter().map(|spec| spec.key).collect(),
            APPEAL_COLUMNS.iter().map(|(key, _)| *key).collect(),
        ),
    };
    let Some(table) = present(table, path, &row_keys, report)? else {
        return Ok(());
    };
    let mut rows: Vec<(String, Keyed<&RawValue>)> = table.0;
    for (row, key) in row_keys.iter().enumerate() {
        let row_path = join(path, key);
        let given = rows
            .iter()
            .position(|(k, _)| k == key)
            .map(|at| rows.swap_remove(at).1);
        let Some(cells) = present(given, &row_path, &column_keys, report)? else {
            continue;
        };
        for (col, column) in column_keys.iter().enumerate() {
            let cell = read_count(cells.get(column), &join(&row_path, column))?;
            let at = match rows_of {
                RowsOf::Requests => CellRef::Request { row, col },
                RowsOf::Appeals => CellRef::Appeal { group: row, col },
            };
            report.set_count(at, cell);
        }
    }
    Ok(())
}

// ---------------------------------------------------------------------------------------------
// Writing

/// The document as written: members in the documented order.
#[derive(Serialize)]
struct FileOut<'a> {
    kind: &'static str,
    version: u64,
    template: &'static str,
    meta: MetaOut<'a>,
    preface: &'a str,
    overview: &'a [Section],
    proactive: Members<'a, ProactiveOut<'a>>,
    requests: Members<'a, Members<'a, CountOut<'a>>>,
    appeals: Members<'a, Members<'a, CountOut<'a>>>,
    problems: &'a [Section],
    other_matters: &'a [Section],
    closing: &'a Closing,
    previous: Option<Box<FileOut<'a>>>,
}

#[derive(Serialize)]
struct MetaOut<'a> {
    body: &'a str,
    year: Option<i32>,
    body_type: &'static str,
}

/// An object whose keys are the format's, in its order.
struct Members<'a, T>(Vec<(&'a str, T)>);

impl<T: Serialize> Serialize for Members<'_, T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(self.0.len()))?;
        for (key, value) in &self.0 {
            map.serialize_entry(key, value)?;
        }
        map.end()
    }
}

/// A count cell: an integer when it is a count, the text as typed otherwise, null when blank.
struct CountOut<'a>(&'a CountCell);

impl Serialize for CountOut<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self.0 {
            Cell::Blank => serializer.serialize_none(),
            Cell::Value(count) => serializer.serialize_u64(*count),
            Cell::Placeholder(raw) | Cell::Invalid { raw, .. } => serializer.serialize_str(raw),
        }
    }
}

/// The amount in 万元 as decimal text (never a float), null when blank.
struct AmountOut<'a>(&'a AmountCell);

impl Serialize for AmountOut<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self.0 {
            Cell::Blank => serializer.serialize_none(),
            Cell::Value(amount) => serializer.collect_str(amount),
            Cell::Placeholder(raw) | Cell::Invalid { raw, .. } => serializer.serialize_str(raw),
        }
    }
}

/// A member of 表二's object: one cell, a group of cells, or the fees.
#[derive(Serialize)]
#[serde(untagged)]
enum ProactiveOut<'a> {
    Count(CountOut<'a>),
    Group(Members<'a, CountOut<'a>>),
    Fees(AmountOut<'a>),
}

/// The report as the report file's document, to serialise inside another document (a draft's
/// envelope, an import's result) in the same pass, without writing the file text first.
pub struct ReportFile<'a>(pub &'a Report);

impl Serialize for ReportFile<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        document(self.0).serialize(serializer)
    }
}

/// The report file, pretty-printed with keys in the documented order, ending in a newline.
pub fn write_report(report: &Report) -> String {
    // Serialising these types into a String cannot fail: no map key is other than text.
    let mut text = serde_json::to_string_pretty(&document(report)).unwrap_or_default();
    text.push('\n');
    text
}

fn rows<'a, R: AsRef<[CountCell]> + 'a>(
    keys: impl Iterator<Item = &'static str>,
    column_keys: &[&'static str],
    rows: &'a [Rc<R>],
) -> Members<'a, Members<'a, CountOut<'a>>> {
    let row = |cells: &'a Rc<R>| {
        let cells = (**cells).as_ref();
        Members(
            column_keys
                .iter()
                .copied()
                .zip(cells.iter().map(CountOut))
                .collect(),
        )
    };
    Members(keys.zip(rows.iter().map(row)).collect())
}

fn document(report: &Report) -> FileOut<'_> {
    let counts = &report.proactive.counts;
    let mut proactive: Vec<(&str, ProactiveOut)> = proactive_file_groups()
        .iter()
        .map(|(key, cells)| match cells[..] {
            [(None, index)] => (*key, ProactiveOut::Count(CountOut(&counts[index]))),
            _ => {
                let field = |(field, index): &(Option<&'static str>, usize)| {
                    (field.unwrap_or_default(), CountOut(&counts[*index]))
                };
                (
                    *key,
                    ProactiveOut::Group(Members(cells.iter().map(field).collect())),
                )
            }
        })
        .collect();
    proactive.push((FEES_KEY, ProactiveOut::Fees(AmountOut(report.fees()))));
    let request_columns = REQUEST_COLUMNS.map(|spec| spec.key);
    let appeal_columns = APPEAL_COLUMNS.map(|(key, _)| key);
    FileOut {
        kind: KIND,
        version: CURRENT_VERSION,
        template: TEMPLATE_ID,
        meta: MetaOut {
            body: &report.meta.body,
            year: report.meta.year,
            body_type: report.meta.body_type.key(),
        },
        preface: &report.preface,
        overview: report.sections(Narrative::Overview),
        proactive: Members(proactive),
        requests: rows(
            REQUEST_ROWS.iter().map(|spec| spec.key),
            &request_columns,
            &report.requests,
        ),
        appeals: rows(
            APPEAL_GROUPS.iter().map(|spec| spec.key),
            &appeal_columns,
            &report.appeals,
        ),
        problems: report.sections(Narrative::Problems),
        other_matters: report.sections(Narrative::OtherMatters),
        closing: &report.closing,
        previous: report
            .previous
            .as_deref()
            .map(|previous| Box::new(document(previous))),
    }
}
