//! `ogi-report` for JavaScript: the core's rules, renderers, importer and 汇总 as a wasm-bindgen
//! package built by wasm-pack (`make package` → `pkg/`). Portals that keep their own forms call
//! it; the filling page loads it on demand for all file work. The operations themselves live in
//! [`api`] over plain text and bytes (tested natively); this file only converts JavaScript values
//! and turns every failure into a JavaScript `Error` with the CLI's Chinese message.
//!
//! A report goes in as the report file's JSON text or as the parsed object, and comes out as an
//! object.

pub mod api;
pub mod describe;

use js_sys::{Array, Reflect, Uint8Array, JSON};
use wasm_bindgen::prelude::*;

fn error(message: String) -> JsError {
    JsError::new(&message)
}

/// A report passed from JavaScript as JSON text, or as an object (stringified here).
fn report_text(value: &JsValue, what: &str) -> Result<String, JsError> {
    if let Some(text) = value.as_string() {
        return Ok(text);
    }
    if value.is_object() {
        if let Some(text) = JSON::stringify(value)
            .ok()
            .and_then(|text| text.as_string())
        {
            return Ok(text);
        }
    }
    Err(error(format!(
        "缺少{what}：应为报告文件的 JSON 文本或对象。"
    )))
}

/// JSON text written by [`api`] as a JavaScript value.
fn parsed(json: &str) -> Result<JsValue, JsError> {
    JSON::parse(json).map_err(|_| error("内部错误：结果不是有效的 JSON。".to_owned()))
}

/// An optional field of an options object: absent, `undefined` and `null` are all "not given".
fn field(options: &JsValue, name: &str) -> Option<JsValue> {
    if !options.is_object() {
        return None;
    }
    Reflect::get(options, &name.into())
        .ok()
        .filter(|value| !value.is_undefined() && !value.is_null())
}

fn string_field(options: &JsValue, name: &str) -> Result<Option<String>, JsError> {
    field(options, name)
        .map(|value| {
            value
                .as_string()
                .ok_or_else(|| error(format!("选项 {name} 应为文本。")))
        })
        .transpose()
}

fn draft_field(options: &JsValue) -> Result<Option<bool>, JsError> {
    field(options, "draft")
        .map(|value| {
            value
                .as_bool()
                .ok_or_else(|| error("选项 draft 应为 true 或 false。".to_owned()))
        })
        .transpose()
}

/// Runs every rule: `{findings: [{rule, severity, cells, message}], errors, warnings}`.
/// Options: `previous` (last year's report), `today` and `deadline` (`YYYY-MM-DD`), `stage`
/// (`"final"`, the default, or `"filling"`, where blank cells are not errors yet).
#[wasm_bindgen]
pub fn check(report: JsValue, options: JsValue) -> Result<JsValue, JsError> {
    let report = report_text(&report, "报告")?;
    let previous = field(&options, "previous")
        .map(|previous| report_text(&previous, "上年报告"))
        .transpose()?;
    let options = api::CheckOptions {
        previous,
        today: string_field(&options, "today")?,
        deadline: string_field(&options, "deadline")?,
        stage: string_field(&options, "stage")?,
        now_millis: js_sys::Date::now(),
    };
    parsed(&api::check(&report, &options).map_err(error)?)
}

/// 审阅: a published report (Word, PDF, web page, text or report file, as `importFile` reads)
/// checked as it stands: `{report, findings, errors, warnings, setAside, cells, notPlaced}`;
/// each of `cells` is `[path, {source: "read" | "inferred" | "unread", why?}]`, and `setAside`
/// counts findings left out because they rest on cells that could not be read. Options as
/// `check` (`today`, `deadline`).
#[wasm_bindgen]
pub fn audit(bytes: &[u8], file_name: &str, options: JsValue) -> Result<JsValue, JsError> {
    let options = api::CheckOptions {
        previous: None,
        today: string_field(&options, "today")?,
        deadline: string_field(&options, "deadline")?,
        stage: None,
        now_millis: js_sys::Date::now(),
    };
    parsed(&api::audit(bytes, file_name, &options).map_err(error)?)
}

/// The report as a file: `format` is `"docx"`, `"html"` or `"json"`. A report with errors is
/// marked 草稿（未通过检查） unless `options.draft` says otherwise.
#[wasm_bindgen]
pub fn render(report: JsValue, format: &str, options: JsValue) -> Result<Uint8Array, JsError> {
    let report = report_text(&report, "报告")?;
    let bytes = api::render(&report, format, draft_field(&options)?).map_err(error)?;
    Ok(Uint8Array::from(bytes.as_slice()))
}

