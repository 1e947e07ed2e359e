//! `cargo bench -p ogi-report-cli`: the time of one `check` of a full report (every cell
//! non-zero, the seed's narrative, last year's report attached), of reading and writing it, and
//! of rendering it as Word and HTML; importing the seed's published page; summing 200 reports.
//! Plain timing loops: no benchmark framework to build in CI. Target for check: ≤ 20 µs.

use std::hint::black_box;
use std::time::Instant;

use ogi_report_core::rules::{check, Context, Date, RULES};
use ogi_report_core::{read_report, write_report, CellRef, Report};
use ogi_report_render::docx::render_docx;
use ogi_report_render::html::render_html;
use ogi_report_render::RenderOptions;

const SEED: &str = include_str!("../../../tests/fixtures/seed-2021.json");

fn full_report() -> Report {
    let mut report = read_report(SEED).expect("seed");
    for (index, cell) in CellRef::all().enumerate() {
        if !cell.is_total() {
            report.edit_cell(cell, &(index % 17 + 1).to_string());
        }
    }
    // A finished report balances: row 四 = 一 + 二 − （七） in every column.
    for col in 0..ogi_report_core::format::REQUEST_COLS {
        let value = |row: &str| {
            let cell = CellRef::parse(&format!(
                "requests.{row}.{}",
                ogi_report_core::format::REQUEST_COLUMNS[col].key
            ))
            .expect("cell");
            report
                .count(cell)
                .and_then(|cell| cell.value())
                .expect("filled")
        };
        let carried_forward = (value("received") + value("carried_in") + 1000) - value("total");
        let received = value("received") + 1000;
        let key = ogi_report_core::format::REQUEST_COLUMNS[col].key;
        if col != ogi_report_core::format::REQUEST_TOTAL_COL {
            report.edit_cell(
                CellRef::parse(&format!("requests.received.{key}")).expect("cell"),
                &received.to_string(),
            );
            report.edit_cell(
                CellRef::parse(&format!("requests.carried_forward.{key}")).expect("cell"),
                &carried_forward.to_string(),
            );
        }
    }
    report.meta.year = Some(2022);
    report.previous = Some(read_report(SEED).expect("seed").into());
    report
}

/// Median and 95th percentile of `rounds` timings of `batch` calls, per call, in microseconds.
fn measure(name: &str, rounds: usize, batch: usize, mut run: impl FnMut()) {
    let mut per_call: Vec<f64> = (0..rounds)
        .map(|_| {
            let start = Instant::now();
            for _ in 0..batch {
                run();
            }
            start.elapsed().as_secs_f64() * 1e6 / batch as f64
        })
        .collect();
    per_call.sort_by(f64::total_cmp);
    let median = per_call[rounds / 2];
    let p95 = per_call[rounds * 95 / 100];
    println!("{name:<40} median {median:>9.2} µs   p95 {p95:>9.2} µs");
}

fn main() {
    let report = full_report();
    let context = Context {
        today: Date::parse("2023-01-10"),
        ..Context::default()
    };
    let findings = check(&report, &context);
    println!("full report with previous: {} findings", findings.len());
    measure("check (full report, previous)", 200, 200, || {
        black_box(check(black_box(&report), &context));
    });
    for rule in &RULES {
        let mut findings = Vec::new();
        measure(&format!("  rule {}", rule.id), 50, 200, || {
            findings.clear();
            (rule.check)(black_box(&report), &context, &mut findings);
        });
    }
    let text = write_report(&report);
    measure("read_report (full report, previous)", 100, 50, || {
        black_box(read_report(black_box(&text)).ok());
    });
    measure("write_report (full report, previous)", 100, 50, || {
        black_box(write_report(black_box(&report)));
    });
    measure("render_docx (full report)", 100, 20, || {
        black_box(render_docx(black_box(&report), RenderOptions::default()));
    });
    measure("render_html (full report)", 100, 20, || {
        black_box(render_html(black_box(&report), RenderOptions::default()));
    });
    let page = include_str!("../../../tests/fixtures/seed-2021-page.txt");
    measure("import_text (the seed's published page)", 100, 20, || {
        black_box(ogi_report_import::import_text(black_box(page)).ok());
    });
    for (what, file) in [
        (
            "import_file (a Word file, python-docx)",
            "full.python-docx.docx",
        ),
        (
            "import_file (a PDF, LibreOffice)",
            "full.python-docx.libreoffice.pdf",
        ),
        ("import_file (glued text)", "full.tabs.glued.txt"),
    ] {
        let bytes = std::fs::read(format!(
            "{}/../ogi-report-import/tests/corpus/{file}",
            env!("CARGO_MANIFEST_DIR")
        ))
        .expect("the corpus");
        measure(what, 20, 5, || {
            black_box(ogi_report_import::import_file(black_box(&bytes), file).ok());
        });
    }
    let mut units = ogi_report_core::sum::Units::default();
    for unit in 0..200 {
        let mut report = full_report();
        report.meta.body = format!("第{unit}单位");
        units.add_report(&format!("{unit}.json"), report);
    }
    let counted = units.accepted();
    measure("sum of 200 full reports", 20, 2, || {
        black_box(ogi_report_core::sum::sum_units(black_box(&counted), "汇总"));
    });
    let mut editing = report.clone();
    let cell = CellRef::parse("requests.granted.research").expect("cell");
    let mut value = 0u32;
    measure("edit_cell + check (one keystroke)", 200, 200, || {
        value = (value + 1) % 50;
        editing.edit_cell(cell, &value.to_string());
        black_box(check(&editing, &context));
    });
}
