//! The report file: the seed reads, writes back byte for byte, and keeps totals a file brings; a
//! version-1 file (before the 前言) reads as the same report with an empty preface.

mod common;

use common::*;
use ogi_report_core::{read_report, write_report, CellRef, CountCell};

#[test]
fn the_seed_round_trips_unchanged() {
    let report = seed();
    assert_eq!(write_report(&report), SEED);
    assert_eq!(write_report(&report.with_computed_totals()), SEED);
    assert_eq!(report.meta.body, "老城区东南隅街道办事处");
    assert_eq!(
        report.title(),
        "老城区东南隅街道办事处2021年政府信息公开工作年度报告"
    );
}

#[test]
fn keys_are_written_in_the_documented_order() {
    let text = write_report(&seed());
    let order = [
        "\"kind\"",
        "\"version\"",
        "\"template\"",
        "\"meta\"",
        "\"preface\"",
        "\"overview\"",
        "\"proactive\"",
        "\"requests\"",
        "\"appeals\"",
        "\"problems\"",
        "\"other_matters\"",
        "\"previous\"",
    ];
    let positions: Vec<usize> = order.iter().map(|key| text.find(key).unwrap()).collect();
    assert!(
        positions.windows(2).all(|pair| pair[0] < pair[1]),
        "{positions:?}"
    );
    let rows = [
        "\"received\"",
        "\"carried_in\"",
        "\"granted\"",
        "\"other_other\"",
        "\"total\": {",
        "\"carried_forward\"",
    ];
    let positions: Vec<usize> = rows.iter().map(|key| text.find(key).unwrap()).collect();
    assert!(
        positions.windows(2).all(|pair| pair[0] < pair[1]),
        "{positions:?}"
    );
}

#[test]
fn totals_a_file_brings_are_kept_and_checked_not_replaced() {
    let mut report = seed();
    let total = CellRef::parse("requests.granted.total").unwrap();
    report.set_count(total, CountCell::Value(9));
    let reread = read_report(&write_report(&report)).unwrap();
    assert_eq!(reread.count(total), Some(&CountCell::Value(9)));
    assert_eq!(run(&reread, "R2").len(), 1);
    let normalised = reread.with_computed_totals();
    assert_eq!(normalised.count(total), Some(&CountCell::Value(0)));
}

#[test]
fn previous_is_read_and_written_whole() {
    let mut report = seed();
    report.meta.year = Some(2022);
    report.previous = Some(seed().into());
    let text = write_report(&report);
    let reread = read_report(&text).unwrap();
    assert_eq!(reread, report);
    assert_eq!(reread.previous.as_ref().unwrap().meta.year, Some(2021));
}

/// The property names of a schema object, sorted, against the core's keys, sorted.
fn assert_keys<'a>(object: &serde_json::Value, expected: impl Iterator<Item = &'a str>) {
    let mut actual: Vec<&str> = object["properties"]
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    let mut expected: Vec<&str> = expected.collect();
    actual.sort_unstable();
    expected.sort_unstable();
    assert_eq!(actual, expected);
}

#[test]
fn the_documented_schema_has_exactly_the_cores_keys() {
    use ogi_report_core::format::{APPEAL_COLUMNS, APPEAL_GROUPS, REQUEST_COLUMNS, REQUEST_ROWS};
    let text = include_str!("../../../docs/report-file.schema.json");
    let schema: serde_json::Value = serde_json::from_str(text).unwrap();
    let report = &schema["$defs"]["report"]["properties"];
    assert_keys(&report["requests"], REQUEST_ROWS.iter().map(|row| row.key));
    assert_keys(
        &report["requests"]["properties"]["granted"],
        REQUEST_COLUMNS.iter().map(|column| column.key),
    );
    assert_keys(
        &report["appeals"],
        APPEAL_GROUPS.iter().map(|group| group.key),
    );
    assert_keys(
        &schema["$defs"]["appeal_group"],
        APPEAL_COLUMNS.iter().map(|(key, _)| *key),
    );
}

/// The seed as the first release wrote it (version 1, no `preface`).
const SEED_V1: &str = include_str!("../../../tests/fixtures/seed-2021.v1.json");

#[test]
fn a_version_one_file_is_migrated_and_written_as_the_current_version() {
    let old = read_report(SEED_V1).expect("a version-1 file reads");
    assert_eq!(old, seed());
    assert_eq!(old.preface, "");
    assert_eq!(
        write_report(&old),
        SEED,
        "written back as version 2, preface after meta"
    );
    // A version-1 file embedding last year's report (also version 1) migrates both.
    let with_previous = SEED_V1.replacen(
        "\"previous\": null",
        &format!("\"previous\": {}", SEED_V1.trim_end()),
        1,
    );
    let read = read_report(&with_previous).expect("reads");
    assert_eq!(
        read.previous.as_deref().map(|p| p.preface.as_str()),
        Some("")
    );
}

#[test]
fn the_preface_round_trips_and_is_required_in_version_two() {
    let mut report = seed();
    report.preface =
        "根据《中华人民共和国政府信息公开条例》编制本报告。\n如有疑问请联系。".to_owned();
    let text = write_report(&report);
    assert_eq!(read_report(&text).unwrap().preface, report.preface);
    let without = SEED.replacen("  \"preface\": \"\",\n", "", 1);
    assert_ne!(without, SEED);
    let error = read_report(&without).unwrap_err();
    assert_eq!(error.path, "preface", "{error}");
}

#[test]
fn the_closing_round_trips_and_an_older_file_has_none() {
    let mut report = seed();
    report.closing = ogi_report_core::Closing {
        body: "老城区东南隅街道办事处".to_owned(),
        date: "2022年1月20日".to_owned(),
    };
    let text = write_report(&report);
    assert!(text.contains("\"closing\": {\n    \"body\": \"老城区东南隅街道办事处\",\n    \"date\": \"2022年1月20日\"\n  },\n  \"previous\""), "{text}");
    assert_eq!(read_report(&text).unwrap().closing, report.closing);
    let old = read_report(SEED_V1).unwrap();
    assert!(old.closing.is_empty());
}
