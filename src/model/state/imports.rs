//! Imports: the import dialog (a pasted text or a file being read by the on-demand importer, then
//! what it read, to confirm), last year's report files, and the question asked before a report of
//! another body or year is used. What is confirmed becomes a new draft, this year's draft started
//! from it, or the open draft's `previous`.

use std::rc::Rc;

use ogi_report_core::imported::Summary;
use ogi_report_core::{read_report, Report};

use super::{Effect, ImportResult, Notice, State};

#[derive(Clone, Debug, PartialEq)]
pub struct Imports {
    /// The import dialog, when open.
    pub dialog: Option<Rc<ImportState>>,
    /// What the import dialog's default button does: the action of the control that opened it.
    pub intent: ImportUse,
    /// A report of another body or year, waiting for the user's word before it is used.
    pub question: Option<Rc<Question>>,
}

impl Default for Imports {
    fn default() -> Imports {
        Imports {
            dialog: None,
            intent: ImportUse::NewDraft,
            question: None,
        }
    }
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

pub enum Import {
    /// The import dialog opened.
    Open,
    /// A pasted text or a chosen file is being read by the on-demand importer; `intent` is what
    /// the control used wants done with it (`None`: the dialog's own chooser, which keeps it).
    Started {
        source: String,
        intent: Option<ImportUse>,
    },
    /// The bytes of the file (or the pasted text) to import, once read (then `Effect::Import`).
    Bytes {
        source: String,
        name: String,
        bytes: Rc<[u8]>,
    },
    /// What the importer made of it, to be shown for confirmation.
    Read {
        source: String,
        /// Boxed: a report and its summary are far larger than any other action.
        result: ImportResult,
    },
    Confirm(ImportUse),
    Close,
    /// The user's word on a [`Question`]: use the report after all, or not.
    Answer(bool),
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
}

impl State {
    pub(super) fn apply_import(&mut self, action: Import, effects: &mut Vec<Effect>) {
        let imports = &mut self.imports;
        match action {
            Import::Open => {
                imports.intent = ImportUse::NewDraft;
                imports.dialog = Some(Rc::new(ImportState::Choosing { refused: None }))
            }
            Import::Close => imports.dialog = None,
            // A result for a dialog closed meanwhile is dropped: nothing changes unconfirmed. (A
            // start opens the dialog: a file dropped on the page starts an import by itself.)
            Import::Read { .. } | Import::Bytes { .. } if imports.dialog.is_none() => {}
            Import::Bytes {
                source,
                name,
                bytes,
            } => effects.push(Effect::Import {
                source,
                name,
                bytes,
            }),
            Import::Started { source, intent } => {
                if let Some(intent) = intent {
                    imports.intent = intent;
                }
                imports.dialog = Some(Rc::new(ImportState::Reading { source }))
            }
            Import::Read { source, result } => {
                imports.dialog = Some(Rc::new(match *result {
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
            Import::Confirm(use_as) => {
                let Some(ImportState::Read { report, .. }) = imports.dialog.as_deref().cloned()
                else {
                    return;
                };
                imports.dialog = None;
                self.use_last_year(*report, use_as, effects);
            }
            Import::Answer(yes) => {
                if let Some(question) = imports.question.take() {
                    let Question { report, use_as, .. } = Rc::unwrap_or_clone(question);
                    if yes {
                        self.proceed(*report, use_as, effects);
                    }
                }
            }
            Import::StartFromLastYear { name, text } => {
                self.last_year_file(name, &text, ImportUse::StartThisYear, effects)
            }
            Import::AttachPrevious { name, text } => {
                self.last_year_file(name, &text, ImportUse::AttachAsPrevious, effects)
            }
        }
    }

    /// A report file of last year, read and used as `use_as` — or why it could not be opened.
    fn last_year_file(
        &mut self,
        name: String,
        text: &str,
        use_as: ImportUse,
        effects: &mut Vec<Effect>,
    ) {
        match read_report(text) {
            Ok(last_year) => self.use_last_year(last_year, use_as, effects),
            Err(error) => self.tell(Notice::FileUnreadable { name, error }),
        }
    }

    /// Uses last year's report as the user asked — or first asks, when it names another body than
    /// the open draft's, or not the year before.
    fn use_last_year(&mut self, last_year: Report, use_as: ImportUse, effects: &mut Vec<Effect>) {
        let doubts = self.doubts(&last_year, use_as);
        if doubts.is_empty() {
            self.proceed(last_year, use_as, effects);
        } else {
            self.imports.question = Some(Rc::new(Question {
                doubts,
                report: Box::new(last_year),
                use_as,
            }));
        }
    }

    fn proceed(&mut self, report: Report, use_as: ImportUse, effects: &mut Vec<Effect>) {
        match use_as {
            ImportUse::NewDraft => self.open_new_draft(report, Notice::ImportedAsNewDraft, effects),
            ImportUse::StartThisYear => self.open_new_draft(
                Report::carry_over(&report, false),
                Notice::StartedFromLastYear,
                effects,
            ),
            ImportUse::AttachAsPrevious => {
                self.edit(None, effects, |open| open.attach_previous(&report));
                self.tell(Notice::AttachedPrevious {
                    year: report.meta.year,
                });
            }
        }
    }

    /// Why last year's report may not be the right one for `use_as`, a sentence each.
    fn doubts(&self, last_year: &Report, use_as: ImportUse) -> Vec<String> {
        let mut doubts = Vec::new();
        let report = &self.editing.report;
        let (theirs, ours) = (last_year.meta.body.trim(), report.meta.body.trim());
        // Spaces aside (a title copied from a web page often has some), as 汇总 matches units.
        let other_body = !ogi_report_core::checklist::same_unit(theirs, ours);
        if use_as != ImportUse::NewDraft && !theirs.is_empty() && !ours.is_empty() && other_body {
            doubts.push(format!(
                "这份报告的机关是「{theirs}」，而当前草稿是「{ours}」。"
            ));
        }
        let expected = match use_as {
            ImportUse::NewDraft => return doubts,
            ImportUse::AttachAsPrevious => report.meta.year.map(|year| year - 1),
            ImportUse::StartThisYear => Some(self.env.today.report_year() - 1),
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
}
