//! Editing: the open report, the rules' findings on it, the stage of checking (filling, or 检查
//! pressed) and the undo history. Every change of the report goes through [`State::edit`]: one
//! undo step, the rules re-run, one save — a change that leaves the report as it was records
//! nothing and saves nothing.

use std::rc::Rc;

use ogi_report_core::grid::{self, Block};
use ogi_report_core::rules::{check, Context, Finding, Stage, Target};
use ogi_report_core::{BodyType, CellRef, Closing, FieldRef, Narrative, Report, Section};

use super::{Effect, Notice, State};
use crate::model::history::History;
use crate::timing;

#[derive(Clone, Debug, PartialEq)]
pub struct Editing {
    pub report: Report,
    pub findings: Rc<Vec<Finding>>,
    pub stage: Stage,
    pub history: History,
}

impl Editing {
    pub(super) fn new(report: Report) -> Editing {
        Editing {
            report,
            findings: Rc::default(),
            stage: Stage::Filling,
            history: History::default(),
        }
    }
}

pub enum Edit {
    Cell(CellRef, String),
    Field(FieldRef, String),
    /// Appends the data paragraph composed from the tables to a sub-section's text.
    InsertRequestsSentence(Narrative, usize),
    SetYear(Option<i32>),
    SetBodyType(BodyType),
    /// Adds the 落款 (the report's body, today's date) or removes it.
    SetClosing(bool),
    AddSection(Narrative),
    RemoveSection(Narrative, usize),
    MoveSection(Narrative, usize, Direction),
    /// 检查: every rule, as for a finished report.
    Check,
    FillBlanks,
    /// A block pasted into a table, starting at a cell (one undo step, one save).
    Paste(CellRef, Block),
    Undo,
    Redo,
    /// Go to what a finding points at (a cell or field of this year's report; others are no-ops).
    JumpTo(Target),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Direction {
    Up,
    Down,
}

impl State {
    pub(super) fn apply_edit(&mut self, action: Edit, effects: &mut Vec<Effect>) {
        match action {
            Edit::Cell(cell, raw) => {
                self.edit(Some(cell.path()), effects, |report| {
                    report.edit_cell(cell, &raw)
                });
            }
            Edit::Field(field, _) if self.env.is_locked(field) => {}
            Edit::Field(field, value) => self.edit_field(field, value, effects),
            Edit::InsertRequestsSentence(part, index) => {
                let sentence = ogi_report_core::compose::requests_sentence(&self.editing.report);
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
            Edit::SetYear(_) if self.env.is_locked(FieldRef::Year) => {}
            Edit::SetBodyType(_) if self.env.is_locked(FieldRef::BodyType) => {}
            Edit::SetYear(year) => self.edit(None, effects, |report| report.meta.year = year),
            Edit::SetBodyType(kind) => {
                self.edit(None, effects, |report| report.meta.body_type = kind)
            }
            Edit::SetClosing(on) => {
                let closing = if on {
                    Closing::signed(&self.editing.report.meta.body, self.env.today)
                } else {
                    Closing::default()
                };
                self.edit(None, effects, |report| report.closing = closing);
            }
            Edit::AddSection(part) => self.edit(None, effects, |report| {
                report.sections_mut(part).push(Section::default())
            }),
            Edit::RemoveSection(part, index) => self.edit(None, effects, |report| {
                let sections = report.sections_mut(part);
                if index < sections.len() {
                    sections.remove(index);
                }
            }),
            Edit::MoveSection(part, index, direction) => self.edit(None, effects, |report| {
                move_section(report, part, index, direction)
            }),
            Edit::Check => self.check_all(),
            Edit::FillBlanks => {
                let mut filled = 0;
                self.edit(None, effects, |report| {
                    filled = report.fill_blanks_with_zero()
                });
                self.tell(Notice::FilledBlanks(filled));
            }
            Edit::Paste(start, block) => self.paste(start, &block, effects),
            Edit::Undo | Edit::Redo => {
                let history = &self.editing.history;
                let restored = if matches!(action, Edit::Undo) {
                    history.undo(&self.editing.report)
                } else {
                    history.redo(&self.editing.report)
                };
                if let Some((report, history)) = restored {
                    self.editing.report = report;
                    self.editing.history = history;
                    self.changed(effects);
                }
            }
            Edit::JumpTo(target) if target.is_on_page() => {
                effects.push(Effect::Focus(target.path()))
            }
            Edit::JumpTo(_) => {}
        }
    }

    fn edit_field(&mut self, field: FieldRef, value: String, effects: &mut Vec<Effect>) {
        // A unit of the superior office's list takes the body type the list gives it.
        let listed_type = (field == FieldRef::Body && !self.env.is_locked(FieldRef::BodyType))
            .then(|| self.env.embedding.pack.as_ref()?.unit(&value)?.body_type)
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

    fn paste(&mut self, start: CellRef, block: &Block, effects: &mut Vec<Effect>) {
        let mut pasted = None;
        self.edit(None, effects, |report| {
            pasted = Some(grid::paste(report, start, block))
        });
        if let Some(pasted) = pasted {
            self.tell(Notice::Pasted {
                written: pasted.written,
                on_totals: pasted.on_totals,
                outside: pasted.outside,
            });
        }
    }

    /// The context the rules run in: the stage, today, and the superior office's settings.
    fn context(&self) -> Context<'_> {
        let pack = self.env.embedding.pack.as_deref();
        Context {
            stage: self.editing.stage,
            today: Some(self.env.today),
            deadline: pack.and_then(|pack| pack.deadline),
            deadline_by: pack.map(|pack| pack.office.as_str()),
            copied_percent: pack.map(|pack| pack.copied_percent),
        }
    }

    /// 检查: every rule, as for a finished report.
    pub(super) fn check_all(&mut self) {
        self.editing.stage = Stage::Final;
        self.recheck();
    }

    pub(super) fn recheck(&mut self) {
        let context = self.context();
        let findings = timing::measure("rules", || check(&self.editing.report, &context));
        self.editing.findings = Rc::new(findings);
    }

    /// Changes the report by `change`: one undo step (`target` groups a cell's keystrokes), the
    /// rules re-run and one save. A change that leaves the report as it was records nothing.
    pub(super) fn edit(
        &mut self,
        target: Option<String>,
        effects: &mut Vec<Effect>,
        change: impl FnOnce(&mut Report),
    ) {
        let before = self.editing.report.clone();
        change(&mut self.editing.report);
        if self.editing.report == before {
            self.editing.report = before;
            return;
        }
        self.editing.history = self.editing.history.record(&before, target);
        self.changed(effects);
    }

    /// The report changed: re-run the rules and save.
    pub(super) fn changed(&mut self, effects: &mut Vec<Effect>) {
        self.recheck();
        self.save_now(effects);
    }

    /// Another report in place of the open one (a draft opened or started): no history, filling.
    pub(super) fn replace_report(&mut self, report: Report) {
        self.editing.history = History::default();
        self.editing.report = report;
        self.editing.stage = Stage::Filling;
        self.recheck();
    }
}

fn move_section(report: &mut Report, part: Narrative, index: usize, direction: Direction) {
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
}
