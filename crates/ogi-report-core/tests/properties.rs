//! Property tests of the arithmetic rules: computed totals satisfy R2, R3 and R5; R1 holds
//! exactly when row 四 = 一 + 二 − （七） in every column (the 总计 column's told only when no other
//! column's is); and a single changed cell of a
//! consistent report is reported by the rules that involve it and by no other.

mod common;

use std::collections::BTreeSet;

use common::*;
use ogi_report_core::format::{
    REQUEST_COLS, REQUEST_TOTAL_COL, ROW_CARRIED_FORWARD, ROW_CARRIED_IN, ROW_RECEIVED, ROW_TOTAL,
};
use ogi_report_core::rules::check;
use ogi_report_core::{Cell, CellRef, CountCell, Report};
use proptest::prelude::*;

fn rules_fired(report: &Report) -> BTreeSet<(&'static str, Vec<String>)> {
    check(report, &final_check())
        .into_iter()
        .map(|f| (f.rule, f.paths()))
        .collect()
}

/// The arithmetic rules that include `cell` in one of their balances.
fn rules_involving(cell: CellRef) -> BTreeSet<&'static str> {
    let mut rules = BTreeSet::new();
    match cell {
        CellRef::Request { row, col } => {
            if [ROW_RECEIVED, ROW_CARRIED_IN, ROW_TOTAL, ROW_CARRIED_FORWARD].contains(&row) {
                rules.insert("R1");
            }
            rules.insert("R2");
            if (2..=ROW_TOTAL).contains(&row) {
                rules.insert("R3");
            }
            let _ = col;
        }
        CellRef::Appeal { .. } => {
            rules.insert("R5");
        }
        CellRef::Proactive(_) => {}
    }
    rules
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn computed_totals_satisfy_r2_r3_r5((requests, appeals) in typed_values()) {
        let report = typed_report(&requests, &appeals);
        let findings = check(&report, &final_check());
        for rule in ["R2", "R3", "R5"] {
            prop_assert!(of(&findings, rule).is_empty(), "{rule}: {:?}", of(&findings, rule));
        }
    }

    #[test]
    fn r1_holds_iff_row_four_is_one_plus_two_minus_seven((requests, appeals) in typed_values(), carried in prop::collection::vec(0u64..3000, REQUEST_COLS)) {
        let mut report = typed_report(&requests, &appeals);
        for (col, carried) in carried.iter().enumerate() {
            report.set_count(CellRef::Request { row: ROW_CARRIED_FORWARD, col }, CountCell::Value(*carried));
        }
        let findings = check(&report, &final_check());
        let failing: BTreeSet<String> = of(&findings, "R1").iter().map(|f| f.paths()[0].clone()).collect();
        for col in 0..REQUEST_COLS {
            let holds = i128::from(value(&report, ROW_CARRIED_FORWARD, col))
                == i128::from(value(&report, ROW_RECEIVED, col)) + i128::from(value(&report, ROW_CARRIED_IN, col))
                    - i128::from(value(&report, ROW_TOTAL, col));
            let reported = failing.contains(&CellRef::Request { row: ROW_RECEIVED, col }.path());
            // The 总计 column's imbalance is told only when no other column's is (one mistake,
            // one finding).
            let told_elsewhere = col == REQUEST_TOTAL_COL
                && (0..REQUEST_TOTAL_COL).any(|other| failing.contains(&CellRef::Request { row: ROW_RECEIVED, col: other }.path()));
            prop_assert_eq!(holds || told_elsewhere, !reported, "column {}", col);
        }
    }

    #[test]
    fn a_changed_cell_is_reported_by_its_rules_only(
        (requests, appeals) in typed_values(),
        cell_index in 0usize..(175 + 15),
        delta in prop_oneof![1i64..1000, -1000i64..-1],
    ) {
        let report = consistent_report(&requests, &appeals);
        let before = rules_fired(&report);
        prop_assert!(before.iter().all(|(rule, _)| !["R1", "R2", "R3", "R5"].contains(rule)), "{:?}", before);

        let cell = CellRef::all().filter(|cell| !matches!(cell, CellRef::Proactive(_))).nth(cell_index).unwrap();
        let old = report.count(cell).and_then(Cell::value).unwrap();
        let Some(new) = old.checked_add_signed(delta) else { return Ok(()) };
        let mut changed = report.clone();
        changed.set_count(cell, CountCell::Value(new));

        let after = rules_fired(&changed);
        let new_findings: Vec<_> = after.difference(&before).collect();
        let path = cell.path();
        for (rule, cells) in &new_findings {
            prop_assert!(cells.contains(&path), "{rule} fired without {path}: {cells:?}");
        }
        let fired: BTreeSet<&str> = new_findings.iter().map(|(rule, _)| *rule).collect();
        let expected = rules_involving(cell);
        prop_assert!(expected.is_subset(&fired), "{path}: expected {expected:?}, fired {fired:?}");
    }
}
