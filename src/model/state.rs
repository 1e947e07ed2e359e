//! The page's one state and its pure reducer: the open report, its findings, the drafts list, the
//! storage status and the undo history. `State::apply(action)` returns the next state and the
//! [`Effect`]s to perform (save, list, load, download, export, reply to the host, focus); it
//! touches no browser API, so the page's behaviour is tested natively (`tests/page_state.rs`).
//! `runtime.rs` performs the effects in the same event turn — every change of the report yields
//! one `Effect::Save`, written before the keystroke's event handler returns, so nothing typed can
//! be lost to a closed tab — and feeds what they read back as actions (`Saved`, `Listed`, `Loaded`).
//!
//! The report is cheap to clone (rows and parts are `Rc`), and an edit copies only the row it
//! touches; row components compare their `Rc` by pointer and skip re-rendering otherwise.

use std::rc::Rc;

use ogi_report_core::grid::{self, Block};
use ogi_report_core::imported::{Imported, Summary};
use ogi_report_core::rules::{check, tally, Context, Finding, Stage, Target};
use ogi_report_core::{
    read_report, write_report, BodyType, CellRef, Closing, Date, FieldRef, Narrative, Report,
    Section,
};

use crate::model::embedding::Embedding;
use crate::model::export_request::{ExportRequest, Output};
use crate::model::history::History;
use crate::model::storage::{self, DraftSummary, SaveError, StoredDraft};
use crate::timing;

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
pub struct State {
    pub report: Report,
    pub findings: Rc<Vec<Finding>>,
    pub stage: Stage,
    pub today: Date,
    pub draft_id: String,
    pub draft_name: String,
    pub drafts: Rc<Vec<DraftSummary>>,
    pub storage: StorageMode,
    pub save: SaveStatus,
    /// When this draft was last stored successfully (ISO time).
    pub saved_at: Option<String>,
    /// The envelope text this tab last wrote, to tell our writes from another tab's.
    last_written: Rc<str>,
    pub conflict: bool,
    /// A one-off message (a file that could not be opened, a draft that could not be opened).
    pub notice: Option<String>,
    pub persist_refused: bool,
    /// An export waiting for the user's decision because 检查 found errors.
    pub gate: Option<Output>,
    pub history: History,
    /// A newer build of the page is installed and waits for the user to reload.
    pub update_ready: bool,
    /// The import of a published report's text: open, and what it read (to confirm).
    pub import: Option<Rc<ImportState>>,
    /// What the import dialog's default button does: the action of the control that opened it.
    pub import_intent: ImportUse,
    /// A report of another body or year, waiting for the user's word before it is used.
    pub question: Option<Rc<Question>>,
    /// The first-visit hint of the three steps is shown (until closed for good).
    pub hint: bool,
    /// The portal's configuration (prefill, locked fields, host origins); default standalone.
    pub embedding: Rc<Embedding>,
    ids: IdSource,
}

/// The import dialog: nothing read yet (or why the last text or file was not a report), being
/// read, or a report read with its summary (none for a report file of our own).
#[derive(Clone, Debug, PartialEq)]
pub enum ImportState {
    Choosing {
        refused: Option<String>,
    },
    Reading {
        source: String,
    },
    Read {
        source: String,
        report: Box<Report>,
        summary: Option<Summary>,
    },
}

/// Asks before last year's report is used when it names another body or not the year before.
#[derive(Clone, Debug, PartialEq)]
pub struct Question {
    /// Why we ask, one sentence a line.
    pub doubts: Vec<String>,
    pub report: Box<Report>,
    pub use_as: ImportUse,
}

/// What the user does with an imported report.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ImportUse {
    NewDraft,
    StartThisYear,
    AttachAsPrevious,
}

