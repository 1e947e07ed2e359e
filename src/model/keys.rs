//! The localStorage key scheme: `ogi-report:v1:[namespace:]draft:<id>`, `…corrupt:<id>`,
//! `…current` and `…hint-closed`. Both the storage layer (which reads and writes the keys) and
//! the embedding config (which accepts a portal's namespace) depend on it, and on nothing else
//! here.

pub const BASE_PREFIX: &str = "ogi-report:v1:";
pub const DRAFT: &str = "draft:";
pub const CORRUPT: &str = "corrupt:";
pub const CURRENT: &str = "current";
/// Set once the user closed the first-visit hint for good.
pub const HINT_CLOSED: &str = "hint-closed";

/// Whether a namespace name cannot be mistaken for one of the key words above.
pub fn namespace_is_free(namespace: &str) -> bool {
    ![DRAFT, CORRUPT, CURRENT, HINT_CLOSED]
        .iter()
        .any(|word| word.trim_end_matches(':') == namespace)
}

/// The key of draft `id` under a namespace's `prefix`.
pub fn draft_key(prefix: &str, id: &str) -> String {
    format!("{prefix}{DRAFT}{id}")
}

/// The key prefix of a namespace: one per embedding namespace, so two portals keep separate drafts.
pub fn prefix(namespace: Option<&str>) -> String {
    match namespace {
        Some(namespace) => format!("{BASE_PREFIX}{namespace}:"),
        None => BASE_PREFIX.to_owned(),
    }
}
