//! The import corpus (issue 13): texts and files of every kind people bring — copied web text,
//! PDF-viewer text, Markdown from a PDF converter, fixed-width text, glued text, saved web pages
//! (ours and Word's span soup), Word files built by python-docx (merged and unmerged skeletons,
//! runs split mid-label) and by LibreOffice, PDFs printed by LibreOffice — each beside the report
//! it was made from. `corpus/manifest.tsv` says, for each file, which report it shows and how it
//! must import: `exact` (every cell), `exact-or-blank` (each cell exact or blank, at least so many
//! read) or `not-a-report`.
//!
//! `make corpus` rebuilds the files: `write_corpus` below writes the texts, the pages and the
//! Word skeletons; scripts/corpus/build_docx.py and LibreOffice make the Word files and PDFs.

// The core's test helpers (the seed report, typed reports, layouts of published text).
#[path = "../../ogi-report-core/tests/common/mod.rs"]
mod common;

use std::path::{Path, PathBuf};

use common::layouts::{glued, report_text, Layout, LAYOUTS};
use common::*;
use ogi_report_core::format::{
    APPEAL_COLUMNS, APPEAL_GROUPS, PARTS, PART_APPEALS, PART_PROACTIVE, PART_REQUESTS,
    PROACTIVE_BLOCKS, REQUESTS_NOTE, REQUEST_COLUMNS, REQUEST_ROWS, TITLE_SUFFIX,
};
use ogi_report_core::{read_report, write_report, BodyType, CellRef, Narrative, Report};
use ogi_report_import::import_file;
use ogi_report_render::{Format, RenderOptions};

fn corpus_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus")
}

/// The reports the corpus shows: the seed with a figure in every cell, a department whose name
/// ends in a digit, and a county government with placeholders and an empty row.
fn truths() -> Vec<(&'static str, Report)> {
    let mut department = {
        let requests: Vec<u64> = (0..150u64).map(|n| (n * 37 + 11) % 97).collect();
        let appeals: Vec<u64> = (0..12u64).map(|n| (n * 7 + 3) % 13).collect();
        consistent_report(&requests, &appeals)
    };
    department.meta.body = "某某市测试单位1".to_owned();
    department.meta.body_type = BodyType::Department;
    department.meta.year = Some(2023);
    let mut county = {
        let requests: Vec<u64> = (0..150u64)
            .map(|n| if n % 5 == 0 { n % 23 } else { 0 })
            .collect();
        let appeals: Vec<u64> = (0..12u64).map(|n| n % 3).collect();
        consistent_report(&requests, &appeals)
    };
    county.meta.body = "某某县人民政府".to_owned();
    county.meta.body_type = BodyType::Government;
    county.meta.year = Some(2024);
    county.edit_cell(CellRef::parse("proactive.rules.issued").unwrap(), "/");
    county.edit_cell(CellRef::parse("proactive.rules.repealed").unwrap(), "/");
    county.edit_cell(CellRef::parse("proactive.rules.in_force").unwrap(), "/");
    county.edit_cell(CellRef::parse("proactive.fees").unwrap(), "0");
    vec![
        ("full", full_report()),
        ("department", department),
        ("county", county),
    ]
}

