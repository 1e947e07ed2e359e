//! Drafts in localStorage. One key per draft holds an envelope (id, name, save time) around the
//! report file, so a draft is always a report file away from a download. The list of drafts is
//! read from the keys themselves; there is no index that could fall out of step.
//!
//! Nothing here deletes what it cannot read: a corrupt draft is copied aside first, and a draft
//! written by a newer version of the tool is never overwritten.

use ogi_report_core::file::{read_report_value, FileProblem};
use ogi_report_core::json::{self, Value};
use ogi_report_core::{write_report, Report};
use wasm_bindgen::JsCast;
use web_sys::Storage;

use crate::clock;
use crate::keys::{self, CORRUPT, CURRENT, DRAFT};

/// The envelope's own version; a larger one was written by a newer tool.
const ENVELOPE_VERSION: u64 = 1;

/// This page's key prefix (its embedding namespace, if any).
fn prefix() -> String {
    keys::prefix(crate::embed::config().namespace.as_deref())
}

pub fn draft_key(id: &str) -> String {
    format!("{}{DRAFT}{id}", prefix())
}

fn corrupt_key(id: &str) -> String {
    format!("{}{CORRUPT}{id}", prefix())
}

fn current_key() -> String {
    format!("{}{CURRENT}", prefix())
}

/// localStorage, or why it cannot be used (sandboxed iframe, storage disabled by policy).
pub fn local_storage() -> Result<Storage, String> {
    let window = web_sys::window().ok_or("没有浏览器窗口")?;
    match window.local_storage() {
        Ok(Some(storage)) => {
            // Some browsers hand out a storage object that throws on first use.
            storage.get_item(&current_key()).map_err(describe)?;
            Ok(storage)
        }
        Ok(None) => Err("浏览器未提供本地存储".to_owned()),
        Err(error) => Err(describe(error)),
    }
}

fn describe(error: wasm_bindgen::JsValue) -> String {
    error
        .dyn_ref::<web_sys::DomException>()
        .map(|exception| exception.name())
        .or_else(|| error.as_string())
        .unwrap_or_else(|| "未知错误".to_owned())
}

/// Why a save failed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SaveError {
    QuotaExceeded,
    Other(String),
}

/// What the drafts list shows for one stored draft.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DraftSummary {
    pub id: String,
    pub name: String,
    pub saved_at: String,
    pub state: DraftState,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DraftState {
    Readable,
    /// Written by a newer version of the tool: shown, never opened or overwritten here.
    Newer,
    /// Could not be read; its raw text is kept under another key for download.
    Corrupt {
        reason: String,
    },
}

/// A stored draft read back.
pub struct StoredDraft {
    pub name: String,
    pub saved_at: String,
    pub report: Report,
}

enum Envelope {
    Draft(StoredDraft),
    Newer { name: String, saved_at: String },
}

fn text_field(value: &Value, key: &str) -> String {
    value
        .get(key)
        .and_then(Value::as_str)
        .unwrap_or_default()
        .to_owned()
}

fn parse_envelope(raw: &str) -> Result<Envelope, String> {
    let value = json::parse(raw)
        .map_err(|e| format!("内容不完整或已损坏（第 {} 行第 {} 列）", e.line, e.column))?;
    let version = value
        .get("envelope")
        .and_then(Value::as_u64)
        .ok_or("缺少草稿版本号")?;
    let (name, saved_at) = (text_field(&value, "name"), text_field(&value, "saved_at"));
    if version > ENVELOPE_VERSION {
        return Ok(Envelope::Newer { name, saved_at });
    }
    let report_value = value.get("report").ok_or("缺少报告内容")?;
    match read_report_value(report_value) {
        Ok(report) => Ok(Envelope::Draft(StoredDraft {
            name,
            saved_at,
            report,
        })),
        Err(error) if matches!(error.problem, FileProblem::NewerVersion(_)) => {
            Ok(Envelope::Newer { name, saved_at })
        }
        Err(error) => Err(error.to_string()),
    }
}

fn envelope_text(id: &str, name: &str, saved_at: &str, report: &Report) -> String {
    let quoted = |text: &str| {
        let mut out = String::new();
        json::write_string(&mut out, text);
        out
    };
    format!(
        "{{\"envelope\":{ENVELOPE_VERSION},\"id\":{},\"name\":{},\"saved_at\":{},\"report\":{}}}",
        quoted(id),
        quoted(name),
        quoted(saved_at),
        write_report(report)
    )
}

fn keys(storage: &Storage) -> Vec<String> {
    let length = storage.length().unwrap_or(0);
    (0..length)
        .filter_map(|index| storage.key(index).ok().flatten())
        .collect()
}

/// Every stored draft, newest first. Corrupt drafts are moved aside (copied first, and the
/// original removed only once the copy is stored) so that they stop failing on every load.
pub fn list_drafts(storage: &Storage) -> Vec<DraftSummary> {
    let mut drafts = Vec::new();
    let prefix = prefix();
    for key in keys(storage) {
        let Some(rest) = key.strip_prefix(prefix.as_str()) else {
            continue;
        };
        if let Some(id) = rest.strip_prefix(DRAFT) {
            if let Ok(Some(raw)) = storage.get_item(&key) {
                drafts.push(summary_of(storage, id, &raw));
            }
        } else if let Some(id) = rest.strip_prefix(CORRUPT) {
            if !drafts.iter().any(|draft| draft.id == id) {
                drafts.push(corrupt_summary(id, "无法读取，原文已另存".to_owned()));
            }
        }
    }
    newest_first(&mut drafts);
    drafts
}

