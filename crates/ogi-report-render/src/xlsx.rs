//! The three tables as an Excel workbook (.xlsx), one sheet each, as on paper: the part heading
//! above, the same labels and merged headers (from [`ogi_report_core::layout`]), borders on every cell,
//! column widths in the printed proportions, A4 print setup with the header rows repeated. Counts
//! are numbers; every 总计 is a `SUM` formula over its cells, so an office that edits a figure in
//! Excel or WPS 表格 sees the totals follow (blank while their cells are blank, or when one holds
//! text that is not a count, as the page shows them). For 汇总, [`render_units_xlsx`] adds a sheet of units ×
//! key figures before the summed tables.
//!
//! Written by hand over the stored ZIP writer the DOCX already uses: a workbook of inline strings,
//! numbers and formulas needs four small XML parts, and a writer crate (rust_xlsxwriter) would add
//! its own ZIP and deflate code to the package for no gain here.

use std::fmt::Write;

use super::{escape, zip};
use ogi_report_core::cell::Cell;
use ogi_report_core::checklist::{missing, status_of, ChecklistRow, UnitStatus, STATUS_COLUMN};
use ogi_report_core::format::PARTS;
use ogi_report_core::layout::{self, Content, LayoutCell, TableLayout};
use ogi_report_core::report::{total_leaves, CellRef, Report};
use ogi_report_core::rules::Severity;
use ogi_report_core::sum::{copied_text, UnitLine, COPIED_COLUMN, KEY_FIGURES};

const XML_HEAD: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n";
const SHEET_NS: &str = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const R_NS: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

/// Style indexes in `styles.xml`: a title, a centred header, a left label, a number, a total.
const TITLE: u32 = 1;
const HEADER: u32 = 2;
const LABEL: u32 = 3;
const NUMBER: u32 = 4;
const TOTAL: u32 = 5;

/// One sheet: its name, its XML, and the rows repeated on each printed page (1-based, inclusive).
struct Sheet {
    name: String,
    xml: String,
    print_titles: Option<(usize, usize)>,
}

/// The workbook of a report's three tables.
pub fn render_xlsx(report: &Report) -> Vec<u8> {
    workbook(&tables(report))
}

/// The workbook of a 汇总: a sheet of the units' key figures, then the summed report's tables.
pub fn render_units_xlsx(total: &Report, lines: &[UnitLine]) -> Vec<u8> {
    render_units_xlsx_listed(total, lines, &[])
}

/// [`render_units_xlsx`] with the list's 报送情况 column and its units that sent nothing.
pub fn render_units_xlsx_listed(
    total: &Report,
    lines: &[UnitLine],
    checklist: &[ChecklistRow],
) -> Vec<u8> {
    let mut sheets = vec![units_sheet(lines, checklist)];
    sheets.extend(tables(total));
    workbook(&sheets)
}

fn tables(report: &Report) -> Vec<Sheet> {
    layout::tables()
        .iter()
        .map(|table| table_sheet(report, table))
        .collect()
}

/// `A`, `B`, … `Z`, `AA`, … for a 0-based column.
fn column_name(mut col: usize) -> String {
    let mut name = Vec::new();
    loop {
        name.push(b'A' + (col % 26) as u8);
        if col < 26 {
            break;
        }
        col = col / 26 - 1;
    }
    name.reverse();
    String::from_utf8(name).unwrap_or_default()
}

fn address(row: usize, col: usize) -> String {
    format!("{}{}", column_name(col), row + 1)
}

fn text_cell(xml: &mut String, row: usize, col: usize, style: u32, text: &str) {
    let _ = write!(
        xml,
        "<c r=\"{}\" s=\"{style}\" t=\"inlineStr\"><is><t xml:space=\"preserve\">{}</t></is></c>",
        address(row, col),
        escape(text)
    );
}

fn blank_cell(xml: &mut String, row: usize, col: usize, style: u32) {
    let _ = write!(xml, "<c r=\"{}\" s=\"{style}\"/>", address(row, col));
}

/// The grid position (0-based sheet row and column) of every data cell of a table drawn with
/// its first row at sheet row `top`.
fn positions(table: &TableLayout, top: usize) -> Vec<(CellRef, usize, usize)> {
    table
        .rows
        .iter()
        .enumerate()
        .flat_map(|(index, row)| {
            row.iter().filter_map(move |cell| match cell.content {
                Content::Data(data) => Some((data, top + index, cell.col)),
                _ => None,
            })
        })
        .collect()
}

