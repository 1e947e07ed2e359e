//! The outputs rendered from the page: Word, HTML, print and the Excel workbook. The reducer (with
//! its 检查 gate for the finished report) decides `draft` and returns an [`ExportRequest`] as an
//! effect; the runtime hands it here, and this module
//! has the file rendered by the on-demand package ([`crate::browser::file_work`]) and hands it over.

use ogi_report_core::output::Format;
use ogi_report_core::{write_report, Report};

pub use crate::model::export_request::{ExportRequest, Output};

use crate::{browser::download, browser::file_work};

const PRINT_VIEW_ID: &str = "print-view";

/// Renders and hands over the requested output; `done` gets the failure's message, if any.
pub fn export(request: &ExportRequest, done: impl FnOnce(Result<(), String>) + 'static) {
    let ExportRequest {
        output,
        ref report,
        draft,
    } = *request;
    let title = report.title();
    let file_name = ogi_report_core::format::file_name(&title, output.kind());
    let announce = move |result: Result<(), String>| {
        if result.is_ok() {
            crate::browser::embed::post(
                "exported",
                &[
                    ("kind", output.kind().into()),
                    ("fileName", file_name.into()),
                    ("draft", draft.into()),
                ],
            );
        }
        done(result);
    };
    let Some(format) = output.format() else {
        file_work::article(report, draft, move |article| {
            announce(article.map(|article| print(&article)))
        });
        return;
    };
    let name = ogi_report_core::output::report_file_name(report, format);
    file_work::render(report, format, draft, move |bytes| {
        announce(bytes.and_then(|bytes| {
            download::download_bytes(&name, format.mime(), &bytes)
                .then_some(())
                .ok_or_else(|| "浏览器没有开始下载。".to_owned())
        }))
    });
}

/// Downloads the report file (the draft as JSON, totals computed); no gate: it is the working
/// file, written by the same writer as every autosave, so it needs no package.
pub fn download_report_file(report: &Report) {
    let format = Format::Json;
    let name = ogi_report_core::output::report_file_name(report, format);
    download::download_text(
        &name,
        format.mime(),
        &write_report(&report.with_computed_totals()),
    );
    crate::browser::embed::post(
        "exported",
        &[
            ("kind", format.name().into()),
            ("fileName", name.into()),
            ("draft", false.into()),
        ],
    );
}

/// Puts the rendered report in a print-only container and opens the browser's print dialog
/// (which also offers "save as PDF"); the page's own controls are hidden by the print styles.
fn print(article: &str) {
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
    container.set_inner_html(article);
    let _ = window.print();
}
