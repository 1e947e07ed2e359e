//! Any text given to the importer: it returns a report and a summary, or "not a report"; it never
//! panics, and a report it returns writes and reads back whole.
#![no_main]

use libfuzzer_sys::fuzz_target;
use ogi_report_import::import_text;
use ogi_report_core::rules::{check, Context};
use ogi_report_core::{read_report, write_report};

fuzz_target!(|text: &str| {
    if let Ok((report, summary)) = import_text(text) {
        assert!(summary.filled.len() + summary.blank.len() >= 200);
        let written = write_report(&report);
        assert_eq!(read_report(&written).map(|r| write_report(&r)).as_deref(), Ok(written.as_str()));
        let _ = check(&report, &Context::default());
    }
});
