//! One holding and one failing case per rule, asserting the rule id, the exact cells and the
//! numbers in the message.

mod common;

use common::*;
use ogi_report_core::rules::{check, Context, Date, Severity, RULES};
use ogi_report_core::{BodyType, CellRef, CountCell, FieldRef, Narrative, Report, Section};

#[test]
fn the_registry_has_every_rule_once_in_order() {
    let ids: Vec<&str> = RULES.iter().map(|rule| rule.id).collect();
    let expected: Vec<String> = (1..=18).map(|n| format!("R{n}")).collect();
    assert_eq!(ids, expected);
    let documented: Vec<&str> = ogi_report_core::rules::RULE_SUMMARIES
        .iter()
        .map(|(id, _)| *id)
        .collect();
    assert_eq!(documented, expected, "every rule is documented, in order");
    // Each rule has a short name of its own, in words, for the page to show instead of its id.
    let mut names: Vec<&str> = RULES.iter().map(|rule| rule.name).collect();
    assert!(names
        .iter()
        .all(|name| !name.is_empty() && !name.contains('R')));
    names.sort_unstable();
    names.dedup();
    assert_eq!(names.len(), RULES.len(), "names are distinct");
    assert_eq!(ogi_report_core::rules::name("R1"), "收到与办理不平衡");
}

#[test]
fn the_seed_passes_every_error_rule() {
    let findings = check(&seed(), &final_check());
    let errors: Vec<_> = findings
        .iter()
        .filter(|f| f.severity == Severity::Error)
        .collect();
    assert!(errors.is_empty(), "{errors:#?}");
}

#[test]
fn r1_names_both_sides_and_the_value_row_four_needs() {
    let mut report = seed();
    type_in(&mut report, "requests.received.natural_person", "5");
    type_in(&mut report, "requests.granted.natural_person", "3");
    let findings = run(&report, "R1");
    // One mistake, one finding: the 总计 column is off by the same 5 and is not told again.
    assert_eq!(findings.len(), 1, "{findings:#?}");
    let column = &findings[0];
    assert_eq!(
        column.paths(),
        [
            "requests.received.natural_person",
            "requests.carried_in.natural_person",
            "requests.carried_forward.natural_person",
            "requests.total.natural_person",
        ]
    );
    assert!(
        column.message.contains("表三「自然人」列"),
        "{}",
        column.message
    );
    assert!(
        column
            .message
            .contains("一、本年新收政府信息公开申请数量（5）"),
        "{}",
        column.message
    );
    assert!(column.message.contains("= 5"), "{}", column.message);
    assert!(
        column.message.contains("（七）总计（3）"),
        "{}",
        column.message
    );
    assert!(column.message.contains("= 3"), "{}", column.message);
    assert!(
        column.message.contains("四、结转下年度继续办理应为 2"),
        "{}",
        column.message
    );

    type_in(&mut report, "requests.carried_forward.natural_person", "2");
    assert!(run(&report, "R1").is_empty());
}

#[test]
fn r1_says_when_row_four_alone_cannot_balance() {
    let mut report = seed();
    type_in(&mut report, "requests.granted.natural_person", "4");
    let message = &run(&report, "R1")[0].message;
    assert!(message.contains("需为 -4"), "{message}");
}

#[test]
fn r2_checks_a_row_total_a_file_brings() {
    let mut report = seed();
    let row = request("granted", "commercial");
    report.set_count(row, CountCell::Value(2));
    let findings = run(&report, "R2");
    assert_eq!(findings.len(), 1);
    assert_eq!(findings[0].paths().len(), 7);
    assert_eq!(
        findings[0].paths().last().unwrap(),
        "requests.granted.total"
    );
    assert!(
        findings[0].message.contains("表三「（一）予以公开」行"),
        "{}",
        findings[0].message
    );
    assert!(
        findings[0].message.contains("商业企业（2）"),
        "{}",
        findings[0].message
    );
    assert!(
        findings[0].message.contains("总计应为 2"),
        "{}",
        findings[0].message
    );
    report.set_count(request("granted", "total"), CountCell::Value(2));
    assert!(run(&report, "R2").is_empty());
}