/// A Word skeleton for scripts/corpus/build_docx.py: `P` paragraphs, `T` a new table, `R` a row
/// whose cells are tab-separated; `^` merges a cell with the one above, `<` with the one left.
fn word_skeleton(report: &Report) -> String {
    let mut out = format!(
        "P\t{}{}{}\n",
        report.meta.body,
        report.meta.year.unwrap_or(2023),
        TITLE_SUFFIX
    );
    let mut lines: Vec<String> = Vec::new();
    for (index, part) in PARTS.iter().enumerate() {
        lines.push(format!("P\t{}", part.heading));
        match index {
            PART_PROACTIVE => {
                lines.push("T".to_owned());
                for block in PROACTIVE_BLOCKS {
                    lines.push(format!("R\t{}\t<\t<\t<", block.header));
                    let mut header = vec!["信息内容".to_owned()];
                    header.extend(block.columns.iter().map(|c| (*c).to_owned()));
                    while header.len() < 4 {
                        header.push("<".to_owned());
                    }
                    lines.push(format!("R\t{}", header.join("\t")));
                    for spec in block.rows {
                        let mut cells = vec![spec.label.to_owned()];
                        cells.extend(
                            spec.cells
                                .iter()
                                .map(|at| report.cell_text(CellRef::Proactive(*at))),
                        );
                        while cells.len() < 4 {
                            cells.push("<".to_owned());
                        }
                        lines.push(format!("R\t{}", cells.join("\t")));
                    }
                }
            }
            PART_REQUESTS => {
                lines.push("T".to_owned());
                let columns: Vec<&str> = REQUEST_COLUMNS.iter().map(|c| c.label).collect();
                lines.push(format!(
                    "R\t{}\t<\t<\t申请人情况{}",
                    REQUESTS_NOTE,
                    "\t<".repeat(6)
                ));
                lines.push(format!(
                    "R\t^\t^\t^\t{}\t法人或其他组织\t<\t<\t<\t<\t{}",
                    columns[0], columns[6]
                ));
                lines.push(format!("R\t^\t^\t^\t^\t{}\t^", columns[1..6].join("\t")));
                let mut previous: [Option<&str>; 3] = [None; 3];
                for (row_index, spec) in REQUEST_ROWS.iter().enumerate() {
                    let path = spec.label_path();
                    let mut cells = Vec::new();
                    for level in 0..3 {
                        let text = path[level];
                        let cell = match text {
                            None => "<".to_owned(),
                            Some(text) if previous[level] == Some(text) && level < 2 => {
                                "^".to_owned()
                            }
                            Some(text) => text.to_owned(),
                        };
                        cells.push(cell);
                    }
                    previous = path;
                    cells.extend((0..7).map(|col| {
                        report.cell_text(CellRef::Request {
                            row: row_index,
                            col,
                        })
                    }));
                    lines.push(format!("R\t{}", cells.join("\t")));
                }
            }
            PART_APPEALS => {
                lines.push("T".to_owned());
                let mut top = vec![APPEAL_GROUPS[0].top.to_owned()];
                top.extend(["<"; 4].map(String::from));
                top.push(APPEAL_GROUPS[1].top.to_owned());
                top.extend(["<"; 9].map(String::from));
                lines.push(format!("R\t{}", top.join("\t")));
                let mut sub = vec!["^".to_owned(); 5];
                for group in &APPEAL_GROUPS[1..] {
                    sub.push(group.label().to_owned());
                    sub.extend(["<"; 4].map(String::from));
                }
                lines.push(format!("R\t{}", sub.join("\t")));
                let names: Vec<String> = (0..3)
                    .flat_map(|_| APPEAL_COLUMNS.iter().map(|(_, label)| (*label).to_owned()))
                    .collect();
                lines.push(format!("R\t{}", names.join("\t")));
                let values: Vec<String> = (0..3)
                    .flat_map(|group| (0..5).map(move |col| CellRef::Appeal { group, col }))
                    .map(|at| report.cell_text(at))
                    .collect();
                lines.push(format!("R\t{}", values.join("\t")));
            }
            _ => {
                let narrative = match index {
                    0 => Narrative::Overview,
                    4 => Narrative::Problems,
                    _ => Narrative::OtherMatters,
                };
                for section in report.sections(narrative) {
                    if !section.heading.is_empty() {
                        lines.push(format!("P\t{}", section.heading));
                    }
                    for paragraph in section.text.lines() {
                        lines.push(format!("P\t{paragraph}"));
                    }
                }
            }
        }
    }
    for line in lines {
        out.push_str(&line);
        out.push('\n');
    }
    out
}

/// The page Word writes when a document is saved as a web page: every run in a `<span>`, label
/// text broken into several spans, `<o:p>` paragraphs, merged cells with rowspan and colspan.
fn word_web_page(report: &Report) -> String {
    let span = |text: &str| -> String {
        let chars: Vec<char> = text.chars().collect();
        let half = chars.len() / 2;
        format!(
            "<span style='font-family:仿宋_GB2312'>{}</span><span lang=EN-US style='font-family:仿宋_GB2312'>{}</span>",
            chars[..half].iter().collect::<String>(),
            chars[half..].iter().collect::<String>()
        )
    };
    let mut html = String::from("<html xmlns:o=\"urn:schemas-microsoft-com:office:office\"><head><meta charset=\"utf-8\"><style>p.MsoNormal{margin:0}</style></head><body lang=ZH-CN><div class=WordSection1>\n");
    let mut in_table = false;
    for line in word_skeleton(report).lines() {
        if let Some(text) = line.strip_prefix("P\t") {
            if std::mem::take(&mut in_table) {
                html.push_str("</table>\n");
            }
            html.push_str(&format!(
                "<p class=MsoNormal>{}<o:p></o:p></p>\n",
                span(text)
            ));
        } else if line == "T" {
            if in_table {
                html.push_str("</table>\n");
            }
            html.push_str("<table class=MsoNormalTable border=1 cellspacing=0>\n");
            in_table = true;
        } else if let Some(cells) = line.strip_prefix("R\t") {
            let cells: Vec<&str> = cells.split('\t').collect();
            html.push_str("<tr>");
            for (at, cell) in cells.iter().enumerate() {
                if *cell == "<" {
                    continue;
                }
                let columns = 1 + cells[at + 1..].iter().take_while(|c| **c == "<").count();
                let text = if *cell == "^" {
                    String::from("<o:p>&nbsp;</o:p>")
                } else {
                    span(cell)
                };
                html.push_str(&format!(
                    "<td colspan={columns} valign=top><p class=MsoNormal align=center>{text}<o:p></o:p></p></td>"
                ));
            }
            html.push_str("</tr>\n");
        }
    }
    if in_table {
        html.push_str("</table>\n");
    }
    html.push_str("</div></body></html>\n");
    html
}

