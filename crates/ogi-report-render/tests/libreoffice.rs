//! The Word file as another program reads it: LibreOffice converts the DOCX of the seed report
//! and of a report with figures in every cell to PDF, and `pdftotext` reads it back. Every label
//! and figure must appear, in order, inside its own table. `make test` installs LibreOffice and
//! sets OGI_REQUIRE_LIBREOFFICE, so there this test cannot be skipped.

// The core's test helpers (the seed report, typed reports, layouts of published text).
#[path = "../../ogi-report-core/tests/common/mod.rs"]
mod common;

use std::path::Path;
use std::process::Command;

use common::*;
use ogi_report_core::format::PARTS;
use ogi_report_core::layout::{self, Content};
use ogi_report_core::Report;
use ogi_report_render::docx::render_docx;
use ogi_report_render::RenderOptions;

fn available() -> bool {
    let found = Command::new("libreoffice")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success())
        && Command::new("pdftotext").arg("-v").output().is_ok();
    if !found && std::env::var_os("OGI_REQUIRE_LIBREOFFICE").is_some() {
        panic!("LibreOffice and pdftotext are required here (make tools-docs installs them)");
    }
    if !found {
        eprintln!("skipped: LibreOffice or pdftotext is not installed (make test installs them)");
    }
    found
}

/// The PDFs' texts in reading order, with all white space removed (cells wrap across lines): the
/// reports written as DOCX and converted by one LibreOffice run (it starts once for all).
fn docx_as_texts(reports: &[(String, Report)], dir: &Path) -> Vec<String> {
    let files: Vec<_> = reports
        .iter()
        .map(|(name, report)| {
            let docx = dir.join(format!("{name}.docx"));
            std::fs::write(&docx, render_docx(report, RenderOptions::default())).unwrap();
            docx
        })
        .collect();
    convert(dir, "pdf", &files);
    reports
        .iter()
        .map(|(name, _)| pdf_text(&dir.join(format!("{name}.pdf"))))
        .collect()
}

/// One LibreOffice at a time: the tests run in parallel threads, and several first starts at
/// once (each with a new profile) are what made a new machine's first run fail.
static LIBREOFFICE: std::sync::Mutex<()> = std::sync::Mutex::new(());

/// What LibreOffice says when its first start on a new machine fails (it is run again once).
const FIRST_START_FAILURE: &str = "WrappedTargetRuntimeException";

/// Converts the files with one headless LibreOffice run (its own profile in `dir`), into `dir`.
fn convert(dir: &Path, filter: &str, files: &[std::path::PathBuf]) {
    let _one_at_a_time = LIBREOFFICE
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner());
    let profile = format!("-env:UserInstallation=file://{}/profile", dir.display());
    let run = || {
        Command::new("libreoffice")
            .args([
                profile.as_str(),
                "--headless",
                "--convert-to",
                filter,
                "--outdir",
            ])
            .arg(dir)
            .args(files)
            .output()
            .unwrap()
    };
    let mut output = run();
    let said = String::from_utf8_lossy(&output.stderr).into_owned();
    if !output.status.success() && said.contains(FIRST_START_FAILURE) {
        eprintln!("LibreOffice failed its first start ({FIRST_START_FAILURE}); running it again");
        output = run();
    }
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
}

fn pdf_text(pdf: &Path) -> String {
    let text = Command::new("pdftotext")
        .arg("-raw")
        .arg(pdf)
        .arg("-")
        .output()
        .unwrap();
    String::from_utf8(text.stdout)
        .unwrap()
        .chars()
        .filter(|ch| !ch.is_whitespace())
        .collect()
}

/// Finds each item after the previous one; returns where the last one ends.
fn assert_in_order(text: &str, from: usize, items: &[String], context: &str) -> usize {
    let mut at = from;
    for item in items {
        let item: String = item.chars().filter(|ch| !ch.is_whitespace()).collect();
        match text[at..].find(&item) {
            Some(found) => at += found + item.len(),
            None => panic!("{context}: 「{item}」 not found in order after byte {at}"),
        }
    }
    at
}

