//! Dialogs: the export gate (检查 found errors), the first-visit hint, and the one-off notice — a
//! [`Notice`] value that says what happened; the view words it
//! (`view::components::notices::notice_words`).

use ogi_report_core::rules::tally;
use ogi_report_core::FileError;

use super::{Effect, State};
use crate::model::export_request::{ExportRequest, Output};

#[derive(Clone, Debug, PartialEq)]
pub struct Dialogs {
    /// An export waiting for the user's decision because 检查 found errors.
    pub gate: Option<Output>,
    /// The first-visit hint of the three steps is shown (until closed for good).
    pub hint: bool,
    /// What just happened (a file opened or not, blanks filled, a paste), until dismissed.
    pub notice: Option<Notice>,
}

impl Default for Dialogs {
    fn default() -> Dialogs {
        Dialogs {
            gate: None,
            hint: true,
            notice: None,
        }
    }
}

/// What just happened, for the one-off notice; the view words it.
#[derive(Clone, Debug, PartialEq)]
pub enum Notice {
    /// A report file opened as a new draft.
    FileOpened {
        name: String,
    },
    /// A report file that could not be opened: nothing changed.
    FileUnreadable {
        name: String,
        error: FileError,
    },
    /// A file the browser could not read (`reason` as the browser said it).
    FileNotRead {
        name: String,
        reason: String,
    },
    /// A published report's text imported as a new draft.
    ImportedAsNewDraft,
    /// This year's draft started from last year's report.
    StartedFromLastYear,
    /// Last year's report attached to the open draft.
    AttachedPrevious {
        year: Option<i32>,
    },
    ExportFailed {
        output: Output,
        why: String,
    },
    /// The report file handed to the browser, on a page handed down: where it goes back.
    ReportFileHandedOver {
        file_name: String,
        send_back: String,
    },
    FilledBlanks(usize),
    Pasted {
        written: usize,
        on_totals: usize,
        outside: usize,
    },
    /// A stored draft that could not be opened (damaged, or saved by a newer version).
    DraftUnopenable,
}

pub enum Dialog {
    /// Export: runs every rule first; with errors, the gate asks before a draft is exported.
    RequestExport(Output),
    ExportAnyway,
    /// The export was handed over, or why it could not be.
    ExportFinished(Output, Result<(), String>),
    CloseGate,
    /// A file the browser could not read.
    FileNotRead {
        name: String,
        reason: String,
    },
    /// The first-visit hint is closed for good.
    CloseHint,
    DismissNotice,
}

impl State {
    /// Says what just happened, in place of the notice before.
    pub(super) fn tell(&mut self, notice: Notice) {
        self.dialogs.notice = Some(notice);
    }

    pub(super) fn apply_dialog(&mut self, action: Dialog, effects: &mut Vec<Effect>) {
        match action {
            Dialog::RequestExport(output) => self.request_export(output, effects),
            Dialog::ExportAnyway => {
                if let Some(output) = self.dialogs.gate.take() {
                    self.export(output, true, effects);
                }
            }
            Dialog::ExportFinished(_, Ok(())) => {}
            Dialog::ExportFinished(output, Err(why)) => {
                self.tell(Notice::ExportFailed { output, why })
            }
            Dialog::CloseGate => self.dialogs.gate = None,
            Dialog::FileNotRead { name, reason } => self.tell(Notice::FileNotRead { name, reason }),
            Dialog::CloseHint => {
                self.dialogs.hint = false;
                if self.stored() {
                    effects.push(Effect::CloseHint);
                }
            }
            Dialog::DismissNotice => self.dialogs.notice = None,
        }
    }

    /// Export: every rule first; with errors, the gate asks before a draft is exported.
    fn request_export(&mut self, output: Output, effects: &mut Vec<Effect>) {
        if !output.gated() {
            return self.export(output, false, effects);
        }
        self.check_all();
        let (errors, _) = tally(&self.editing.findings);
        if errors == 0 {
            self.export(output, false, effects);
        } else {
            self.dialogs.gate = Some(output);
        }
    }

    /// An export of the report as it is now.
    fn export(&self, output: Output, draft: bool, effects: &mut Vec<Effect>) {
        effects.push(Effect::Export(ExportRequest {
            output,
            report: self.editing.report.clone(),
            draft,
        }));
    }
}
