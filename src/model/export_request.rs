//! What an export is: the outputs the page hands over (Word, HTML, print, the workbook) and a
//! request the 检查 gate let through. The reducer decides them; crate::browser::exports performs.

use ogi_report_core::output::Format;
use ogi_report_core::Report;

/// An output rendered by the package: the finished report (Word, HTML, print), which the 检查
/// gate guards, or the tables as a workbook (figures to hand on, never a publication: no gate).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Output {
    Docx,
    Html,
    Print,
    Xlsx,
}

impl Output {
    /// The file format, for all but printing.
    pub fn format(self) -> Option<Format> {
        match self {
            Output::Docx => Some(Format::Docx),
            Output::Html => Some(Format::Html),
            Output::Xlsx => Some(Format::Xlsx),
            Output::Print => None,
        }
    }

    pub fn label(self) -> &'static str {
        self.format().map_or("打印 / PDF", Format::label)
    }

    /// Whether 检查 runs first and a report with errors is exported only as a marked draft.
    pub fn gated(self) -> bool {
        self != Output::Xlsx
    }

    /// The hook name (`data-export`) and the `kind` the host page is told.
    pub fn kind(self) -> &'static str {
        self.format().map_or("print", Format::name)
    }
}

/// An export the user asked for and the gate let through.
#[derive(Clone, Debug, PartialEq)]
pub struct ExportRequest {
    pub output: Output,
    pub report: Report,
    pub draft: bool,
}