/// What the caller of [`State::apply`] does after it, in the same event turn. Those that read
/// something give it back as an action.
#[derive(Clone, Debug, PartialEq)]
pub enum Effect {
    /// Writes the draft (then `Action::Saved`); `make_current` also makes it the draft the next
    /// visit opens.
    Save {
        id: String,
        name: String,
        report: Report,
        /// The envelope this tab last wrote, to tell our writes from another tab's.
        ours: Rc<str>,
        make_current: bool,
    },
    SetCurrent(String),
    Remove(String),
    /// Reads the drafts list again (then `Action::Listed`).
    List,
    /// Another tab wrote `key`: reads that one draft again (then `Action::Listed`).
    ListAfterChange {
        key: String,
        new_value: Option<String>,
        drafts: Rc<Vec<DraftSummary>>,
    },
    /// Reads a stored draft (then `Action::Loaded`).
    Load {
        id: String,
        then: AfterLoad,
    },
    DownloadReportFile(Report),
    /// The raw text of a draft that could not be read, for a technician.
    DownloadCorrupt(String),
    /// Renders and hands over an output (then `Action::ExportFinished`).
    Export(ExportRequest),
    /// Moves focus to the cell or field with this path (`data-cell`, `data-field`).
    Focus(String),
    /// Remembers that the first-visit hint was closed for good.
    CloseHint,
    /// Sends the report file to the host origin that asked for it.
    ReplyToHost {
        origin: String,
        report: String,
    },
    /// Has the on-demand importer read a file's bytes (then `Action::ImportRead`).
    Import {
        source: String,
        name: String,
        bytes: Rc<[u8]>,
    },
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

pub enum Action {
    EditCell(CellRef, String),
    EditField(FieldRef, String),
    /// Appends the data paragraph composed from the tables to a sub-section's text.
    InsertRequestsSentence(Narrative, usize),
    SetYear(Option<i32>),
    SetBodyType(BodyType),
    /// Adds the 落款 (the report's body, today's date) or removes it.
    SetClosing(bool),
    AddSection(Narrative),
    RemoveSection(Narrative, usize),
    MoveSection(Narrative, usize, Direction),
    Check,
    NewDraft,
    OpenDraft(String),
    DuplicateDraft(String),
    RenameDraft(String, String),
    DeleteDraft(String),
    /// The text of a report file the user chose.
    OpenFile {
        name: String,
        text: String,
    },
    FileUnreadable(String),
    /// A `storage` event from another tab.
    StorageChanged {
        key: String,
        new_value: Option<String>,
    },
    TakeOtherTabVersion,
    KeepAsNewDraft,
    /// Go to what a finding points at (a cell or field of this year's report; others are no-ops).
    JumpTo(Target),
    /// Export: runs every rule first; with errors, the gate asks before a draft is exported.
    RequestExport(Output),
    ExportAnyway,
    /// The export was handed over, or why it could not be.
    ExportFinished(Output, Result<(), String>),
    CloseGate,
    /// Download the report file (not gated: it is the user's own copy of the draft).
    DownloadReportFile,
    FillBlanks,
    /// A block pasted into a table, starting at a cell (one undo step, one save).
    Paste(CellRef, Block),
    Undo,
    Redo,
    /// A newer build is installed (the service worker says so).
    UpdateReady,
    OpenImport,
    /// A pasted text or a chosen file is being read by the on-demand importer; `intent` is what
    /// the control used wants done with it (`None`: the dialog's own chooser, which keeps it).
    ImportStarted {
        source: String,
        intent: Option<ImportUse>,
    },
    /// The bytes of the file (or the pasted text) to import, once read (then `Effect::Import`).
    Import {
        source: String,
        name: String,
        bytes: Rc<[u8]>,
    },
    /// What the importer made of it, to be shown for confirmation.
    ImportRead {
        source: String,
        /// Boxed: a report and its summary are far larger than any other action.
        result: Box<Result<Imported, String>>,
    },
    ConfirmImport(ImportUse),
    CloseImport,
    /// The user's word on a [`Question`]: use the report after all, or not.
    Answer(bool),
    /// The first-visit hint is closed for good.
    CloseHint,
    /// A report file of last year: start this year's draft from it.
    StartFromLastYear {
        name: String,
        text: String,
    },
    /// A report file of last year: keep it as the open draft's `previous`.
    AttachPrevious {
        name: String,
        text: String,
    },
    /// The embedding host sent a report file to open.
    HostLoad(String),
    /// The embedding host asked for the report; the reply goes to that origin only.
    HostGetReport(String),
    PersistRefused,
    DismissNotice,
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

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Direction {
    Up,
    Down,
}

/// Where a page starts: today, the portal's configuration, fresh ids, and the drafts store (or
/// why there is none). Read once, by the runtime.
pub struct Start<'a, S> {
    pub today: Date,
    pub embedding: Embedding,
    pub ids: IdSource,
    pub drafts: Result<&'a storage::Drafts<S>, String>,
}

impl State {
    /// The state a page starts with: the last open draft, or a new one.
    pub fn start<S: crate::model::store::Store>(start: Start<'_, S>) -> State {
        let Start {
            today,
            embedding,
            mut ids,
            drafts,
        } = start;
        let draft_id = ids.next();
        let mut state = State {
            report: new_report(today, &embedding),
            findings: Rc::default(),
            stage: Stage::Filling,
            today,
            draft_id,
            draft_name: String::new(),
            drafts: Rc::default(),
            storage: StorageMode::Local,
            save: SaveStatus::NotYet,
            saved_at: None,
            last_written: Rc::from(""),
            conflict: false,
            notice: None,
            persist_refused: false,
            gate: None,
            history: History::default(),
            update_ready: false,
            import: None,
            import_intent: ImportUse::NewDraft,
            question: None,
            hint: true,
            embedding: Rc::new(embedding),
            ids,
        };
        match drafts {
            Ok(drafts) => {
                state.hint = !drafts.hint_closed();
                state.drafts = Rc::new(drafts.list());
                let last = drafts
                    .current()
                    .and_then(|id| drafts.load(&id).map(|draft| (id, draft)))
                    .or_else(|| {
                        state.drafts.iter().find_map(|summary| {
                            drafts
                                .load(&summary.id)
                                .map(|draft| (summary.id.clone(), draft))
                        })
                    });
                if let Some((id, draft)) = last {
                    state.draft_id = id;
                    state.draft_name = draft.name;
                    state.report = draft.report;
                    state.save = SaveStatus::Saved;
                    state.saved_at = Some(draft.saved_at);
                    drafts.set_current(&state.draft_id);
                }
            }
            Err(reason) => state.storage = StorageMode::Memory { reason },
        }
        state.embedding.prefill(&mut state.report);
        state.recheck();
        state
    }

