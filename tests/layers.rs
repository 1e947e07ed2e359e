//! The page's layers: `src/model/` is pure — the state, the reducer, drafts over a store — and
//! never calls the browser, so all of it runs natively (tests/page_state.rs); the browser is
//! touched in `src/browser/` and the view only.
#![cfg(not(target_arch = "wasm32"))]

use std::path::Path;

#[test]
fn the_model_never_calls_the_browser() {
    let model = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/model");
    let mut calls = Vec::new();
    let mut files = Vec::new();
    let mut folders = vec![model];
    while let Some(folder) = folders.pop() {
        for entry in std::fs::read_dir(&folder).expect("a folder of src/model") {
            let path = entry.expect("an entry").path();
            if path.is_dir() {
                folders.push(path);
            } else {
                files.push(path);
            }
        }
    }
    assert!(files.len() > 10, "{files:?}");
    for path in files {
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
