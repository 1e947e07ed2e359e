//! 汇总: units' files gathered (unreadable, other-year, no-year and repeated files refused with
//! reasons), every cell summed exactly with totals recomputed; a cell some unit left blank, wrote
//! as text or whose file did not show it is unknown in the sum — blank and named, never a sum of
//! the others.

// The core's test helpers (the seed report, typed reports, layouts of published text).
#[path = "../../ogi-report-core/tests/common/mod.rs"]
mod common;

use common::layouts::{glued, report_text, Layout};
use common::*;
use ogi_report_core::sum::{unit_lines, units_csv, units_table, Units};
use ogi_report_core::{read_report, write_report, CellRef, Narrative, Report};

fn unit(body: &str, granted: &str, fees: &str) -> String {
    let mut report = seed();
    report.meta.body = body.to_owned();
    type_in(&mut report, "requests.granted.natural_person", granted);
    type_in(&mut report, "requests.received.natural_person", granted);
    type_in(&mut report, "proactive.fees", fees);
    write_report(&report)
}

fn at(report: &Report, path: &str) -> String {
    report.cell_text(CellRef::parse(path).unwrap())
}

#[test]
fn sums_every_cell_and_recomputes_totals() {
    let mut units = Units::default();
    ogi_report_import::add_text(&mut units, "a.json", &unit("甲街道", "3", "0.5"));
    ogi_report_import::add_text(&mut units, "b.json", &unit("乙街道", "4", "1.25"));
    ogi_report_import::add_text(&mut units, "c.json", &unit("丙街道", "5", "0.0001"));
    assert!(units.refused().is_empty(), "{:?}", units.refused());
    let summed = units.sum("某某区");
    assert!(summed.unknown.is_empty(), "{:?}", summed.unknown);
    let total = summed.report;
    assert_eq!(total.meta.body, "某某区");
    assert_eq!(total.meta.year, Some(2021));
    assert_eq!(at(&total, "requests.granted.natural_person"), "12");
    assert_eq!(at(&total, "requests.granted.total"), "12", "row total");
    assert_eq!(
        at(&total, "requests.total.natural_person"),
        "12",
        "（七）总计"
    );
    assert_eq!(at(&total, "proactive.fees"), "1.7501", "exact decimal sum");
    // Every other cell is three times the seed's (which is all zeros but the documents counts).
    let seed = seed();
    for cell in CellRef::all().filter(|cell| !cell.is_total() && !cell.is_amount()) {
        let path = cell.path();
        if path.ends_with("granted.natural_person") || path.ends_with("received.natural_person") {
            continue;
        }
        let expected = seed.count(cell).and_then(|c| c.value()).unwrap_or(0) * 3;
        assert_eq!(at(&total, &path), expected.to_string(), "{path}");
    }
    for part in Narrative::ALL {
        assert!(total.sections(part).is_empty(), "narrative left empty");
    }
}

#[test]
fn refuses_unreadable_other_year_and_repeated_files_with_reasons() {
    let mut units = Units::default();
    ogi_report_import::add_text(&mut units, "a.json", &unit("甲街道", "3", "0"));
    ogi_report_import::add_text(&mut units, "broken.json", "{\"kind\":");
    ogi_report_import::add_text(
        &mut units,
        "old.json",
        &unit("乙街道", "4", "0").replace("\"year\": 2021", "\"year\": 2020"),
    );
    ogi_report_import::add_text(&mut units, "again.json", &unit("甲街道", "9", "0"));
    units.refuse("picture.png", "文件不是文本文件。");
    assert_eq!(units.accepted().len(), 1);
    let refused = units.refused();
    let reasons: Vec<(&str, &str)> = refused
        .iter()
        .map(|(file, reason)| (file.as_str(), reason.as_str()))
        .collect();
    assert_eq!(reasons.len(), 4, "{reasons:?}");
    assert_eq!(reasons[0].0, "broken.json");
    assert!(reasons[0].1.contains("JSON"), "{}", reasons[0].1);
    assert_eq!(reasons[1], ("picture.png", "文件不是文本文件。"));
    assert_eq!(reasons[2].0, "old.json");
    assert!(reasons[2].1.contains("2020 年") && reasons[2].1.contains("2021 年"));
    assert_eq!(reasons[3].0, "again.json");
    assert!(reasons[3].1.contains("「甲街道」") && reasons[3].1.contains("a.json"));
    let total = units.sum("某某区").report;
    assert_eq!(
        at(&total, "requests.granted.natural_person"),
        "3",
        "only a.json"
    );
}