#[test]
fn r3_lists_the_non_zero_outcomes() {
    let mut report = seed();
    report.set_count(
        request("declined_repeated", "research"),
        CountCell::Value(4),
    );
    let findings = run(&report, "R3");
    assert_eq!(findings.len(), 1);
    let finding = &findings[0];
    assert_eq!(finding.paths().len(), 22);
    assert!(finding
        .paths()
        .contains(&"requests.declined_repeated.research".to_owned()));
    assert_eq!(finding.paths().last().unwrap(), "requests.total.research");
    assert!(
        finding.message.contains("表三「科研机构」列"),
        "{}",
        finding.message
    );
    assert!(
        finding
            .message
            .contains("（五）不予处理 2.重复申请（4），其余为 0，合计 4"),
        "{}",
        finding.message
    );
    assert!(
        finding.message.contains("（七）总计应为 4"),
        "{}",
        finding.message
    );
}

#[test]
fn r4_is_help_not_a_finding() {
    let rule = RULES.iter().find(|rule| rule.id == "R4").unwrap();
    assert_eq!(rule.severity, Severity::Help);
    assert!(ogi_report_core::rules::summary("R4")
        .unwrap()
        .contains("部分公开"));
    assert!(run(&seed(), "R4").is_empty());
}

#[test]
fn r5_checks_each_group_of_table_four() {
    let mut report = seed();
    type_in(&mut report, "appeals.lawsuit_direct.upheld", "1");
    type_in(&mut report, "appeals.lawsuit_direct.pending", "2");
    assert!(run(&report, "R5").is_empty(), "computed totals hold");
    report.set_count(
        ogi_report_core::CellRef::parse("appeals.lawsuit_direct.total").unwrap(),
        CountCell::Value(1),
    );
    let findings = run(&report, "R5");
    assert_eq!(findings.len(), 1);
    assert_eq!(findings[0].paths()[0], "appeals.lawsuit_direct.upheld");
    assert_eq!(findings[0].paths()[4], "appeals.lawsuit_direct.total");
    assert!(
        findings[0].message.contains("表四「未经复议直接起诉」"),
        "{}",
        findings[0].message
    );
    assert!(
        findings[0].message.contains("总计（1）"),
        "{}",
        findings[0].message
    );
    assert!(
        findings[0].message.contains("= 3"),
        "{}",
        findings[0].message
    );
    assert!(
        findings[0].message.contains("总计应为 3"),
        "{}",
        findings[0].message
    );
}

#[test]
fn r6_reports_text_that_is_not_a_count() {
    let mut report = seed();
    assert!(run(&report, "R6").is_empty());
    type_in(&mut report, "proactive.licensing", "1.5");
    type_in(&mut report, "requests.granted.natural_person", "12a");
    let findings = run(&report, "R6");
    assert_eq!(findings.len(), 2);
    assert_eq!(findings[0].paths(), ["proactive.licensing"]);
    assert!(
        findings[0]
            .message
            .contains("表二 行政许可·本年处理决定数量填写的「1.5」"),
        "{}",
        findings[0].message
    );
    assert!(findings[0].message.contains("整数"));
    assert_eq!(findings[1].paths(), ["requests.granted.natural_person"]);
    assert!(findings[1].message.contains("「12a」"));
}

#[test]
fn r7_checks_the_amount_and_warns_on_yuan() {
    let mut report = seed();
    type_in(&mut report, "proactive.fees", "12.3456");
    assert!(run(&report, "R7").is_empty());
    type_in(&mut report, "proactive.fees", "12.34567");
    let findings = run(&report, "R7");
    assert_eq!(
        (findings[0].severity, findings[0].paths().clone()),
        (Severity::Error, vec!["proactive.fees".to_owned()])
    );
    assert!(
        findings[0].message.contains("4 位小数"),
        "{}",
        findings[0].message
    );
    type_in(&mut report, "proactive.fees", "12000");
    let findings = run(&report, "R7");
    assert_eq!(findings[0].severity, Severity::Warning);
    assert!(
        findings[0].message.contains("12000 万元"),
        "{}",
        findings[0].message
    );
    assert!(
        findings[0].message.contains("应改为 1.2 万元"),
        "{}",
        findings[0].message
    );
}

