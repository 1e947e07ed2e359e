//! Undo and redo of user edits. Each step keeps the whole report as it was, which costs a few
//! pointer copies (rows and parts are shared `Rc`s). Consecutive edits of one cell or field are
//! one step, so undo takes back "what I typed there", not one keystroke at a time. Computed
//! totals are never a step of their own: they come back with the report they belong to.

use std::cell::RefCell;
use std::rc::Rc;

use ogi_report_core::Report;

const LIMIT: usize = 200;

#[derive(Default)]
struct Steps {
    undo: Vec<Report>,
    redo: Vec<Report>,
    /// The cell or field the last step was typed into.
    last_target: Option<String>,
}

/// Shared by every state of one page: the reducer clones state per action, not the history.
#[derive(Clone, Default)]
pub struct History(Rc<RefCell<Steps>>);

impl PartialEq for History {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl std::fmt::Debug for History {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let steps = self.0.borrow();
        write!(
            f,
            "History({} undo, {} redo)",
            steps.undo.len(),
            steps.redo.len()
        )
    }
}

impl History {
    /// Records the report before an edit; `target` names the cell or field typed into.
    pub fn record(&self, before: &Report, target: Option<String>) {
        let mut steps = self.0.borrow_mut();
        if target.is_some() && steps.last_target == target {
            return;
        }
        steps.undo.push(before.clone());
        if steps.undo.len() > LIMIT {
            steps.undo.remove(0);
        }
        steps.redo.clear();
        steps.last_target = target;
    }

    pub fn undo(&self, current: &Report) -> Option<Report> {
        let mut steps = self.0.borrow_mut();
        let previous = steps.undo.pop()?;
        steps.redo.push(current.clone());
        steps.last_target = None;
        Some(previous)
    }

    pub fn redo(&self, current: &Report) -> Option<Report> {
        let mut steps = self.0.borrow_mut();
        let next = steps.redo.pop()?;
        steps.undo.push(current.clone());
        steps.last_target = None;
        Some(next)
    }

    /// Starts over (another draft or file was opened).
    pub fn clear(&self) {
        *self.0.borrow_mut() = Steps::default();
    }

    pub fn can_undo(&self) -> bool {
        !self.0.borrow().undo.is_empty()
    }

    pub fn can_redo(&self) -> bool {
        !self.0.borrow().redo.is_empty()
    }
}
