//! What an import gives crosses from the file-work package to the page as one JSON shape, written
//! and read by the core (`imported::write_imported` / `read_imported`): every cell filled, inferred,
//! left blank and every line not placed comes back as the importer gave it.

use ogi_report_core::imported::{read_imported, write_imported};
use ogi_report_import::import_file;

#[test]
fn an_import_crosses_to_the_page_unchanged() {
    for file in [
        "full.tabs.glued.txt",
        "county.python-docx.docx",
        "department.word.html",
    ] {
        let bytes = std::fs::read(format!(
            "{}/tests/corpus/{file}",
            env!("CARGO_MANIFEST_DIR")
        ))
        .expect("the corpus");
        let (report, summary) = import_file(&bytes, file).expect("a report");
        let summary = summary.expect("a published report has a summary");
        let text = write_imported(&report, Some(&summary));
        let (back, back_summary) = read_imported(&text).expect("read back");
        assert_eq!(back, report, "{file}");
        assert_eq!(back_summary.as_ref(), Some(&summary), "{file}");
    }
    let own = ogi_report_core::Report::new_draft();
    assert_eq!(read_imported(&write_imported(&own, None)), Ok((own, None)));
    assert!(read_imported("{\"report\":").is_err());
}

/// Every corpus file's report, written as a report file, reads back as the same report and writes
/// the same bytes again: the file keeps what the importer placed, to the byte. (When serde_json
/// replaced the hand-made JSON module, the CLI's `import` of every corpus file and real text and
/// `render --to json` of every fixture gave the same bytes as the release before: 61 files.)
#[test]
fn every_corpus_report_is_written_and_read_back_to_the_byte() {
    let corpus = format!("{}/tests/corpus", env!("CARGO_MANIFEST_DIR"));
    let mut read = 0;
    for entry in std::fs::read_dir(&corpus).expect("the corpus") {
        let path = entry.expect("a corpus file").path();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        let bytes = std::fs::read(&path).expect("a corpus file");
        let Ok((report, _)) = import_file(&bytes, &name) else {
            continue;
        };
        let written = ogi_report_core::write_report(&report);
        let back = ogi_report_core::read_report(&written).expect("our own file reads");
        assert_eq!(ogi_report_core::write_report(&back), written, "{name}");
        read += 1;
    }
    assert!(read >= 40, "only {read} corpus files read");
}
