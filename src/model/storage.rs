//! Drafts in localStorage. One key per draft holds an envelope (id, name, save time) around the
//! report file, so a draft is always a report file away from a download. The list of drafts is
//! read from the keys themselves; there is no index that could fall out of step.
//!
//! Nothing here deletes what it cannot read: a corrupt draft is copied aside first, and a draft
//! written by a newer version of the tool is never overwritten.

use ogi_report_core::file::{read_report_raw, FileProblem, ReportFile, CURRENT_VERSION};
use ogi_report_core::Report;
use serde::{Deserialize, Serialize};
use serde_json::value::RawValue;

use crate::model::keys::{self, CORRUPT, CURRENT, DRAFT, HINT_CLOSED};
use crate::model::store::Store;

/// The envelope's own version; a larger one was written by a newer tool.
const ENVELOPE_VERSION: u64 = 1;

/// The drafts of one page (one embedding namespace) in a store.
pub struct Drafts<S> {
    pub(crate) store: S,
    prefix: String,
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
#[derive(Clone, Debug, PartialEq)]
pub struct StoredDraft {
    pub name: String,
    pub saved_at: String,
    pub report: Report,
}

enum Envelope {
    Draft(Box<StoredDraft>),
    Newer { name: String, saved_at: String },
}

/// A draft as stored (docs/report-file.md, "The draft envelope"): written whole on every save.
#[derive(Serialize)]
struct EnvelopeOut<'a> {
    envelope: u64,
    id: &'a str,
    name: &'a str,
    saved_at: &'a str,
    /// Written in the envelope's own pass (compact), not as the report file's text first.
    report: ReportFile<'a>,
}

/// A stored draft as read: only `envelope` is required of it (a newer release's may hold more);
/// the report inside is read strictly by the core.
#[derive(Deserialize)]
struct EnvelopeIn {
    envelope: u64,
    #[serde(default)]
    name: String,
    #[serde(default)]
    saved_at: String,
    report: Option<Box<RawValue>>,
}

/// What a save must know of a draft another tab wrote before overwriting it: whether a newer
/// release wrote it (the report inside is skipped, not read).
#[derive(Deserialize)]
struct EnvelopeHead {
    envelope: u64,
    report: Option<VersionOnly>,
}

#[derive(Deserialize)]
struct VersionOnly {
    version: Option<u64>,
}

impl EnvelopeHead {
    fn is_newer(&self) -> bool {
        let report_version = self.report.as_ref().and_then(|report| report.version);
        self.envelope > ENVELOPE_VERSION || report_version.is_some_and(|v| v > CURRENT_VERSION)
    }
}

/// Why a stored draft cannot be read, in the words of the drafts list.
fn unreadable(error: &serde_json::Error) -> String {
    use serde_json::error::Category;
    match error.classify() {
        Category::Data => "不是本工具保存的草稿（缺少草稿版本号或内容格式不符）".to_owned(),
        _ => format!(
            "内容不完整或已损坏（第 {} 行第 {} 列）",
            error.line(),
            error.column()
        ),
    }
}

fn envelope_of(read: Result<EnvelopeIn, serde_json::Error>) -> Result<Envelope, String> {
    let stored = read.map_err(|error| unreadable(&error))?;
    let (name, saved_at) = (stored.name, stored.saved_at);
    if stored.envelope > ENVELOPE_VERSION {
        return Ok(Envelope::Newer { name, saved_at });
    }
    let report = stored.report.ok_or("缺少报告内容")?;
    match read_report_raw(&report) {
        Ok(report) => Ok(Envelope::Draft(Box::new(StoredDraft {
            name,
            saved_at,
            report,
        }))),
        Err(error) if matches!(error.problem, FileProblem::NewerVersion(_)) => {
            Ok(Envelope::Newer { name, saved_at })
        }
        Err(error) => Err(error.to_string()),
    }
}

impl<S: Store> Drafts<S> {
    pub fn new(store: S, namespace: Option<&str>) -> Drafts<S> {
        Drafts {
            store,
            prefix: keys::prefix(namespace),
        }
    }

    pub fn store(&self) -> &S {
        &self.store
    }

    pub fn draft_key(&self, id: &str) -> String {
        keys::draft_key(&self.prefix, id)
    }

    fn corrupt_key(&self, id: &str) -> String {
        format!("{}{CORRUPT}{id}", self.prefix)
    }

    pub(crate) fn current_key(&self) -> String {
        format!("{}{CURRENT}", self.prefix)
    }

