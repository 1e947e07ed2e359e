//! Embedding in a portal. The page reads its configuration once, from the URL the host puts in
//! the iframe: `embed=1` (no app chrome), `ns` (a storage namespace so two portals on one browser
//! keep separate drafts), `body`, `year`, `body_type` (prefill), `lock` (which of them the user
//! may not change), and `origin` (the host origins messages are exchanged with; no `*`).
//! Messages from any other origin are ignored, and nothing is sent anywhere else.
//!
//! A superior office's settings (下发, [`ogi_report_core::pack`]) come with the page too: in the
//! one-file page's own slot, or as the `pack` parameter of a hosted page's link.

use std::cell::OnceCell;
use std::rc::Rc;

use ogi_report_core::pack;
use ogi_report_core::{BodyType, FieldRef};

pub use crate::model::embedding::Embedding;
use wasm_bindgen::JsValue;

thread_local! {
    static CONFIG: OnceCell<Rc<Embedding>> = const { OnceCell::new() };
}

/// The configuration of this page, read from its URL once.
pub fn config() -> Rc<Embedding> {
    // Shared, not copied: components ask for it on every render.
    CONFIG.with(|cell| cell.get_or_init(|| Rc::new(read_url())).clone())
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
            && crate::model::keys::namespace_is_free(ns)
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
    let document = web_sys::window().and_then(|window| window.document());
    let one_file = document.as_ref().is_some_and(|document| {
        document
            .document_element()
            .is_some_and(|root| root.has_attribute("data-one-file"))
    });
    // The page's own slot first: a link's parameter does not override what was handed down.
    let slot = document
        .and_then(|document| document.get_element_by_id("ogi-pack"))
        .and_then(|element| element.text_content())
        .filter(|settings| !settings.trim().is_empty());
    let (pack, pack_problem) = match slot.or_else(|| text("pack")).map(|s| pack::read_pack(&s)) {
        Some(Ok(pack)) => (Some(Rc::new(pack)), None),
        Some(Err(error)) => (None, Some(error.to_string())),
        None => (None, None),
    };
    Embedding {
        embedded: text("embed").is_some_and(|value| value == "1"),
        namespace,
        body: text("body"),
        year: text("year").and_then(|year| year.parse().ok()),
        body_type: text("body_type").and_then(|kind| BodyType::from_key(&kind)),
        locked,
        origins,
        pack,
        pack_problem,
        one_file,
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