/// The drafts list after another tab wrote `key`: only that draft is read again (a background
/// tab would otherwise re-read every draft on each of the other tab's keystrokes).
pub fn list_after_change(
    storage: &Storage,
    drafts: &[DraftSummary],
    key: &str,
    new_value: Option<&str>,
) -> Vec<DraftSummary> {
    let prefix = prefix();
    let Some(rest) = key.strip_prefix(prefix.as_str()) else {
        return drafts.to_vec();
    };
    let Some(id) = rest.strip_prefix(DRAFT) else {
        // A corrupt copy or the current-draft marker: rare enough to read everything again.
        return list_drafts(storage);
    };
    let mut list: Vec<DraftSummary> = drafts
        .iter()
        .filter(|draft| draft.id != id)
        .cloned()
        .collect();
    if let Some(raw) = new_value {
        list.push(summary_of(storage, id, raw));
    }
    newest_first(&mut list);
    list
}

/// What the drafts list shows for the stored text of draft `id`; a corrupt one is moved aside.
fn summary_of(storage: &Storage, id: &str, raw: &str) -> DraftSummary {
    let (name, saved_at, state) = match parse_envelope(raw) {
        Ok(Envelope::Draft(draft)) => (
            draft_label(&draft.name, &draft.report),
            draft.saved_at,
            DraftState::Readable,
        ),
        Ok(Envelope::Newer { name, saved_at }) => (name, saved_at, DraftState::Newer),
        Err(reason) => {
            // Copied aside first; the original goes only once the copy is stored.
            if storage.set_item(&corrupt_key(id), raw).is_ok() {
                let _ = storage.remove_item(&draft_key(id));
            }
            return corrupt_summary(id, reason);
        }
    };
    DraftSummary {
        id: id.to_owned(),
        name,
        saved_at,
        state,
    }
}

fn newest_first(drafts: &mut [DraftSummary]) {
    // Ids are unique, so the order is total and an unstable sort gives the same list.
    drafts.sort_unstable_by(|a, b| b.saved_at.cmp(&a.saved_at).then_with(|| a.id.cmp(&b.id)));
}

fn corrupt_summary(id: &str, reason: String) -> DraftSummary {
    DraftSummary {
        id: id.to_owned(),
        name: format!("无法读取的草稿 {id}"),
        saved_at: String::new(),
        state: DraftState::Corrupt { reason },
    }
}

/// How the page names a draft: the name the user gave it, or else its body and year.
pub fn draft_label(name: &str, report: &Report) -> String {
    if !name.trim().is_empty() {
        return name.to_owned();
    }
    let body = report.meta.body.trim();
    let body = if body.is_empty() {
        "未命名机关"
    } else {
        body
    };
    match report.meta.year {
        Some(year) => format!("{body} {year} 年度"),
        None => body.to_owned(),
    }
}

/// A readable draft, or `None` when it is missing, corrupt or newer.
pub fn load_draft(storage: &Storage, id: &str) -> Option<StoredDraft> {
    let raw = storage.get_item(&draft_key(id)).ok().flatten()?;
    match parse_envelope(&raw) {
        Ok(Envelope::Draft(draft)) => Some(draft),
        _ => None,
    }
}

/// The raw text of a corrupt draft, for download.
pub fn corrupt_text(storage: &Storage, id: &str) -> Option<String> {
    storage
        .get_item(&corrupt_key(id))
        .ok()
        .flatten()
        .or_else(|| storage.get_item(&draft_key(id)).ok().flatten())
}

/// Writes a draft; returns the envelope text written (to recognise our own writes) and the time.
/// `ours` is the text this tab wrote last for this draft: when storage still holds it, it is not
/// parsed again (this runs on every keystroke, and parsing the stored draft would cost more than
/// writing it).
pub fn save_draft(
    storage: &Storage,
    id: &str,
    name: &str,
    report: &Report,
    ours: &str,
) -> Result<(String, String), SaveError> {
    let key = draft_key(id);
    if let Ok(Some(existing)) = storage.get_item(&key) {
        if existing != ours && matches!(parse_envelope(&existing), Ok(Envelope::Newer { .. })) {
            return Err(SaveError::Other(
                "该草稿由较新版本的工具保存，为避免覆盖未写入".to_owned(),
            ));
        }
    }
    let saved_at = clock::now_iso();
    let text = envelope_text(id, name, &saved_at, report);
    storage
        .set_item(&key, &text)
        .map_err(|error| match describe(error).as_str() {
            "QuotaExceededError" | "NS_ERROR_DOM_QUOTA_REACHED" => SaveError::QuotaExceeded,
            other => SaveError::Other(other.to_owned()),
        })?;
    let _ = storage.set_item(&current_key(), id);
    Ok((text, saved_at))
}

pub fn remove_draft(storage: &Storage, id: &str) {
    let _ = storage.remove_item(&draft_key(id));
    let _ = storage.remove_item(&corrupt_key(id));
}

pub fn current_draft(storage: &Storage) -> Option<String> {
    storage.get_item(&current_key()).ok().flatten()
}

pub fn set_current(storage: &Storage, id: &str) {
    let _ = storage.set_item(&current_key(), id);
}

/// A fresh draft id: time-ordered, unique enough for one browser.
pub fn new_id() -> String {
    let random = (js_sys::Math::random() * 1e6) as u64;
    format!("{}-{random:06}", js_sys::Date::now() as u64)
}
