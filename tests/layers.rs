//! The page's layers: `src/model/` is pure — the state, the reducer, drafts over a store — and
//! never calls the browser, so all of it runs natively (tests/page_state.rs); the browser is
//! touched in `src/browser/` and the view only.
#![cfg(not(target_arch = "wasm32"))]

use std::path::Path;

#[test]
fn the_model_never_calls_the_browser() {
    let model = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/model");
    let mut calls = Vec::new();
    for entry in std::fs::read_dir(&model).expect("src/model") {
        let path = entry.expect("an entry").path();
        let text = std::fs::read_to_string(&path).expect("a source file");
        for (number, line) in text.lines().enumerate() {
            let code = line.split("//").next().unwrap_or_default();
            if ["web_sys", "js_sys", "wasm_bindgen", "gloo"]
                .iter()
                .any(|browser| code.contains(browser))
            {
                calls.push(format!("{}:{}: {line}", path.display(), number + 1));
            }
        }
    }
    assert!(calls.is_empty(), "{}", calls.join("\n"));
}
