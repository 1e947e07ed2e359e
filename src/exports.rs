//! The finished outputs from the page: Word, HTML and print, rendered by the core in the
//! browser. The 检查 gate decides `draft`; this module only produces and hands over the file.

use ogi_report_core::render::docx::render_docx;
use ogi_report_core::render::html::{render_article, render_html, Styling};
use ogi_report_core::render::RenderOptions;
use ogi_report_core::{write_report, Report};

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
    let kind = match output {
        Output::Docx => "docx",
        Output::Html => "html",
        Output::Print => "print",
    };
    let file_name = download::report_file_name(&report.title(), kind);
    crate::embed::post(
        "exported",
        &[
            ("kind", kind.into()),
            ("fileName", file_name.into()),
            ("draft", draft.into()),
        ],
    );
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

/// Downloads the report file (the draft as JSON, totals computed); no gate: it is the working file.
pub fn download_report_file(report: &Report) {
    let name = download::report_file_name(&report.title(), "json");
    download::download_text(
        &name,
        "application/json",
        &write_report(&report.with_computed_totals()),
    );
    crate::embed::post(
        "exported",
        &[
            ("kind", "json".into()),
            ("fileName", name.into()),
            ("draft", false.into()),
        ],
    );
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
    // Class-styled (styles/app.css): the page runs under a CSP without inline styles.
    container.set_inner_html(&render_article(report, options, Styling::Classes));
    let _ = window.print();
}
