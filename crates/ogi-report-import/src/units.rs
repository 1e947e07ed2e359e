//! 汇总's files through the importer: a unit's report file, or a published report as Word, PDF,
//! web page or text, gathered into the core's [`Units`] (which sums them; cells the importer could
//! not read are named and make the summed cell unknown).

use ogi_report_core::sum::Units;

use crate::import_file;

/// Reads one unit's file and gathers it, or records why it could not be read.
pub fn add_file(units: &mut Units, file: &str, bytes: &[u8]) {
    match import_file(bytes, file) {
        Ok((report, summary)) => units.add_imported(file, report, summary.as_ref()),
        Err(error) => units.refuse(file, &error.to_string()),
    }
}

/// [`add_file`] for a file already read as text.
pub fn add_text(units: &mut Units, file: &str, text: &str) {
    add_file(units, file, text.as_bytes());
}
