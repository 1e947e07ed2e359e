//! 汇总: units' files gathered (unreadable, other-year and repeated files refused with reasons),
//! every cell summed with totals recomputed, text cells left out and named.

mod common;

use common::*;
use ogi_report_core::sum::{unit_lines, units_csv, units_table, Units};
use ogi_report_core::{write_report, CellRef, Narrative, Report};

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
    units.add("a.json", &unit("甲街道", "3", "0.5"));
    units.add("b.json", &unit("乙街道", "4", "1.25"));
    units.add("c.json", &unit("丙街道", "5", "0.0001"));
    assert!(units.refused.is_empty(), "{:?}", units.refused);
    let (total, left_out) = units.sum("某某区");
    assert!(left_out.is_empty());
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
    units.add("a.json", &unit("甲街道", "3", "0"));
    units.add("broken.json", "{\"kind\":");
    units.add(
        "old.json",
        &unit("乙街道", "4", "0").replace("\"year\": 2021", "\"year\": 2020"),
    );
    units.add("again.json", &unit("甲街道", "9", "0"));
    units.refuse("picture.png", "文件不是文本文件。");
    assert_eq!(units.accepted.len(), 1);
    let reasons: Vec<(&str, &str)> = units
        .refused
        .iter()
        .map(|(file, reason)| (file.as_str(), reason.as_str()))
        .collect();
    assert_eq!(reasons.len(), 4, "{reasons:?}");
    assert_eq!(reasons[0].0, "broken.json");
    assert!(reasons[0].1.contains("JSON"), "{}", reasons[0].1);
    assert_eq!(reasons[1].0, "old.json");
    assert!(reasons[1].1.contains("2020 年") && reasons[1].1.contains("2021 年"));
    assert_eq!(reasons[2].0, "again.json");
    assert!(reasons[2].1.contains("「甲街道」") && reasons[2].1.contains("a.json"));
    assert_eq!(reasons[3], ("picture.png", "文件不是文本文件。"));
    let (total, _) = units.sum("某某区");
    assert_eq!(
        at(&total, "requests.granted.natural_person"),
        "3",
        "only a.json"
    );
}

#[test]
fn a_cell_that_is_not_a_number_is_left_out_and_named() {
    let mut units = Units::default();
    units.add("a.json", &unit("甲街道", "3", "0"));
    units.add("b.json", &unit("乙街道", "/", "0"));
    let (total, left_out) = units.sum("某某区");
    assert_eq!(at(&total, "requests.granted.natural_person"), "3");
    assert_eq!(
        left_out,
        vec![
            "「乙街道」的表三 一、本年新收政府信息公开申请数量·自然人填的是「/」，不是数字，未计入汇总。"
                .to_owned(),
            "「乙街道」的表三 （一）予以公开·自然人填的是「/」，不是数字，未计入汇总。".to_owned()
        ]
    );
}

#[test]
fn the_units_table_has_a_line_per_unit_with_checks_and_key_figures() {
    let mut units = Units::default();
    units.add("a.json", &unit("甲街道", "3", "0"));
    units.add("b.json", &unit("乙街道", "4", "0"));
    let table = units_table(&unit_lines(&units));
    let lines: Vec<&str> = table.lines().collect();
    assert_eq!(
        lines[0],
        "单位\t错误\t提醒\t本年新收申请\t办理结果总计\t结转下年度\t行政复议"
    );
    assert_eq!(lines.len(), 3);
    assert!(lines[1].starts_with("甲街道\t"), "{}", lines[1]);
    let cells: Vec<&str> = lines[2].split('\t').collect();
    assert_eq!(cells[0], "乙街道");
    assert_eq!(&cells[3..], ["4", "4", "0", "0"]);
}

#[test]
fn the_units_table_as_csv_opens_in_a_spreadsheet() {
    let mut units = Units::default();
    units.add("a.json", &unit("甲街道, \"东\"片", "3", "0"));
    let csv = units_csv(&unit_lines(&units));
    assert!(csv.starts_with('\u{feff}'), "a byte-order mark for Excel");
    let lines: Vec<&str> = csv.trim_start_matches('\u{feff}').split("\r\n").collect();
    assert_eq!(
        lines[0],
        "单位,错误,提醒,本年新收申请,办理结果总计,结转下年度,行政复议"
    );
    assert!(
        lines[1].starts_with("\"甲街道, \"\"东\"\"片\","),
        "{}",
        lines[1]
    );
    assert_eq!(lines[2], "", "every line ends with CRLF");
    let mut formula = Units::default();
    formula.add("b.json", &unit("=HYPERLINK(\"x\")", "3", "0"));
    let csv = units_csv(&unit_lines(&formula));
    assert!(
        csv.contains("\r\n\"'=HYPERLINK(\"\"x\"\")\","),
        "a formula is written as text: {csv}"
    );
}
