//! Environment: what the page is given rather than asked — today's date, the portal's
//! configuration (prefill, locked fields, host origins, a superior office's settings), a newer
//! build waiting for a reload, the browser's refusal to keep drafts for good, and the embedding
//! host's requests (open this report, send the report back).

use std::rc::Rc;

use ogi_report_core::{write_report, Date, FieldRef};

use super::{Draft, Effect, State};
use crate::model::embedding::Embedding;

#[derive(Clone, Debug, PartialEq)]
pub struct Environment {
    pub today: Date,
    /// The portal's configuration (prefill, locked fields, host origins); default standalone.
    pub embedding: Rc<Embedding>,
    /// A newer build of the page is installed and waits for the user to reload.
    pub update_ready: bool,
    /// The browser did not promise to keep the drafts (it may clear them when space runs low).
    pub persist_refused: bool,
}

impl Environment {
    pub(super) fn new(today: Date, embedding: Embedding) -> Environment {
        Environment {
            today,
            embedding: Rc::new(embedding),
            update_ready: false,
            persist_refused: false,
        }
    }

    /// Whether the portal locked this field (its value comes from the portal).
    pub fn is_locked(&self, field: FieldRef) -> bool {
        self.embedding.is_locked(field)
    }
}

pub enum Env {
    /// A newer build is installed (the service worker says so).
    UpdateReady,
    PersistRefused,
    /// The embedding host sent a report file to open.
    HostLoad(String),
    /// The embedding host asked for the report; the reply goes to that origin only.
    HostGetReport(String),
}

impl State {
    pub(super) fn apply_env(&mut self, action: Env, effects: &mut Vec<Effect>) {
        match action {
            Env::UpdateReady => self.env.update_ready = true,
            Env::PersistRefused => self.env.persist_refused = true,
            Env::HostLoad(text) => self.apply_draft(
                Draft::OpenFile {
                    name: "门户发送的报告".to_owned(),
                    text,
                },
                effects,
            ),
            Env::HostGetReport(origin) => effects.push(Effect::ReplyToHost {
                origin,
                report: write_report(&self.editing.report.with_computed_totals()),
            }),
        }
    }
}