#[test]
fn r8_blanks_only_in_a_finished_report_and_placeholders_always() {
    let mut report = seed();
    type_in(&mut report, "requests.received.commercial", "");
    type_in(&mut report, "appeals.review.upheld", "/");
    let final_findings = run(&report, "R8");
    assert_eq!(final_findings.len(), 2, "{final_findings:#?}");
    assert_eq!(final_findings[0].paths(), ["appeals.review.upheld"]);
    assert!(final_findings[0].message.contains("「/」"));
    assert_eq!(final_findings[1].paths(), ["requests.received.commercial"]);
    assert!(
        final_findings[1].message.contains("表三还有 1 个空白格"),
        "{}",
        final_findings[1].message
    );

    let while_filling = check(&report, &filling());
    assert_eq!(
        of(&while_filling, "R8").len(),
        1,
        "a blank is not an error while filling"
    );

    let empty = Report::new_draft();
    let blanks = run(&empty, "R8");
    let counts: Vec<usize> = blanks.iter().map(|f| f.paths().len()).collect();
    // Totals are computed from their parts, so only the cells a user types are counted.
    assert_eq!(counts, [10, 175 - 25 - 6, 15 - 3]);
}

fn with_previous(previous: Report) -> Report {
    let mut report = seed();
    report.meta.year = Some(2022);
    report.previous = Some(previous.into());
    report
}

#[test]
fn r9_compares_carried_in_with_last_years_carried_forward() {
    let mut last_year = seed();
    type_in(&mut last_year, "requests.received.legal_service", "3");
    type_in(
        &mut last_year,
        "requests.carried_forward.legal_service",
        "3",
    );
    let mut report = with_previous(last_year);
    let findings = run(&report, "R9");
    assert_eq!(
        findings.len(),
        1,
        "the legal_service column; the 总计 column is off by the same mistake: {findings:#?}"
    );
    assert_eq!(
        findings[0].paths(),
        [
            "requests.carried_in.legal_service",
            "previous.requests.carried_forward.legal_service"
        ]
    );
    assert!(
        findings[0].message.contains("为 0"),
        "{}",
        findings[0].message
    );
    assert!(
        findings[0].message.contains("为 3"),
        "{}",
        findings[0].message
    );
    type_in(&mut report, "requests.carried_in.legal_service", "3");
    assert!(run(&report, "R9").is_empty());
}

#[test]
fn r10_moves_documents_in_force_on_from_last_year() {
    let mut last_year = seed();
    type_in(
        &mut last_year,
        "proactive.normative_documents.in_force",
        "10",
    );
    let mut report = with_previous(last_year);
    type_in(&mut report, "proactive.normative_documents.issued", "4");
    type_in(&mut report, "proactive.normative_documents.repealed", "1");
    type_in(&mut report, "proactive.normative_documents.in_force", "12");
    let findings = run(&report, "R10");
    assert_eq!(findings.len(), 1);
    assert_eq!(
        findings[0].paths(),
        [
            "proactive.normative_documents.in_force",
            "proactive.normative_documents.issued",
            "proactive.normative_documents.repealed",
            "previous.proactive.normative_documents.in_force",
        ]
    );
    assert!(
        findings[0].message.contains("现行有效件数为 12"),
        "{}",
        findings[0].message
    );
    assert!(
        findings[0]
            .message
            .contains("10 件 + 本年制发 4 件 − 本年废止 1 件 = 13 件"),
        "{}",
        findings[0].message
    );
    type_in(&mut report, "proactive.normative_documents.in_force", "13");
    assert!(run(&report, "R10").is_empty());
}

