//! The page's one state and its reducer: the open report, its findings, the drafts list and the
//! storage status. Every action that changes the report re-runs the core's rules and writes the
//! draft to localStorage inside the same event turn, so nothing typed can be lost to a closed tab.
//!
//! The report is cheap to clone (rows and parts are `Rc`), and an edit copies only the row it
//! touches; row components compare their `Rc` by pointer and skip re-rendering otherwise.

use std::rc::Rc;

use ogi_report_core::grid::{self, Block};
use ogi_report_core::import::{Imported, Summary};
use ogi_report_core::rules::{check, tally, Context, Finding, Stage};
use ogi_report_core::{
    read_report, write_report, BodyType, CellRef, Date, FieldRef, Narrative, Report, Section,
};
use web_sys::Storage;
use yew::Reducible;

use crate::clock;
use crate::embed;
use crate::exports::{self, ExportRequest, Output};
use crate::history::History;
use crate::storage::{self, DraftSummary, SaveError};
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

/// A request to move focus to a cell or field; `seq` makes a repeated jump a new request.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Jump {
    pub path: String,
    pub seq: u32,
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
    pub jump: Option<Jump>,
    /// An export waiting for the user's decision because 检查 found errors.
    pub gate: Option<Output>,
    /// The last export let through the gate (`hooks::use_export` performs it).
    pub export: Option<ExportRequest>,
    pub history: History,
    /// A newer build of the page is installed and waits for the user to reload.
    pub update_ready: bool,
    /// The import of a published report's text: open, and what it read (to confirm).
    pub import: Option<Rc<ImportState>>,
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

/// What the user does with an imported report.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ImportUse {
    NewDraft,
    StartThisYear,
    AttachAsPrevious,
}

pub enum Action {
    EditCell(CellRef, String),
    EditField(FieldRef, String),
    /// Appends the data paragraph composed from the tables to a sub-section's text.
    InsertRequestsSentence(Narrative, usize),
    SetYear(Option<i32>),
    SetBodyType(BodyType),
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
    JumpTo(String),
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
    /// A pasted text or a chosen file is being read by the on-demand importer.
    ImportStarted(String),
    /// What the importer made of it, to be shown for confirmation.
    ImportRead {
        source: String,
        /// Boxed: a report and its summary are far larger than any other action.
        result: Box<Result<Imported, String>>,
    },
    ConfirmImport(ImportUse),
    CloseImport,
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
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Direction {
    Up,
    Down,
}

impl State {
    /// The state a page starts with: the last open draft, or a new one.
    pub fn load() -> State {
        let today = clock::today_in_china();
        let mut state = State {
            report: new_report(today),
            findings: Rc::default(),
            stage: Stage::Filling,
            today,
            draft_id: storage::new_id(),
            draft_name: String::new(),
            drafts: Rc::default(),
            storage: StorageMode::Local,
            save: SaveStatus::NotYet,
            saved_at: None,
            last_written: Rc::from(""),
            conflict: false,
            notice: None,
            persist_refused: false,
            jump: None,
            gate: None,
            export: None,
            history: History::default(),
            update_ready: false,
            import: None,
        };
        match storage::local_storage() {
            Ok(storage) => {
                state.drafts = Rc::new(storage::list_drafts(&storage));
                let last = storage::current_draft(&storage)
                    .and_then(|id| storage::load_draft(&storage, &id).map(|draft| (id, draft)))
                    .or_else(|| {
                        state.drafts.iter().find_map(|summary| {
                            storage::load_draft(&storage, &summary.id)
                                .map(|draft| (summary.id.clone(), draft))
                        })
                    });
                if let Some((id, draft)) = last {
                    state.draft_id = id;
                    state.draft_name = draft.name;
                    state.report = draft.report;
                    state.save = SaveStatus::Saved;
                    state.saved_at = Some(draft.saved_at);
                    storage::set_current(&storage, &state.draft_id);
                }
            }
            Err(reason) => state.storage = StorageMode::Memory { reason },
        }
        embed::config().prefill(&mut state.report);
        state.recheck();
        state
    }

    fn context(&self) -> Context {
        Context {
            stage: self.stage,
            today: Some(self.today),
            deadline: None,
        }
    }

    fn recheck(&mut self) {
        let context = self.context();
        self.findings = Rc::new(timing::measure("rules", || check(&self.report, &context)));
    }

    fn storage(&self) -> Option<Storage> {
        match self.storage {
            StorageMode::Local => storage::local_storage().ok(),
            StorageMode::Memory { .. } => None,
        }
    }

