//! Importing a report from every text layout people copy or convert (issue 13): a consistent
//! report written in each layout imports exactly; written in each layout and then glued (every
//! white space removed), each cell imports exactly or stays blank — never a different number.

// The core's test helpers (the seed report, typed reports, layouts of published text).
#[path = "../../ogi-report-core/tests/common/mod.rs"]
mod common;

use common::layouts::{glued, report_text, Layout, LAYOUTS};
use common::*;
use ogi_report_core::{CellRef, Report};
use ogi_report_import::import_text;
use proptest::prelude::*;

/// The cells whose imported text differs from the report's: (path, written, imported).
fn differences(
    truth: &Report,
    imported: &Report,
    blank_allowed: bool,
) -> Vec<(String, String, String)> {
    CellRef::all()
        .filter_map(|cell| {
            let (want, got) = (truth.cell_text(cell), imported.cell_text(cell));
            let fine = want == got || (blank_allowed && imported.cell_is_blank(cell));
            (!fine).then(|| (cell.path(), want, got))
        })
        .collect()
}

fn check_layout(truth: &Report, layout: Layout) {
    let text = report_text(truth, layout);
    let (imported, summary) = import_text(&text).expect("a report");
    assert_eq!(imported.meta.body, truth.meta.body, "{}", layout.name());
    assert_eq!(imported.meta.year, truth.meta.year, "{}", layout.name());
    let wrong = differences(truth, &imported, false);
    assert!(
        wrong.is_empty(),
        "{}: {wrong:?}\nnot understood: {:?}\n{text}",
        layout.name(),
        summary.not_understood
    );
}

#[test]
fn the_seed_in_every_layout_imports_exactly() {
    for layout in LAYOUTS {
        check_layout(&seed(), layout);
    }
}

#[test]
fn a_full_report_in_every_layout_imports_exactly() {
    let report = full_report();
    for layout in LAYOUTS {
        check_layout(&report, layout);
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(24))]

    #[test]
    fn random_reports_import_exactly_in_every_layout((requests, appeals) in typed_values()) {
        let truth = consistent_report(&requests, &appeals);
        for layout in LAYOUTS {
            check_layout(&truth, layout);
        }
    }

    #[test]
    fn glued_text_imports_exactly_or_leaves_blanks((requests, appeals) in typed_values()) {
        let truth = consistent_report(&requests, &appeals);
        for layout in LAYOUTS {
            let text = glued(&report_text(&truth, layout));
            let (imported, summary) = import_text(&text).expect("a report");
            let wrong = differences(&truth, &imported, true);
            prop_assert!(wrong.is_empty(), "{}: {:?}\n{}", layout.name(), wrong, text);
            // Every cell is either filled or listed blank; inferred cells are filled ones.
            prop_assert_eq!(summary.filled.len() + summary.blank.len(), CellRef::all().count());
            for (path, _) in &summary.inferred {
                prop_assert!(summary.filled.contains(path));
            }
        }
    }
}

/// `000220022` splits two ways under its row's total (0,0,0,22,0,0,22 and 0,0,0,2,20,0,22); the
/// columns' totals (R3) and R1 choose one, and its cells are listed as inferred.
#[test]
fn the_columns_choose_among_a_glued_rows_splits() {
    let text = include_str!("corpus/county.tabs.glued.txt");
    assert!(text.contains("000220022"));
    let (report, summary) = import_text(text).expect("a report");
    let cell = |path: &str| report.cell_text(CellRef::parse(path).unwrap());
    assert_eq!(cell("requests.withheld_third_party.public_interest"), "22");
    assert_eq!(cell("requests.withheld_third_party.legal_service"), "0");
    assert!(summary
        .inferred
        .iter()
        .any(|(path, _)| path == "requests.withheld_third_party.public_interest"));
}

/// Table 四's header labels in the order a table prints them, with a 「总计」 each group.
fn appeal_labels() -> Vec<String> {
    let mut labels = vec!["行政复议".to_owned(), "行政诉讼".to_owned()];
    for group in ["", "未经复议直接起诉", "复议后起诉"] {
        if !group.is_empty() {
            labels.push(group.to_owned());
        }
        for (_, label) in ogi_report_core::format::APPEAL_COLUMNS {
            labels.push(label.to_owned());
        }
    }
    labels
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// A PDF read in its own order interleaves table 四's labels and numbers (03.txt prints
    /// 「总计」 right before numbers of other columns): however they interleave, with the numbers
    /// in order, every cell imports as printed or stays blank.
    #[test]
    fn table_four_labels_and_numbers_interleaved_never_place_a_wrong_number(
        (requests, appeals) in typed_values(),
        picks in proptest::collection::vec(any::<bool>(), 60),
    ) {
        let truth = consistent_report(&requests, &appeals);
        let numbers: Vec<String> = (0..3)
            .flat_map(|group| (0..5).map(move |col| CellRef::Appeal { group, col }))
            .map(|cell| truth.cell_text(cell))
            .collect();
        let labels = appeal_labels();
        let (mut label, mut number) = (labels.iter(), numbers.iter());
        let mut lines: Vec<String> = Vec::new();
        for pick in picks.iter().cycle().take(labels.len() + numbers.len() + 60) {
            let next = if *pick { label.next().or_else(|| number.next()) } else { number.next().or_else(|| label.next()) };
            lines.extend(next.cloned());
        }
        let text = format!(
            "某某县人民政府2024年政府信息公开工作年度报告\n一、总体情况\n本年度工作。\n四、政府信息公开行政复议、行政诉讼情况\n{}\n五、存在的主要问题及改进情况\n无。\n",
            lines.join("\n")
        );
        let (imported, _) = import_text(&text).expect("a report");
        let wrong: Vec<_> = differences(&truth, &imported, true)
            .into_iter()
            .filter(|(path, _, _)| path.starts_with("appeals."))
            .collect();
        prop_assert!(wrong.is_empty(), "{:?}\n{}", wrong, text);
    }
}
