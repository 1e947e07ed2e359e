//! Real published reports (issue 21): fourteen texts of eleven reports as offices published them
//! — PDF text in reading order and in layout, Markdown from PDF converters, web pages with their
//! white space removed — beside the figures read from them by hand (`real/numbers.json`, see
//! `real/README.md`). Every cell of tables 三 and 四 is compared: **no number may differ** from the
//! figure (a blank is allowed, and named by the import), and at least the share given below must
//! be placed. A published report's own arithmetic errors are found by 审阅, and no finding rests on
//! a cell the import could not read.

// The core's test helpers (the seed report, typed reports, layouts of published text).
#[path = "../../ogi-report-core/tests/common/mod.rs"]
mod common;

use std::path::{Path, PathBuf};

use common::final_check;
use ogi_report_core::format::{APPEAL_COLS, APPEAL_GROUPS, REQUEST_COLS, REQUEST_ROWS};
use ogi_report_core::{CellRef, Report};
use ogi_report_import::audit;
use ogi_report_import::import_file;

fn real_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/real")
}

/// Each text and the share of its 三/四 cells that must be placed (percent). Texts in a PDF's
/// reading order: 01 and 02 print most of table 三 column by column, some rows' numbers before
/// their labels and some after (turned back by the rows' sums, checked by the columns'); 03
/// prints table 四's groups interleaved: 行政复议's, which the narrative states, is placed; which
/// of the other two is 未经复议直接起诉 nothing in the text says — those 10 cells stay blank and
/// named (180/190; the same PDFs' layout texts import whole).
const TEXTS: [(&str, u32); 14] = [
    ("01.layout.txt", 100),
    ("01.txt", 100),
    ("02.layout.txt", 100),
    ("02.txt", 100),
    ("03.layout.txt", 100),
    ("03.txt", 94),
    ("04.txt", 100),
    ("05.txt", 100),
    ("06.txt", 100),
    ("07.txt", 100),
    ("08.txt", 100),
    ("09.txt", 100),
    ("10.txt", 100),
    ("11.txt", 100),
];

/// The figures of one report: (cell path, value) for every cell of tables 三 and 四 the figures
/// give. A report printed with the 2019 single （六）其他处理 row has 23 rows: that row is the
/// format's （六）3.其他, and （六）1 and 2 are not printed.
fn figures(number: &str) -> Vec<(String, u64)> {
    let all: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(real_dir().join("numbers.json")).unwrap())
            .unwrap();
    let report = &all[number];
    let rows: Vec<usize> = match report["t3"].as_array().unwrap().len() {
        25 => (0..25).collect(),
        23 => (0..25)
            .filter(|row| {
                !matches!(
                    REQUEST_ROWS[*row].key,
                    "other_no_correction" | "other_fee_unpaid"
                )
            })
            .collect(),
        other => panic!("{number}: {other} rows"),
    };
    let mut out = Vec::new();
    for (row, values) in rows.iter().zip(report["t3"].as_array().unwrap()) {
        for (col, value) in values.as_array().unwrap().iter().enumerate() {
            if let Some(value) = value.as_u64() {
                out.push((CellRef::Request { row: *row, col }.path(), value));
            }
        }
    }
    let appeals = report["t4"].as_array().unwrap();
    for group in 0..APPEAL_GROUPS.len() {
        for col in 0..APPEAL_COLS {
            let value = appeals[group * APPEAL_COLS + col].as_u64().unwrap();
            out.push((CellRef::Appeal { group, col }.path(), value));
        }
    }
    assert!(out.len() <= REQUEST_ROWS.len() * REQUEST_COLS + 15);
    out
}

fn import(name: &str) -> Report {
    let bytes = std::fs::read(real_dir().join(name)).unwrap();
    import_file(&bytes, name)
        .unwrap_or_else(|error| panic!("{name}: {error}"))
        .0
}

#[test]
fn every_real_text_imports_without_a_wrong_number_and_places_its_share() {
    let mut lines = Vec::new();
    let mut wrong = Vec::new();
    for (name, floor) in TEXTS {
        let report = import(name);
        let want = figures(&name[..2]);
        let mut placed = 0;
        for (path, value) in &want {
            let cell = CellRef::parse(path).unwrap();
            let text = report.cell_text(cell);
            if text.is_empty() {
                continue;
            }
            if text == value.to_string() {
                placed += 1;
            } else {
                wrong.push(format!("{name} {path}: printed {value}, imported {text}"));
            }
        }
        let share = 100 * placed / want.len();
        lines.push(format!(
            "{name}: {placed}/{} placed ({share} %)",
            want.len()
        ));
        assert!(
            share as u32 >= floor,
            "{name}: {placed}/{} placed, {floor} % expected\n{}",
            want.len(),
            lines.join("\n")
        );
    }
    assert!(wrong.is_empty(), "wrong numbers:\n{}", wrong.join("\n"));
    eprintln!("{}", lines.join("\n"));
}

