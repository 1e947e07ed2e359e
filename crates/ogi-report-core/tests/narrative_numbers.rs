//! The numbers the narrative states beside the table values they claim (R11), and the data
//! paragraph composed from the tables, which R11 reads back as matching.

mod common;

use common::*;
use ogi_report_core::compose::{requests_sentence, requests_sentence_section, NOT_FILLED};
use ogi_report_core::rules::{stated_numbers, table_label};
use ogi_report_core::{FieldRef, Narrative, Report, Section};

fn with_overview_text(mut report: Report, index: usize, text: &str) -> Report {
    let mut sections = report.sections(Narrative::Overview).to_vec();
    sections[index] = Section::new(&sections[index].heading, text);
    report.set_sections(Narrative::Overview, sections);
    report
}

#[test]
fn stated_numbers_stand_beside_their_table_values() {
    let mut report = seed();
    type_in(&mut report, "requests.received.natural_person", "12");
    type_in(&mut report, "appeals.review.upheld", "1");
    let report = with_overview_text(
        report,
        1,
        "全年共收到政府信息公开申请10件，均按时答复。发生行政复议1件，未发生行政诉讼。",
    );
    let numbers = stated_numbers(&report);
    let found: Vec<(&str, u64, Option<u64>)> = numbers
        .iter()
        .map(|number| (number.quote.as_str(), number.stated, number.table))
        .collect();
    assert_eq!(
        found,
        [
            ("收到政府信息公开申请10件", 10, Some(12)),
            ("行政复议1件", 1, Some(1)),
            ("未发生行政诉讼", 0, Some(0)),
        ]
    );
    assert!(numbers
        .iter()
        .all(|number| number.field == FieldRef::Text(Narrative::Overview, 1)));
    assert_eq!(
        table_label(numbers[0].cells),
        "表三 一、本年新收政府信息公开申请数量·总计"
    );
    assert_eq!(
        table_label(numbers[2].cells),
        "表四 未经复议直接起诉·总计 与 表四 复议后起诉·总计"
    );
}

#[test]
fn the_data_paragraph_states_the_tables_and_r11_agrees() {
    let report = full_report();
    let sentence = requests_sentence(&report);
    let at = |path: &str| report.cell_text(ogi_report_core::CellRef::parse(path).unwrap());
    assert!(
        sentence.starts_with(&format!(
            "本年度共收到政府信息公开申请{}件，上年结转{}件。办理结果：予以公开{}件，部分公开{}件，不予公开",
            at("requests.received.total"),
            at("requests.carried_in.total"),
            at("requests.granted.total"),
            at("requests.partly_granted.total"),
        )),
        "{sentence}"
    );
    for group in ["不予公开", "无法提供", "不予处理", "其他处理"] {
        assert!(sentence.contains(group), "{group}: {sentence}");
    }
    assert!(
        sentence.contains(&format!("共计{}件", at("requests.total.total"))),
        "{sentence}"
    );
    let report = with_overview_text(report, 1, &sentence);
    let numbers = stated_numbers(&report);
    assert_eq!(numbers.len(), 3, "{numbers:?}");
    assert!(numbers
        .iter()
        .all(|number| number.table == Some(number.stated)));
    assert!(run(&report, "R11").is_empty());
}

#[test]
fn blank_tables_are_marked_not_guessed() {
    let sentence = requests_sentence(&Report::new_draft());
    assert!(
        sentence.starts_with(&format!("本年度共收到政府信息公开申请{NOT_FILLED}件")),
        "{sentence}"
    );
}

#[test]
fn the_paragraph_is_offered_under_yishenqing_or_else_the_first_sub_section() {
    assert_eq!(
        requests_sentence_section(&Report::new_draft()),
        Some(1),
        "（二）依申请公开 of a new draft"
    );
    // The published seed renamed its sub-sections; its unheaded first one is the overview.
    assert_eq!(requests_sentence_section(&seed()), Some(0));
    let mut empty = Report::new_draft();
    empty.set_sections(Narrative::Overview, Vec::new());
    assert_eq!(requests_sentence_section(&empty), None);
}