/// A total's formula over its cells, with the core's rule for totals: blank while every cell is
/// blank, blank (unknown) when one holds text that is not a count, else the sum.
fn total_formula(total: CellRef, at: &[(CellRef, usize, usize)]) -> Option<String> {
    let leaves: Vec<(usize, usize)> = total_leaves(total)?
        .filter_map(|leaf| at.iter().find(|(cell, ..)| *cell == leaf))
        .map(|(_, row, col)| (*row, *col))
        .collect();
    let rows = leaves.iter().map(|(row, _)| *row);
    let cols = leaves.iter().map(|(_, col)| *col);
    let (top, bottom) = (rows.clone().min()?, rows.max()?);
    let (left, right) = (cols.clone().min()?, cols.max()?);
    let cells = if (bottom - top + 1) * (right - left + 1) == leaves.len() {
        format!("{}:{}", address(top, left), address(bottom, right))
    } else {
        let list: Vec<String> = leaves
            .iter()
            .map(|(row, col)| address(*row, *col))
            .collect();
        list.join(",")
    };
    Some(format!(
        "IF(COUNTA({cells})=0,\"\",IF(COUNTA({cells})>COUNT({cells}),\"\",SUM({cells})))"
    ))
}

fn data_cell(
    xml: &mut String,
    report: &Report,
    cell: CellRef,
    row: usize,
    col: usize,
    at: &[(CellRef, usize, usize)],
) {
    let here = address(row, col);
    if cell.is_total() {
        // No cached value: every reader computes the formula on opening (LibreOffice keeps a
        // cached value rather than recalculating an .xlsx), so a total cannot show a stale sum.
        let formula = escape(&total_formula(cell, at).unwrap_or_default());
        let _ = write!(xml, "<c r=\"{here}\" s=\"{TOTAL}\"><f>{formula}</f></c>");
        return;
    }
    let number = match cell {
        CellRef::Proactive(_) if cell.is_amount() => match report.fees() {
            Cell::Value(amount) => Some(amount.to_string()),
            _ => None,
        },
        _ => match report.count(cell) {
            Some(Cell::Value(count)) => Some(count.to_string()),
            _ => None,
        },
    };
    match number {
        Some(number) => {
            let _ = write!(xml, "<c r=\"{here}\" s=\"{NUMBER}\"><v>{number}</v></c>");
        }
        // A placeholder or text typed as it is; a blank stays blank.
        None => match report.cell_text(cell) {
            text if text.is_empty() => blank_cell(xml, row, col, NUMBER),
            text => text_cell(xml, row, col, NUMBER, &text),
        },
    }
}

/// Column widths in Excel's character units from the layout's twips (a character ≈ 7 px; 15 twips
/// a pixel), scaled so the sheet prints on one A4 width as the Word table does.
fn columns(xml: &mut String, widths: &[u32]) {
    xml.push_str("<cols>");
    for (index, twips) in widths.iter().enumerate() {
        let characters = f64::from(*twips) / 15.0 / 7.0;
        let _ = write!(
            xml,
            "<col min=\"{n}\" max=\"{n}\" width=\"{characters:.2}\" customWidth=\"1\"/>",
            n = index + 1
        );
    }
    xml.push_str("</cols>");
}

fn sheet_xml(widths: &[u32], landscape: bool, rows: &str, merges: &[String]) -> String {
    let mut xml = format!(
        "{XML_HEAD}<worksheet xmlns=\"{SHEET_NS}\" xmlns:r=\"{R_NS}\"><sheetPr><pageSetUpPr fitToPage=\"1\"/></sheetPr><sheetViews><sheetView workbookViewId=\"0\"/></sheetViews><sheetFormatPr defaultRowHeight=\"15\"/>"
    );
    columns(&mut xml, widths);
    let _ = write!(xml, "<sheetData>{rows}</sheetData>");
    if !merges.is_empty() {
        let _ = write!(xml, "<mergeCells count=\"{}\">", merges.len());
        for merge in merges {
            let _ = write!(xml, "<mergeCell ref=\"{merge}\"/>");
        }
        xml.push_str("</mergeCells>");
    }
    // A4 (9), one page wide, as many pages long as it takes.
    let _ = write!(
        xml,
        "<pageMargins left=\"0.7\" right=\"0.7\" top=\"0.75\" bottom=\"0.75\" header=\"0.3\" footer=\"0.3\"/><pageSetup paperSize=\"9\" orientation=\"{}\" fitToWidth=\"1\" fitToHeight=\"0\"/></worksheet>",
        if landscape { "landscape" } else { "portrait" }
    );
    xml
}

