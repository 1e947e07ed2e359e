//! Crates by dependency: the core (format, rules, report file, 汇总's arithmetic) depends on serde
//! and serde_json, with serde_path_to_error naming the place of a reading error, and nothing else, and the filling page on the core alone among the project's crates (the
//! importer's and the writers' dependency sets stay out of its first load by the crate graph, not
//! by luck). The tools page may add the writers, behind its own feature.
#![cfg(not(target_arch = "wasm32"))]

use std::path::Path;

/// The names in a manifest's `[dependencies]` table (`name = …` or `name.workspace = true`).
fn dependencies(manifest: &str) -> Vec<(String, String)> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(manifest);
    let text = std::fs::read_to_string(&path).expect("the manifest");
    let mut inside = false;
    let mut names = Vec::new();
    for line in text.lines().map(str::trim) {
        if line.starts_with('[') {
            inside = line == "[dependencies]";
            continue;
        }
        if !inside || line.is_empty() || line.starts_with('#') {
            continue;
        }
        if let Some((key, value)) = line.split_once('=') {
            let name = key.trim().trim_end_matches(".workspace").to_owned();
            names.push((name, value.trim().to_owned()));
        }
    }
    names
}

#[test]
fn the_core_depends_on_serde_alone() {
    // serde_path_to_error is serde's companion for the one job serde_json leaves open: which member
    // of the file a reading error is at (issue 23 names it).
    let names: Vec<String> = dependencies("crates/ogi-report-core/Cargo.toml")
        .into_iter()
        .map(|(name, _)| name)
        .collect();
    assert_eq!(names, ["serde", "serde_json", "serde_path_to_error"]);
}

#[test]
fn the_page_links_no_importer_and_the_writers_only_for_the_tools_page() {
    let page = dependencies("Cargo.toml");
    assert!(page.iter().any(|(name, _)| name == "ogi-report-core"));
    assert!(!page.iter().any(|(name, _)| name == "ogi-report-import"));
    let render = page.iter().find(|(name, _)| name == "ogi-report-render");
    assert!(
        render.is_some_and(|(_, value)| value.contains("optional = true")),
        "{render:?}"
    );
}
