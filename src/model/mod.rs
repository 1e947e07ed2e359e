//! The page's pure side: what the page knows and how it changes — the state and its reducer
//! (`state`), the undo history, the marks on cells, the drafts' envelope and keys over a `Store`,
//! what the page was configured with, what an export is. Invariant: nothing here calls the
//! browser (no web_sys, js_sys or wasm_bindgen; tests/layers.rs holds it), so all of it runs in
//! native `cargo test` (tests/page_state.rs).

pub mod embedding;
pub mod export_request;
pub mod history;
pub mod keys;
pub mod marks;
pub mod state;
pub mod storage;
pub mod store;
