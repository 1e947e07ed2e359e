//! Importing text copied from published report pages: the seed page becomes exactly the seed
//! report file, other real-world layouts import or say exactly what they could not place, and
//! text that is not a report is refused.

mod common;

use common::*;
use ogi_report_core::import::{import_text, NotAReport};
use ogi_report_core::{write_report, CellRef};

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
