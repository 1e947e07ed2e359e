//! Undo and redo of user edits, as a value inside the page's state: applying an action to a
//! state never changes another state's history, and an action that changes nothing records
//! nothing. Each step keeps the whole report as it was, which costs a few pointer copies (rows
//! and parts are shared `Rc`s), and the stacks are shared lists, so copying a history is two
//! pointer copies. Consecutive edits of one cell or field are one step, so undo takes back "what
//! I typed there", not one keystroke at a time. Computed totals are never a step of their own:
//! they come back with the report they belong to.

use std::rc::Rc;

use ogi_report_core::Report;

/// Steps kept: at least this many, trimmed back to it once half as many again have piled up (so
/// a push stays cheap).
const LIMIT: usize = 200;

struct Node {
    report: Report,
    below: Stack,
    depth: usize,
}

/// A persistent stack: pushing shares everything below.
#[derive(Clone, Default)]
struct Stack(Option<Rc<Node>>);

impl Stack {
    fn depth(&self) -> usize {
        self.0.as_ref().map_or(0, |node| node.depth)
    }

    fn push(&self, report: Report) -> Stack {
        let pushed = Stack(Some(Rc::new(Node {
            report,
            below: self.clone(),
            depth: self.depth() + 1,
        })));
        if pushed.depth() > LIMIT + LIMIT / 2 {
            pushed.keep(LIMIT)
        } else {
            pushed
        }
    }

    fn pop(&self) -> Option<(Report, Stack)> {
        let node = self.0.as_ref()?;
        Some((node.report.clone(), node.below.clone()))
    }

    /// The top `count` steps only.
    fn keep(&self, count: usize) -> Stack {
        let mut reports = Vec::with_capacity(count);
        let mut at = self.clone();
        while reports.len() < count {
            let Some((report, below)) = at.pop() else {
                break;
            };
            reports.push(report);
            at = below;
        }
        reports
            .into_iter()
            .rev()
            .fold(Stack::default(), |stack, report| {
                Stack(Some(Rc::new(Node {
                    depth: stack.depth() + 1,
                    report,
                    below: stack,
                })))
            })
    }
}

impl PartialEq for Stack {
    fn eq(&self, other: &Self) -> bool {
        match (&self.0, &other.0) {
            (Some(a), Some(b)) => Rc::ptr_eq(a, b),
            (None, None) => true,
            _ => false,
        }
    }
}

#[derive(Clone, Default, PartialEq)]
pub struct History {
    undo: Stack,
    redo: Stack,
    /// The cell or field the last step was typed into.
    last_target: Option<String>,
}

impl std::fmt::Debug for History {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "History({} undo, {} redo)",
            self.undo.depth(),
            self.redo.depth()
        )
    }
}

impl History {
    /// The history after an edit of `before`; `target` names the cell or field typed into.
    pub fn record(&self, before: &Report, target: Option<String>) -> History {
        if target.is_some() && self.last_target == target {
            return self.clone();
        }
        History {
            undo: self.undo.push(before.clone()),
            redo: Stack::default(),
            last_target: target,
        }
    }

    /// The report to go back to, and the history after it.
    pub fn undo(&self, current: &Report) -> Option<(Report, History)> {
        let (previous, undo) = self.undo.pop()?;
        Some((
            previous,
            History {
                undo,
                redo: self.redo.push(current.clone()),
                last_target: None,
            },
        ))
    }

    pub fn redo(&self, current: &Report) -> Option<(Report, History)> {
        let (next, redo) = self.redo.pop()?;
        Some((
            next,
            History {
                undo: self.undo.push(current.clone()),
                redo,
                last_target: None,
            },
        ))
    }

    pub fn undo_steps(&self) -> usize {
        self.undo.depth()
    }

    pub fn redo_steps(&self) -> usize {
        self.redo.depth()
    }

    pub fn can_undo(&self) -> bool {
        self.undo_steps() > 0
    }

    pub fn can_redo(&self) -> bool {
        self.redo_steps() > 0
    }
}
