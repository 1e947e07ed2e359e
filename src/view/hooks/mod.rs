//! The page's hooks, one per file, and the window-listener helper they share.

mod use_dialog;
mod use_host_messages;
mod use_persist_request;
mod use_ready_marker;
mod use_service_worker;
mod use_storage_events;
mod use_undo_keys;
mod window_listener;

pub use use_dialog::use_dialog;
pub use use_host_messages::use_host_messages;
pub use use_persist_request::use_persist_request;
pub use use_ready_marker::use_ready_marker;
pub use use_service_worker::{apply_update, use_service_worker};
pub use use_storage_events::use_storage_events;
pub use use_undo_keys::use_undo_keys;
