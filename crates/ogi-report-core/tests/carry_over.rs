//! Starting this year's report from last year's: 上年结转 from last year's row 四, headings carried,
//! last year kept as `previous`, and R9, R10, R17 firing and clearing.

mod common;

use common::*;
use ogi_report_core::{CellRef, Narrative, Report};

fn last_year() -> Report {
    let mut report = seed();
    for (column, value) in [("natural_person", "3"), ("commercial", "1")] {
        type_in(&mut report, &format!("requests.received.{column}"), value);
        type_in(
            &mut report,
            &format!("requests.carried_forward.{column}"),
            value,
        );
    }
    type_in(&mut report, "proactive.normative_documents.in_force", "10");
    report
}

#[test]
fn carried_in_comes_from_last_years_row_four() {
    let report = Report::carry_over(&last_year(), false);
    assert_eq!(report.meta.year, Some(2022));
    assert_eq!(report.meta.body, "老城区东南隅街道办事处");
    let at = |path: &str| report.cell_text(CellRef::parse(path).unwrap());
    assert_eq!(at("requests.carried_in.natural_person"), "3");
    assert_eq!(at("requests.carried_in.commercial"), "1");
    assert_eq!(at("requests.carried_in.total"), "4");
    assert_eq!(
        at("requests.received.natural_person"),
        "",
        "this year's figures start blank"
    );
    let headings: Vec<&str> = report
        .sections(Narrative::Overview)
        .iter()
        .map(|s| s.heading.as_str())
        .collect();
    assert_eq!(headings[1], "（一）基层政务公开标准化规范化推进情况");
    assert!(report
        .sections(Narrative::Overview)
        .iter()
        .all(|s| s.text.is_empty()));
    assert_eq!(report.previous.as_ref().unwrap().meta.year, Some(2021));
    assert!(run(&report, "R9").is_empty(), "carried over, so R9 holds");
}

#[test]
fn r9_r10_r17_fire_and_clear() {
    let mut report = Report::carry_over(&last_year(), true);
    assert_eq!(
        run(&report, "R17").len(),
        2,
        "kept texts are flagged as copied"
    );
    type_in(&mut report, "requests.carried_in.natural_person", "2");
    assert_eq!(
        run(&report, "R9")[0].paths()[0],
        "requests.carried_in.natural_person"
    );
    type_in(&mut report, "requests.carried_in.natural_person", "3");
    assert!(run(&report, "R9").is_empty());
    type_in(&mut report, "proactive.normative_documents.issued", "2");
    type_in(&mut report, "proactive.normative_documents.repealed", "0");
    type_in(&mut report, "proactive.normative_documents.in_force", "11");
    assert_eq!(run(&report, "R10").len(), 1);
    type_in(&mut report, "proactive.normative_documents.in_force", "12");
    assert!(run(&report, "R10").is_empty());
    for part in [Narrative::Overview, Narrative::Problems] {
        for section in report.sections_mut(part) {
            section.text = format!("2022年{}的新内容，与上年不同。", section.heading);
        }
    }
    assert!(run(&report, "R17").is_empty());
}

#[test]
fn attaching_previous_to_an_existing_draft() {
    let mut report = seed();
    report.meta.year = Some(2022);
    let mut older = last_year();
    older.previous = Some(seed().into());
    report.attach_previous(&older);
    assert!(
        report.previous.as_ref().unwrap().previous.is_none(),
        "one year back only"
    );
    assert_eq!(
        run(&report, "R9").len(),
        2,
        "自然人 and 商业企业 differ from last year's row 四 (总计 by the same, not told again)"
    );
}
