//! 报送情况: a pasted list of units beside the files that came back — 已交, 有错误, 有空白, 未交,
//! and units not on the list — in the CSV too, with the 催报 list.

// The core's test helpers (the seed report, typed reports, layouts of published text).
#[path = "../../ogi-report-core/tests/common/mod.rs"]
mod common;

use common::*;
use ogi_report_core::checklist::{checklist, missing, parse_units, UnitStatus};
use ogi_report_core::sum::{unit_lines, units_csv_listed, Units};
use ogi_report_core::write_report;

fn unit(body: &str, edit: impl FnOnce(&mut ogi_report_core::Report)) -> String {
    let mut report = seed();
    report.meta.body = body.to_owned();
    edit(&mut report);
    write_report(&report)
}

#[test]
fn a_list_pasted_from_excel_gives_one_name_a_line() {
    let pasted = "单位名称\t类型\n甲街道\t部门\r\n\n乙 街道,部门\n甲街道\n\"丙镇\"\n丁镇\n";
    assert_eq!(parse_units(pasted), ["甲街道", "乙 街道", "丙镇", "丁镇"]);
}

#[test]
fn each_listed_unit_gets_its_state_and_the_missing_are_listed_to_urge() {
    let mut units = Units::default();
    ogi_report_import::add_text(&mut units, "a.json", &unit("甲街道", |_| {}));
    // 乙 forgets a cell: blank cells are its only error.
    ogi_report_import::add_text(
        &mut units,
        "b.json",
        &unit("乙街道", |report| {
            type_in(report, "requests.granted.commercial", "")
        }),
    );
    // 丙's 总计 does not add up: an error.
    ogi_report_import::add_text(
        &mut units,
        "c.json",
        &unit("丙镇", |report| {
            type_in(report, "requests.received.natural_person", "5")
        }),
    );
    ogi_report_import::add_text(&mut units, "x.json", &unit("名单外单位", |_| {}));
    let lines = unit_lines(&units);
    let listed = parse_units("甲街道\n乙街道\n丙 镇\n丁镇");
    let rows = checklist(&listed, &lines);
    let states: Vec<(&str, UnitStatus)> = rows
        .iter()
        .map(|row| (row.unit.as_str(), row.status))
        .collect();
    assert_eq!(
        states,
        [
            ("甲街道", UnitStatus::Submitted),
            ("乙街道", UnitStatus::Blanks),
            ("丙 镇", UnitStatus::Errors),
            ("丁镇", UnitStatus::Missing),
            ("名单外单位", UnitStatus::Unlisted),
        ]
    );
    assert_eq!(missing(&rows), ["丁镇"]);
    let keys: Vec<&str> = rows.iter().map(|row| row.status.key()).collect();
    assert_eq!(
        keys,
        ["submitted", "blanks", "errors", "missing", "unlisted"]
    );
    // The CSV gains the 报送情况 column and a row for the unit that sent nothing.
    let csv = units_csv_listed(&lines, &rows);
    let csv_lines: Vec<&str> = csv.trim_start_matches('\u{feff}').split("\r\n").collect();
    assert!(csv_lines[0].ends_with(",报送情况"), "{}", csv_lines[0]);
    assert!(
        csv_lines[1].starts_with("甲街道,") && csv_lines[1].ends_with(",已交"),
        "{}",
        csv_lines[1]
    );
    assert!(csv_lines[2].ends_with(",有空白"), "{}", csv_lines[2]);
    assert!(csv_lines[3].ends_with(",有错误"), "{}", csv_lines[3]);
    assert!(csv_lines[4].ends_with(",不在名单中"), "{}", csv_lines[4]);
    assert_eq!(csv_lines[5], "丁镇,,,,,,,,未交");
}