/// The report as an HTML fragment styled by class names (a preview, or the page's print view).
#[wasm_bindgen]
pub fn article(report: JsValue, options: JsValue) -> Result<String, JsError> {
    let report = report_text(&report, "报告")?;
    api::article(&report, draft_field(&options)?).map_err(error)
}

/// Reads a file a user brought (a report file, or a published report's text) by its bytes:
/// `{report, summary}`; `summary` (`{filled, blank, notUnderstood: [{line, text, why}],
/// missing}`) is `null` for a report file.
#[wasm_bindgen(js_name = importFile)]
pub fn import_file(bytes: &[u8], file_name: &str) -> Result<JsValue, JsError> {
    parsed(&api::import(bytes, file_name).map_err(error)?)
}

/// 汇总 of units' report files, each `{name, bytes}` (a `Uint8Array`) or `{name, text}`:
/// `{report, year, units: [{file, body, errors, warnings, figures, findings, copied: {unit, share} | null}], refused: [{file,
/// reason}], unknown: [{cell, label, causes: [{unit, why}]}], leftOut, status, keyFigures, csv}`.
/// `options`: `body` names the summed report, `year` the year summed (otherwise the one most files
/// name), `fileYears` (`{file: year}`) gives a year to files whose report names none, `prefer`
/// (`[file]`) chooses among two files of one unit (otherwise the more complete counts).
#[wasm_bindgen]
pub fn sum(files: Array, options: JsValue) -> Result<JsValue, JsError> {
    let files = files
        .iter()
        .map(|file| {
            let name = string_field(&file, "name")?.unwrap_or_default();
            let bytes = match (field(&file, "bytes"), string_field(&file, "text")?) {
                (Some(bytes), _) => bytes
                    .dyn_into::<Uint8Array>()
                    .map_err(|_| error(format!("文件「{name}」的 bytes 应为 Uint8Array。")))?
                    .to_vec(),
                (None, Some(text)) => text.into_bytes(),
                (None, None) => return Err(error(format!("文件「{name}」缺少 bytes 或 text。"))),
            };
            Ok(api::UnitFile { name, bytes })
        })
        .collect::<Result<Vec<_>, JsError>>()?;
    parsed(&api::sum(&files, &sum_choices(&options)?).map_err(error)?)
}

/// `options` of [`sum`]: `{body, year, fileYears: {file: year}, prefer: [file]}`.
fn sum_choices(options: &JsValue) -> Result<api::SumChoices, JsError> {
    let number = |value: JsValue, what: &str| {
        value
            .as_f64()
            .filter(|year| year.fract() == 0.0 && (2000.0..=2100.0).contains(year))
            .map(|year| year as i32)
            .ok_or_else(|| error(format!("{what}应为四位数字的年度。")))
    };
    let year = field(options, "year")
        .map(|year| number(year, "year "))
        .transpose()?;
    let mut file_years = Vec::new();
    if let Some(given) = field(options, "fileYears") {
        for entry in js_sys::Object::entries(&given.into()).iter() {
            let entry: Array = entry.into();
            let file = entry.get(0).as_string().unwrap_or_default();
            let year = number(entry.get(1), &format!("fileYears 中「{file}」的"))?;
            file_years.push((file, year));
        }
    }
    let prefer = match field(options, "prefer") {
        Some(files) => Array::from(&files)
            .iter()
            .filter_map(|file| file.as_string())
            .collect(),
        None => Vec::new(),
    };
    Ok(api::SumChoices {
        body: string_field(options, "body")?,
        year,
        file_years,
        prefer,
    })
}

/// A blank report to fill, for the year given (or none yet).
#[wasm_bindgen(js_name = emptyReport)]
pub fn empty_report(year: Option<i32>) -> Result<JsValue, JsError> {
    parsed(&api::empty_report(year))
}

/// The report with every 总计 cell computed from the cells it sums (what the page shows in its
/// read-only total cells); a total over a cell that is not a count stays blank.
#[wasm_bindgen(js_name = withTotals)]
pub fn with_totals(report: JsValue) -> Result<JsValue, JsError> {
    let report = report_text(&report, "报告")?;
    parsed(&api::with_totals(&report).map_err(error)?)
}

/// The format as data for a portal's own form: `{template, titleSuffix, parts, tables}`.
#[wasm_bindgen]
pub fn format() -> Result<JsValue, JsError> {
    parsed(&describe::describe())
}