    /// The report changed: re-run the rules and save.
    fn changed(&mut self) {
        self.recheck();
        self.save_now();
    }

    fn save_now(&mut self) {
        if self.conflict {
            self.save = SaveStatus::Paused;
            return;
        }
        let Some(storage) = self.storage() else {
            return;
        };
        let saved = timing::measure("save", || {
            storage::save_draft(
                &storage,
                &self.draft_id,
                &self.draft_name,
                &self.report,
                &self.last_written,
            )
        });
        match saved {
            Ok((text, at)) => {
                self.last_written = Rc::from(text);
                self.save = SaveStatus::Saved;
                self.saved_at = Some(at);
                self.refresh_summary(&storage);
            }
            Err(error) => self.save = SaveStatus::Failed(error),
        }
    }

    /// Keeps the drafts list in step after a save without re-reading every draft.
    fn refresh_summary(&mut self, storage: &Storage) {
        let known = self.drafts.iter().any(|draft| draft.id == self.draft_id);
        if !known {
            self.drafts = Rc::new(storage::list_drafts(storage));
        }
    }

    fn switch_to(&mut self, id: String, name: String, report: Report, saved_at: Option<String>) {
        self.history.clear();
        self.draft_id = id;
        self.draft_name = name;
        self.report = report;
        self.stage = Stage::Filling;
        self.conflict = false;
        self.save = if saved_at.is_some() {
            SaveStatus::Saved
        } else {
            SaveStatus::NotYet
        };
        self.saved_at = saved_at;
        if let Some(storage) = self.storage() {
            storage::set_current(&storage, &self.draft_id);
        }
        self.recheck();
    }

    /// A new draft (new id) holding `report`, saved at once and listed.
    fn start_draft(&mut self, name: String, report: Report) {
        self.switch_to(storage::new_id(), name, report, None);
        self.save_now();
        self.relist();
    }

    /// A report from a file or an import becomes a new draft, with the portal's prefill.
    fn open_new_draft(&mut self, mut report: Report, notice: &str) {
        embed::config().prefill(&mut report);
        self.start_draft(String::new(), report);
        self.notice = Some(notice.to_owned());
    }

    fn attach_previous(&mut self, last_year: &Report) {
        self.history.record(&self.report, None);
        self.report.attach_previous(last_year);
        let year = last_year
            .meta
            .year
            .map(|year| format!("{year} 年度"))
            .unwrap_or_default();
        self.notice = Some(format!(
            "已附加上年报告（{year}），将据此检查上年结转、现行有效件数和内容雷同。"
        ));
        self.changed();
    }

    fn relist(&mut self) {
        if let Some(storage) = self.storage() {
            self.drafts = Rc::new(storage::list_drafts(&storage));
        }
    }

    /// Records an export for `hooks::use_export` to perform, of the report as it is now.
    fn request_export(&mut self, output: Output, draft: bool) {
        let seq = self.export.as_ref().map_or(0, |request| request.seq + 1);
        self.export = Some(ExportRequest {
            output,
            report: self.report.clone(),
            draft,
            seq,
        });
    }