#[test]
fn differences_that_cannot_be_met_are_named_with_their_sign() {
    // More repealed than ever were in force: R10 names the impossible count as negative.
    let mut last_year = seed();
    type_in(
        &mut last_year,
        "proactive.normative_documents.in_force",
        "1",
    );
    let mut report = with_previous(last_year);
    type_in(&mut report, "proactive.normative_documents.issued", "0");
    type_in(&mut report, "proactive.normative_documents.repealed", "3");
    type_in(&mut report, "proactive.normative_documents.in_force", "0");
    let findings = run(&report, "R10");
    assert_eq!(findings.len(), 1);
    assert!(
        findings[0].message.contains("= -2 件"),
        "{}",
        findings[0].message
    );
    // Results above what was received and carried in: 结转 would have to be negative (R1).
    let mut report = seed();
    type_in(&mut report, "requests.granted.natural_person", "5");
    let messages: Vec<String> = run(&report, "R1")
        .into_iter()
        .map(|finding| finding.message)
        .collect();
    assert!(
        messages.iter().any(|message| message.contains("需为 -5")),
        "{messages:?}"
    );
}

fn set_text(report: &mut Report, part: Narrative, text: &str) {
    report.sections_mut(part)[0].text = text.to_owned();
}

#[test]
fn r11_reads_numbers_out_of_the_narrative() {
    let mut report = seed();
    set_text(
        &mut report,
        Narrative::Overview,
        "本年度共收到政府信息公开申请12件，全部按时办结。",
    );
    let findings = run(&report, "R11");
    assert_eq!(findings.len(), 1, "{findings:#?}");
    assert_eq!(
        findings[0].paths(),
        ["overview.0.text", "requests.received.total"]
    );
    assert!(
        findings[0].message.contains("（12 件）"),
        "{}",
        findings[0].message
    );
    assert!(
        findings[0].message.contains("为 0"),
        "{}",
        findings[0].message
    );

    type_in(&mut report, "requests.received.natural_person", "12");
    assert!(run(&report, "R11").is_empty());

    set_text(
        &mut report,
        Narrative::Overview,
        "全年未收到政府信息公开申请，发生行政复议两件。",
    );
    let findings = run(&report, "R11");
    let rules: Vec<String> = findings.iter().map(|f| f.paths()[1].clone()).collect();
    assert_eq!(
        rules,
        ["requests.received.total", "appeals.review.total"],
        "{findings:#?}"
    );
    assert!(
        findings[1].message.contains("（2 件）"),
        "{}",
        findings[1].message
    );
}

#[test]
fn r12_ties_the_unpaid_fee_row_to_part_six() {
    let mut report = seed();
    type_in(&mut report, "requests.other_fee_unpaid.natural_person", "2");
    let findings = run(&report, "R12");
    assert_eq!(findings.len(), 1);
    assert_eq!(
        findings[0].paths(),
        ["other_matters.0.text", "requests.other_fee_unpaid.total"]
    );
    assert!(
        findings[0].message.contains("总计为 2"),
        "{}",
        findings[0].message
    );
    set_text(
        &mut report,
        Narrative::OtherMatters,
        "本年度未收取信息处理费。",
    );
    let findings = run(&report, "R12");
    assert!(
        findings[0].message.contains("“未收取信息处理费”"),
        "{}",
        findings[0].message
    );
    set_text(
        &mut report,
        Narrative::OtherMatters,
        "本年度发出收费通知2件，收取信息处理费0.01万元。",
    );
    assert!(run(&report, "R12").is_empty());
}