    /// Every stored draft, newest first. Corrupt drafts are moved aside (copied first, and the
    /// original removed only once the copy is stored) so that they stop failing on every load.
    pub fn list(&self) -> Vec<DraftSummary> {
        let mut drafts = Vec::new();
        for key in self.store.keys() {
            let Some(rest) = key.strip_prefix(self.prefix.as_str()) else {
                continue;
            };
            if let Some(id) = rest.strip_prefix(DRAFT) {
                if let Some(read) = self.store.get_as::<EnvelopeIn>(&key) {
                    drafts.push(self.summary_of(id, read));
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
        &self,
        drafts: &[DraftSummary],
        key: &str,
        new_value: Option<&str>,
    ) -> Vec<DraftSummary> {
        let Some(rest) = key.strip_prefix(self.prefix.as_str()) else {
            return drafts.to_vec();
        };
        let Some(id) = rest.strip_prefix(DRAFT) else {
            // A corrupt copy or the current-draft marker: rare enough to read everything again.
            return self.list();
        };
        let mut list: Vec<DraftSummary> = drafts
            .iter()
            .filter(|draft| draft.id != id)
            .cloned()
            .collect();
        if let Some(raw) = new_value {
            list.push(self.summary_of(id, serde_json::from_str(raw)));
        }
        newest_first(&mut list);
        list
    }

    /// What the drafts list shows for the stored text of draft `id`; a corrupt one is moved aside.
    fn summary_of(&self, id: &str, read: Result<EnvelopeIn, serde_json::Error>) -> DraftSummary {
        let (name, saved_at, state) = match envelope_of(read) {
            Ok(Envelope::Draft(draft)) => (
                draft_label(&draft.name, &draft.report),
                draft.saved_at,
                DraftState::Readable,
            ),
            Ok(Envelope::Newer { name, saved_at }) => (name, saved_at, DraftState::Newer),
            Err(reason) => {
                // Copied aside as it is (text that is not a draft); the original goes only once
                // the copy is stored.
                let key = self.draft_key(id);
                let copied = self
                    .store
                    .get(&key)
                    .map(|raw| self.store.set(&self.corrupt_key(id), &raw));
                if copied.is_some_and(|copied| copied.is_ok()) {
                    self.store.remove(&key);
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

    /// A readable draft, or `None` when it is missing, corrupt or newer.
    pub fn load(&self, id: &str) -> Option<StoredDraft> {
        match envelope_of(self.store.get_as(&self.draft_key(id))?) {
            Ok(Envelope::Draft(draft)) => Some(*draft),
            _ => None,
        }
    }

    /// The raw text of a corrupt draft, for download.
    pub fn corrupt_text(&self, id: &str) -> Option<String> {
        self.store
            .get(&self.corrupt_key(id))
            .or_else(|| self.store.get(&self.draft_key(id)))
    }

    /// Writes a draft stamped `saved_at`; returns the envelope text written, this tab's mark of
    /// its own write (a storage event carrying it is ours). `ours` is the text this tab wrote last
    /// for this draft: a stored draft that is not ours and was written by a newer release is never
    /// overwritten. The envelope is serialised once, and stored as that text: gloo-storage's
    /// typed `set` would serialise it a second time on every keystroke.
    pub fn save(
        &self,
        id: &str,
        name: &str,
        report: &Report,
        ours: &str,
        saved_at: &str,
    ) -> Result<String, SaveError> {
        let key = self.draft_key(id);
        if self.store.get(&key).is_some_and(|stored| stored != ours) {
            if let Some(Ok(stored)) = self.store.get_as::<EnvelopeHead>(&key) {
                if stored.is_newer() {
                    return Err(SaveError::Other(
                        "该草稿由较新版本的工具保存，为避免覆盖未写入".to_owned(),
                    ));
                }
            }
        }
        let report = ReportFile(report);
        let envelope = EnvelopeOut {
            envelope: ENVELOPE_VERSION,
            id,
            name,
            saved_at,
            report,
        };
        let text = serde_json::to_string(&envelope)
            .map_err(|error| SaveError::Other(error.to_string()))?;
        self.store
            .set(&key, &text)
            .map_err(|error| match error.as_str() {
                "QuotaExceededError" | "NS_ERROR_DOM_QUOTA_REACHED" => SaveError::QuotaExceeded,
                other => SaveError::Other(other.to_owned()),
            })?;
        Ok(text)
    }

    pub fn remove(&self, id: &str) {
        self.store.remove(&self.draft_key(id));
        self.store.remove(&self.corrupt_key(id));
    }

    /// Whether the user closed the first-visit hint (remembered per namespace, like the drafts).
    pub fn hint_closed(&self) -> bool {
        self.store.get(&self.hint_key()).is_some()
    }

    pub fn close_hint(&self) {
        let _ = self.store.set(&self.hint_key(), "1");
    }

    fn hint_key(&self) -> String {
        format!("{}{HINT_CLOSED}", self.prefix)
    }

    pub fn current(&self) -> Option<String> {
        self.store.get(&self.current_key())
    }

    /// Makes `id` the draft the next visit opens. Every save asks this; the write happens only
    /// when another draft (or another tab's) is marked, since each write also wakes every other
    /// tab with a storage event.
    pub fn set_current(&self, id: &str) {
        let key = self.current_key();
        if self.store.get(&key).as_deref() != Some(id) {
            let _ = self.store.set(&key, id);
        }
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
