//! Any bytes given to the file reader: it returns a report or an error, never panics; a report
//! it returns writes back to text that reads to the same report, and every rule runs on it. So do
//! what reads a report besides the rules: 汇总, the year-over-year comparison, the narrative
//! numbers and the data paragraph.
#![no_main]

use libfuzzer_sys::fuzz_target;
use ogi_report_core::compare::{changed_cells, compare_cell, compare_parts};
use ogi_report_core::compose::requests_sentence;
use ogi_report_core::rules::{check, stated_numbers, Context, Stage};
use ogi_report_core::sum::{unit_lines, units_csv, Units};
use ogi_report_core::{read_report, write_report, CellRef};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let mut units = Units::default();
    ogi_report_import::add_text(&mut units, "fuzz.json", text);
    ogi_report_import::add_text(&mut units, "again.json", text);
    let _ = units_csv(&unit_lines(&units));
    let Ok(report) = read_report(text) else {
        assert!(units.accepted().is_empty());
        return;
    };
    assert_eq!(units.accepted().len() + units.refused().len(), 2);
    let _ = write_report(&units.sum("汇总").report);
    let written = write_report(&report);
    let reread = read_report(&written).expect("what we write, we read");
    assert_eq!(write_report(&reread), written);
    for stage in [Stage::Filling, Stage::Final] {
        let _ = check(&report, &Context { stage, ..Context::default() });
    }
    let _ = check(&report.with_computed_totals(), &Context::default());
    let _ = stated_numbers(&report);
    let _ = requests_sentence(&report);
    if let Some(previous) = report.previous.as_deref() {
        let _ = compare_parts(&report, previous);
        let _ = changed_cells(&report, previous);
        for cell in CellRef::all() {
            let _ = compare_cell(&report, previous, cell);
        }
    }
});