#[test]
fn r13_reports_missing_parts_and_rows() {
    let text = SEED.replace("\"other_matters\": [\n    {\n      \"heading\": \"\",\n      \"text\": \"无\"\n    }\n  ],\n", "");
    let mut value: serde_json::Value = serde_json::from_str(&text).unwrap();
    value["requests"]
        .as_object_mut()
        .unwrap()
        .remove("declined_excessive");
    let report = ogi_report_core::read_report(&value.to_string()).unwrap();
    let findings = run(&report, "R13");
    let cells: Vec<String> = findings.iter().map(|f| f.paths()[0].clone()).collect();
    assert_eq!(
        cells,
        [
            "other_matters",
            "requests.declined_excessive",
            "other_matters.0.text"
        ],
        "{findings:#?}"
    );
    assert!(run(&seed(), "R13").is_empty());
}

#[test]
fn r14_asks_for_the_four_items_of_part_six() {
    let mut report = seed();
    let findings = run(&report, "R14");
    assert_eq!(findings.len(), 1);
    assert_eq!(findings[0].paths(), ["other_matters.0.text"]);
    assert!(findings[0].message.contains("年度政务公开工作创新情况"));
    set_text(
        &mut report,
        Narrative::OtherMatters,
        "（一）本年度未收取信息处理费。（二）认真落实上级年度政务公开工作要点。（三）本年度无人大代表建议和政协提案。（四）创新开展“政务公开日”活动。",
    );
    assert!(run(&report, "R14").is_empty());
}

#[test]
fn r15_applies_to_governments_only() {
    let mut report = seed();
    assert!(run(&report, "R15").is_empty());
    report.meta.body_type = BodyType::Government;
    let findings = run(&report, "R15");
    assert_eq!(findings[0].paths(), ["overview.5.text"]);
    assert!(
        findings[0].message.contains("工作考核、社会评议、责任追究"),
        "{}",
        findings[0].message
    );
    report.sections_mut(Narrative::Overview).push(Section::new(
        "（六）考核评议",
        "开展工作考核和社会评议，未发生责任追究。",
    ));
    assert!(run(&report, "R15").is_empty());
}

#[test]
fn r16_checks_year_body_and_statistical_period() {
    let mut report = seed();
    assert!(run(&report, "R16").is_empty());
    report.meta.year = Some(2022);
    let findings = run(&report, "R16");
    assert_eq!(findings.len(), 1);
    assert_eq!(
        findings[0].paths(),
        [FieldRef::Text(Narrative::Overview, 2).path()]
    );
    // The message quotes the text's own word (the seed writes 截止).
    assert!(
        findings[0].message.contains("写有“截止2021年12月31日”"),
        "{}",
        findings[0].message
    );
    assert!(
        findings[0].message.contains("报告年度为 2022"),
        "{}",
        findings[0].message
    );
    let overview = report.sections_mut(Narrative::Overview);
    overview[2].text = overview[2].text.replace("截止", "截至");
    let findings = run(&report, "R16");
    assert!(
        findings[0].message.contains("写有“截至2021年12月31日”"),
        "{}",
        findings[0].message
    );
    report.meta.year = None;
    report.meta.body = " ".to_owned();
    let cells: Vec<String> = run(&report, "R16")
        .into_iter()
        .map(|f| f.paths()[0].clone())
        .collect();
    assert_eq!(cells, ["meta.body", "meta.year"]);
}

#[test]
fn r17_finds_text_copied_from_last_year() {
    let report = with_previous(seed());
    let findings = run(&report, "R17");
    assert_eq!(
        findings.len(),
        2,
        "overview and problems are copied: {findings:#?}"
    );
    assert!(
        findings[0]
            .message
            .starts_with("一、总体情况中约 100% 的文字"),
        "{}",
        findings[0].message
    );
    assert_eq!(findings[0].paths().len(), 6);
    let mut rewritten = with_previous(seed());
    for part in [Narrative::Overview, Narrative::Problems] {
        for section in rewritten.sections_mut(part) {
            section.text = format!("{}年新的工作内容：{}", 2022, section.heading);
        }
    }
    assert!(run(&rewritten, "R17").is_empty());
}

