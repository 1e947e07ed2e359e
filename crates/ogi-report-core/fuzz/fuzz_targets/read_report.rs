//! Any bytes given to the file reader: it returns a report or an error, never panics; a report
//! it returns writes back to text that reads to the same report, and every rule runs on it.
#![no_main]

use libfuzzer_sys::fuzz_target;
use ogi_report_core::rules::{check, Context, Stage};
use ogi_report_core::{read_report, write_report};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let Ok(report) = read_report(text) else { return };
    let written = write_report(&report);
    let reread = read_report(&written).expect("what we write, we read");
    assert_eq!(write_report(&reread), written);
    for stage in [Stage::Filling, Stage::Final] {
        let _ = check(&report, &Context { stage, ..Context::default() });
    }
    let _ = check(&report.with_computed_totals(), &Context::default());
});