/// Finds `item`'s characters in order from `from`, each within a page's repeated header of the
/// last; returns where the last one ends.
fn assert_continues(text: &str, from: usize, item: &str, context: &str) -> usize {
    const GAP: usize = 600;
    let mut at = from;
    for (index, ch) in item.chars().filter(|ch| !ch.is_whitespace()).enumerate() {
        let mut limit = if index == 0 {
            text.len()
        } else {
            (at + GAP).min(text.len())
        };
        while !text.is_char_boundary(limit) {
            limit += 1;
        }
        let window = &text[at..limit];
        match window.find(ch) {
            Some(found) => at += found + ch.len_utf8(),
            None => panic!("{context}: 「{item}」 not found in order after byte {from}"),
        }
    }
    at
}

fn check(report: &Report, text: &str, name: &str) {
    let text = text.to_owned();
    assert_in_order(&text, 0, &[report.title()], name);
    let headings: Vec<String> = PARTS.iter().map(|part| part.heading.to_owned()).collect();
    assert_in_order(&text, 0, &headings, name);
    for table in layout::tables() {
        let heading = PARTS[table.part].heading;
        let start = text.find(heading).unwrap() + heading.len();
        let end = PARTS
            .get(table.part + 1)
            .and_then(|next| text[start..].find(next.heading))
            .map_or(text.len(), |at| start + at);
        let context = format!("{name}: {heading}");
        let mut at = start;
        for cell in table.rows.iter().flatten() {
            let item = match cell.content {
                Content::Header(text) | Content::Label(text) => text.to_owned(),
                Content::Data(data) => report.cell_text(data),
            };
            at = if cell.rowspan > 1 {
                // A label merged over rows that cross a page continues on the next page, after
                // the first row's cells and the repeated header rows: its characters in order,
                // within the table's text; the rows it spans follow its first characters.
                let first = item.chars().next().map_or(0, char::len_utf8);
                assert_continues(&text[..end], at, &item, &context);
                assert_in_order(&text[..end], at, &[item[..first].to_owned()], &context)
            } else {
                assert_in_order(&text[..end], at, &[item], &context)
            };
        }
        assert!(at <= end, "{heading}: everything inside its own table");
    }
}

