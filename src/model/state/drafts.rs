//! Drafts: which draft is open (its id and name), the drafts list, where drafts live
//! (localStorage, or only this page), the save status, and another tab's writes to the open draft
//! (saving pauses until the user chooses). Reads and writes are effects (`Save`, `List`, `Load`),
//! their results actions (`Saved`, `Listed`, `Loaded`).

use std::rc::Rc;

use ogi_report_core::{read_report, Report};

use super::{new_report, Effect, Notice, State};
use crate::model::storage::{self, DraftSummary, SaveError, StoredDraft};
use crate::model::store::Store;

/// Where drafts live.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StorageMode {
    Local,
    /// localStorage cannot be used; the draft lives only in this page.
    Memory {
        reason: String,
    },
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SaveStatus {
    NotYet,
    Saved,
    Failed(SaveError),
    /// Another tab changed this draft; saving waits for the user's choice.
    Paused,
}

/// Fresh draft ids: the page's load time and a random number, then a count (time-ordered,
/// unique enough for one browser). Given by the runtime, so `apply` stays pure.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct IdSource {
    pub loaded_at_ms: u64,
    pub random: u32,
    pub issued: u64,
}

impl IdSource {
    fn next(&mut self) -> String {
        self.issued += 1;
        format!(
            "{}-{:06}",
            self.loaded_at_ms + self.issued,
            self.random % 1_000_000
        )
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct DraftsState {
    /// The open draft's id and name (empty: named after the report).
    pub id: String,
    pub name: String,
    pub list: Rc<Vec<DraftSummary>>,
    pub storage: StorageMode,
    pub save: SaveStatus,
    /// When this draft was last stored successfully (ISO time).
    pub saved_at: Option<String>,
    /// The envelope text this tab last wrote, to tell our writes from another tab's.
    last_written: Rc<str>,
    /// Another tab wrote the open draft: saving waits for the user's choice.
    pub conflict: bool,
    ids: IdSource,
}

impl DraftsState {
    pub(super) fn new(mut ids: IdSource) -> DraftsState {
        DraftsState {
            id: ids.next(),
            name: String::new(),
            list: Rc::default(),
            storage: StorageMode::Local,
            save: SaveStatus::NotYet,
            saved_at: None,
            last_written: Rc::from(""),
            conflict: false,
            ids,
        }
    }

    fn stored(&self) -> bool {
        self.storage == StorageMode::Local
    }
}

/// What a loaded draft is for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum AfterLoad {
    Open,
    Duplicate,
    Rename(String),
    /// The user chose another tab's version of the open draft.
    TakeOtherTab,
}

/// A write that succeeded: the text stored and its time.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Saved {
    pub id: String,
    pub text: String,
    pub at: String,
}

pub enum Draft {
    New,
    Open(String),
    Duplicate(String),
    Rename(String, String),
    Delete(String),
    /// The text of a report file the user chose: opened as a new draft.
    OpenFile {
        name: String,
        text: String,
    },
    /// A `storage` event from another tab.
    StorageChanged {
        key: String,
        new_value: Option<String>,
    },
    TakeOtherTabVersion,
    KeepAsNew,
    /// Download the report file (not gated: it is the user's own copy of the draft).
    DownloadReportFile,
    /// The raw text of an unreadable draft, for download.
    DownloadCorrupt(String),
    /// What `Effect::Save` did.
    Saved(Result<Saved, SaveError>),
    /// What `Effect::List` / `Effect::ListAfterChange` read.
    Listed(Vec<DraftSummary>),
    /// What `Effect::Load` read (`None`: missing, unreadable or newer).
    Loaded {
        id: String,
        /// Boxed: a report is far larger than any other action.
        draft: Option<Box<StoredDraft>>,
        then: AfterLoad,
    },
}

