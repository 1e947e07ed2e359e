//! Importing text copied from published report pages: the seed page becomes exactly the seed
//! report file, other real-world layouts import or say exactly what they could not place, and
//! text that is not a report is refused.

// The core's test helpers (the seed report, typed reports, layouts of published text).
#[path = "../../ogi-report-core/tests/common/mod.rs"]
mod common;

use common::*;
use ogi_report_core::{write_report, CellRef};
use ogi_report_import::{import_text, NotAReport};

const PAGE: &str = include_str!("../../../tests/fixtures/seed-2021-page.txt");

#[test]
fn the_seed_page_imports_into_the_seed_report() {
    let (report, summary) = import_text(PAGE).expect("a report");
    assert_eq!(write_report(&report), SEED, "every cell and every part");
    assert_eq!(summary.filled.len(), 200, "every table cell was read");
    assert!(summary.blank.is_empty());
    let extra: Vec<&str> = summary
        .not_understood
        .iter()
        .map(|(_, line, _)| line.as_str())
        .collect();
    assert_eq!(
        extra.len(),
        2,
        "the （七）总计 and 四 lines carry an eighth number: {extra:?}"
    );
    assert!(summary
        .not_understood
        .iter()
        .all(|(_, _, why)| why.contains("8 个数字")));
}

#[test]
fn full_width_text_with_aliases_typos_and_split_numbers() {
    let text = "某某县人民政府2023年政府信息公开工作年度报告\n\
一、总体情况\n本年度全面推进政务公开。\n\
二、主动公开政府信息情况\n第二十条第（一）项\n信息内容\t本年制发件数\t本年废止件数\t现行有效件数\n规章\t1\t0\t5\n行政规范性文件\t３\t1\t12\n行政许可\t120\n行政处罚\t/\n行政强制\t0\n行政事业性收费\t1.25\n\
三、收到和处理政府信息公开申请请况\n一、本年新收政府信息公开申请数量\t\t5\t1\t0\t0\t0\t0\n6\n二、上年结转政府信息公开申请数量\t\t0\t0\t0\t0\t0\t0\t0\n\
四、因政府信息公开工作被申请行政复议、提起行政诉讼情况\n0\t0\t0\t0\t0\n0\t0\t0\t0\t0\t0\t0\t0\t0\t0\n\
五、政府信息公开工作存在的主要问题及改进情况\n(一) 存在的问题\n问题一。\n（二）改进措施\n措施一。\n\
六、其他事项\n无\n";
    let (report, summary) = import_text(text).unwrap();
    assert_eq!(report.meta.body, "某某县人民政府");
    assert_eq!(report.meta.year, Some(2023));
    assert_eq!(report.meta.body_type, ogi_report_core::BodyType::Government);
    let at = |path: &str| report.cell_text(CellRef::parse(path).unwrap());
    assert_eq!(at("proactive.normative_documents.issued"), "3");
    assert_eq!(at("proactive.punishment"), "/");
    assert_eq!(at("proactive.fees"), "1.25");
    assert_eq!(at("requests.received.natural_person"), "5");
    assert_eq!(
        at("requests.received.total"),
        "6",
        "numbers split across lines are joined"
    );
    assert_eq!(at("appeals.lawsuit_after_review.total"), "0");
    assert_eq!(
        report.sections(ogi_report_core::Narrative::Problems)[1].heading,
        "（二）改进措施"
    );
    assert!(
        summary
            .blank
            .contains(&"requests.granted.natural_person".to_owned()),
        "rows the text lacks are listed blank"
    );
    assert!(
        summary.not_understood.is_empty(),
        "{:?}",
        summary.not_understood
    );
}

#[test]
fn text_that_is_not_a_report_is_refused() {
    assert_eq!(import_text("今天天气很好。\n明天也很好。"), Err(NotAReport));
    assert_eq!(import_text(""), Err(NotAReport));
    assert!(NotAReport.to_string().contains("没有找到"));
}

/// A minimal report page around the given table 三 lines (and optionally table 四).
fn page(table_three: &str, table_four: Option<&str>) -> String {
    let mut text = String::from("某某镇人民政府2024年政府信息公开工作年度报告\n一、总体情况\n概述。\n二、主动公开政府信息情况\n规章\t0\t0\t0\n三、收到和处理政府信息公开申请情况\n");
    text.push_str(table_three);
    if let Some(four) = table_four {
        text.push_str("\n四、政府信息公开行政复议、行政诉讼情况\n");
        text.push_str(four);
    }
    text.push_str("\n五、存在的主要问题及改进情况\n问题。\n六、其他需要报告的事项\n无\n");
    text
}

fn cell(report: &ogi_report_core::Report, path: &str) -> String {
    report.cell_text(CellRef::parse(path).unwrap())
}

#[test]
fn one_number_per_line() {
    let text = page("一、本年新收政府信息公开申请数量\n1\n2\n0\n0\n0\n0\n3\n二、上年结转政府信息公开申请数量\t0\t0\t0\t0\t0\t0\t0", None);
    let (report, summary) = import_text(&text).unwrap();
    assert_eq!(cell(&report, "requests.received.natural_person"), "1");
    assert_eq!(cell(&report, "requests.received.commercial"), "2");
    assert_eq!(cell(&report, "requests.received.total"), "3");
    assert_eq!(cell(&report, "requests.carried_in.total"), "0");
    assert!(
        summary.not_understood.is_empty(),
        "{:?}",
        summary.not_understood
    );
}

