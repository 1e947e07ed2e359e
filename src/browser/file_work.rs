//! File work on demand: Word/HTML/Excel rendering, the print view and importing come from the
//! `ogi-report` package (crates/ogi-report-wasm, the one portals install), loaded the first time
//! the user needs it (src/js/file_work.js) instead of in the first load. Reports cross as the
//! report file's JSON text, so the page and the package read the same file.

use js_sys::{Array, Promise, Reflect, Uint8Array, JSON};
use ogi_report_core::audit::CellSource;
use ogi_report_core::imported::{read_imported, Imported};
use ogi_report_core::output::Format;
use ogi_report_core::{read_report, write_report, Report, Severity};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

#[wasm_bindgen(module = "/src/js/file_work.js")]
extern "C" {
    #[wasm_bindgen(js_name = callFileWork)]
    fn call_file_work(name: &str, args: &Array) -> Promise;
}

/// Why a file operation did not happen when the package could not be fetched.
pub const NOT_LOADED: &str =
    "文件处理模块未能加载（可能是网络中断）。请联网后重试；联网打开本页一次后，离线也能使用。";

/// Calls the package's `name(args…)`; `done` gets its value or the message of its failure.
fn call(name: &str, args: Array, done: impl FnOnce(Result<JsValue, String>) + 'static) {
    let settled = Closure::once(move |result: JsValue| {
        let field = |key: &str| Reflect::get(&result, &key.into()).unwrap_or_default();
        let error = field("error");
        done(if error.is_undefined() {
            Ok(field("ok"))
        } else {
            Err(error.as_string().unwrap_or_else(|| NOT_LOADED.to_owned()))
        });
    });
    let _ = call_file_work(name, &args).then(&settled);
    // Runs once, when the promise settles (it always does, with ok or error).
    settled.forget();
}

fn draft_option(draft: bool) -> JsValue {
    let options = js_sys::Object::new();
    let _ = Reflect::set(&options, &"draft".into(), &draft.into());
    options.into()
}

/// The report as a Word, HTML or Excel file's bytes.
pub fn render(
    report: &Report,
    format: Format,
    draft: bool,
    done: impl FnOnce(Result<Vec<u8>, String>) + 'static,
) {
    let args = Array::of3(
        &write_report(report).into(),
        &format.name().into(),
        &draft_option(draft),
    );
    call("render", args, move |result| {
        done(result.map(|bytes| bytes.unchecked_into::<Uint8Array>().to_vec()))
    });
}

/// The report as the class-styled HTML fragment of the print view.
pub fn article(report: &Report, draft: bool, done: impl FnOnce(Result<String, String>) + 'static) {
    let args = Array::of2(&write_report(report).into(), &draft_option(draft));
    call("article", args, move |result| {
        done(result.map(|html| html.as_string().unwrap_or_default()))
    });
}

/// Reads a file the user brought (or pasted text, as bytes) into a report.
pub fn import(bytes: &[u8], name: &str, done: impl FnOnce(Result<Imported, String>) + 'static) {
    let args = Array::of2(&Uint8Array::from(bytes).into(), &name.into());
    call("importFile", args, move |result| {
        done(result.and_then(|value| imported(&value)))
    });
}

/// One finding of 审阅 as the package reports it.
#[derive(Clone, Debug, PartialEq)]
pub struct AuditFinding {
    pub rule: String,
    pub severity: Severity,
    pub cells: Vec<String>,
    pub message: String,
}

/// 审阅 of a published report: the report read, the final check's findings (less those set
/// aside because they rest on unread cells), and each cell's path and source.
#[derive(Clone, Debug, PartialEq)]
pub struct Audited {
    pub report: Report,
    pub findings: Vec<AuditFinding>,
    pub set_aside: usize,
    pub cells: Vec<(String, CellSource)>,
    /// The cells the findings mark (where the report is wrong).
    pub marked: Vec<String>,
}

/// Reads a published report from a file's bytes and checks it as it stands (the package's
/// `audit`).
pub fn audit(bytes: &[u8], name: &str, done: impl FnOnce(Result<Audited, String>) + 'static) {
    let args = Array::of3(
        &Uint8Array::from(bytes).into(),
        &name.into(),
        &js_sys::Object::new().into(),
    );
    call("audit", args, move |result| {
        done(result.and_then(|value| audited(&value)))
    });
}

fn audited(value: &JsValue) -> Result<Audited, String> {
    let field = |from: &JsValue, key: &str| Reflect::get(from, &key.into()).unwrap_or_default();
    let text = |from: &JsValue, key: &str| field(from, key).as_string().unwrap_or_default();
    let report = JSON::stringify(&field(value, "report"))
        .ok()
        .and_then(|text| text.as_string())
        .unwrap_or_default();
    let report = read_report(&report).map_err(|error| error.to_string())?;
    let findings = Array::from(&field(value, "findings"))
        .iter()
        .map(|finding| AuditFinding {
            rule: text(&finding, "rule"),
            severity: Severity::parse(&text(&finding, "severity")).unwrap_or(Severity::Info),
            cells: strings(&finding, "cells"),
            message: text(&finding, "message"),
        })
        .collect();
    let cells = Array::from(&field(value, "cells"))
        .iter()
        .filter_map(|pair| {
            let pair = Array::from(&pair);
            let source = pair.get(1);
            let source = CellSource::parse(&text(&source, "source"), &text(&source, "why"))?;
            Some((pair.get(0).as_string()?, source))
        })
        .collect();
    Ok(Audited {
        report,
        findings,
        set_aside: field(value, "setAside").as_f64().unwrap_or_default() as usize,
        cells,
        marked: strings(value, "marked"),
    })
}

fn strings(value: &JsValue, key: &str) -> Vec<String> {
    let list = Reflect::get(value, &key.into()).unwrap_or_default();
    Array::from(&list)
        .iter()
        .filter_map(|item| item.as_string())
        .collect()
}

/// The package's `importFile` result, read by the core's reader of the shape the package wrote.
fn imported(value: &JsValue) -> Result<Imported, String> {
    let text = JSON::stringify(value)
        .ok()
        .and_then(|text| text.as_string())
        .unwrap_or_default();
    read_imported(&text)
}
