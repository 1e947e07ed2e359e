//! 上年对比: every cell in both years with its change, and each part's length and repeated text.

mod common;

use common::*;
use ogi_report_core::compare::{
    changed_cells, compare_cell, compare_parts, unfilled_cells, Change,
};
use ogi_report_core::{CellRef, Narrative, Report};

fn years() -> (Report, Report) {
    let last_year = seed();
    let mut this_year = Report::carry_over(&last_year, true);
    type_in(&mut this_year, "requests.received.natural_person", "5");
    type_in(&mut this_year, "proactive.fees", "0.25");
    type_in(&mut this_year, "appeals.review.upheld", "有");
    type_in(&mut this_year, "requests.granted.commercial", "0");
    (this_year, last_year)
}

fn cell(path: &str) -> CellRef {
    CellRef::parse(path).unwrap()
}

#[test]
fn every_cell_shows_both_years_and_the_change() {
    let (this_year, last_year) = years();
    let received = compare_cell(
        &this_year,
        &last_year,
        cell("requests.received.natural_person"),
    );
    assert_eq!(received.this_year, "5");
    assert_eq!(received.last_year, "0");
    assert_eq!(received.change, Change::By("+5".to_owned()));
    let fees = compare_cell(&this_year, &last_year, cell("proactive.fees"));
    assert_eq!(fees.change, Change::By("+0.25".to_owned()));
    let text = compare_cell(&this_year, &last_year, cell("appeals.review.upheld"));
    assert_eq!(text.change, Change::Differs);
    let same = compare_cell(&this_year, &last_year, cell("requests.granted.commercial"));
    assert_eq!(same.change, Change::Same);
    let blank = compare_cell(&this_year, &last_year, cell("requests.granted.research"));
    assert_eq!(
        (blank.this_year.as_str(), blank.last_year.as_str()),
        ("", "0")
    );
    assert_eq!(
        blank.change,
        Change::Unfilled,
        "a blank is not a zero, nor a change"
    );
    let filled_now = compare_cell(&last_year, &this_year, cell("requests.granted.research"));
    assert_eq!(filled_now.change, Change::Differs, "blank last year, 0 now");
    let fewer = compare_cell(
        &last_year,
        &this_year,
        cell("requests.received.natural_person"),
    );
    assert_eq!(fewer.change, Change::By("−5".to_owned()));
}

#[test]
fn counts_changed_cells_including_totals_and_carried_in() {
    let (this_year, last_year) = years();
    let changed: Vec<String> = CellRef::all()
        .filter(|c| {
            let change = compare_cell(&this_year, &last_year, *c).change;
            change != Change::Same && change != Change::Unfilled
        })
        .map(CellRef::path)
        .collect();
    assert_eq!(changed.len(), changed_cells(&this_year, &last_year));
    for path in [
        "requests.received.natural_person",
        "requests.received.total",
        "proactive.fees",
        "appeals.review.upheld",
        "appeals.review.total",
    ] {
        assert!(changed.contains(&path.to_owned()), "{path}: {changed:?}");
    }
}

#[test]
fn parts_show_lengths_and_text_repeated_from_last_year() {
    let (this_year, last_year) = years();
    let parts = compare_parts(&this_year, &last_year);
    assert_eq!(parts.len(), 3);
    let overview = &parts[0];
    assert_eq!(overview.part, Narrative::Overview);
    assert_eq!(
        overview.this_year_chars, overview.last_year_chars,
        "texts kept"
    );
    assert!(overview.this_year_chars > 500);
    assert_eq!(overview.repeated_percent, 100);
    assert!(overview.copied);
    let fresh = Report::carry_over(&last_year, false);
    let parts = compare_parts(&fresh, &last_year);
    assert_eq!(parts[0].repeated_sentences, 0);
    assert!(!parts[0].copied);
    assert_eq!(
        parts[0].this_year_sections, parts[0].last_year_sections,
        "headings carried"
    );
}

#[test]
fn a_new_draft_has_changed_nothing_yet() {
    let last_year = seed();
    let this_year = Report::carry_over(&last_year, false);
    // Only 上年结转 is filled (from last year's 结转下年度): those cells differ, nothing else.
    let carried: usize = CellRef::all()
        .filter(|c| !this_year.cell_is_blank(*c))
        .filter(|c| this_year.cell_text(*c) != last_year.cell_text(*c))
        .count();
    assert_eq!(changed_cells(&this_year, &last_year), carried);
    assert!(carried <= 7, "{carried}");
    assert_eq!(
        unfilled_cells(&this_year),
        CellRef::all()
            .filter(|c| this_year.cell_is_blank(*c))
            .count()
    );
    assert!(unfilled_cells(&this_year) > 150);
}