fn table_sheet(report: &Report, table: &TableLayout) -> Sheet {
    let heading = PARTS[table.part].heading;
    let columns_count = table.widths.len();
    // Row 1: the part heading; the table from row 2 (0-based 1).
    const TOP: usize = 1;
    let at = positions(table, TOP);
    let mut rows = String::new();
    let mut merges = vec![format!(
        "{}:{}",
        address(0, 0),
        address(0, columns_count - 1)
    )];
    let _ = write!(rows, "<row r=\"1\" ht=\"24\" customHeight=\"1\">");
    text_cell(&mut rows, 0, 0, TITLE, heading);
    rows.push_str("</row>");
    for (index, row) in table.rows.iter().enumerate() {
        let sheet_row = TOP + index;
        let _ = write!(
            rows,
            "<row r=\"{}\" ht=\"{}\" customHeight=\"1\">",
            sheet_row + 1,
            row_height(report, table, row)
        );
        for col in 0..columns_count {
            match row.iter().find(|cell| cell.col == col) {
                Some(cell) => {
                    if cell.colspan > 1 || cell.rowspan > 1 {
                        merges.push(format!(
                            "{}:{}",
                            address(sheet_row, col),
                            address(sheet_row + cell.rowspan - 1, col + cell.colspan - 1)
                        ));
                    }
                    match cell.content {
                        Content::Header(text) => text_cell(&mut rows, sheet_row, col, HEADER, text),
                        Content::Label(text) => text_cell(&mut rows, sheet_row, col, LABEL, text),
                        Content::Data(data) => {
                            data_cell(&mut rows, report, data, sheet_row, col, &at)
                        }
                    }
                }
                // Covered by a merge from above or the left: bordered like the merged cell.
                None => blank_cell(&mut rows, sheet_row, col, HEADER),
            }
        }
        rows.push_str("</row>");
    }
    let landscape = columns_count > 10;
    let print_titles = (table.header_rows > 0).then_some((TOP + 1, TOP + table.header_rows));
    Sheet {
        name: sheet_name(heading),
        xml: sheet_xml(&table.widths, landscape, &rows, &merges),
        print_titles,
    }
}

/// A row's height in points: enough lines for its longest wrapped text. Spreadsheets do not fit
/// row heights to wrapped text on opening, so without it a long label would be cut off.
fn row_height(report: &Report, table: &TableLayout, row: &[LayoutCell]) -> String {
    /// 五号 (10.5 pt) characters: about 14 px wide, a line 13.5 pt high; a pixel is 15 twips.
    const CHAR_PX: f64 = 14.0;
    const LINE_PT: f64 = 13.5;
    let lines = row
        .iter()
        .filter(|cell| cell.rowspan == 1)
        .map(|cell| {
            let text = match cell.content {
                Content::Header(text) | Content::Label(text) => text.to_owned(),
                Content::Data(data) => report.cell_text(data),
            };
            // A full-width character is one unit, a digit or Latin letter half of one.
            let units: f64 = text
                .chars()
                .map(|ch| if ch.is_ascii() { 0.5 } else { 1.0 })
                .sum();
            let width: u32 = table.widths[cell.col..cell.col + cell.colspan].iter().sum();
            let per_line = ((f64::from(width) / 15.0 - 6.0) / CHAR_PX).max(1.0);
            (units / per_line).ceil().max(1.0)
        })
        .fold(1.0, f64::max);
    format!("{:.1}", lines * LINE_PT + 4.0)
}

/// A sheet's name from the part heading: `表三 收到和处理政府信息公开申请情况`, at most 31 characters.
fn sheet_name(heading: &str) -> String {
    let (number, title) = heading.split_once('、').unwrap_or(("", heading));
    format!("表{number} {title}").chars().take(31).collect()
}

/// A text cell, or a blank one for empty text.
fn text_or_blank(xml: &mut String, row: usize, col: usize, style: u32, text: &str) {
    if text.is_empty() {
        blank_cell(xml, row, col, style);
    } else {
        text_cell(xml, row, col, style, text);
    }
}

