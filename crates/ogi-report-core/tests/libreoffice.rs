//! The Word file as another program reads it: LibreOffice converts the DOCX of the seed report
//! and of a report with figures in every cell to PDF, and `pdftotext` reads it back. Every label
//! and figure must appear, in order, inside its own table. `make test` installs LibreOffice and
//! sets OGI_REQUIRE_LIBREOFFICE, so there this test cannot be skipped.

mod common;

use std::path::Path;
use std::process::Command;

use common::*;
use ogi_report_core::format::PARTS;
use ogi_report_core::layout::{self, Content};
use ogi_report_core::render::docx::render_docx;
use ogi_report_core::render::RenderOptions;
use ogi_report_core::Report;

fn available() -> bool {
    let found = Command::new("libreoffice")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success())
        && Command::new("pdftotext").arg("-v").output().is_ok();
    if !found && std::env::var_os("OGI_REQUIRE_LIBREOFFICE").is_some() {
        panic!("LibreOffice and pdftotext are required here (make tools-docs installs them)");
    }
    if !found {
        eprintln!("skipped: LibreOffice or pdftotext is not installed (make test installs them)");
    }
    found
}

/// The PDF's text in reading order, with all white space removed (cells wrap across lines).
fn docx_as_text(report: &Report, dir: &Path, name: &str) -> String {
    let docx = dir.join(format!("{name}.docx"));
    std::fs::write(&docx, render_docx(report, RenderOptions::default())).unwrap();
    let profile = format!("-env:UserInstallation=file://{}/profile", dir.display());
    let status = Command::new("libreoffice")
        .args([
            profile.as_str(),
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
        ])
        .arg(dir)
        .arg(&docx)
        .output()
        .unwrap();
    assert!(
        status.status.success(),
        "{}",
        String::from_utf8_lossy(&status.stderr)
    );
    let pdf = dir.join(format!("{name}.pdf"));
    let text = Command::new("pdftotext")
        .arg("-raw")
        .arg(&pdf)
        .arg("-")
        .output()
        .unwrap();
    String::from_utf8(text.stdout)
        .unwrap()
        .chars()
        .filter(|ch| !ch.is_whitespace())
        .collect()
}

/// Finds each item after the previous one; returns where the last one ends.
fn assert_in_order(text: &str, from: usize, items: &[String], context: &str) -> usize {
    let mut at = from;
    for item in items {
        let item: String = item.chars().filter(|ch| !ch.is_whitespace()).collect();
        match text[at..].find(&item) {
            Some(found) => at += found + item.len(),
            None => panic!("{context}: 「{item}」 not found in order after byte {at}"),
        }
    }
    at
}

fn check(report: &Report, dir: &Path, name: &str) {
    let text = docx_as_text(report, dir, name);
    assert_in_order(&text, 0, &[report.title()], name);
    let headings: Vec<String> = PARTS.iter().map(|part| part.heading.to_owned()).collect();
    assert_in_order(&text, 0, &headings, name);
    for table in layout::tables() {
        let heading = PARTS[table.part].heading;
        let start = text.find(heading).unwrap() + heading.len();
        let end = PARTS
            .get(table.part + 1)
            .and_then(|next| text[start..].find(next.heading))
            .map_or(text.len(), |at| start + at);
        let items: Vec<String> = table
            .rows
            .iter()
            .flatten()
            .map(|cell| match cell.content {
                Content::Header(text) | Content::Label(text) => text.to_owned(),
                Content::Data(data) => report.cell_text(data),
            })
            .collect();
        let last = assert_in_order(&text[..end], start, &items, heading);
        assert!(last <= end, "{heading}: everything inside its own table");
    }
}

#[test]
fn libreoffice_reads_every_label_and_figure_in_order() {
    if !available() {
        return;
    }
    let dir = std::env::temp_dir().join(format!("ogi-report-lo-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    check(&seed(), &dir, "seed");
    check(&full_report(), &dir, "full");
}
