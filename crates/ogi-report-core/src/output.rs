//! The files a report is handed on as — which formats exist, their names, extensions, media types
//! and labels, and whether an export is a marked draft — for the page (which shows them and never
//! writes one itself), the package and the CLI. The writers are crates/ogi-report-render.

use crate::report::Report;

/// The mark a report exported with errors carries in its header.
pub const DRAFT_MARK: &str = "草稿（未通过检查）";

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct RenderOptions {
    /// The report did not pass 检查: every page carries [`DRAFT_MARK`].
    pub draft: bool,
}

impl RenderOptions {
    /// A report with errors under the final check is a draft: what the CLI and the package do
    /// on their own, and what the page's 检查 gate does once the user chooses to export anyway.
    pub fn checked(report: &Report) -> RenderOptions {
        let (errors, _) = crate::rules::tally(&crate::rules::check(
            report,
            &crate::rules::Context::default(),
        ));
        RenderOptions { draft: errors > 0 }
    }
}

/// The name a report downloads under in `format`: its title (`<机关全称><年>年政府信息公开工作年度报告`)
/// with the format's extension — the page, the tools page and 汇总 alike.
pub fn report_file_name(report: &Report, format: Format) -> String {
    crate::format::file_name(&report.title(), format.extension())
}

/// A file the report can be written as: one list for the page, the package and the CLI, each
/// with its extension, media type and the label a user reads (crates/ogi-report-render writes
/// it).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// The report file itself (normalised, totals computed); never marked as a draft.
    Json,
    Docx,
    Html,
    /// The three tables as an Excel workbook (totals as formulas); never marked as a draft.
    Xlsx,
}

impl Format {
    pub const ALL: [Format; 4] = [Format::Json, Format::Docx, Format::Html, Format::Xlsx];

    /// `json`, `docx`, `html`: the name the CLI's `--to` and the package's `render` take.
    pub fn name(self) -> &'static str {
        match self {
            Format::Json => "json",
            Format::Docx => "docx",
            Format::Html => "html",
            Format::Xlsx => "xlsx",
        }
    }

    pub fn extension(self) -> &'static str {
        self.name()
    }

    pub fn mime(self) -> &'static str {
        match self {
            Format::Json => "application/json",
            Format::Docx => {
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
            }
            Format::Html => "text/html;charset=utf-8",
            Format::Xlsx => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        }
    }

    /// What the page's buttons and messages call it.
    pub fn label(self) -> &'static str {
        match self {
            Format::Json => "报告文件（JSON）",
            Format::Docx => "Word 文件",
            Format::Html => "HTML 文件",
            Format::Xlsx => "Excel 表格",
        }
    }

    /// The format a name stands for, or the message every front end shows for an unknown one.
    pub fn parse(name: &str) -> Result<Format, String> {
        Format::ALL
            .into_iter()
            .find(|format| format.name() == name)
            .ok_or_else(|| {
                let names: Vec<&str> = Format::ALL.iter().map(|format| format.name()).collect();
                format!("不支持的输出格式「{name}」，应为 {}。", names.join("、"))
            })
    }
}