#[test]
fn r18_counts_days_to_the_deadline() {
    let report = seed();
    let at = |today| Context {
        today: Date::parse(today),
        ..Context::default()
    };
    let findings = check(&report, &at("2022-01-10"));
    let reminder = of(&findings, "R18");
    assert_eq!(reminder[0].severity, Severity::Info);
    assert!(
        reminder[0].message.contains("2022年1月31日") && reminder[0].message.contains("还有 21 天")
    );
    let late = check(&report, &at("2022-02-02"));
    assert!(of(&late, "R18")[0].message.contains("已过 2 天"));
    let mut government = report.clone();
    government.meta.body_type = BodyType::Government;
    assert!(of(&check(&government, &at("2022-01-10")), "R18")[0]
        .message
        .contains("2022年3月31日"));
    let earlier = Context {
        deadline: Date::parse("2022-01-20"),
        ..at("2022-01-10")
    };
    assert!(of(&check(&report, &earlier), "R18")[0]
        .message
        .contains("还有 10 天"));
    assert!(run(&report, "R18").is_empty(), "no reminder without a date");
}

/// Issue 16: in December the report being prepared is this year's; a new draft for a year whose
/// deadline has passed is told when it was due, not how late it is.
#[test]
fn the_report_year_follows_the_calendar_and_an_untouched_draft_is_not_late() {
    let on = |text| Date::parse(text).unwrap();
    assert_eq!(on("2026-12-02").report_year(), 2026);
    assert_eq!(on("2026-10-01").report_year(), 2026);
    assert_eq!(on("2026-09-30").report_year(), 2025);
    assert_eq!(on("2027-01-15").report_year(), 2026);

    let mut draft = ogi_report_core::Report::new_draft();
    draft.meta.year = Some(2025);
    assert!(draft.is_untouched());
    let context = Context {
        today: Date::parse("2026-12-02"),
        ..Context::default()
    };
    let findings = check(&draft, &context);
    let message = &of(&findings, "R18")[0].message;
    assert!(
        message.contains("2026年1月31日前公开") && !message.contains("已过"),
        "{message}"
    );
    type_in(&mut draft, "requests.received.natural_person", "3");
    assert!(!draft.is_untouched());
    assert!(of(&check(&draft, &context), "R18")[0]
        .message
        .contains("已过"));
}

#[test]
fn a_cell_that_is_not_a_number_is_reported_once_not_through_its_totals() {
    let mut report = seed();
    type_in(&mut report, "requests.received.natural_person", "3");
    type_in(&mut report, "requests.granted.natural_person", "3");
    type_in(&mut report, "requests.granted.commercial", "12a");
    let corner = ogi_report_core::CellRef::parse("requests.total.total").unwrap();
    assert!(
        report.count(corner).unwrap().is_blank(),
        "the corner is unknown"
    );
    assert!(report.total_is_unknown(corner));
    let findings = check(&report, &final_check());
    let rules: Vec<&str> = findings
        .iter()
        .filter(|f| f.severity == Severity::Error)
        .map(|f| f.rule)
        .collect();
    assert_eq!(rules, ["R6"], "{findings:#?}");
}

#[test]
fn filling_blanks_with_zero_clears_r8_and_computes_totals() {
    let mut report = Report::new_draft();
    report.meta.body = "测试街道办事处".to_owned();
    type_in(&mut report, "requests.granted.natural_person", "2");
    type_in(&mut report, "requests.received.natural_person", "2");
    assert_eq!(run(&report, "R8").len(), 3);
    let filled = report.fill_blanks_with_zero();
    assert_eq!(filled, 10 + 144 - 2 + 12);
    assert!(run(&report, "R8").is_empty());
    let total = ogi_report_core::CellRef::parse("requests.total.total").unwrap();
    assert_eq!(report.count(total), Some(&CountCell::Value(2)));
    assert_eq!(report.fees().display(), "0");
}

