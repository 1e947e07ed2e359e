//! The page's one state and its pure reducer, composed of five concerns — each with its own part
//! of the state, its own actions and its own `apply`, in its own file:
//! - [`editing`]: the open report, its findings, the stage of checking and the undo history;
//! - [`drafts`]: which draft is open, the drafts list, where drafts live, the save status and
//!   another tab's writes;
//! - [`imports`]: the import dialog, last year's report files, and the question asked before a
//!   report of another body or year is used;
//! - [`dialogs`]: the export gate, the first-visit hint and the one-off [`Notice`] (a value; the
//!   view words it);
//! - [`environment`]: today, the portal's configuration, a newer build, the embedding host.
//!
//! `State::apply(action)` returns the next state and the [`Effect`]s to perform (save, list, load,
//! download, export, import, reply to the host, focus); it touches no browser API, so the page's
//! behaviour is tested natively (`tests/page_state.rs`). `browser::runtime` performs the effects
//! in the same event turn, in one exhaustive match — every change of the report yields one
//! `Effect::Save`, written before the keystroke's event handler returns, so nothing typed can be
//! lost to a closed tab — and feeds what they read back as actions (`Saved`, `Listed`, `Loaded`,
//! `Import::Read`, `ExportFinished`).
//!
//! A concern's `apply` asks another concern for what it owns through the methods that concern
//! defines (an edit ends in `drafts`' `save_now`, a new draft in `editing`'s `replace_report`,
//! any of them in `dialogs`' `tell`): each field is written only by its own concern's file, and by
//! [`State::start`], which composes them.
//!
//! The report is cheap to clone (rows and parts are `Rc`), and an edit copies only the row it
//! touches; row components compare their `Rc` by pointer and skip re-rendering otherwise.

pub mod dialogs;
pub mod drafts;
pub mod editing;
pub mod environment;
pub mod imports;

use std::rc::Rc;

use ogi_report_core::imported::Imported;
use ogi_report_core::{Date, Report};

pub use dialogs::{Dialog, Dialogs, Notice};
pub use drafts::{AfterLoad, Draft, DraftsState, IdSource, SaveStatus, Saved, StorageMode};
pub use editing::{Direction, Edit, Editing};
pub use environment::{Env, Environment};
pub use imports::{Import, ImportState, ImportUse, Imports, Question};

use crate::model::embedding::Embedding;
use crate::model::export_request::ExportRequest;
use crate::model::storage::{self, DraftSummary};

#[derive(Clone, Debug, PartialEq)]
pub struct State {
    pub editing: Editing,
    pub drafts: DraftsState,
    pub imports: Imports,
    pub dialogs: Dialogs,
    pub env: Environment,
}

/// What the user, the browser or an effect's result asks of the page, by concern.
pub enum Action {
    Edit(Edit),
    Draft(Draft),
    Import(Import),
    Dialog(Dialog),
    Env(Env),
}

/// What the caller of [`State::apply`] does after it, in the same event turn. Those that read
/// something give it back as an action.
#[derive(Clone, Debug, PartialEq)]
pub enum Effect {
    /// Writes the draft (then `Draft::Saved`); `make_current` also makes it the draft the next
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
    /// Reads the drafts list again (then `Draft::Listed`).
    List,
    /// Another tab wrote `key`: reads that one draft again (then `Draft::Listed`).
    ListAfterChange {
        key: String,
        new_value: Option<String>,
        drafts: Rc<Vec<DraftSummary>>,
    },
    /// Reads a stored draft (then `Draft::Loaded`).
    Load {
        id: String,
        then: AfterLoad,
    },
    DownloadReportFile(Report),
    /// The raw text of a draft that could not be read, for a technician.
    DownloadCorrupt(String),
    /// Renders and hands over an output (then `Dialog::ExportFinished`).
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
    /// Has the on-demand importer read a file's bytes (then `Import::Read`).
    Import {
        source: String,
        name: String,
        bytes: Rc<[u8]>,
    },
}

/// What the importer made of a text or file, as `Import::Read` carries it.
pub type ImportResult = Box<Result<Imported, String>>;

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
            ids,
            drafts,
        } = start;
        let env = Environment::new(today, embedding);
        let mut state = State {
            editing: Editing::new(new_report(today, &env.embedding)),
            drafts: DraftsState::new(ids),
            imports: Imports::default(),
            dialogs: Dialogs::default(),
            env,
        };
        match drafts {
            Ok(drafts) => {
                state.dialogs.hint = !drafts.hint_closed();
                if let Some(report) = state.open_last(drafts) {
                    state.editing.report = report;
                }
            }
            Err(reason) => state.drafts.storage = StorageMode::Memory { reason },
        }
        state.env.embedding.prefill(&mut state.editing.report);
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

    fn update(&mut self, action: Action, effects: &mut Vec<Effect>) {
        match action {
            Action::Edit(action) => self.apply_edit(action, effects),
            Action::Draft(action) => self.apply_draft(action, effects),
            Action::Import(action) => self.apply_import(action, effects),
            Action::Dialog(action) => self.apply_dialog(action, effects),
            Action::Env(action) => self.apply_env(action, effects),
        }
    }
}

/// A new report for the year being prepared on `today` (from October on, this year's), with the
/// portal's prefill.
pub fn new_report(today: Date, embedding: &Embedding) -> Report {
    let mut report = Report::new_draft();
    report.meta.year = Some(today.report_year());
    embedding.prefill(&mut report);
    report
}
