//! ogi-report-core: the 2021 national format of the 政府信息公开工作年度报告 as data, cell input,
//! the rules R1–R18, the report file and 汇总's arithmetic. Pure Rust whose dependencies are serde
//! and serde_json, with serde_path_to_error (tests/dependencies.rs at the root holds it to that): the page compiles it into its first
//! load; the importer (crates/ogi-report-import) and the writers (crates/ogi-report-render) build
//! on it for the CLI and the file-work package.
//!
//! Module map:
//! - [`format`]: every printed label, key and piece of guidance of the format;
//! - [`cell`]: what a user types into a cell, and what it means;
//! - [`report`]: the report model and the stable paths of its cells and fields;
//! - [`rules`]: R1–R18 as a registry, and [`rules::check`];
//! - [`file`]: reading (strict, with migration) and writing the report file (serde_json underneath);
//! - [`grid`]: moving between cells and pasting blocks copied from spreadsheets or report pages;
//! - [`layout`]: the three tables as printed (headers, merges, widths), shared by page and files;
//! - [`output`]: the formats a report is handed on as (the writers are the render crate);
//! - [`imported`]: what an import gives beside the report (the importer fills it);
//! - [`audit`]: 审阅's terms — how each cell came to be known; findings on unread cells set aside;
//! - [`sum`]: 汇总 of many units' reports, [`checklist`]: who of a list sent theirs;
//!   [`compare`]: this year beside last year;
//! - [`pack`]: a superior office's settings handed down with the one-file page (下发);
//! - [`compose`]: the data paragraph composed from the tables for the narrative.

pub mod audit;
pub mod cell;
pub mod checklist;
pub mod compare;
pub mod compose;
pub mod file;
pub mod format;
pub mod grid;
pub mod imported;
pub mod layout;
pub mod output;
pub mod pack;
pub mod report;
pub mod rules;
pub mod sum;

pub use cell::{Amount, AmountCell, Cell, CountCell, Problem};
pub use file::{read_report, write_report, FileError};
pub use report::{
    BodyType, CellRef, Closing, FieldRef, Meta, Narrative, Report, Section, Unfilled,
};
pub use rules::{check, Context, Date, Finding, Severity, Stage};
