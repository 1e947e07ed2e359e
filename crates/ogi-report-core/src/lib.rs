//! ogi-report-core: the 2021 national format of the 政府信息公开工作年度报告 as data, cell input,
//! the rules R1–R18, the report file (v1) and its renderers. Pure Rust with no browser
//! dependency: the page (compiled to wasm) and the `ogi-report` CLI both call it.
//!
//! Module map:
//! - [`format`]: every printed label, key and piece of guidance of the format;
//! - [`cell`]: what a user types into a cell, and what it means;
//! - [`report`]: the report model and the stable paths of its cells and fields;
//! - [`rules`]: R1–R18 as a registry, and [`rules::check`];
//! - [`file`]: reading (strict, with migration) and writing the report file;
//! - [`grid`]: moving between cells and pasting blocks copied from spreadsheets or report pages;
//! - [`layout`]: the three tables as printed (headers, merges, widths), shared by page and files;
//! - [`render`]: the report as Word (.docx) and self-contained HTML;
//! - [`import`]: a published report (Word, PDF, web page, text) → a report and what was (not) placed;
//! - [`audit`]: 审阅, a published report checked as it stands, each cell read, inferred or unread;
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
pub mod import;
pub mod json;
pub mod layout;
pub mod pack;
pub mod render;
pub mod report;
pub mod rules;
pub mod sum;

pub use cell::{Amount, AmountCell, Cell, CountCell, Problem};
pub use file::{read_report, write_report, FileError};
pub use report::{
    BodyType, CellRef, Closing, FieldRef, Meta, Narrative, Report, Section, Unfilled,
};
pub use rules::{check, Context, Date, Finding, Severity, Stage};