#[test]
fn spaced_half_width_labels_and_typos() {
    let text = page(
        "一 、本年新收政府信息公开申请数量\t\t4\t0\t0\t0\t0\t0\t4\n三、本年度办理结果\t(一) 予以公开\t\t2\t0\t0\t0\t0\t0\t2\n\t(四) 无法提供\t1.本机关不掌握相关政府信 息\t\t1\t0\t0\t0\t0\t0\t1\n\t\t3.补正后申请内容仍不名确\t\t1\t0\t0\t0\t0\t0\t1",
        None,
    );
    let (report, summary) = import_text(&text).unwrap();
    assert_eq!(cell(&report, "requests.received.natural_person"), "4");
    assert_eq!(cell(&report, "requests.granted.natural_person"), "2");
    assert_eq!(
        cell(&report, "requests.unable_not_held.natural_person"),
        "1",
        "a space inside a label"
    );
    assert_eq!(
        cell(
            &report,
            "requests.unable_unclear_after_correction.natural_person"
        ),
        "1",
        "a typo (名/明)"
    );
    assert!(
        summary.not_understood.is_empty(),
        "{:?}",
        summary.not_understood
    );
}

#[test]
fn blanks_and_placeholders_are_kept_and_listed() {
    let text = page(
        "一、本年新收政府信息公开申请数量\t\t/\t0\t无\t0\t0\t0\t0",
        Some("0\t0\t0\t0\t0"),
    );
    let (report, summary) = import_text(&text).unwrap();
    assert_eq!(cell(&report, "requests.received.natural_person"), "/");
    assert_eq!(cell(&report, "requests.received.research"), "无");
    assert!(
        summary
            .blank
            .contains(&"appeals.lawsuit_direct.upheld".to_owned()),
        "table 四 had only five numbers"
    );
    assert!(summary
        .blank
        .contains(&"requests.granted.natural_person".to_owned()));
    assert!(
        summary.blank.contains(&"appeals.review.total".to_owned()),
        "five numbers for fifteen columns: which five is not certain, so none is placed"
    );
    assert!(summary
        .not_understood
        .iter()
        .any(|(_, _, why)| why.contains("只有 5 个数字，表格有 15 列")));
}

#[test]
fn a_missing_table_is_reported_missing() {
    let (report, summary) = import_text(&page(
        "一、本年新收政府信息公开申请数量\t\t0\t0\t0\t0\t0\t0\t0",
        None,
    ))
    .unwrap();
    assert!(
        report.missing.contains(&"appeals".to_owned()),
        "{:?}",
        report.missing
    );
    assert!(summary.blank.contains(&"appeals.review.upheld".to_owned()));
    assert_eq!(run(&report, "R13")[0].paths(), ["appeals"]);
}

#[test]
fn stray_lines_inside_a_table_are_listed_not_guessed() {
    let text = page("一、本年新收政府信息公开申请数量\t\t0\t0\t0\t0\t0\t0\t0\n注：本表数据来源于依申请公开系统\t12\n二、上年结转政府信息公开申请数量\t\t0\t0\t0\t0\t0\t0\t0", None);
    let (report, summary) = import_text(&text).unwrap();
    assert_eq!(
        summary.not_understood.len(),
        1,
        "{:?}",
        summary.not_understood
    );
    assert!(summary.not_understood[0].1.starts_with("注："));
    assert_eq!(summary.not_understood[0].2, "表三中无法对应到行");
    assert_eq!(cell(&report, "requests.carried_in.total"), "0");
}

#[test]
fn table_four_split_over_lines() {
    let text = page(
        "",
        Some("行政复议\t\t\t\t\t行政诉讼\n0\t1\t0\t0\t1\n0\t0\t0\t0\t0\n2\t0\t0\t0\t2"),
    );
    let (report, _) = import_text(&text).unwrap();
    assert_eq!(cell(&report, "appeals.review.corrected"), "1");
    assert_eq!(cell(&report, "appeals.review.total"), "1");
    assert_eq!(cell(&report, "appeals.lawsuit_after_review.upheld"), "2");
    assert_eq!(cell(&report, "appeals.lawsuit_after_review.total"), "2");
}

#[test]
fn windows_line_ends_and_wide_spaces() {
    let text = page("一、本年新收政府信息公开申请数量\u{3000}\t\t１\t0\t0\t0\t0\t0\t１\r\n二、上年结转\u{a0}政府信息公开申请数量\t\t0\t0\t0\t0\t0\t0\t0\r", None).replace('\n', "\r\n");
    let (report, summary) = import_text(&text).unwrap();
    assert_eq!(report.meta.body, "某某镇人民政府");
    assert_eq!(
        cell(&report, "requests.received.natural_person"),
        "1",
        "full-width digits are normalised"
    );
    assert_eq!(cell(&report, "requests.carried_in.total"), "0");
    assert!(
        summary.not_understood.is_empty(),
        "{:?}",
        summary.not_understood
    );
}

/// A hostile text with a huge table part is read up to a bound and says so, rather than
/// stalling the page.
#[test]
fn a_table_part_of_endless_fragments_is_read_up_to_a_bound() {
    let fragment =
        "某某某某某某某某某某某某某某某某某某某某某某某某某某某某某某某某某某某某某某某 1\n";
    let text = page(&fragment.repeat(50_000), None);
    let (_, summary) = import_text(&text).unwrap();
    assert!(
        summary
            .not_understood
            .iter()
            .any(|(_, _, why)| why.contains("超过 500 段")),
        "the bound is named"
    );
}
