//! Any `word/document.xml` inside a well-formed Word container (and, one time in four, the bytes
//! as the container itself): a report and a summary, or a reason; never a panic.
#![no_main]

use std::io::Write;

use libfuzzer_sys::fuzz_target;
use ogi_report_import::import_file;

fuzz_target!(|bytes: &[u8]| {
    if bytes.first().is_some_and(|first| first % 4 == 0) {
        let _ = import_file(bytes, "report.docx");
        return;
    }
    let mut archive = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Stored);
    archive.start_file("word/document.xml", options).unwrap();
    archive.write_all(bytes).unwrap();
    let container = archive.finish().unwrap().into_inner();
    let _ = import_file(&container, "report.docx");
});