    /// The drafts list's label for the open draft.
    pub fn draft_label(&self) -> String {
        storage::draft_label(&self.draft_name, &self.report)
    }
}

const STARTED_FROM_LAST_YEAR: &str =
    "已以上年报告开始本年草稿：上年结转已按上年“结转下年度继续办理”填好，小标题已沿用。";

/// The notice for a report file that could not be opened: nothing changed, and why.
fn unreadable(name: &str, error: &ogi_report_core::FileError) -> String {
    format!("文件「{name}」未能打开，当前内容没有改变。{error}")
}

/// A new report for the year being prepared on `today` (from October on, this year's).
pub fn new_report(today: Date) -> Report {
    let mut report = Report::new_draft();
    report.meta.year = Some(today.report_year());
    embed::config().prefill(&mut report);
    report
}

impl Reducible for State {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut next = (*self).clone();
        match action {
            Action::EditCell(cell, raw) => {
                next.history.record(&self.report, Some(cell.path()));
                next.report.edit_cell(cell, &raw);
                next.changed();
            }
            Action::EditField(field, value) => {
                if embed::config().is_locked(field) {
                    return self;
                }
                next.history.record(&self.report, Some(field.path()));
                match field {
                    FieldRef::Body => next.report.meta.body = value,
                    FieldRef::Heading(part, index) | FieldRef::Text(part, index) => {
                        let Some(section) = next.report.sections_mut(part).get_mut(index) else {
                            return self;
                        };
                        if matches!(field, FieldRef::Heading(..)) {
                            section.heading = value;
                        } else {
                            section.text = value;
                        }
                    }
                    FieldRef::Year | FieldRef::BodyType => return self,
                }
                next.changed();
            }
            Action::InsertRequestsSentence(part, index) => {
                if index >= self.report.sections(part).len() {
                    return self;
                }
                // Its own undo step, whatever was typed into the text before.
                next.history.record(&self.report, None);
                let sentence = ogi_report_core::compose::requests_sentence(&self.report);
                let section = &mut next.report.sections_mut(part)[index];
                section.text = if section.text.trim().is_empty() {
                    sentence
                } else {
                    format!("{}\n{sentence}", section.text.trim_end())
                };
                next.changed();
            }
            Action::SetYear(_) if embed::config().is_locked(FieldRef::Year) => return self,
            Action::SetBodyType(_) if embed::config().is_locked(FieldRef::BodyType) => return self,
            Action::SetYear(year) => {
                next.history.record(&self.report, None);
                next.report.meta.year = year;
                next.changed();
            }
            Action::SetBodyType(body_type) => {
                next.history.record(&self.report, None);
                next.report.meta.body_type = body_type;
                next.changed();
            }
            Action::AddSection(part) => {
                next.history.record(&self.report, None);
                next.report.sections_mut(part).push(Section::default());
                next.changed();
            }
            Action::RemoveSection(part, index) => {
                next.history.record(&self.report, None);
                let sections = next.report.sections_mut(part);
                if index < sections.len() {
                    sections.remove(index);
                }
                next.changed();
            }
            Action::MoveSection(part, index, direction) => {
                let sections = next.report.sections_mut(part);
                let other = match direction {
                    Direction::Up => index.checked_sub(1),
                    Direction::Down => Some(index + 1),
                };
                match other {
                    Some(other) if index < sections.len() && other < sections.len() => {
                        sections.swap(index, other)
                    }
                    _ => return self,
                }
                next.history.record(&self.report, None);
                next.changed();
            }
            Action::Check => {
                next.stage = Stage::Final;
                next.recheck();
            }
            Action::NewDraft => {
                let report = new_report(next.today);
                next.start_draft(String::new(), report);
            }
            Action::OpenDraft(id) => {
                let Some(storage) = next.storage() else {
                    return self;
                };
                match storage::load_draft(&storage, &id) {
                    Some(draft) => {
                        next.switch_to(id, draft.name, draft.report, Some(draft.saved_at))
                    }
                    None => next.notice = Some(
                        "该草稿无法打开（可能已损坏或由较新版本的工具保存），其他草稿不受影响。"
                            .to_owned(),
                    ),
                }
                next.relist();
            }
            Action::DuplicateDraft(id) => {
                let Some(storage) = next.storage() else {
                    return self;
                };
                let Some(draft) = storage::load_draft(&storage, &id) else {
                    return self;
                };
                let name = format!(
                    "{}（副本）",
                    storage::draft_label(&draft.name, &draft.report)
                );
                next.start_draft(name, draft.report);
            }
            Action::RenameDraft(id, name) => {
                if id == next.draft_id {
                    next.draft_name = name;
                    next.save_now();
                } else if let Some(storage) = next.storage() {
                    if let Some(draft) = storage::load_draft(&storage, &id) {
                        let _ = storage::save_draft(&storage, &id, &name, &draft.report, "");
                        storage::set_current(&storage, &next.draft_id);
                    }
                }
                next.relist();
            }
            Action::DeleteDraft(id) => {
                if let Some(storage) = next.storage() {
                    storage::remove_draft(&storage, &id);
                }
                if id == next.draft_id {
                    let report = new_report(next.today);
                    next.switch_to(storage::new_id(), String::new(), report, None);
                }
                next.relist();
            }
            Action::OpenFile { name, text } => match read_report(&text) {
                Ok(report) => next
                    .open_new_draft(report, &format!("已打开文件「{name}」，并保存为新的草稿。")),
                Err(error) => next.notice = Some(unreadable(&name, &error)),
            },
            Action::FileUnreadable(message) => next.notice = Some(message),
            Action::StorageChanged { key, new_value } => {
                if key != storage::draft_key(&next.draft_id)
                    || new_value.as_deref() == Some(&*next.last_written)
                {
                    if let Some(storage) = next.storage() {
                        next.drafts = Rc::new(storage::list_after_change(
                            &storage,
                            &next.drafts,
                            &key,
                            new_value.as_deref(),
                        ));
                    }
                } else {
                    next.conflict = true;
                    next.save = SaveStatus::Paused;
                }
            }
            Action::TakeOtherTabVersion => {
                let Some(storage) = next.storage() else {
                    return self;
                };
                match storage::load_draft(&storage, &next.draft_id) {
                    Some(draft) => {
                        let id = next.draft_id.clone();
                        next.switch_to(id, draft.name, draft.report, Some(draft.saved_at));
                    }
                    None => {
                        next.conflict = false;
                        next.save_now();
                    }
                }
                next.relist();
            }
            Action::KeepAsNewDraft => {
                next.conflict = false;
                next.draft_id = storage::new_id();
                next.draft_name = format!("{}（本页版本）", next.draft_label());
                next.save_now();
                next.relist();
            }
            Action::JumpTo(path) => {
                let seq = next.jump.as_ref().map_or(0, |jump| jump.seq + 1);
                next.jump = Some(Jump { path, seq });
            }
            Action::RequestExport(output) if !output.gated() => next.request_export(output, false),
            Action::RequestExport(output) => {
                next.stage = Stage::Final;
                next.recheck();
                let (errors, _) = tally(&next.findings);
                if errors == 0 {
                    next.request_export(output, false);
                } else {
                    next.gate = Some(output);
                }
            }
            Action::ExportAnyway => {
                if let Some(output) = next.gate.take() {
                    next.request_export(output, true);
                }
            }
            Action::ExportFinished(_, Ok(())) => return self,
            Action::ExportFinished(output, Err(message)) => {
                next.notice = Some(format!("{}未能生成：{message}", output.label()))
            }
            Action::CloseGate => next.gate = None,
            Action::DownloadReportFile => {
                exports::download_report_file(&self.report);
                return self;
            }
            Action::FillBlanks => {
                next.history.record(&self.report, None);
                let filled = next.report.fill_blanks_with_zero();
                next.notice = Some(format!("已将 {filled} 个空白格填为 0。"));
                next.changed();
            }
            Action::Paste(start, block) => {
                next.history.record(&self.report, None);
                let pasted = grid::paste(&mut next.report, start, &block);
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
                next.notice = Some(notice);
                next.changed();
            }
            Action::Undo | Action::Redo => {
                let restored = if matches!(action, Action::Undo) {
                    next.history.undo(&self.report)
                } else {
                    next.history.redo(&self.report)
                };
                let Some(report) = restored else { return self };
                next.report = report;
                next.changed();
            }
            Action::UpdateReady => next.update_ready = true,
            Action::OpenImport => {
                next.import = Some(Rc::new(ImportState::Choosing { refused: None }))
            }
            Action::CloseImport => next.import = None,
            // A result for a dialog closed meanwhile is dropped: nothing changes unconfirmed. (A
            // start opens the dialog: a file dropped on the page starts an import by itself.)
            Action::ImportRead { .. } if self.import.is_none() => return self,
            Action::ImportStarted(source) => {
                next.import = Some(Rc::new(ImportState::Reading { source }))
            }
            Action::ImportRead { source, result } => {
                next.import = Some(Rc::new(match *result {
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
                let Some(ImportState::Read { report, .. }) = next.import.take().as_deref().cloned()
                else {
                    return self;
                };
                match use_as {
                    ImportUse::NewDraft => {
                        next.open_new_draft(*report, "已从已发布报告的文字建立新的草稿。")
                    }
                    ImportUse::StartThisYear => next
                        .open_new_draft(Report::carry_over(&report, false), STARTED_FROM_LAST_YEAR),
                    ImportUse::AttachAsPrevious => next.attach_previous(&report),
                }
            }
            Action::StartFromLastYear { name, text } => match read_report(&text) {
                Ok(last_year) => next.open_new_draft(
                    Report::carry_over(&last_year, false),
                    STARTED_FROM_LAST_YEAR,
                ),
                Err(error) => next.notice = Some(unreadable(&name, &error)),
            },
            Action::AttachPrevious { name, text } => match read_report(&text) {
                Ok(last_year) => next.attach_previous(&last_year),
                Err(error) => next.notice = Some(unreadable(&name, &error)),
            },
            Action::HostLoad(text) => {
                return self.reduce(Action::OpenFile {
                    name: "门户发送的报告".to_owned(),
                    text,
                })
            }
            Action::HostGetReport(origin) => {
                let text = write_report(&self.report.with_computed_totals());
                embed::post_to(&origin, "report", &[("report", text.into())]);
                return self;
            }
            Action::PersistRefused => next.persist_refused = true,
            Action::DismissNotice => next.notice = None,
        }
        Rc::new(next)
    }
}
