//! The page's hooks, one per file.

mod use_jump_focus;
mod use_persist_request;
mod use_storage_events;
mod use_undo_keys;

pub use use_jump_focus::use_jump_focus;
pub use use_persist_request::use_persist_request;
pub use use_storage_events::use_storage_events;
pub use use_undo_keys::use_undo_keys;