impl State {
    pub(super) fn apply_draft(&mut self, action: Draft, effects: &mut Vec<Effect>) {
        match action {
            Draft::New => {
                let report = new_report(self.env.today, &self.env.embedding);
                self.start_draft(String::new(), report, effects);
            }
            Draft::Open(id) => self.load(id, AfterLoad::Open, effects),
            Draft::Duplicate(id) => self.load(id, AfterLoad::Duplicate, effects),
            Draft::Rename(id, name) if id == self.drafts.id => {
                self.drafts.name = name;
                self.save_now(effects);
                self.relist(effects);
            }
            Draft::Rename(id, name) => self.load(id, AfterLoad::Rename(name), effects),
            Draft::Delete(id) => self.delete(id, effects),
            Draft::OpenFile { name, text } => match read_report(&text) {
                Ok(report) => self.open_new_draft(report, Notice::FileOpened { name }, effects),
                Err(error) => self.tell(Notice::FileUnreadable { name, error }),
            },
            Draft::StorageChanged { key, new_value } => {
                self.storage_changed(key, new_value, effects)
            }
            Draft::TakeOtherTabVersion => {
                self.load(self.drafts.id.clone(), AfterLoad::TakeOtherTab, effects)
            }
            Draft::KeepAsNew => {
                self.drafts.conflict = false;
                self.drafts.name = format!("{}（本页版本）", self.draft_label());
                self.drafts.id = self.drafts.ids.next();
                self.drafts.last_written = Rc::from("");
                self.save_now(effects);
            }
            Draft::DownloadReportFile => {
                let report = &self.editing.report;
                // A page handed down says where the file goes back.
                if let Some(pack) = self.env.embedding.pack.as_deref() {
                    let notice = Notice::ReportFileHandedOver {
                        file_name: ogi_report_core::output::report_file_name(
                            report,
                            ogi_report_core::output::Format::Json,
                        ),
                        send_back: pack.send_back(),
                    };
                    self.tell(notice);
                }
                effects.push(Effect::DownloadReportFile(self.editing.report.clone()))
            }
            Draft::DownloadCorrupt(id) => effects.push(Effect::DownloadCorrupt(id)),
            Draft::Saved(result) => self.saved(result, effects),
            Draft::Listed(drafts) => self.drafts.list = Rc::new(drafts),
            Draft::Loaded { id, draft, then } => self.loaded(id, draft, then, effects),
        }
    }

    /// The last open draft (or, if it cannot be read, the newest that can) opened at the start:
    /// its report, for `start` to put in place.
    pub(super) fn open_last<S: Store>(&mut self, drafts: &storage::Drafts<S>) -> Option<Report> {
        self.drafts.list = Rc::new(drafts.list());
        let (id, draft) = drafts
            .current()
            .and_then(|id| drafts.load(&id).map(|draft| (id, draft)))
            .or_else(|| {
                self.drafts.list.iter().find_map(|summary| {
                    drafts
                        .load(&summary.id)
                        .map(|draft| (summary.id.clone(), draft))
                })
            })?;
        self.drafts.id = id;
        self.drafts.name = draft.name;
        self.drafts.save = SaveStatus::Saved;
        self.drafts.saved_at = Some(draft.saved_at);
        drafts.set_current(&self.drafts.id);
        Some(draft.report)
    }

    /// The drafts list's label for the open draft.
    pub fn draft_label(&self) -> String {
        storage::draft_label(&self.drafts.name, &self.editing.report)
    }

    /// Whether this page stores drafts (it does unless localStorage cannot be used).
    pub(super) fn stored(&self) -> bool {
        self.drafts.stored()
    }

    /// Saves the open draft — unless another tab's write waits for the user's choice.
    pub(super) fn save_now(&mut self, effects: &mut Vec<Effect>) {
        if self.drafts.conflict {
            self.drafts.save = SaveStatus::Paused;
            return;
        }
        if self.stored() {
            effects.push(Effect::Save {
                id: self.drafts.id.clone(),
                name: self.drafts.name.clone(),
                report: self.editing.report.clone(),
                ours: self.drafts.last_written.clone(),
                make_current: true,
            });
        }
    }

    fn relist(&self, effects: &mut Vec<Effect>) {
        if self.stored() {
            effects.push(Effect::List);
        }
    }

    fn load(&self, id: String, then: AfterLoad, effects: &mut Vec<Effect>) {
        if self.stored() {
            effects.push(Effect::Load { id, then });
        }
    }

    fn delete(&mut self, id: String, effects: &mut Vec<Effect>) {
        if self.stored() {
            effects.push(Effect::Remove(id.clone()));
        }
        if id == self.drafts.id {
            let report = new_report(self.env.today, &self.env.embedding);
            let fresh = self.drafts.ids.next();
            self.switch_to(fresh, String::new(), report, None, effects);
        }
        self.relist(effects);
    }

