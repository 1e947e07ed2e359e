//! The repository needs nothing outside itself: no file it tracks points at documents a clone does
//! not have (the project's first specs lived beside it; their facts are in docs/ now, in the
//! project's own words).
#![cfg(not(target_arch = "wasm32"))]

use std::path::Path;
use std::process::Command;

/// Words that name a document outside the repository.
const OUTSIDE: [&str; 3] = ["../shared", "interfaces.md", "format-2021.md"];

#[test]
fn no_tracked_file_points_outside_the_repository() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let listed = Command::new("git")
        .args(["ls-files", "-z"])
        .current_dir(root)
        .output()
        .expect("git lists the tracked files");
    let mut pointing = Vec::new();
    for path in String::from_utf8_lossy(&listed.stdout).split('\0') {
        // This file names the words it looks for.
        if path.is_empty() || path.ends_with("self_contained.rs") {
            continue;
        }
        let Ok(text) = std::fs::read_to_string(root.join(path)) else {
            continue; // binary files (Word, PDF, images)
        };
        for word in OUTSIDE.iter().filter(|word| text.contains(**word)) {
            pointing.push(format!("{path}: {word}"));
        }
    }
    assert!(pointing.is_empty(), "{}", pointing.join("\n"));
}
