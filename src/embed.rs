//! Embedding in a portal. The page reads its configuration once, from the URL the host puts in
//! the iframe: `embed=1` (no app chrome), `ns` (a storage namespace so two portals on one browser
//! keep separate drafts), `body`, `year`, `body_type` (prefill), `lock` (which of them the user
//! may not change), and `origin` (the host origins messages are exchanged with; no `*`).
//! Messages from any other origin are ignored, and nothing is sent anywhere else.

use std::cell::OnceCell;

use ogi_report_core::{BodyType, FieldRef, Report};
use wasm_bindgen::JsValue;

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Embedding {
    pub embedded: bool,
    pub namespace: Option<String>,
    pub body: Option<String>,
    pub year: Option<i32>,
    pub body_type: Option<BodyType>,
    pub locked: Vec<FieldRef>,
    pub origins: Vec<String>,
}

thread_local! {
    static CONFIG: OnceCell<Embedding> = const { OnceCell::new() };
}

/// The configuration of this page, read from its URL once.
pub fn config() -> Embedding {
    CONFIG.with(|cell| cell.get_or_init(read_url).clone())
}

fn read_url() -> Embedding {
    let search = web_sys::window()
        .and_then(|window| window.location().search().ok())
        .unwrap_or_default();
    let Ok(params) = web_sys::UrlSearchParams::new_with_str(&search) else {
        return Embedding::default();
    };
    let text = |name: &str| params.get(name).filter(|value| !value.trim().is_empty());
    // Letters, digits, `-`, `_`; not a word the storage keys themselves use.
    let namespace = text("ns").filter(|ns| {
        ns.len() <= 40
            && ns
                .chars()
                .all(|ch| ch.is_ascii_alphanumeric() || ch == '-' || ch == '_')
            && crate::keys::namespace_is_free(ns)
    });
    let locked = text("lock")
        .map(|list| {
            list.split(',')
                .filter_map(|name| match name.trim() {
                    "body" => Some(FieldRef::Body),
                    "year" => Some(FieldRef::Year),
                    "body_type" => Some(FieldRef::BodyType),
                    _ => None,
                })
                .collect()
        })
        .unwrap_or_default();
    let origins = js_sys::Array::from(&params.get_all("origin"))
        .iter()
        .filter_map(|value| value.as_string())
        .flat_map(|value| {
            value
                .split(',')
                .map(|origin| origin.trim().trim_end_matches('/').to_owned())
                .collect::<Vec<_>>()
        })
        .filter(|origin| origin.starts_with("http://") || origin.starts_with("https://"))
        .collect();
    Embedding {
        embedded: text("embed").is_some_and(|value| value == "1"),
        namespace,
        body: text("body"),
        year: text("year").and_then(|year| year.parse().ok()),
        body_type: text("body_type").and_then(|kind| BodyType::from_key(&kind)),
        locked,
        origins,
    }
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
        if let Some(year) = self
            .year
            .filter(|_| applies(FieldRef::Year) || report.meta.year.is_none())
        {
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

fn message(kind: &str, fields: &[(&str, JsValue)]) -> js_sys::Object {
    let message = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&message, &"type".into(), &kind.into());
    for (key, value) in fields {
        let _ = js_sys::Reflect::set(&message, &(*key).into(), value);
    }
    message
}

/// Replies to one host origin (a configured one: the caller checked it).
pub fn post_to(origin: &str, kind: &str, fields: &[(&str, JsValue)]) {
    if let Some(parent) = web_sys::window().and_then(|window| window.parent().ok().flatten()) {
        let _ = parent.post_message(&message(kind, fields), origin);
    }
}

/// Sends `{type, ...fields}` to the host, at each configured origin (the browser delivers it only
/// where the parent really is). Nothing is sent when the page is not embedded for an origin.
pub fn post(kind: &str, fields: &[(&str, JsValue)]) {
    let config = config();
    if config.origins.is_empty() {
        return;
    }
    for origin in &config.origins {
        post_to(origin, kind, fields);
    }
}
