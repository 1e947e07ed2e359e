//! Any bytes read as a saved web page: a report and a summary, or a reason; never a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use ogi_report_import::import_file;

fuzz_target!(|bytes: &[u8]| {
    let _ = import_file(bytes, "report.html");
});