/// A unit's report file with `paths` left blank.
fn with_blanks(body: &str, granted: &str, paths: &[&str]) -> String {
    let mut report = read_report(&unit(body, granted, "0")).unwrap();
    for path in paths {
        type_in(&mut report, path, "");
    }
    write_report(&report)
}

fn of_year(text: String, year: &str) -> String {
    text.replace("\"year\": 2021", &format!("\"year\": {year}"))
}

/// The county: four units of 2024, one of 2025 given first, one whose title names no
/// year, a unit given twice, a unit with a blank cell and one whose cells are not numbers. No
/// summed cell may differ from the sum of the counted units' own figures; every cell some
/// counted unit has no number for is unknown, blank and named.
#[test]
fn no_summed_cell_differs_from_the_sum_of_the_counted_units() {
    let mut units = Units::default();
    ogi_report_import::add_text(
        &mut units,
        "later.json",
        &of_year(unit("戊镇", "50", "0"), "2025"),
    );
    ogi_report_import::add_text(
        &mut units,
        "a.json",
        &of_year(unit("甲街道", "3", "0.5"), "2024"),
    );
    let b = with_blanks("乙街道", "4", &["requests.granted.commercial"]);
    ogi_report_import::add_text(&mut units, "b.json", &of_year(b, "2024"));
    ogi_report_import::add_text(
        &mut units,
        "c.json",
        &of_year(unit("丙街道", "十二", "4166.241619"), "2024"),
    );
    let d_old = with_blanks("丁镇", "1", &["requests.granted.research"]);
    ogi_report_import::add_text(&mut units, "d-old.json", &of_year(d_old, "2024"));
    ogi_report_import::add_text(
        &mut units,
        "d.json",
        &of_year(unit("丁镇", "2", "1.25"), "2024"),
    );
    ogi_report_import::add_text(
        &mut units,
        "none.json",
        &of_year(unit("己镇", "7", "0"), "null"),
    );
    assert_eq!(units.year(), Some(2024), "the year most files name");
    let counted: Vec<&str> = units.accepted().iter().map(|u| u.file.as_str()).collect();
    assert_eq!(counted, ["a.json", "b.json", "c.json", "d.json"]);
    let refused = units.refused();
    let reason = |file: &str| {
        let found = refused.iter().find(|(name, _)| name == file);
        found.map(|(_, why)| why.clone()).unwrap()
    };
    assert!(
        reason("later.json").contains("2025 年"),
        "{}",
        reason("later.json")
    );
    assert!(
        reason("none.json").contains("没有年度"),
        "{}",
        reason("none.json")
    );
    assert!(reason("d-old.json").contains("d.json") && reason("d-old.json").contains("较完整"));

    let summed = units.sum("某某区");
    assert_eq!(summed.report.meta.year, Some(2024));
    let counted: Vec<Report> = units.accepted().iter().map(|u| u.report.clone()).collect();
    for cell in CellRef::all().filter(|cell| !cell.is_total() && !cell.is_amount()) {
        let path = cell.path();
        let got = at(&summed.report, &path);
        let unknown = summed.unknown.iter().any(|unknown| unknown.cell == path);
        let figures: Option<Vec<u64>> = counted
            .iter()
            .map(|report| report.count(cell).and_then(|c| c.value()))
            .collect();
        match figures {
            Some(figures) => {
                assert!(!unknown, "{path}");
                assert_eq!(got, figures.iter().sum::<u64>().to_string(), "{path}");
            }
            None => assert!(unknown && got.is_empty(), "{path}: unknown stays blank"),
        }
    }
    let unknown = |path: &str| {
        let found = summed.unknown.iter().find(|cell| cell.cell == path);
        found.unwrap().message()
    };
    assert!(unknown("requests.granted.commercial").contains("「乙街道」未填写"));
    assert!(unknown("requests.granted.natural_person").contains("「丙街道」填写的「十二」"));
    assert!(
        unknown("proactive.fees").contains("4 位小数"),
        "{}",
        unknown("proactive.fees")
    );
    assert_eq!(
        at(&summed.report, "requests.granted.total"),
        "",
        "a total over an unknown cell"
    );
    assert_eq!(
        at(&summed.report, "requests.total.commercial"),
        "",
        "（七）总计 too"
    );
    let status = units.status(&summed);
    assert!(
        status.contains("已计入 4 个单位的 2024 年度报告"),
        "{status}"
    );

    // The user gives the no-year file its year and chooses 丁镇's other file.
    units.give_year("none.json", Some(2024));
    units.prefer("d-old.json");
    let counted: Vec<&str> = units.accepted().iter().map(|u| u.file.as_str()).collect();
    assert_eq!(
        counted,
        ["a.json", "b.json", "c.json", "d-old.json", "none.json"]
    );
    let refused = units.refused();
    assert!(refused
        .iter()
        .any(|(file, why)| file == "d.json" && why.contains("您选择")));
}