#[test]
fn libreoffice_reads_every_label_and_figure_in_order() {
    if !available() {
        return;
    }
    let dir = std::env::temp_dir().join(format!("ogi-report-lo-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let reports = [
        ("seed".to_owned(), seed()),
        ("full".to_owned(), full_report()),
    ];
    for ((name, report), text) in reports.iter().zip(docx_as_texts(&reports, &dir)) {
        check(report, &text, name);
    }
}

/// Each page's text of a PDF (pdftotext -raw, one call a page), lines as printed.
fn pdf_pages(pdf: &Path) -> Vec<String> {
    let info = Command::new("pdfinfo").arg(pdf).output().unwrap();
    let pages: usize = String::from_utf8_lossy(&info.stdout)
        .lines()
        .find_map(|line| line.strip_prefix("Pages:"))
        .and_then(|count| count.trim().parse().ok())
        .expect("pdfinfo's page count");
    (1..=pages)
        .map(|page| {
            let text = Command::new("pdftotext")
                .args(["-f", &page.to_string(), "-l", &page.to_string(), "-raw"])
                .arg(pdf)
                .arg("-")
                .output()
                .unwrap();
            String::from_utf8_lossy(&text.stdout).into_owned()
        })
        .collect()
}

/// Table 三 as offices print it: on one page (it fits one, so it is kept together and starts on a
/// new page rather than run over two), its column headers whole, the title balanced over two
/// lines — for the seed, a report with figures in every cell, and one with the largest figures.
#[test]
fn table_three_stays_on_one_page_with_whole_headers() {
    use ogi_report_core::format::{PART_REQUESTS, REQUEST_ROWS};
    if !available() {
        return;
    }
    let dir = std::env::temp_dir().join(format!("ogi-report-lo-pages-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    // Four-digit figures in every cell: six-digit column totals, a seven-digit corner.
    let largest = {
        let requests = vec![9_999u64; 150];
        let appeals = vec![9_999u64; 12];
        let mut report = consistent_report(&requests, &appeals);
        report.meta.body = "某某自治区某某自治州某某自治县人民政府办公室".to_owned();
        report
    };
    let reports = [
        ("seed".to_owned(), seed()),
        ("full".to_owned(), full_report()),
        ("largest".to_owned(), largest),
    ];
    let _ = docx_as_texts(&reports, &dir);
    let heading = PARTS[PART_REQUESTS].heading;
    let last_row = REQUEST_ROWS.last().unwrap().label();
    for (name, report) in &reports {
        let pages = pdf_pages(&dir.join(format!("{name}.pdf")));
        let start = pages
            .iter()
            .position(|page| page.lines().any(|line| line.trim() == heading));
        let start = start.unwrap_or_else(|| panic!("{name}: {heading}"));
        let end = (start..pages.len())
            .find(|at| pages[*at].contains(last_row))
            .unwrap_or_else(|| panic!("{name}: {last_row}"));
        assert_eq!(
            start,
            end,
            "{name}: table 三 on pages {}–{}",
            start + 1,
            end + 1
        );
        let lines: Vec<&str> = pages[start].lines().map(str::trim).collect();
        // The applicant headers broken between words, never inside one.
        for word in [
            "自然人",
            "商业",
            "企业",
            "科研",
            "机构",
            "社会",
            "公益",
            "组织",
        ] {
            assert!(
                lines.contains(&word),
                "{name}: 「{word}」 on a line of its own: {lines:?}"
            );
        }
        // No figure broken over two lines: every number-only line is a whole figure.
        let mut figures: Vec<String> = ogi_report_core::CellRef::all()
            .map(|cell| report.cell_text(cell))
            .collect();
        figures.push((start + 1).to_string()); // the page number
        for line in &lines {
            for word in line
                .split_whitespace()
                .filter(|w| w.chars().all(|c| c.is_ascii_digit()))
            {
                assert!(
                    figures.iter().any(|figure| figure == word),
                    "{name}: 「{word}」 is part of a figure"
                );
            }
        }
        // The title on the first page, its first line the body's name or its first places.
        let first = pages[0].lines().next().map(str::trim).unwrap_or_default();
        let expected = if name == "largest" {
            "某某自治区某某自治州"
        } else {
            report.meta.body.as_str()
        };
        assert_eq!(first, expected, "{name}");
    }
}

/// About two pages of 总体情况 in one-line steps (a line of 三号 text on the 156 mm text width is 28
/// characters): whatever the page position each table starts at, every label and every figure of
/// every row is on some page, in order.
#[test]
fn no_page_position_loses_a_row() {
    if !available() {
        return;
    }
    const LINES: usize = 56;
    let dir = std::env::temp_dir().join(format!("ogi-report-lo-sweep-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    // 24 characters and the two-character indent: one line each, with room to spare.
    let line = "本机关认真贯彻落实政府信息公开条例依法做好工作。";
    let reports: Vec<(String, Report)> = (0..=LINES)
        .map(|lines| {
            let mut report = full_report();
            let text = vec![line; lines].join("\n");
            let sections = vec![ogi_report_core::Section::new("", &text)];
            report.set_sections(ogi_report_core::Narrative::Overview, sections);
            (format!("overview-{lines:02}"), report)
        })
        .collect();
    for ((name, report), text) in reports.iter().zip(docx_as_texts(&reports, &dir)) {
        check(report, &text, name);
    }
}

/// CRC-32 (IEEE), for patching a stored ZIP entry in the workbook test.
fn crc32(bytes: &[u8]) -> u32 {
    let mut crc = !0u32;
    for byte in bytes {
        crc ^= u32::from(*byte);
        for _ in 0..8 {
            crc = if crc & 1 == 1 {
                (crc >> 1) ^ 0xEDB8_8320
            } else {
                crc >> 1
            };
        }
    }
    !crc
}

/// Replaces `from` by `to` (the same length) in the stored entry `name`, with its CRCs updated:
/// the workbook as if a user had edited one cell and saved without recalculating.
fn patch_stored_entry(zip: &mut [u8], name: &str, from: &str, to: &str) {
    assert_eq!(from.len(), to.len());
    let name = name.as_bytes();
    let at = |pos: usize, len: usize| {
        u32::from_le_bytes(zip[pos..pos + 4].try_into().unwrap()) as usize & len
    };
    let local = (0..zip.len() - name.len())
        .find(|&pos| {
            pos >= 30
                && &zip[pos..pos + name.len()] == name
                && zip[pos - 30..pos - 26] == *b"PK\x03\x04"
        })
        .expect("the entry's local header")
        - 30;
    let size = at(local + 22, usize::MAX);
    let data_start = local + 30 + name.len() + (at(local + 28, 0xFFFF));
    let data = &mut zip[data_start..data_start + size];
    let text = String::from_utf8(data.to_vec()).unwrap();
    assert_eq!(text.matches(from).count(), 1, "{from} once in the sheet");
    data.copy_from_slice(text.replacen(from, to, 1).as_bytes());
    let crc = crc32(&zip[data_start..data_start + size]).to_le_bytes();
    zip[local + 14..local + 18].copy_from_slice(&crc);
    let central = (0..zip.len() - name.len())
        .find(|&pos| {
            pos >= 46
                && &zip[pos..pos + name.len()] == name
                && zip[pos - 46..pos - 42] == *b"PK\x01\x02"
        })
        .expect("the entry's central directory record")
        - 46;
    zip[central + 16..central + 20].copy_from_slice(&crc);
}

/// Every sheet of a workbook as CSV rows, by LibreOffice Calc (which recalculates it on loading).
fn workbook_as_csv(xlsx: &[u8], dir: &Path, name: &str) -> Vec<Vec<Vec<String>>> {
    let path = dir.join(format!("{name}.xlsx"));
    std::fs::write(&path, xlsx).unwrap();
    // All sheets (the last field, -1), UTF-8 (76), values as shown.
    convert(
        dir,
        "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false,-1",
        &[path],
    );
    let mut sheets: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .filter(|path| {
            let file = path.file_name().unwrap().to_string_lossy().into_owned();
            file.starts_with(&format!("{name}-")) && file.ends_with(".csv")
        })
        .collect();
    sheets.sort();
    sheets
        .iter()
        .map(|path| {
            std::fs::read_to_string(path)
                .unwrap()
                .lines()
                .map(|line| {
                    line.split(',')
                        .map(|field| field.trim_matches('"').to_owned())
                        .collect()
                })
                .collect()
        })
        .collect()
}

/// The sheet whose first row is the part heading.
fn sheet<'a>(sheets: &'a [Vec<Vec<String>>], heading: &str) -> &'a [Vec<String>] {
    sheets
        .iter()
        .find(|rows| rows.first().is_some_and(|row| row[0] == heading))
        .unwrap_or_else(|| panic!("a sheet headed {heading}"))
}

#[test]
fn libreoffice_recalculates_the_workbook() {
    use ogi_report_core::format::{PART_REQUESTS, REQUEST_COLS, REQUEST_ROWS};
    use ogi_report_core::CellRef;
    use ogi_report_render::xlsx::render_xlsx;
    if !available() {
        return;
    }
    let dir = std::env::temp_dir().join(format!("ogi-report-lo-xlsx-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let report = full_report();
    let heading = PARTS[PART_REQUESTS].heading;
    let sheets = workbook_as_csv(&render_xlsx(&report), &dir, "full");
    assert_eq!(sheets.len(), 3, "one sheet per table");
    let rows = sheet(&sheets, heading);
    // Every table-三 row's seven numbers stand in one sheet row, in order, after its labels.
    for (row, spec) in REQUEST_ROWS.iter().enumerate() {
        let expected: Vec<String> = (0..REQUEST_COLS)
            .map(|col| report.cell_text(CellRef::Request { row, col }))
            .collect();
        assert!(
            rows.iter().any(|line| line.ends_with(&expected)),
            "row {row} ({}): {expected:?} in one sheet row",
            spec.label()
        );
    }

    // A figure changed in the file: its totals follow when the workbook is opened.
    let leaf = CellRef::Request { row: 2, col: 0 };
    let old = report.cell_text(leaf);
    let new = format!("9{}", &old[1..]);
    let mut edited = render_xlsx(&report);
    patch_stored_entry(
        &mut edited,
        "xl/worksheets/sheet2.xml",
        &format!("s=\"4\"><v>{old}</v>"),
        &format!("s=\"4\"><v>{new}</v>"),
    );
    let sheets = workbook_as_csv(&edited, &dir, "edited");
    let rows = sheet(&sheets, heading);
    let difference: u64 = new.parse::<u64>().unwrap() - old.parse::<u64>().unwrap();
    let value = |cell: CellRef| report.cell_text(cell).parse::<u64>().unwrap();
    for (total, label) in [
        (CellRef::Request { row: 2, col: 6 }, "（一）予以公开·总计"),
        (CellRef::Request { row: 23, col: 0 }, "（七）总计·自然人"),
        (CellRef::Request { row: 23, col: 6 }, "（七）总计·总计"),
    ] {
        let expected = (value(total) + difference).to_string();
        assert!(
            rows.iter().flatten().any(|field| *field == expected),
            "{label} recalculated to {expected}"
        );
    }
}