    /// The next state and what to do after it. Pure: `self` is unchanged, and an action that
    /// changes nothing returns an equal state (history and redo included) and no effects.
    pub fn apply(&self, action: Action) -> (State, Vec<Effect>) {
        let mut next = self.clone();
        let mut effects = Vec::new();
        next.update(action, &mut effects);
        (next, effects)
    }

    fn context(&self) -> Context<'_> {
        let pack = self.embedding.pack.as_deref();
        Context {
            stage: self.stage,
            today: Some(self.today),
            deadline: pack.and_then(|pack| pack.deadline),
            deadline_by: pack.map(|pack| pack.office.as_str()),
            copied_percent: pack.map(|pack| pack.copied_percent),
        }
    }

    fn recheck(&mut self) {
        let context = self.context();
        self.findings = Rc::new(timing::measure("rules", || check(&self.report, &context)));
    }

    fn stored(&self) -> bool {
        self.storage == StorageMode::Local
    }

    /// Changes the report by `change`: one undo step (`target` groups a cell's keystrokes), the
    /// rules re-run and one save. A change that leaves the report as it was records nothing.
    fn edit(
        &mut self,
        target: Option<String>,
        effects: &mut Vec<Effect>,
        change: impl FnOnce(&mut Report),
    ) {
        let before = self.report.clone();
        change(&mut self.report);
        if self.report == before {
            self.report = before;
            return;
        }
        self.history = self.history.record(&before, target);
        self.changed(effects);
    }