/// The county's report as real pages print it: a year inside a header (`本年(2024)制发件数`),
/// `规范性文件` for 行政规范性文件, （六）其他处理 as one row (2019 style), a row with only its 总计
/// filled, and an OCR misreading in a label (`杈` for 权). The report it shows: （六）1 and 2
/// blank, （六）3 the single row, the row's applicant cells blank.
fn quirks() -> (String, Report) {
    let (_, county) = truths().remove(2);
    let mut text = report_text(&county, Layout::Tabs)
        .replace("本年制发件数", "本年(2024)制发件数")
        .replace("\n行政规范性文件\t", "\n规范性文件\t")
        .replace("4.保护第三方合法权益", "4.保护第三方合法杈益");
    let row = |key: &str| {
        REQUEST_ROWS
            .iter()
            .position(|spec| spec.key == key)
            .unwrap()
    };
    let values = |report: &Report, row: usize| -> Vec<String> {
        (0..7)
            .map(|col| report.cell_text(CellRef::Request { row, col }))
            .collect()
    };
    let other: Vec<usize> = ["other_no_correction", "other_fee_unpaid", "other_other"]
        .iter()
        .map(|key| row(key))
        .collect();
    let summed: Vec<String> = (0..7)
        .map(|col| {
            other
                .iter()
                .map(|row| {
                    county
                        .cell_text(CellRef::Request { row: *row, col })
                        .parse::<u64>()
                        .unwrap()
                })
                .sum::<u64>()
                .to_string()
        })
        .collect();
    let lines: Vec<String> = other
        .iter()
        .map(|row| {
            format!(
                "{}\t{}",
                REQUEST_ROWS[*row].label(),
                values(&county, *row).join("\t")
            )
        })
        .collect();
    text = text.replace(
        &lines.join("\n"),
        &format!("（六）其他处理\t{}", summed.join("\t")),
    );
    let repeated = row("declined_repeated");
    let only_total = values(&county, repeated);
    text = text.replace(
        &format!(
            "{}\t{}",
            REQUEST_ROWS[repeated].label(),
            only_total.join("\t")
        ),
        &format!(
            "{}\t\t\t\t\t\t\t{}",
            REQUEST_ROWS[repeated].label(),
            only_total[6]
        ),
    );
    let mut truth = county;
    for (col, sum) in summed.iter().enumerate() {
        truth.set_text(CellRef::Request { row: other[0], col }, "");
        truth.set_text(CellRef::Request { row: other[1], col }, "");
        truth.set_text(CellRef::Request { row: other[2], col }, sum);
        if col < 6 {
            truth.set_text(CellRef::Request { row: repeated, col }, "");
        }
    }
    (text, truth)
}

const NEWS: &str = "本报讯 11月28日，某某市召开全市经济工作会议。会议指出，今年以来全市经济运行总体平稳，\n一季度地区生产总值增长5.2%，规模以上工业增加值增长6.1%。\n会议要求，各地各部门要坚定信心、真抓实干，确保完成全年目标任务。\n";

