//! What a finding points at is decided where the rule is: which cells an error marks, what is
//! last year's, what a file lacks, and where a "go to" lands. Front ends only draw it.

mod common;

use common::*;
use ogi_report_core::rules::{Finding, Target};
use ogi_report_core::{CellRef, CountCell, FieldRef, Narrative};

fn marked(finding: &Finding) -> Vec<String> {
    finding.marked_cells().map(CellRef::path).collect()
}

#[test]
fn r1_marks_the_typed_rows_not_the_computed_total() {
    let mut report = seed();
    type_in(&mut report, "requests.received.natural_person", "5000");
    let r1 = &run(&report, "R1")[0];
    let marked = marked(r1);
    assert!(marked.contains(&"requests.received.natural_person".to_owned()));
    assert!(
        !marked.contains(&"requests.total.natural_person".to_owned()),
        "{marked:?}"
    );
    assert!(r1
        .paths()
        .contains(&"requests.total.natural_person".to_owned()));
    assert_eq!(
        r1.jump(),
        Some(&Target::cell(
            CellRef::parse("requests.received.natural_person").unwrap()
        ))
    );
}

#[test]
fn r2_marks_only_the_total_that_disagrees() {
    let mut report = seed();
    report.set_count(request("granted", "commercial"), CountCell::Value(2));
    let r2 = &run(&report, "R2")[0];
    assert_eq!(marked(r2), ["requests.granted.total"]);
    assert_eq!(r2.paths().len(), 7, "every cell of the row is named");
}

#[test]
fn last_years_cells_are_named_but_never_marked_or_jumped_to() {
    let mut last_year = seed();
    type_in(
        &mut last_year,
        "requests.carried_forward.natural_person",
        "9",
    );
    let mut report = seed();
    report.attach_previous(&last_year);
    let r9 = &run(&report, "R9")[0];
    assert!(r9
        .targets
        .iter()
        .any(|target| matches!(target, Target::Previous(_))));
    assert!(r9.paths().iter().any(|path| path.starts_with("previous.")));
    assert!(r9.jump().is_some_and(Target::is_on_page));
    assert!(!marked(r9).iter().any(|path| path.starts_with("previous.")));
}

#[test]
fn a_part_a_file_lacks_is_named_but_not_a_place_on_the_page() {
    let mut value: serde_json::Value = serde_json::from_str(SEED).unwrap();
    value.as_object_mut().unwrap().remove("appeals");
    let report = ogi_report_core::read_report(&value.to_string()).unwrap();
    let r13 = &run(&report, "R13")[0];
    assert_eq!(r13.targets, [Target::Missing("appeals".to_owned())]);
    assert_eq!(r13.jump(), None);
}

#[test]
fn narrative_findings_mark_their_field() {
    let mut report = seed();
    report.sections_mut(Narrative::OtherMatters)[0].text = String::new();
    for section in report.sections_mut(Narrative::OtherMatters).iter_mut() {
        section.text.clear();
    }
    let r13 = &run(&report, "R13")[0];
    assert_eq!(
        r13.marked_fields().collect::<Vec<_>>(),
        [FieldRef::Text(Narrative::OtherMatters, 0)]
    );
}

#[test]
fn the_json_names_targets_by_path_under_cells() {
    let mut report = seed();
    report.set_count(request("granted", "commercial"), CountCell::Value(2));
    let finding = &run(&report, "R2")[0];
    let json = serde_json::to_value(finding).unwrap();
    assert_eq!(json["cells"][6], "requests.granted.total");
    assert_eq!(json["cells"].as_array().unwrap().len(), 7);
}