    /// The report changed: re-run the rules and save.
    fn changed(&mut self, effects: &mut Vec<Effect>) {
        self.recheck();
        self.save_now(effects);
    }

    fn save_now(&mut self, effects: &mut Vec<Effect>) {
        if self.conflict {
            self.save = SaveStatus::Paused;
            return;
        }
        if self.stored() {
            effects.push(Effect::Save {
                id: self.draft_id.clone(),
                name: self.draft_name.clone(),
                report: self.report.clone(),
                ours: self.last_written.clone(),
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

    fn switch_to(
        &mut self,
        id: String,
        name: String,
        report: Report,
        saved_at: Option<String>,
        effects: &mut Vec<Effect>,
    ) {
        self.history = History::default();
        self.draft_id = id;
        self.draft_name = name;
        self.report = report;
        self.stage = Stage::Filling;
        self.conflict = false;
        self.last_written = Rc::from("");
        self.save = if saved_at.is_some() {
            SaveStatus::Saved
        } else {
            SaveStatus::NotYet
        };
        self.saved_at = saved_at;
        if self.stored() {
            effects.push(Effect::SetCurrent(self.draft_id.clone()));
        }
        self.recheck();
    }

    /// A new draft (new id) holding `report`, saved at once (and listed once saved: `Saved`).
    fn start_draft(&mut self, name: String, report: Report, effects: &mut Vec<Effect>) {
        let id = self.ids.next();
        self.switch_to(id, name, report, None, effects);
        self.save_now(effects);
    }

    /// A report from a file or an import becomes a new draft, with the portal's prefill.
    fn open_new_draft(&mut self, mut report: Report, notice: &str, effects: &mut Vec<Effect>) {
        self.embedding.prefill(&mut report);
        self.start_draft(String::new(), report, effects);
        self.notice = Some(notice.to_owned());
    }

    /// Uses last year's report as the user asked — or first asks, when it names another body than
    /// the open draft's, or not the year before.
    fn use_last_year(&mut self, last_year: Report, use_as: ImportUse, effects: &mut Vec<Effect>) {
        let doubts = self.doubts(&last_year, use_as);
        if doubts.is_empty() {
            self.proceed(last_year, use_as, effects);
        } else {
            self.question = Some(Rc::new(Question {
                doubts,
                report: Box::new(last_year),
                use_as,
            }));
        }
    }

    fn proceed(&mut self, report: Report, use_as: ImportUse, effects: &mut Vec<Effect>) {
        match use_as {
            ImportUse::NewDraft => {
                self.open_new_draft(report, "已从已发布报告的文字建立新的草稿。", effects)
            }
            ImportUse::StartThisYear => self.open_new_draft(
                Report::carry_over(&report, false),
                STARTED_FROM_LAST_YEAR,
                effects,
            ),
            ImportUse::AttachAsPrevious => self.attach_previous(&report, effects),
        }
    }

    /// Why last year's report may not be the right one for `use_as`, a sentence each.
    fn doubts(&self, last_year: &Report, use_as: ImportUse) -> Vec<String> {
        let mut doubts = Vec::new();
        let (theirs, ours) = (last_year.meta.body.trim(), self.report.meta.body.trim());
        // Spaces aside (a title copied from a web page often has some), as 汇总 matches units.
        let other_body = !ogi_report_core::checklist::same_unit(theirs, ours);
        if use_as != ImportUse::NewDraft && !theirs.is_empty() && !ours.is_empty() && other_body {
            doubts.push(format!(
                "这份报告的机关是「{theirs}」，而当前草稿是「{ours}」。"
            ));
        }
        let expected = match use_as {
            ImportUse::NewDraft => return doubts,
            ImportUse::AttachAsPrevious => self.report.meta.year.map(|year| year - 1),
            ImportUse::StartThisYear => Some(self.today.report_year() - 1),
        };
        match (last_year.meta.year, expected, use_as) {
            (None, _, _) => doubts.push(
                "这份报告没有写明年度（标题中没有年份），无法确认它是上一年度的报告。".to_owned(),
            ),
            (Some(year), Some(expected), ImportUse::AttachAsPrevious) if year != expected => {
                doubts.push(format!(
                    "这份报告是 {year} 年度的，当前草稿是 {} 年度，上年报告应为 {expected} 年度。",
                    expected + 1
                ))
            }
            (Some(year), Some(expected), _) if year != expected => doubts.push(format!(
                "这份报告是 {year} 年度的，以它开始的草稿将是 {} 年度；按今天的日期，应填写的是 {} 年度的报告。",
                year + 1,
                expected + 1
            )),
            _ => {}
        }
        doubts
    }

    fn attach_previous(&mut self, last_year: &Report, effects: &mut Vec<Effect>) {
        self.edit(None, effects, |report| report.attach_previous(last_year));
        let year = last_year
            .meta
            .year
            .map(|year| format!("{year} 年度"))
            .unwrap_or_default();
        self.notice = Some(format!(
            "已附加上年报告（{year}），将据此检查上年结转、现行有效件数和内容雷同。"
        ));
    }

    /// An export of the report as it is now.
    fn export(&self, output: Output, draft: bool, effects: &mut Vec<Effect>) {
        effects.push(Effect::Export(ExportRequest {
            output,
            report: self.report.clone(),
            draft,
        }));
    }

    /// The drafts list's label for the open draft.
    pub fn draft_label(&self) -> String {
        storage::draft_label(&self.draft_name, &self.report)
    }

    fn locked(&self, field: FieldRef) -> bool {
        self.embedding.is_locked(field)
    }

    fn update(&mut self, action: Action, effects: &mut Vec<Effect>) {
        match action {
            Action::EditCell(cell, raw) => {
                self.edit(Some(cell.path()), effects, |report| {
                    report.edit_cell(cell, &raw)
                });
            }
            Action::EditField(field, _) if self.locked(field) => {}
            Action::EditField(field, value) => {
                // A unit of the superior office's list takes the body type the list gives it.
                let listed_type = (field == FieldRef::Body && !self.locked(FieldRef::BodyType))
                    .then(|| self.embedding.pack.as_ref()?.unit(&value)?.body_type)
                    .flatten();
                self.edit(Some(field.path()), effects, |report| match field {
                    FieldRef::Body => {
                        report.meta.body = value;
                        if let Some(kind) = listed_type {
                            report.meta.body_type = kind;
                        }
                    }
                    FieldRef::Preface => report.preface = value,
                    FieldRef::ClosingBody => report.closing.body = value,
                    FieldRef::ClosingDate => report.closing.date = value,
                    FieldRef::Heading(part, index) | FieldRef::Text(part, index) => {
                        if let Some(section) = report.sections_mut(part).get_mut(index) {
                            if matches!(field, FieldRef::Heading(..)) {
                                section.heading = value;
                            } else {
                                section.text = value;
                            }
                        }
                    }
                    FieldRef::Year | FieldRef::BodyType => {}
                });
            }
            Action::InsertRequestsSentence(part, index) => {
                let sentence = ogi_report_core::compose::requests_sentence(&self.report);
                // Its own undo step, whatever was typed into the text before.
                self.edit(None, effects, |report| {
                    if let Some(section) = report.sections_mut(part).get_mut(index) {
                        section.text = if section.text.trim().is_empty() {
                            sentence
                        } else {
                            format!("{}\n{sentence}", section.text.trim_end())
                        };
                    }
                });
            }
            Action::SetYear(_) if self.locked(FieldRef::Year) => {}
            Action::SetBodyType(_) if self.locked(FieldRef::BodyType) => {}
            Action::SetYear(year) => {
                self.edit(None, effects, |report| report.meta.year = year);
            }
            Action::SetBodyType(body_type) => {
                self.edit(None, effects, |report| report.meta.body_type = body_type);
            }
            Action::SetClosing(on) => {
                let closing = if on {
                    Closing::signed(&self.report.meta.body, self.today)
                } else {
                    Closing::default()
                };
                self.edit(None, effects, |report| report.closing = closing);
            }
            Action::AddSection(part) => {
                self.edit(None, effects, |report| {
                    report.sections_mut(part).push(Section::default())
                });
            }
            Action::RemoveSection(part, index) => {
                self.edit(None, effects, |report| {
                    let sections = report.sections_mut(part);
                    if index < sections.len() {
                        sections.remove(index);
                    }
                });
            }
            Action::MoveSection(part, index, direction) => {
                self.edit(None, effects, |report| {
                    let sections = report.sections_mut(part);
                    let other = match direction {
                        Direction::Up => index.checked_sub(1),
                        Direction::Down => Some(index + 1),
                    };
                    if let Some(other) = other.filter(|other| *other < sections.len()) {
                        if index < sections.len() {
                            sections.swap(index, other);
                        }
                    }
                });
            }
            Action::Check => {
                self.stage = Stage::Final;
                self.recheck();
            }
            Action::NewDraft => {
                let report = new_report(self.today, &self.embedding);
                self.start_draft(String::new(), report, effects);
            }
            Action::OpenDraft(id) => self.load(id, AfterLoad::Open, effects),
            Action::DuplicateDraft(id) => self.load(id, AfterLoad::Duplicate, effects),
            Action::RenameDraft(id, name) if id == self.draft_id => {
                self.draft_name = name;
                self.save_now(effects);
                self.relist(effects);
            }
            Action::RenameDraft(id, name) => self.load(id, AfterLoad::Rename(name), effects),
            Action::DeleteDraft(id) => {
                if self.stored() {
                    effects.push(Effect::Remove(id.clone()));
                }
                if id == self.draft_id {
                    let report = new_report(self.today, &self.embedding);
                    let fresh = self.ids.next();
                    self.switch_to(fresh, String::new(), report, None, effects);
                }
                self.relist(effects);
            }
            Action::Loaded { id, draft, then } => self.loaded(id, draft, then, effects),
            Action::OpenFile { name, text } => match read_report(&text) {
                Ok(report) => self.open_new_draft(
                    report,
                    &format!("已打开文件「{name}」，并保存为新的草稿。"),
                    effects,
                ),
                Err(error) => self.notice = Some(unreadable(&name, &error)),
            },
            Action::FileUnreadable(message) => self.notice = Some(message),
            Action::StorageChanged { key, new_value } => {
                let ours = new_value.as_deref() == Some(&*self.last_written);
                if !self.stored() {
                } else if !ours && self.is_open_draft_key(&key) {
                    self.conflict = true;
                    self.save = SaveStatus::Paused;
                } else {
                    effects.push(Effect::ListAfterChange {
                        key,
                        new_value,
                        drafts: self.drafts.clone(),
                    });
                }
            }
            Action::TakeOtherTabVersion => {
                self.load(self.draft_id.clone(), AfterLoad::TakeOtherTab, effects)
            }
            Action::KeepAsNewDraft => {
                self.conflict = false;
                self.draft_name = format!("{}（本页版本）", self.draft_label());
                self.draft_id = self.ids.next();
                self.last_written = Rc::from("");
                self.save_now(effects);
            }
            Action::JumpTo(target) if target.is_on_page() => {
                effects.push(Effect::Focus(target.path()))
            }
            Action::JumpTo(_) => {}
            Action::RequestExport(output) if !output.gated() => self.export(output, false, effects),
            Action::RequestExport(output) => {
                self.stage = Stage::Final;
                self.recheck();
                let (errors, _) = tally(&self.findings);
                if errors == 0 {
                    self.export(output, false, effects);
                } else {
                    self.gate = Some(output);
                }
            }
            Action::ExportAnyway => {
                if let Some(output) = self.gate.take() {
                    self.export(output, true, effects);
                }
            }
            Action::ExportFinished(_, Ok(())) => {}
            Action::ExportFinished(output, Err(message)) => {
                self.notice = Some(format!("{}未能生成：{message}", output.label()))
            }
            Action::CloseGate => self.gate = None,
            Action::DownloadReportFile => {
                // A page handed down says where the file goes back.
                if let Some(pack) = self.embedding.pack.as_deref() {
                    self.notice = Some(format!(
                        "报告文件「{}」已交给浏览器下载。{}",
                        ogi_report_core::output::report_file_name(
                            &self.report,
                            ogi_report_core::output::Format::Json
                        ),
                        pack.send_back()
                    ));
                }
                effects.push(Effect::DownloadReportFile(self.report.clone()))
            }
            Action::DownloadCorrupt(id) => effects.push(Effect::DownloadCorrupt(id)),
            Action::FillBlanks => {
                let mut filled = 0;
                self.edit(None, effects, |report| {
                    filled = report.fill_blanks_with_zero()
                });
                self.notice = Some(format!("已将 {filled} 个空白格填为 0。"));
            }
            Action::Paste(start, block) => {
                let mut pasted = None;
                self.edit(None, effects, |report| {
                    pasted = Some(grid::paste(report, start, &block))
                });
                let Some(pasted) = pasted else { return };
                let mut notice = format!("已粘贴 {} 个格。", pasted.written);
                if pasted.on_totals > 0 {
                    notice.push_str(&format!(
                        "{} 个数值落在自动计算的合计格上，未写入。",
                        pasted.on_totals
                    ));
                }
                if pasted.outside > 0 {
                    notice.push_str(&format!("{} 个数值超出表格范围，未写入。", pasted.outside));
                }
                self.notice = Some(notice);
            }
            Action::Undo | Action::Redo => {
                let restored = if matches!(action, Action::Undo) {
                    self.history.undo(&self.report)
                } else {
                    self.history.redo(&self.report)
                };
                if let Some((report, history)) = restored {
                    self.report = report;
                    self.history = history;
                    self.changed(effects);
                }
            }
            Action::UpdateReady => self.update_ready = true,
            Action::OpenImport => {
                self.import_intent = ImportUse::NewDraft;
                self.import = Some(Rc::new(ImportState::Choosing { refused: None }))
            }
            Action::CloseImport => self.import = None,
            Action::Answer(yes) => {
                if let Some(question) = self.question.take() {
                    let Question { report, use_as, .. } = Rc::unwrap_or_clone(question);
                    if yes {
                        self.proceed(*report, use_as, effects);
                    }
                }
            }
            Action::CloseHint => {
                self.hint = false;
                if self.stored() {
                    effects.push(Effect::CloseHint);
                }
            }
            // A result for a dialog closed meanwhile is dropped: nothing changes unconfirmed. (A
            // start opens the dialog: a file dropped on the page starts an import by itself.)
            Action::ImportRead { .. } | Action::Import { .. } if self.import.is_none() => {}
            Action::Import {
                source,
                name,
                bytes,
            } => effects.push(Effect::Import {
                source,
                name,
                bytes,
            }),
            Action::ImportStarted { source, intent } => {
                if let Some(intent) = intent {
                    self.import_intent = intent;
                }
                self.import = Some(Rc::new(ImportState::Reading { source }))
            }
            Action::ImportRead { source, result } => {
                self.import = Some(Rc::new(match *result {
                    Ok((report, summary)) => ImportState::Read {
                        source,
                        report: Box::new(report),
                        summary,
                    },
                    Err(why) => ImportState::Choosing {
                        refused: Some(format!("「{source}」：{why}")),
                    },
                }))
            }
            Action::ConfirmImport(use_as) => {
                let Some(ImportState::Read { report, .. }) = self.import.as_deref().cloned() else {
                    return;
                };
                self.import = None;
                self.use_last_year(*report, use_as, effects);
            }
            Action::StartFromLastYear { name, text } => match read_report(&text) {
                Ok(last_year) => self.use_last_year(last_year, ImportUse::StartThisYear, effects),
                Err(error) => self.notice = Some(unreadable(&name, &error)),
            },
            Action::AttachPrevious { name, text } => match read_report(&text) {
                Ok(last_year) => {
                    self.use_last_year(last_year, ImportUse::AttachAsPrevious, effects)
                }
                Err(error) => self.notice = Some(unreadable(&name, &error)),
            },
            Action::HostLoad(text) => self.update(
                Action::OpenFile {
                    name: "门户发送的报告".to_owned(),
                    text,
                },
                effects,
            ),
            Action::HostGetReport(origin) => effects.push(Effect::ReplyToHost {
                origin,
                report: write_report(&self.report.with_computed_totals()),
            }),
            Action::PersistRefused => self.persist_refused = true,
            Action::DismissNotice => self.notice = None,
            Action::Saved(Ok(saved)) if saved.id == self.draft_id => {
                self.last_written = Rc::from(saved.text);
                self.save = SaveStatus::Saved;
                self.saved_at = Some(saved.at);
                // A draft saved for the first time joins the list.
                if !self.drafts.iter().any(|draft| draft.id == self.draft_id) {
                    self.relist(effects);
                }
            }
            // Another draft renamed: the list shows it.
            Action::Saved(Ok(_)) => {}
            Action::Saved(Err(error)) => self.save = SaveStatus::Failed(error),
            Action::Listed(drafts) => self.drafts = Rc::new(drafts),
        }
    }

    fn is_open_draft_key(&self, key: &str) -> bool {
        let prefix = crate::model::keys::prefix(self.embedding.namespace.as_deref());
        key == crate::model::keys::draft_key(&prefix, &self.draft_id)
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
            (AfterLoad::Open, Some(draft)) => {
                self.switch_to(id, draft.name, draft.report, Some(draft.saved_at), effects);
                self.relist(effects);
            }
            (AfterLoad::Open, None) => {
                self.notice = Some(
                    "该草稿无法打开（可能已损坏或由较新版本的工具保存），其他草稿不受影响。"
                        .to_owned(),
                );
                self.relist(effects);
            }
            (AfterLoad::Duplicate, Some(draft)) => {
                let name = format!(
                    "{}（副本）",
                    storage::draft_label(&draft.name, &draft.report)
                );
                self.start_draft(name, draft.report, effects);
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
            (AfterLoad::TakeOtherTab, Some(draft)) => {
                self.switch_to(id, draft.name, draft.report, Some(draft.saved_at), effects);
                self.relist(effects);
            }
            // The other tab deleted it: this tab's version is the one left, saved again.
            (AfterLoad::TakeOtherTab, None) => {
                self.conflict = false;
                self.save_now(effects);
                self.relist(effects);
            }
        }
    }
}

const STARTED_FROM_LAST_YEAR: &str =
    "已以上年报告开始本年草稿：上年结转已按上年“结转下年度继续办理”填好，小标题已沿用。";

/// The notice for a report file that could not be opened: nothing changed, and why.
fn unreadable(name: &str, error: &ogi_report_core::FileError) -> String {
    format!("文件「{name}」未能打开，当前内容没有改变。{error}")
}

/// A new report for the year being prepared on `today` (from October on, this year's), with the
/// portal's prefill.
pub fn new_report(today: Date, embedding: &Embedding) -> Report {
    let mut report = Report::new_draft();
    report.meta.year = Some(today.report_year());
    embedding.prefill(&mut report);
    report
}
