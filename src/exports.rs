//! The finished outputs from the page: Word, HTML and print, rendered by the core in the
//! browser. The 检查 gate decides `draft`; this module only produces and hands over the file.

use ogi_report_core::render::docx::render_docx;
use ogi_report_core::render::html::{render_article, render_html, PRINT_CSS};
use ogi_report_core::render::RenderOptions;
use ogi_report_core::Report;

use crate::download;

/// An output the gate guards.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Output {
    Docx,
    Html,
    Print,
}

impl Output {
    pub fn label(self) -> &'static str {
        match self {
            Output::Docx => "Word 文件",
            Output::Html => "HTML 文件",
            Output::Print => "打印 / PDF",
        }
    }
}

const DOCX_MIME: &str = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
const PRINT_VIEW_ID: &str = "print-view";

pub fn export(output: Output, report: &Report, draft: bool) {
    let options = RenderOptions { draft };
    match output {
        Output::Docx => {
            let name = download::report_file_name(&report.title(), "docx");
            download::download_bytes(&name, DOCX_MIME, &render_docx(report, options));
        }
        Output::Html => {
            let name = download::report_file_name(&report.title(), "html");
            download::download_bytes(
                &name,
                "text/html;charset=utf-8",
                render_html(report, options).as_bytes(),
            );
        }
        Output::Print => print(report, options),
    }
}

/// Puts the rendered report in a print-only container and opens the browser's print dialog
/// (which also offers "save as PDF"); the page's own controls are hidden by the print styles.
fn print(report: &Report, options: RenderOptions) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let Some(document) = window.document() else {
        return;
    };
    let container = document.get_element_by_id(PRINT_VIEW_ID).or_else(|| {
        let element = document.create_element("div").ok()?;
        element.set_id(PRINT_VIEW_ID);
        document.body()?.append_child(&element).ok()?;
        Some(element)
    });
    let Some(container) = container else { return };
    container.set_inner_html(&format!(
        "<style>{PRINT_CSS}</style>{}",
        render_article(report, options)
    ));
    let _ = window.print();
}