#[test]
fn every_real_report_is_titled_with_its_body_and_year() {
    for (name, body, year) in [
        ("03.txt", "淮安市人民政府", 2024),
        ("05.txt", "上海市科委", 2024),
        ("07.txt", "平潭综合实验区", 2021),
        ("11.txt", "平潭综合实验区", 2025),
    ] {
        let report = import(name);
        assert_eq!(report.meta.body, body, "{name}");
        assert_eq!(report.meta.year, Some(year), "{name}");
    }
}

#[test]
fn the_audit_finds_the_real_errors_and_accuses_nothing_it_misread() {
    // 01 prints 行政复议 总计 0 over 10+1+0+0 and 复议后起诉 总计 0 over 5+0+0+0.
    let text = std::fs::read(real_dir().join("01.layout.txt")).unwrap();
    let found = audit(&text, "01.layout.txt", &final_check()).unwrap();
    let r5: Vec<Vec<String>> = found
        .checked
        .findings
        .iter()
        .filter(|finding| finding.rule == "R5")
        .map(|finding| finding.paths())
        .collect();
    assert_eq!(r5.len(), 2, "{r5:?}");
    assert!(r5
        .iter()
        .any(|paths| paths.contains(&"appeals.review.total".to_owned())));
    assert!(r5
        .iter()
        .any(|paths| paths.contains(&"appeals.lawsuit_after_review.total".to_owned())));
    // 03 in reading order prints table 四's numbers in another order: nothing is read there, so
    // no R1–R5 error may be reported against the report (its tables are consistent).
    for name in ["03.txt", "05.txt", "06.txt", "08.txt"] {
        let text = std::fs::read(real_dir().join(name)).unwrap();
        let found = audit(&text, name, &final_check()).unwrap();
        let accused: Vec<&str> = found
            .checked
            .findings
            .iter()
            .filter(|finding| matches!(finding.rule, "R1" | "R2" | "R3" | "R5"))
            .map(|finding| finding.message.as_str())
            .collect();
        assert!(accused.is_empty(), "{name}: {accused:?}");
    }
}

/// `ogi-report check` of every imported real text, as a user who opens an import and presses 检查
/// sees it: the arithmetic errors are the report's own (01 prints two 表四 总计 of 0), nothing
/// else — not through a cell the import left blank, nor through a cell the report left blank
/// (05 prints no 总计 for 四、结转下年度继续办理: R8 names it, with the 1 it needs).
#[test]
fn checking_an_imported_real_text_accuses_only_the_reports_own_errors() {
    for (name, _) in TEXTS {
        let report = import(name);
        let findings = ogi_report_core::rules::check(&report, &final_check());
        // Each arithmetic finding by its rule and the total it is about.
        let mut accused: Vec<String> = findings
            .iter()
            .filter(|finding| matches!(finding.rule, "R1" | "R2" | "R3" | "R5"))
            .map(|finding| {
                let paths = finding.paths();
                let total = paths.iter().find(|path| path.ends_with(".total"));
                format!("{} {}", finding.rule, total.unwrap_or(&paths[0]))
            })
            .collect();
        accused.sort();
        let own: &[&str] = if name.starts_with("01") {
            &[
                "R5 appeals.lawsuit_after_review.total",
                "R5 appeals.review.total",
            ]
        } else {
            &[]
        };
        assert_eq!(accused, own, "{name}");
    }
    let findings = ogi_report_core::rules::check(&import("05.txt"), &final_check());
    assert!(
        findings.iter().any(|finding| finding.rule == "R8"
            && finding
                .message
                .contains("四、结转下年度继续办理·总计应为 1")),
        "{findings:?}"
    );
}

/// Table 二 of the PDF texts in reading order (a one-row item's number printed before its label,
/// or its label before the column header: 01's 550 行政许可, 02's 行政许可 本年处理决定数量 9487)
/// reads as the same PDF's layout text does, cell for cell, every cell filled.
#[test]
fn table_two_in_reading_order_reads_as_its_layout_text() {
    for number in ["01", "02", "03"] {
        let reading = import(&format!("{number}.txt"));
        let layout = import(&format!("{number}.layout.txt"));
        for cell in CellRef::all().filter(|cell| matches!(cell, CellRef::Proactive(_))) {
            assert!(
                !layout.cell_is_blank(cell),
                "{number}.layout.txt {}",
                cell.path()
            );
            assert_eq!(
                reading.cell_text(cell),
                layout.cell_text(cell),
                "{number}.txt {}",
                cell.path()
            );
        }
    }
}

/// A PDF's page numbers (`-5-` in 03.txt's 五) are not carried into the narrative's text.
#[test]
fn page_numbers_stay_out_of_the_narrative() {
    for (name, _) in TEXTS {
        let report = import(name);
        for part in ogi_report_core::Narrative::ALL {
            for section in report.sections(part) {
                let numbered = section.text.lines().find(|line| {
                    let line = line.trim();
                    line.len() > 2
                        && line.starts_with(['-', '—'])
                        && line.ends_with(['-', '—'])
                        && line
                            .trim_matches(['-', '—', ' '])
                            .chars()
                            .all(|ch| ch.is_ascii_digit())
                });
                assert_eq!(numbered, None, "{name}");
            }
        }
    }
}