    fn storage_changed(
        &mut self,
        key: String,
        new_value: Option<String>,
        effects: &mut Vec<Effect>,
    ) {
        let ours = new_value.as_deref() == Some(&*self.drafts.last_written);
        if !self.stored() {
        } else if !ours && self.is_open_draft_key(&key) {
            self.drafts.conflict = true;
            self.drafts.save = SaveStatus::Paused;
        } else {
            effects.push(Effect::ListAfterChange {
                key,
                new_value,
                drafts: self.drafts.list.clone(),
            });
        }
    }

    fn saved(&mut self, result: Result<Saved, SaveError>, effects: &mut Vec<Effect>) {
        match result {
            Ok(saved) if saved.id == self.drafts.id => {
                self.drafts.last_written = Rc::from(saved.text);
                self.drafts.save = SaveStatus::Saved;
                self.drafts.saved_at = Some(saved.at);
                // A draft saved for the first time joins the list.
                if !self
                    .drafts
                    .list
                    .iter()
                    .any(|draft| draft.id == self.drafts.id)
                {
                    self.relist(effects);
                }
            }
            // Another draft renamed: the list shows it.
            Ok(_) => {}
            Err(error) => self.drafts.save = SaveStatus::Failed(error),
        }
    }

    /// Another draft opened in place of this one.
    fn switch_to(
        &mut self,
        id: String,
        name: String,
        report: Report,
        saved_at: Option<String>,
        effects: &mut Vec<Effect>,
    ) {
        self.drafts.id = id;
        self.drafts.name = name;
        self.drafts.conflict = false;
        self.drafts.last_written = Rc::from("");
        self.drafts.save = if saved_at.is_some() {
            SaveStatus::Saved
        } else {
            SaveStatus::NotYet
        };
        self.drafts.saved_at = saved_at;
        if self.stored() {
            effects.push(Effect::SetCurrent(self.drafts.id.clone()));
        }
        self.replace_report(report);
    }

    /// A new draft (new id) holding `report`, saved at once (and listed once saved: `Saved`).
    fn start_draft(&mut self, name: String, report: Report, effects: &mut Vec<Effect>) {
        let id = self.drafts.ids.next();
        self.switch_to(id, name, report, None, effects);
        self.save_now(effects);
    }

    /// A report from a file or an import becomes a new draft, with the portal's prefill.
    pub(super) fn open_new_draft(
        &mut self,
        mut report: Report,
        notice: Notice,
        effects: &mut Vec<Effect>,
    ) {
        self.env.embedding.prefill(&mut report);
        self.start_draft(String::new(), report, effects);
        self.tell(notice);
    }

    fn is_open_draft_key(&self, key: &str) -> bool {
        let prefix = crate::model::keys::prefix(self.env.embedding.namespace.as_deref());
        key == crate::model::keys::draft_key(&prefix, &self.drafts.id)
    }

    /// A stored draft read for `then`.
    fn loaded(
        &mut self,
        id: String,
        draft: Option<Box<StoredDraft>>,
        then: AfterLoad,
        effects: &mut Vec<Effect>,
    ) {
        match (then, draft.map(|draft| *draft)) {
            (AfterLoad::Open | AfterLoad::TakeOtherTab, Some(draft)) => {
                self.switch_to(id, draft.name, draft.report, Some(draft.saved_at), effects);
                self.relist(effects);
            }
            (AfterLoad::Open, None) => {
                self.tell(Notice::DraftUnopenable);
                self.relist(effects);
            }
            (AfterLoad::Duplicate, Some(draft)) => {
                let label = storage::draft_label(&draft.name, &draft.report);
                self.start_draft(format!("{label}（副本）"), draft.report, effects);
            }
            (AfterLoad::Duplicate, None) => {}
            (AfterLoad::Rename(name), Some(draft)) => {
                effects.push(Effect::Save {
                    id,
                    name,
                    report: draft.report,
                    ours: Rc::from(""),
                    make_current: false,
                });
                self.relist(effects);
            }
            (AfterLoad::Rename(_), None) => self.relist(effects),
            // The other tab deleted it: this tab's version is the one left, saved again.
            (AfterLoad::TakeOtherTab, None) => {
                self.drafts.conflict = false;
                self.save_now(effects);
                self.relist(effects);
            }
        }
    }
}
