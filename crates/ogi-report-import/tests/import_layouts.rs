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

/// The cells of one table (`requests.`, `appeals.`) that `text` imports as another number than
/// `truth` has (a blank is allowed).
fn wrong_in_table(truth: &Report, text: &str, table: &str) -> Vec<(String, String, String)> {
    let (imported, _) = import_text(text).expect("a report");
    differences(truth, &imported, true)
        .into_iter()
        .filter(|(path, _, _)| path.starts_with(table))
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
        // The narrative states 行政复议's numbers, as 03.txt does: a group it names may be
        // placed however the numbers interleave — and must then be exact.
        let review = &numbers[..5];
        let text = format!(
            "某某县人民政府2024年政府信息公开工作年度报告\n一、总体情况\n本年度工作。政府信息公开行政复议{}件，其中结果维持{}件，结果纠正{}件，其他结果{}件，尚未审结{}件。\n四、政府信息公开行政复议、行政诉讼情况\n{}\n五、存在的主要问题及改进情况\n无。\n",
            review[4], review[0], review[1], review[2], review[3],
            lines.join("\n")
        );
        let wrong = wrong_in_table(&truth, &text, "appeals.");
        prop_assert!(wrong.is_empty(), "{:?}\n{}", wrong, text);
    }
}

/// Values for the typed cells of table 三 as small offices have them: mostly 0 (where a row
/// printed column by column reads as well the other way round), otherwise small.
fn mostly_zero_values() -> impl Strategy<Value = Vec<u64>> {
    proptest::collection::vec(prop_oneof![3 => Just(0u64), 1 => 0u64..12], 25 * 6)
}

/// Table 三 as a PDF's own reading order prints it (01.txt, 02.txt): rows in stretches (a cut
/// after row `i` where `cuts[i]`), each stretch printed row by row or, where `turns[i]`, column by
/// column; a stretch's first label before its numbers or, where `labels_after[i]`, after them
/// with the labels of its other rows.
fn reading_order_text(
    truth: &Report,
    cuts: &[bool],
    turns: &[bool],
    labels_after: &[bool],
) -> String {
    use ogi_report_core::format::{REQUEST_COLS, REQUEST_ROWS};
    let mut lines: Vec<String> = vec![
        "某某县人民政府2024年政府信息公开工作年度报告".into(),
        "一、总体情况".into(),
        "本年度工作。".into(),
        "三、收到和处理政府信息公开申请情况".into(),
        "申请人情况".into(),
        "自然人".into(),
        "总计".into(),
    ];
    let mut start = 0;
    for end in 1..=REQUEST_ROWS.len() {
        if end < REQUEST_ROWS.len() && !cuts[end - 1] {
            continue;
        }
        let labels: Vec<String> = (start..end)
            .map(|row| REQUEST_ROWS[row].label().to_owned())
            .collect();
        let value = |row: usize, col: usize| truth.cell_text(CellRef::Request { row, col });
        let after = labels_after[start];
        if !after {
            lines.push(labels[0].clone());
        }
        if turns[start] {
            for col in 0..REQUEST_COLS {
                lines.extend((start..end).map(|row| value(row, col)));
            }
        } else {
            for row in start..end {
                lines.extend((0..REQUEST_COLS).map(|col| value(row, col)));
            }
        }
        lines.extend(labels.into_iter().skip(usize::from(!after)));
        start = end;
    }
    lines.push("四、政府信息公开行政复议、行政诉讼情况".into());
    lines.push("五、存在的主要问题及改进情况".into());
    lines.push("无。".into());
    lines.join("\n")
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// However a PDF's reading order cuts table 三 into stretches, prints some column by column
    /// and sets labels apart from their numbers, every cell imports as printed or stays blank.
    #[test]
    fn table_three_in_a_pdf_reading_order_never_places_a_wrong_number(
        requests in mostly_zero_values(),
        cuts in proptest::collection::vec(proptest::bool::weighted(0.4), 25),
        turns in proptest::collection::vec(any::<bool>(), 25),
        labels_after in proptest::collection::vec(proptest::bool::weighted(0.3), 25),
    ) {
        let truth = consistent_report(&requests, &[0; 12]);
        let text = reading_order_text(&truth, &cuts, &turns, &labels_after);
        let wrong = wrong_in_table(&truth, &text, "requests.");
        prop_assert!(wrong.is_empty(), "{:?}\n{}", wrong, text);
    }
}

/// 01.txt's table 三, as its PDF's reading order prints it: four rows row by row, ten rows column
/// by column, then four more, two, and （六）with （七） interleaved — all placed.
#[test]
fn rows_printed_column_by_column_are_turned_back() {
    // The natural persons' column of 01.txt's rows (rows before （七）总计: six typed cells each).
    let mut typed = [0u64; 150];
    for (row, value) in [(0, 21), (4, 1), (9, 1), (10, 1), (12, 10), (13, 3), (15, 1)] {
        typed[row * 6] = value;
    }
    let truth = consistent_report(&typed, &[0; 12]);
    let cuts: Vec<bool> = (0..25)
        .map(|row| [0, 1, 2, 3, 13, 17, 19, 21, 23].contains(&row))
        .collect();
    let turns: Vec<bool> = (0..25)
        .map(|row| [4, 14, 18, 20, 22].contains(&row))
        .collect();
    let text = reading_order_text(&truth, &cuts, &turns, &[true; 25]);
    let (imported, summary) = import_text(&text).expect("a report");
    assert!(
        differences(&truth, &imported, false)
            .iter()
            .all(|(path, _, _)| !path.starts_with("requests.")),
        "{text}\n{:?}",
        summary.not_understood
    );
    assert!(summary.inferred.iter().any(|(path, why)| path
        == "requests.unable_not_held.natural_person"
        && why.contains("按列")));
}