#[test]
fn amounts_are_summed_exactly() {
    let mut units = Units::default();
    ogi_report_import::add_text(&mut units, "a.json", &unit("甲街道", "3", "4166.2416"));
    ogi_report_import::add_text(&mut units, "b.json", &unit("乙街道", "4", "0.0001"));
    ogi_report_import::add_text(&mut units, "c.json", &unit("丙街道", "4", "0.3"));
    let summed = units.sum("某某区");
    assert_eq!(at(&summed.report, "proactive.fees"), "4166.5417");
}

#[test]
fn a_published_reports_unread_cells_are_unknown_and_not_the_units_errors() {
    // Glued text: table 二 has no arithmetic to split its digits, so its cells are not read. They
    // are unknown in the sum, and the unit's line does not count them as its errors.
    let truth = full_report();
    let text = glued(&report_text(&truth, Layout::Tabs));
    let mut other = truth.clone();
    other.meta.body = "另一单位".to_owned();
    let mut units = Units::default();
    ogi_report_import::add_text(&mut units, "page.txt", &text);
    ogi_report_import::add_text(&mut units, "b.json", &write_report(&other));
    assert_eq!(units.accepted().len(), 2, "{:?}", units.refused());
    let summed = units.sum("某某区");
    let unread = units.files[0].unread.clone();
    assert!(!unread.is_empty());
    for path in &unread {
        let unknown = summed.unknown.iter().find(|cell| &cell.cell == path);
        assert!(
            unknown.is_some_and(|cell| cell.message().contains("未能读出")),
            "{path}"
        );
    }
    let lines = unit_lines(&units);
    let blamed = lines[0]
        .findings
        .iter()
        .any(|finding| finding.paths().iter().any(|path| unread.contains(path)));
    assert!(!blamed, "{:?}", lines[0].findings);
}

#[test]
fn the_units_table_has_a_line_per_unit_with_checks_and_key_figures() {
    let mut units = Units::default();
    ogi_report_import::add_text(&mut units, "a.json", &unit("甲街道", "3", "0"));
    ogi_report_import::add_text(&mut units, "b.json", &unit("乙街道", "4", "0"));
    let table = units_table(&unit_lines(&units));
    let lines: Vec<&str> = table.lines().collect();
    assert_eq!(
        lines[0],
        "单位\t错误\t提醒\t本年新收申请\t办理结果总计\t结转下年度\t行政复议\t正文与其他单位雷同"
    );
    assert_eq!(lines.len(), 3);
    assert!(lines[1].starts_with("甲街道\t"), "{}", lines[1]);
    let cells: Vec<&str> = lines[2].split('\t').collect();
    assert_eq!(cells[0], "乙街道");
    // Both units' narratives are the fixture's: each repeats the other's entirely.
    assert_eq!(&cells[3..], ["4", "4", "0", "0", "与「甲街道」雷同 100%"]);
}

#[test]
fn the_units_table_as_csv_opens_in_a_spreadsheet() {
    let mut units = Units::default();
    ogi_report_import::add_text(&mut units, "a.json", &unit("甲街道, \"东\"片", "3", "0"));
    let csv = units_csv(&unit_lines(&units));
    assert!(csv.starts_with('\u{feff}'), "a byte-order mark for Excel");
    let lines: Vec<&str> = csv.trim_start_matches('\u{feff}').split("\r\n").collect();
    assert_eq!(
        lines[0],
        "单位,错误,提醒,本年新收申请,办理结果总计,结转下年度,行政复议,正文与其他单位雷同"
    );
    assert!(
        lines[1].starts_with("\"甲街道, \"\"东\"\"片\","),
        "{}",
        lines[1]
    );
    assert_eq!(lines[2], "", "every line ends with CRLF");
    let mut formula = Units::default();
    ogi_report_import::add_text(&mut formula, "b.json", &unit("=HYPERLINK(\"x\")", "3", "0"));
    let csv = units_csv(&unit_lines(&formula));
    assert!(
        csv.contains("\r\n\"'=HYPERLINK(\"\"x\"\")\","),
        "a formula is written as text: {csv}"
    );
}

