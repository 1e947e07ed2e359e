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
