//! The page's view: the root component (`app`), one component per file (`components`), and the
//! hooks that connect the page to browser events (`hooks`). Components receive data and emit
//! actions; they neither keep report state nor call the store or the package.

pub mod app;
pub mod components;
pub mod hooks;