#[test]
fn files_of_the_same_name_are_decided_one_by_one() {
    // Units often send files of the same name: a year given to one is not given to the other.
    let mut units = Units::default();
    ogi_report_import::add_text(&mut units, "年度报告.json", &unit("甲镇", "1", "0"));
    ogi_report_import::add_text(
        &mut units,
        "年度报告.json",
        &of_year(unit("乙镇", "2", "0"), "null"),
    );
    ogi_report_import::add_text(
        &mut units,
        "年度报告.json",
        &of_year(unit("丙镇", "3", "0"), "null"),
    );
    assert_eq!(units.accepted().len(), 1);
    units.give_year_at(2, Some(2021));
    let counted: Vec<String> = units.accepted().iter().map(|u| u.body()).collect();
    assert_eq!(counted, ["甲镇", "丙镇"]);
    let left_out = units.left_out();
    assert_eq!(left_out.len(), 1);
    assert_eq!(left_out[0].0, 1, "乙镇's file, by its place");
}

/// A unit whose overview is `texts`, a sentence each, and nothing else in its narrative.
fn unit_saying(body: &str, texts: &[&str]) -> String {
    let mut report = seed();
    report.meta.body = body.to_owned();
    for part in Narrative::ALL {
        for section in report.sections_mut(part) {
            section.text = String::new();
        }
    }
    report.sections_mut(Narrative::Overview)[0].text = texts.join("。");
    write_report(&report)
}

#[test]
fn a_unit_whose_narrative_repeats_another_units_is_named_with_the_share() {
    let shared = [
        "本单位严格按照条例要求做好主动公开工作并及时更新各类信息",
        "全年未收到政府信息公开申请也未发生行政复议和行政诉讼",
        "下一步将继续加强培训提高工作人员的政务公开意识和能力",
    ];
    let own = [
        "甲街道围绕老旧小区改造公开了项目清单和资金使用情况",
        "甲街道在社区公示栏和微信群同步发布惠民政策的解读",
        "甲街道全年组织三次政务公开培训覆盖全部社区工作人员",
    ];
    let mut units = Units::default();
    ogi_report_import::add_text(&mut units, "a.json", &unit_saying("甲街道", &own));
    ogi_report_import::add_text(&mut units, "b.json", &unit_saying("乙街道", &shared));
    // 丙 repeats two of 乙's three sentences and adds one of its own.
    ogi_report_import::add_text(
        &mut units,
        "c.json",
        &unit_saying(
            "丙街道",
            &[
                shared[0],
                shared[1],
                "丙街道新建了政务公开专区并配备了查阅设备",
            ],
        ),
    );
    let lines = unit_lines(&units);
    let copied: Vec<(&str, Option<(String, usize)>)> = lines
        .iter()
        .map(|line| (line.body.as_str(), line.copied_from.clone()))
        .collect();
    assert_eq!(copied[0], ("甲街道", None), "its own text");
    // Shares of each unit's own text (in characters of its sentences): 乙's 54 of 80, 丙's 54 of 74.
    assert_eq!(copied[1].1, Some(("丙街道".to_owned(), 67)));
    assert_eq!(copied[2].1, Some(("乙街道".to_owned(), 72)));
    let share = 72;
    // In the table and the CSV, in a column of its own.
    let csv = units_csv(&lines);
    assert!(
        csv.lines().next().unwrap().ends_with(",正文与其他单位雷同"),
        "{csv}"
    );
    assert!(csv.contains(&format!("与「乙街道」雷同 {share}%")), "{csv}");
    assert!(
        units_table(&lines).lines().nth(1).unwrap().ends_with('\t'),
        "甲: nothing"
    );
}

#[test]
fn a_short_or_blank_narrative_is_not_called_copied() {
    let mut units = Units::default();
    ogi_report_import::add_text(&mut units, "a.json", &unit_saying("甲街道", &["无"]));
    ogi_report_import::add_text(&mut units, "b.json", &unit_saying("乙街道", &["无"]));
    assert!(unit_lines(&units)
        .iter()
        .all(|line| line.copied_from.is_none()));
}