/// A unit's figures from the second column on: errors, warnings, the key figures (numbers where
/// they are), what it repeats of another unit.
fn unit_cells(xml: &mut String, row: usize, line: &UnitLine) {
    for (col, count) in [(1, line.errors), (2, line.warnings)] {
        let _ = write!(
            xml,
            "<c r=\"{}\" s=\"{NUMBER}\"><v>{count}</v></c>",
            address(row, col)
        );
    }
    for (offset, (_, value)) in line.figures.iter().enumerate() {
        let col = 3 + offset;
        match value.parse::<u64>() {
            Ok(number) => {
                let _ = write!(
                    xml,
                    "<c r=\"{}\" s=\"{NUMBER}\"><v>{number}</v></c>",
                    address(row, col)
                );
            }
            Err(_) => text_or_blank(xml, row, col, NUMBER, value),
        }
    }
    text_or_blank(xml, row, 3 + line.figures.len(), LABEL, &copied_text(line));
}

fn units_sheet(lines: &[UnitLine], checklist: &[ChecklistRow]) -> Sheet {
    let mut header: Vec<&str> = vec!["单位", Severity::Error.label(), Severity::Warning.label()];
    header.extend(KEY_FIGURES.iter().map(|(label, _)| *label));
    let numbers = header.len();
    header.push(COPIED_COLUMN);
    let listed = !checklist.is_empty();
    if listed {
        header.push(STATUS_COLUMN);
    }
    let mut rows = String::from("<row r=\"1\">");
    for (col, label) in header.iter().enumerate() {
        text_cell(&mut rows, 0, col, HEADER, label);
    }
    rows.push_str("</row>");
    let status = |line: &UnitLine| status_of(checklist, line).label();
    let rows_of_units = lines
        .iter()
        .map(|line| (line.body.as_str(), Some(line), status(line)))
        .chain(
            missing(checklist)
                .into_iter()
                .map(|unit| (unit, None, UnitStatus::Missing.label())),
        );
    let mut last = 0;
    for (index, (unit, line, status)) in rows_of_units.enumerate() {
        let row = index + 1;
        last = row;
        let _ = write!(rows, "<row r=\"{}\">", row + 1);
        text_cell(&mut rows, row, 0, LABEL, unit);
        if let Some(line) = line {
            unit_cells(&mut rows, row, line);
        }
        if listed {
            text_cell(&mut rows, row, numbers + 1, LABEL, status);
        }
        rows.push_str("</row>");
    }
    // A 合计 row of formulas under the key figures.
    let total_row = last + 1;
    let _ = write!(rows, "<row r=\"{}\">", total_row + 1);
    text_cell(&mut rows, total_row, 0, LABEL, "合计");
    for col in 1..numbers {
        let formula = if last == 0 {
            "0".to_owned()
        } else {
            format!("SUM({}:{})", address(1, col), address(last, col))
        };
        let _ = write!(
            rows,
            "<c r=\"{}\" s=\"{TOTAL}\"><f>{formula}</f></c>",
            address(total_row, col)
        );
    }
    rows.push_str("</row>");
    let mut widths = vec![3600u32];
    widths.extend(std::iter::repeat_n(1300, numbers - 1));
    widths.push(4200);
    if listed {
        widths.push(1500);
    }
    Sheet {
        name: "各单位情况".to_owned(),
        xml: sheet_xml(&widths, false, &rows, &[]),
        print_titles: Some((1, 1)),
    }
}

fn workbook(sheets: &[Sheet]) -> Vec<u8> {
    let mut types = format!(
        "{XML_HEAD}<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"><Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/><Default Extension=\"xml\" ContentType=\"application/xml\"/><Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/><Override PartName=\"/xl/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml\"/>"
    );
    let mut book = format!(
        "{XML_HEAD}<workbook xmlns=\"{SHEET_NS}\" xmlns:r=\"{R_NS}\"><bookViews><workbookView/></bookViews><sheets>"
    );
    let mut rels = format!(
        "{XML_HEAD}<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
    );
    let mut defined = String::new();
    for (index, sheet) in sheets.iter().enumerate() {
        let n = index + 1;
        let _ = write!(types, "<Override PartName=\"/xl/worksheets/sheet{n}.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>");
        let _ = write!(
            book,
            "<sheet name=\"{}\" sheetId=\"{n}\" r:id=\"rId{n}\"/>",
            escape(&sheet.name)
        );
        let _ = write!(rels, "<Relationship Id=\"rId{n}\" Type=\"{R_NS}/worksheet\" Target=\"worksheets/sheet{n}.xml\"/>");
        if let Some((first, last)) = sheet.print_titles {
            let _ = write!(
                defined,
                "<definedName name=\"_xlnm.Print_Titles\" localSheetId=\"{index}\">'{}'!${first}:${last}</definedName>",
                escape(&sheet.name)
            );
        }
    }
    types.push_str("</Types>");
    book.push_str("</sheets>");
    if !defined.is_empty() {
        let _ = write!(book, "<definedNames>{defined}</definedNames>");
    }
    // Recalculated on opening, so the formulas' values never depend on a cached result.
    book.push_str("<calcPr calcId=\"191029\" fullCalcOnLoad=\"1\"/></workbook>");
    let styles_id = sheets.len() + 1;
    let _ = write!(rels, "<Relationship Id=\"rId{styles_id}\" Type=\"{R_NS}/styles\" Target=\"styles.xml\"/></Relationships>");
    let sheet_paths: Vec<String> = (1..=sheets.len())
        .map(|n| format!("xl/worksheets/sheet{n}.xml"))
        .collect();
    let styles = styles_xml();
    let mut parts: Vec<(&str, &[u8])> = vec![
        ("[Content_Types].xml", types.as_bytes()),
        ("_rels/.rels", PACKAGE_RELS.as_bytes()),
        ("xl/workbook.xml", book.as_bytes()),
        ("xl/_rels/workbook.xml.rels", rels.as_bytes()),
        ("xl/styles.xml", styles.as_bytes()),
    ];
    for (path, sheet) in sheet_paths.iter().zip(sheets) {
        parts.push((path, sheet.xml.as_bytes()));
    }
    zip::store(&parts)
}

