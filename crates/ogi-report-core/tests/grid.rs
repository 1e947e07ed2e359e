//! Pasting blocks into the tables: the 25 data lines of table 三 copied from the seed report's
//! page, spreadsheet blocks with full-width digits, separators, blanks, placeholders and too many
//! columns, and HTML tables.

mod common;

use common::*;
use ogi_report_core::grid::{parse_html_block, parse_text_block, paste, Pasted};
use ogi_report_core::{Cell, CellRef, Problem, Report};

/// The seed report as copied from its web page (tests/fixtures/).
const FIXTURE: &str = include_str!("../../../tests/fixtures/seed-2021-page.txt");

/// The 25 data lines of table 三 as a person copies them from the page.
fn seed_table_three_lines() -> String {
    let start = FIXTURE.find("一、本年新收政府信息公开申请数量").unwrap();
    let end = FIXTURE[start..].find("四、结转下年度继续办理").unwrap() + start;
    let end = FIXTURE[end..].find('\n').unwrap() + end;
    FIXTURE[start..end].to_owned()
}

#[test]
fn the_seed_lines_fill_table_three() {
    let block = parse_text_block(&seed_table_three_lines());
    assert_eq!(block.len(), 25);
    let mut report = Report::new_draft();
    let outcome = paste(
        &mut report,
        CellRef::parse("requests.received.natural_person").unwrap(),
        &block,
    );
    // The page's （七）总计 and 四 lines each carry an eighth number; it lands outside the table.
    assert_eq!(
        outcome,
        Pasted {
            written: 24 * 6,
            on_totals: 24 + 7,
            outside: 2
        }
    );
    for cell in CellRef::all().filter(|cell| matches!(cell, CellRef::Request { .. })) {
        assert_eq!(report.count(cell), Some(&Cell::Value(0)), "{}", cell.path());
    }
    assert!(
        run(&report, "R8")
            .iter()
            .all(|f| !f.paths()[0].starts_with("requests.")),
        "no blank left in table 三"
    );
}

#[test]
fn a_spreadsheet_block_keeps_what_is_not_a_count() {
    let text = "１２\t1,234\t \t/\t12a\t3\t9\t8\r\n4\t５\t6\n";
    let block = parse_text_block(text);
    let mut report = Report::new_draft();
    let outcome = paste(
        &mut report,
        CellRef::parse("requests.granted.natural_person").unwrap(),
        &block,
    );
    assert_eq!(
        outcome,
        Pasted {
            written: 6 + 3,
            on_totals: 1,
            outside: 1
        }
    );
    let at = |path: &str| report.count(CellRef::parse(path).unwrap()).unwrap().clone();
    assert_eq!(at("requests.granted.natural_person"), Cell::Value(12));
    assert_eq!(at("requests.granted.commercial"), Cell::Value(1234));
    assert_eq!(at("requests.granted.research"), Cell::Blank);
    assert_eq!(
        at("requests.granted.public_interest"),
        Cell::Placeholder("/".to_owned())
    );
    assert_eq!(
        at("requests.granted.legal_service"),
        Cell::Invalid {
            raw: "12a".to_owned(),
            problem: Problem::NotANumber
        }
    );
    assert_eq!(at("requests.granted.other_org"), Cell::Value(3));
    assert_eq!(at("requests.partly_granted.commercial"), Cell::Value(5));
    assert!(
        at("requests.granted.total").is_blank(),
        "a total of text is unknown, never pasted over"
    );
}

#[test]
fn an_html_table_pastes_like_text() {
    let html = "<html><body><table><tr><td>1</td><td>2</td></tr><tr><td>3</td><td>４</td></tr></table></body></html>";
    let block = parse_html_block(html).unwrap();
    let mut report = Report::new_draft();
    let outcome = paste(
        &mut report,
        CellRef::parse("appeals.review.upheld").unwrap(),
        &block,
    );
    assert_eq!(
        outcome,
        Pasted {
            written: 2,
            on_totals: 0,
            outside: 2
        },
        "table 四 has one row"
    );
    assert_eq!(
        report.count(CellRef::parse("appeals.review.total").unwrap()),
        Some(&Cell::Value(3))
    );
}
