//! What the page was configured with when it opened: a portal's embedding (namespace, prefill,
//! locked fields, host origins), the one-file mark and a superior office's pack. Read from the
//! URL and the document by crate::browser::embed; held by the state as a value.

use std::rc::Rc;

use ogi_report_core::pack::Pack;
use ogi_report_core::{BodyType, FieldRef, Report};

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Embedding {
    pub embedded: bool,
    pub namespace: Option<String>,
    pub body: Option<String>,
    pub year: Option<i32>,
    pub body_type: Option<BodyType>,
    pub locked: Vec<FieldRef>,
    pub origins: Vec<String>,
    /// The superior office's settings, if the page was handed down with them.
    pub pack: Option<Rc<Pack>>,
    /// Why settings that came with the page could not be read (the page works without them).
    pub pack_problem: Option<String>,
    /// This page is the one file opened from disk (scripts/one-file.mjs): no tools page beside it.
    pub one_file: bool,
}

impl Embedding {
    pub fn is_locked(&self, field: FieldRef) -> bool {
        self.locked.contains(&field)
    }

    /// Applies the host's prefill: to a fresh draft, and always to a locked field.
    pub fn prefill(&self, report: &mut Report) {
        // A draft without a body name is fresh: the portal's values apply to all of it.
        let fresh = report.meta.body.trim().is_empty();
        let applies = |field: FieldRef| fresh || self.is_locked(field);
        if let Some(body) = self.body.as_ref().filter(|_| applies(FieldRef::Body)) {
            report.meta.body = body.clone();
        }
        let year = self.year.or(self.pack.as_ref().map(|pack| pack.year));
        if let Some(year) = year.filter(|_| applies(FieldRef::Year) || report.meta.year.is_none()) {
            report.meta.year = Some(year);
        }
        if let Some(body_type) = self.body_type.filter(|_| applies(FieldRef::BodyType)) {
            report.meta.body_type = body_type;
        }
    }

    pub fn accepts(&self, origin: &str) -> bool {
        self.origins.iter().any(|allowed| allowed == origin)
    }
}
