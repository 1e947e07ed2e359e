//! 审阅 (issue 13): a published report checked as it stands — the same final check a filler gets,
//! every cell marked read, inferred or unread, and no finding blamed on a cell that was not read.

// The core's test helpers (the seed report, typed reports, layouts of published text).
#[path = "../../ogi-report-core/tests/common/mod.rs"]
mod common;

use common::layouts::{glued, report_text, Layout};
use common::*;
use ogi_report_core::audit::CellSource;
use ogi_report_import::audit;

const PAGE: &str = include_str!("../../../tests/fixtures/seed-2021-page.txt");

/// The seed's page with its table 四 row (fifteen zeros) printing 行政复议 总计 as 3.
fn page_with_a_wrong_total() -> String {
    let zeros = vec!["0"; 15].join("\t");
    let mut wrong: Vec<&str> = vec!["0"; 15];
    wrong[4] = "3";
    let page = PAGE.replacen(&zeros, &wrong.join("\t"), 1);
    assert_ne!(page, PAGE);
    page
}

#[test]
fn a_published_page_with_a_wrong_table_four_total_shows_it() {
    let page = page_with_a_wrong_total();
    let found = audit(page.as_bytes(), "page.txt", &final_check()).unwrap();
    let r5: Vec<_> = found
        .checked
        .findings
        .iter()
        .filter(|f| f.rule == "R5")
        .collect();
    assert_eq!(r5.len(), 1, "{:?}", found.checked.findings);
    assert!(r5[0].paths().contains(&"appeals.review.total".to_owned()));
    assert!(found.checked.errors >= 1);
    assert_eq!(found.cells_from(&CellSource::Read).len(), 200);
    assert_eq!(found.set_aside, 0);
}

#[test]
fn cells_split_from_glued_digits_are_inferred_and_unread_cells_blame_nothing() {
    let truth = full_report();
    let text = glued(&report_text(&truth, Layout::Tabs));
    let found = audit(text.as_bytes(), "glued.txt", &final_check()).unwrap();
    let inferred = found
        .cells_from(&CellSource::Inferred { why: String::new() })
        .len();
    let unread = found.cells_from(&CellSource::Unread).len();
    assert!(
        inferred > 100,
        "table 三 and 四 rows split by R2/R5: {inferred}"
    );
    assert!(
        unread > 0,
        "table 二's rows have no arithmetic to split them"
    );
    // Table 二 cells were not read: R8 (blank cell) must not be reported against them.
    assert!(
        !found
            .checked
            .findings
            .iter()
            .any(|f| f.rule == "R8" && f.paths().iter().any(|c| c.starts_with("proactive."))),
        "{:?}",
        found.checked.findings
    );
    assert!(found.set_aside > 0);
}

/// The names the page reads back are the ones the JSON carries.
#[test]
fn sources_and_severities_are_named_as_their_json_says() {
    use ogi_report_core::Severity;
    for source in [
        CellSource::Read,
        CellSource::Inferred {
            why: "按 R2".to_owned(),
        },
        CellSource::Unread,
    ] {
        let json = serde_json::to_value(&source).unwrap();
        assert_eq!(json["source"], source.key());
        let why = json["why"].as_str().unwrap_or_default();
        assert_eq!(CellSource::parse(source.key(), why), Some(source.clone()));
    }
    for severity in [
        Severity::Error,
        Severity::Warning,
        Severity::Info,
        Severity::Help,
    ] {
        assert_eq!(serde_json::to_value(severity).unwrap(), severity.key());
        assert_eq!(Severity::parse(severity.key()), Some(severity));
    }
}

#[test]
fn a_published_report_gets_no_deadline_reminder_and_its_wrong_cells_are_marked() {
    let page = page_with_a_wrong_total();
    let mut context = final_check();
    context.today = ogi_report_core::rules::Date::parse("2024-09-01");
    let found = audit(page.as_bytes(), "page.txt", &context).unwrap();
    assert!(
        !found.checked.findings.iter().any(|f| f.rule == "R18"),
        "{:?}",
        found.checked.findings
    );
    assert_eq!(found.marked, ["appeals.review.total"]);
}