#[test]
fn while_filling_what_is_not_typed_yet_waits_for_the_check() {
    // A new draft: no body, empty parts, a government without the required topics.
    let mut report = Report::new_draft();
    report.meta.body_type = ogi_report_core::BodyType::Government;
    let rules_of = |findings: &[ogi_report_core::Finding]| -> Vec<&'static str> {
        let mut rules: Vec<&str> = findings.iter().map(|f| f.rule).collect();
        rules.dedup();
        rules
    };
    let final_rules = rules_of(&check(&report, &final_check()));
    for rule in ["R8", "R13", "R14", "R15", "R16"] {
        assert!(
            final_rules.contains(&rule),
            "{rule} at 检查: {final_rules:?}"
        );
    }
    let filling_rules = rules_of(&check(&report, &filling()));
    for rule in ["R1", "R8", "R13", "R14", "R15", "R16"] {
        assert!(
            !filling_rules.contains(&rule),
            "{rule} while filling: {filling_rules:?}"
        );
    }
    // What is still open is counted, not blamed: every row of tables 二 and 三, every cell of 四.
    let open: Vec<(&str, usize, &str)> = report
        .unfilled()
        .iter()
        .map(|u| (u.table, u.count, u.unit))
        .collect();
    assert_eq!(
        open,
        [("表二", 6, "行"), ("表三", 24, "行"), ("表四", 12, "格")]
    );
    // A balance waits while any of its cells is blank: one typed cell, or a column carried over
    // from last year, is a column still being filled — and at 检查 a blank is reported as blank
    // (R8), never counted as a 0 the report did not print.
    type_in(&mut report, "requests.received.natural_person", "5");
    type_in(&mut report, "requests.carried_in.natural_person", "2");
    assert!(of(&check(&report, &filling()), "R1").is_empty());
    assert!(of(&check(&report, &final_check()), "R1").is_empty());
    // Once every cell it involves is filled, it speaks — once: the 总计 column is off by the
    // same mistake and is not told again.
    report.fill_blanks_with_zero();
    let r1 = of(&check(&report, &filling()), "R1")
        .into_iter()
        .cloned()
        .collect::<Vec<_>>();
    assert_eq!(r1.len(), 1, "{r1:?}");
    assert_eq!(r1[0].paths()[0], "requests.received.natural_person");
    assert_eq!(of(&check(&report, &final_check()), "R1").len(), 1);
}

#[test]
fn a_list_of_cells_names_them_by_their_printed_numbers() {
    let name = |path: &str| CellRef::parse(path).unwrap().short_label();
    assert_eq!(
        name("requests.other_no_correction.natural_person"),
        "表三（六）1 自然人"
    );
    assert_eq!(name("requests.granted.commercial"), "表三（一）商业企业");
    assert_eq!(name("requests.received.total"), "表三第一项 总计");
    assert_eq!(name("appeals.review.upheld"), "表四 行政复议·结果维持");
}

/// A published report with one cell left blank (05.txt: the 总计 of 四、结转下年度继续办理): at
/// 检查 the blank is told as blank, with the value the table's own arithmetic needs there, and no
/// balance through it accuses the report of a 0 it did not print.
#[test]
fn a_blank_cell_is_named_with_its_needed_value_not_counted_as_zero() {
    let typed: Vec<u64> = (0..150).map(|at| at % 7).collect();
    let mut report = consistent_report(&typed, &[1; 12]);
    let cell = request("carried_forward", "total");
    let printed = report.cell_text(cell);
    report.set_text(cell, "");
    let findings = check(&report, &final_check());
    for rule in ["R1", "R2", "R3"] {
        assert!(of(&findings, rule).is_empty(), "{rule}: {findings:?}");
    }
    let r8 = of(&findings, "R8");
    let table_three = r8
        .iter()
        .find(|finding| finding.message.starts_with("表三"))
        .expect("R8 in 表三");
    assert!(
        table_three.message.contains(&format!(
            "按表中其他数字，{}应为 {printed}。",
            cell.message_label()
        )),
        "{}",
        table_three.message
    );
}