const PACKAGE_RELS: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n\
<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">\
<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"xl/workbook.xml\"/>\
</Relationships>";

/// Fonts: 0 宋体 11, 1 黑体 14 (title), 2 宋体 10.5 (table). Borders: 0 none, 1 thin all round.
/// Cell formats, in the order of the constants above: 0 default, 1 title, 2 header (centred,
/// wrapped), 3 label (left, wrapped), 4 number (centred), 5 total (centred, bold-free grey fill).
fn styles_xml() -> String {
    let thin = "<left style=\"thin\"><color auto=\"1\"/></left><right style=\"thin\"><color auto=\"1\"/></right><top style=\"thin\"><color auto=\"1\"/></top><bottom style=\"thin\"><color auto=\"1\"/></bottom><diagonal/>";
    let centred = "<alignment horizontal=\"center\" vertical=\"center\" wrapText=\"1\"/>";
    format!(
        "{XML_HEAD}<styleSheet xmlns=\"{SHEET_NS}\">\
<fonts count=\"3\"><font><sz val=\"11\"/><name val=\"宋体\"/><charset val=\"134\"/></font><font><sz val=\"14\"/><name val=\"黑体\"/><charset val=\"134\"/></font><font><sz val=\"10.5\"/><name val=\"宋体\"/><charset val=\"134\"/></font></fonts>\
<fills count=\"3\"><fill><patternFill patternType=\"none\"/></fill><fill><patternFill patternType=\"gray125\"/></fill><fill><patternFill patternType=\"solid\"><fgColor rgb=\"FFF2F2F2\"/><bgColor indexed=\"64\"/></patternFill></fill></fills>\
<borders count=\"2\"><border><left/><right/><top/><bottom/><diagonal/></border><border>{thin}</border></borders>\
<cellStyleXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\"/></cellStyleXfs>\
<cellXfs count=\"6\">\
<xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\"/>\
<xf numFmtId=\"0\" fontId=\"1\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyFont=\"1\" applyAlignment=\"1\"><alignment horizontal=\"left\" vertical=\"center\"/></xf>\
<xf numFmtId=\"0\" fontId=\"2\" fillId=\"0\" borderId=\"1\" xfId=\"0\" applyFont=\"1\" applyBorder=\"1\" applyAlignment=\"1\">{centred}</xf>\
<xf numFmtId=\"0\" fontId=\"2\" fillId=\"0\" borderId=\"1\" xfId=\"0\" applyFont=\"1\" applyBorder=\"1\" applyAlignment=\"1\"><alignment horizontal=\"left\" vertical=\"center\" wrapText=\"1\"/></xf>\
<xf numFmtId=\"0\" fontId=\"2\" fillId=\"0\" borderId=\"1\" xfId=\"0\" applyFont=\"1\" applyBorder=\"1\" applyAlignment=\"1\">{centred}</xf>\
<xf numFmtId=\"0\" fontId=\"2\" fillId=\"2\" borderId=\"1\" xfId=\"0\" applyFont=\"1\" applyFill=\"1\" applyBorder=\"1\" applyAlignment=\"1\">{centred}</xf>\
</cellXfs><cellStyles count=\"1\"><cellStyle name=\"Normal\" xfId=\"0\" builtinId=\"0\"/></cellStyles></styleSheet>"
    )
}