#[test]
#[ignore = "writes the corpus; run by `make corpus`"]
fn write_corpus() {
    let dir = corpus_dir();
    std::fs::create_dir_all(&dir).unwrap();
    let mut manifest = String::from("# file\ttruth\tmode\tleast cells read\n");
    for (name, truth) in truths() {
        std::fs::write(dir.join(format!("{name}.truth.json")), write_report(&truth)).unwrap();
        for layout in LAYOUTS {
            let text = report_text(&truth, layout);
            let file = format!("{name}.{}.txt", layout.name());
            std::fs::write(dir.join(&file), &text).unwrap();
            manifest.push_str(&format!("{file}\t{name}\texact\t200\n"));
        }
        for layout in [Layout::Tabs, Layout::CellPerLine] {
            let file = format!("{name}.{}.glued.txt", layout.name());
            std::fs::write(dir.join(&file), glued(&report_text(&truth, layout))).unwrap();
            manifest.push_str(&format!("{file}\t{name}\texact-or-blank\t190\n"));
        }
        let page = ogi_report_render::render(Format::Html, &truth, RenderOptions { draft: false });
        let file = format!("{name}.ours.html");
        std::fs::write(dir.join(&file), page).unwrap();
        manifest.push_str(&format!("{file}\t{name}\texact\t200\n"));
        let file = format!("{name}.word.html");
        std::fs::write(dir.join(&file), word_web_page(&truth)).unwrap();
        manifest.push_str(&format!("{file}\t{name}\texact\t200\n"));
        std::fs::write(
            dir.join(format!("{name}.skeleton.tsv")),
            word_skeleton(&truth),
        )
        .unwrap();
        let docx = ogi_report_render::render(Format::Docx, &truth, RenderOptions { draft: false });
        std::fs::write(dir.join(format!("{name}.ours.docx")), docx).unwrap();
    }
    let (text, truth) = quirks();
    std::fs::write(dir.join("quirks.truth.json"), write_report(&truth)).unwrap();
    std::fs::write(dir.join("quirks.tabs.txt"), text).unwrap();
    manifest.push_str("quirks.tabs.txt\tquirks\texact\t180\n");
    std::fs::write(dir.join("news.txt"), NEWS).unwrap();
    manifest.push_str("news.txt\t-\tnot-a-report\t0\n");
    let garbage: Vec<u8> = (0..4096u32)
        .map(|n| (n.wrapping_mul(2_654_435_761) >> 24) as u8)
        .collect();
    std::fs::write(dir.join("garbage.bin"), garbage).unwrap();
    manifest.push_str("garbage.bin\t-\tnot-a-report\t0\n");
    // The Word files and PDFs scripts/corpus/build.sh adds list themselves in manifest-files.tsv.
    std::fs::write(dir.join("manifest.tsv"), manifest).unwrap();
}

/// Every file of the corpus imports as its manifest line says.
#[test]
fn the_corpus_imports_as_expected() {
    let dir = corpus_dir();
    let mut lines = String::new();
    for manifest in ["manifest.tsv", "manifest-files.tsv"] {
        lines.push_str(&std::fs::read_to_string(dir.join(manifest)).unwrap_or_default());
    }
    let mut checked = 0;
    let mut failures = Vec::new();
    for line in lines
        .lines()
        .filter(|line| !line.starts_with('#') && !line.is_empty())
    {
        let fields: Vec<&str> = line.split('\t').collect();
        let [file, truth, mode, least] = fields[..] else {
            panic!("manifest line {line:?}");
        };
        let bytes = std::fs::read(dir.join(file)).unwrap();
        let imported = import_file(&bytes, file);
        checked += 1;
        if mode == "not-a-report" {
            if imported.is_ok() {
                failures.push(format!("{file}: read as a report"));
            }
            continue;
        }
        let truth =
            read_report(&std::fs::read_to_string(dir.join(format!("{truth}.truth.json"))).unwrap())
                .unwrap();
        let (report, summary) = match imported {
            Ok((report, summary)) => (report, summary.unwrap_or_default()),
            Err(error) => {
                failures.push(format!("{file}: {error}"));
                continue;
            }
        };
        if report.meta.body != truth.meta.body || report.meta.year != truth.meta.year {
            failures.push(format!(
                "{file}: title {:?} {:?}",
                report.meta.body, report.meta.year
            ));
        }
        let mut read = 0;
        for cell in CellRef::all() {
            let (want, got) = (truth.cell_text(cell), report.cell_text(cell));
            if want == got {
                read += usize::from(!report.cell_is_blank(cell));
            } else if !(mode == "exact-or-blank" && report.cell_is_blank(cell)) {
                failures.push(format!(
                    "{file}: {} is {got:?}, the report has {want:?}",
                    cell.path()
                ));
            }
        }
        let least: usize = least.parse().unwrap();
        if read < least {
            failures.push(format!(
                "{file}: {read} cells read, at least {least} expected; not placed: {:?}",
                summary.not_understood
            ));
        }
    }
    assert!(checked >= 30, "the corpus has {checked} files");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
