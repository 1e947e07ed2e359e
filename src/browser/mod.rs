//! The page's browser side: the runtime that performs the reducer's effects (localStorage, the
//! on-demand file-work package for exports and imports, downloads, printing, the host page's
//! messages, focus), reading the configuration from the URL and the document, the clock, reading
//! chosen files, and the crash page. The model decides; this layer only carries out.

pub mod clock;
pub mod download;
pub mod embed;
pub mod exports;
pub mod file_work;
pub mod files;
pub mod local_storage;
pub mod panic;
pub mod runtime;
