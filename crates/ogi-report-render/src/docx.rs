//! The report as a Word file in the 公文 layout (GB/T 9704-2012): A4, 37/35/28/26 mm margins,
//! title 方正小标宋简体 二号, body 仿宋_GB2312 三号 with a two-character first-line indent and a fixed
//! 28 pt line, headings 黑体 and 楷体_GB2312, page numbers "— n —". Tables have fixed column
//! widths in twips (WPS breaks auto-width tables), header rows repeated on each page, rows that
//! never split (but one, for LibreOffice: see write_table), and merges as gridSpan / vMerge. Font fallbacks are named in the font table.
//!
//! Written by hand over a stored ZIP: the output is small, deterministic (the same report gives
//! the same bytes), and costs the page little.

use std::fmt::Write;

use super::{blocks, escape, header_lines, title_lines, zip, Block, RenderOptions, DRAFT_MARK};
use ogi_report_core::layout::{Content, TableLayout};
use ogi_report_core::report::{Closing, Report};

/// 三号 = 16 pt = 32 half-points; 二号 = 22 pt; the tables' size is the renderers' one.
const BODY_SIZE: u32 = 32;
const TITLE_SIZE: u32 = 44;
const TABLE_SIZE: u32 = super::TABLE_TEXT_HALF_POINTS;
/// Fixed line spacing of 28 pt, in twentieths of a point.
const LINE: u32 = 560;
/// Two characters of 16 pt.
const FIRST_LINE_INDENT: u32 = 640;

const BODY_FONT: &str = "仿宋_GB2312";
const TITLE_FONT: &str = "方正小标宋简体";
const HEADING_FONT: &str = "黑体";
const SUBHEADING_FONT: &str = "楷体_GB2312";
const LATIN_FONT: &str = "Times New Roman";

/// Each font with the fallback names Word, WPS and LibreOffice look for when it is missing.
const FONTS: [(&str, &str); 4] = [
    (BODY_FONT, "仿宋,FangSong,STFangsong"),
    (TITLE_FONT, "方正小标宋_GBK,华文中宋,SimSun,宋体"),
    (HEADING_FONT, "SimHei"),
    (SUBHEADING_FONT, "楷体,KaiTi,STKaiti"),
];

const W_NS: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
const R_NS: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const XML_HEAD: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n";

/// The `.docx` file.
pub fn render_docx(report: &Report, options: RenderOptions) -> Vec<u8> {
    let document = document_xml(report, options);
    let styles = styles_xml();
    let fonts = font_table_xml();
    let footer = footer_xml();
    let header = header_xml();
    let mut relationships = vec![
        ("rIdStyles", "styles", "styles.xml"),
        ("rIdFonts", "fontTable", "fontTable.xml"),
        ("rIdFooter", "footer", "footer1.xml"),
    ];
    if options.draft {
        relationships.push(("rIdHeader", "header", "header1.xml"));
    }
    let document_rels = relationships_xml(&relationships);
    let mut parts: Vec<(&str, &[u8])> = vec![
        ("[Content_Types].xml", CONTENT_TYPES.as_bytes()),
        ("_rels/.rels", PACKAGE_RELS.as_bytes()),
        ("word/document.xml", document.as_bytes()),
        ("word/_rels/document.xml.rels", document_rels.as_bytes()),
        ("word/styles.xml", styles.as_bytes()),
        ("word/fontTable.xml", fonts.as_bytes()),
        ("word/footer1.xml", footer.as_bytes()),
    ];
    if options.draft {
        parts.push(("word/header1.xml", header.as_bytes()));
    }
    zip::store(&parts)
}

const CONTENT_TYPES: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n\
<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">\
<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>\
<Default Extension=\"xml\" ContentType=\"application/xml\"/>\
<Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/>\
<Override PartName=\"/word/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml\"/>\
<Override PartName=\"/word/fontTable.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.fontTable+xml\"/>\
<Override PartName=\"/word/footer1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml\"/>\
<Override PartName=\"/word/header1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml\"/>\
</Types>";

const PACKAGE_RELS: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n\
<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">\
<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"word/document.xml\"/>\
</Relationships>";

fn relationships_xml(relationships: &[(&str, &str, &str)]) -> String {
    let mut xml = format!(
        "{XML_HEAD}<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
    );
    for (id, kind, target) in relationships {
        let _ = write!(
            xml,
            "<Relationship Id=\"{id}\" Type=\"{R_NS}/{kind}\" Target=\"{target}\"/>"
        );
    }
    xml.push_str("</Relationships>");
    xml
}

fn fonts(east_asia: &str) -> String {
    format!(
        "<w:rFonts w:ascii=\"{LATIN_FONT}\" w:hAnsi=\"{LATIN_FONT}\" w:eastAsia=\"{east_asia}\" w:cs=\"{LATIN_FONT}\" w:hint=\"eastAsia\"/>"
    )
}

fn style(id: &str, name: &str, paragraph: &str, run: &str) -> String {
    format!(
        "<w:style w:type=\"paragraph\" w:customStyle=\"1\" w:styleId=\"{id}\"><w:name w:val=\"{name}\"/><w:basedOn w:val=\"Normal\"/><w:qFormat/><w:pPr>{paragraph}</w:pPr><w:rPr>{run}</w:rPr></w:style>"
    )
}

fn styles_xml() -> String {
    let indent = format!("<w:ind w:firstLineChars=\"200\" w:firstLine=\"{FIRST_LINE_INDENT}\"/>");
    let exact =
        format!("<w:spacing w:before=\"0\" w:after=\"0\" w:line=\"{LINE}\" w:lineRule=\"exact\"/>");
    let mut xml = format!("{XML_HEAD}<w:styles xmlns:w=\"{W_NS}\">");
    let _ = write!(
        xml,
        "<w:docDefaults><w:rPrDefault><w:rPr>{}<w:sz w:val=\"{BODY_SIZE}\"/><w:szCs w:val=\"{BODY_SIZE}\"/><w:lang w:val=\"en-US\" w:eastAsia=\"zh-CN\"/></w:rPr></w:rPrDefault><w:pPrDefault><w:pPr>{exact}<w:jc w:val=\"both\"/></w:pPr></w:pPrDefault></w:docDefaults>",
        fonts(BODY_FONT)
    );
    xml.push_str("<w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\"><w:name w:val=\"Normal\"/><w:qFormat/></w:style>");
    xml.push_str(&style(
        "Title",
        "Title",
        "<w:spacing w:before=\"0\" w:after=\"560\" w:line=\"720\" w:lineRule=\"exact\"/><w:jc w:val=\"center\"/><w:outlineLvl w:val=\"0\"/>",
        &format!("{}<w:sz w:val=\"{TITLE_SIZE}\"/><w:szCs w:val=\"{TITLE_SIZE}\"/>", fonts(TITLE_FONT)),
    ));
    xml.push_str(&style(
        "Heading1",
        "heading 1",
        &format!("{indent}<w:keepNext/><w:outlineLvl w:val=\"1\"/>"),
        &fonts(HEADING_FONT),
    ));
    xml.push_str(&style(
        "Heading2",
        "heading 2",
        &format!("{indent}<w:keepNext/><w:outlineLvl w:val=\"2\"/>"),
        &fonts(SUBHEADING_FONT),
    ));
    xml.push_str(&style("BodyText", "Body Text", &indent, ""));
    xml.push_str(&style(
        "TableText",
        "Table Text",
        // Single spacing, not snapped to the body's 28-pt line grid (a snapped row is two
        // lines high): table 三 stays on one or two pages, as offices' own reports print it.
        "<w:snapToGrid w:val=\"0\"/><w:spacing w:before=\"0\" w:after=\"0\" w:line=\"240\" w:lineRule=\"auto\"/><w:jc w:val=\"center\"/>",
        &format!("<w:sz w:val=\"{TABLE_SIZE}\"/><w:szCs w:val=\"{TABLE_SIZE}\"/>"),
    ));
    xml.push_str(&style(
        "Closing",
        "Closing",
        "<w:keepNext/><w:jc w:val=\"right\"/>",
        "",
    ));
    xml.push_str(&style(
        "DraftMark",
        "Draft Mark",
        "<w:jc w:val=\"right\"/>",
        &format!("{}<w:b/><w:sz w:val=\"24\"/>", fonts(HEADING_FONT)),
    ));
    xml.push_str("</w:styles>");
    xml
}

fn font_table_xml() -> String {
    let mut xml = format!("{XML_HEAD}<w:fonts xmlns:w=\"{W_NS}\">");
    for (name, alternatives) in FONTS {
        let _ = write!(
            xml,
            "<w:font w:name=\"{name}\"><w:altName w:val=\"{alternatives}\"/><w:charset w:val=\"86\"/><w:family w:val=\"modern\"/><w:pitch w:val=\"fixed\"/></w:font>"
        );
    }
    let _ = write!(xml, "<w:font w:name=\"{LATIN_FONT}\"><w:family w:val=\"roman\"/><w:pitch w:val=\"variable\"/></w:font>");
    xml.push_str("</w:fonts>");
    xml
}

fn footer_xml() -> String {
    format!(
        "{XML_HEAD}<w:ftr xmlns:w=\"{W_NS}\"><w:p><w:pPr><w:jc w:val=\"center\"/></w:pPr>\
<w:r><w:rPr><w:sz w:val=\"28\"/></w:rPr><w:t xml:space=\"preserve\">— </w:t></w:r>\
<w:r><w:fldChar w:fldCharType=\"begin\"/></w:r><w:r><w:instrText xml:space=\"preserve\"> PAGE </w:instrText></w:r>\
<w:r><w:fldChar w:fldCharType=\"separate\"/></w:r><w:r><w:rPr><w:sz w:val=\"28\"/></w:rPr><w:t>1</w:t></w:r><w:r><w:fldChar w:fldCharType=\"end\"/></w:r>\
<w:r><w:rPr><w:sz w:val=\"28\"/></w:rPr><w:t xml:space=\"preserve\"> —</w:t></w:r></w:p></w:ftr>"
    )
}

fn header_xml() -> String {
    format!(
        "{XML_HEAD}<w:hdr xmlns:w=\"{W_NS}\"><w:p><w:pPr><w:pStyle w:val=\"DraftMark\"/></w:pPr><w:r><w:t>{DRAFT_MARK}</w:t></w:r></w:p></w:hdr>"
    )
}

fn paragraph(xml: &mut String, style: &str, text: &str) {
    lines_paragraph(xml, style, &[text]);
}

/// A paragraph of `lines` separated by line breaks (a balanced title).
fn lines_paragraph<S: AsRef<str>>(xml: &mut String, style: &str, lines: &[S]) {
    let _ = write!(xml, "<w:p><w:pPr><w:pStyle w:val=\"{style}\"/></w:pPr>");
    runs(xml, lines);
    xml.push_str("</w:p>");
}

/// One run per line, a break between them.
fn runs<S: AsRef<str>>(xml: &mut String, lines: &[S]) {
    for (index, line) in lines.iter().enumerate() {
        let line = line.as_ref();
        if index > 0 {
            xml.push_str("<w:r><w:br/></w:r>");
        }
        if !line.is_empty() {
            let _ = write!(
                xml,
                "<w:r><w:t xml:space=\"preserve\">{}</w:t></w:r>",
                escape(line)
            );
        }
    }
}

/// The 落款 one empty line below the text, each line right-aligned at its GB/T 9704 indent.
fn write_closing(xml: &mut String, closing: &Closing) {
    // A half point is 10 twips: an em at 三号 is BODY_SIZE × 10 twips.
    const TWIPS_PER_QUARTER_EM: u32 = BODY_SIZE * 10 / 4;
    let (body_right, date_right) = super::closing_right_indents(closing);
    xml.push_str("<w:p><w:pPr><w:pStyle w:val=\"Closing\"/></w:pPr></w:p>");
    for (text, right) in [(&closing.body, body_right), (&closing.date, date_right)] {
        let _ = write!(
            xml,
            "<w:p><w:pPr><w:pStyle w:val=\"Closing\"/><w:ind w:right=\"{}\"/></w:pPr>",
            right * TWIPS_PER_QUARTER_EM
        );
        runs(xml, &[text.trim()]);
        xml.push_str("</w:p>");
    }
}

fn document_xml(report: &Report, options: RenderOptions) -> String {
    let mut xml = format!("{XML_HEAD}<w:document xmlns:w=\"{W_NS}\" xmlns:r=\"{R_NS}\"><w:body>");
    lines_paragraph(&mut xml, "Title", &title_lines(report));
    for block in blocks(report) {
        match block {
            Block::PartHeading(text) => paragraph(&mut xml, "Heading1", text),
            Block::SubHeading(text) => paragraph(&mut xml, "Heading2", text),
            Block::Paragraph(text) => paragraph(&mut xml, "BodyText", text),
            Block::Closing(closing) => write_closing(&mut xml, closing),
            Block::Table(table) => {
                write_table(&mut xml, report, table);
                // Word needs a paragraph between two tables and after the last one.
                xml.push_str("<w:p/>");
            }
        }
    }
    xml.push_str("<w:sectPr>");
    if options.draft {
        xml.push_str("<w:headerReference w:type=\"default\" r:id=\"rIdHeader\"/>");
    }
    xml.push_str(
        "<w:footerReference w:type=\"default\" r:id=\"rIdFooter\"/>\
<w:pgSz w:w=\"11906\" w:h=\"16838\"/>\
<w:pgMar w:top=\"2098\" w:right=\"1474\" w:bottom=\"1984\" w:left=\"1587\" w:header=\"851\" w:footer=\"992\" w:gutter=\"0\"/>\
<w:docGrid w:type=\"lines\" w:linePitch=\"579\"/></w:sectPr></w:body></w:document>",
    );
    xml
}

/// How a cell's paragraph is laid out: its alignment, and whether it keeps with the next row.
#[derive(Clone, Copy)]
struct CellLayout<'a> {
    align: &'a str,
    keep_next: bool,
}

fn cell_xml(
    xml: &mut String,
    width: u32,
    colspan: usize,
    merge: Option<&str>,
    layout: CellLayout,
    lines: &[&str],
) {
    let _ = write!(xml, "<w:tc><w:tcPr><w:tcW w:w=\"{width}\" w:type=\"dxa\"/>");
    if colspan > 1 {
        let _ = write!(xml, "<w:gridSpan w:val=\"{colspan}\"/>");
    }
    match merge {
        Some("restart") => xml.push_str("<w:vMerge w:val=\"restart\"/>"),
        Some(_) => xml.push_str("<w:vMerge/>"),
        None => {}
    }
    let keep = if layout.keep_next {
        "<w:keepNext/>"
    } else {
        ""
    };
    let _ = write!(
        xml,
        "<w:vAlign w:val=\"center\"/></w:tcPr><w:p><w:pPr><w:pStyle w:val=\"TableText\"/>{keep}<w:jc w:val=\"{}\"/></w:pPr>",
        layout.align
    );
    runs(xml, lines);
    xml.push_str("</w:p></w:tc>");
}

fn write_table(xml: &mut String, report: &Report, table: &TableLayout) {
    let total: u32 = table.widths.iter().sum();
    let _ = write!(
        xml,
        "<w:tbl><w:tblPr><w:tblW w:w=\"{total}\" w:type=\"dxa\"/><w:jc w:val=\"center\"/><w:tblBorders>"
    );
    for side in ["top", "left", "bottom", "right", "insideH", "insideV"] {
        let _ = write!(
            xml,
            "<w:{side} w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\"/>"
        );
    }
    xml.push_str("</w:tblBorders><w:tblLayout w:type=\"fixed\"/><w:tblCellMar><w:left w:w=\"57\" w:type=\"dxa\"/><w:right w:w=\"57\" w:type=\"dxa\"/></w:tblCellMar></w:tblPr><w:tblGrid>");
    for width in &table.widths {
        let _ = write!(xml, "<w:gridCol w:w=\"{width}\"/>");
    }
    xml.push_str("</w:tblGrid>");
    // Vertical merges still open: grid column → (rows left, colspan).
    let mut open: Vec<Option<(usize, usize)>> = vec![None; table.widths.len()];
    for (index, row) in table.rows.iter().enumerate() {
        // A table with repeated headers (三, 四) is kept on one page when it fits there: each
        // row keeps with the next, so it starts on a new page rather than run over two.
        let keep_next = table.header_rows > 0 && index + 1 < table.rows.len();
        let layout = |align| CellLayout { align, keep_next };
        xml.push_str("<w:tr><w:trPr>");
        // Rows never split across pages, except the first row of a table without repeated
        // headers (table 二's one-line block header): LibreOffice, meeting such a table near the
        // bottom of a page with that row unsplittable, lays out its first rows and drops every
        // row after them (tests/libreoffice.rs sweeps every page position).
        if index > 0 || table.header_rows > 0 {
            xml.push_str("<w:cantSplit/>");
        }
        if index < table.header_rows {
            xml.push_str("<w:tblHeader/>");
        }
        xml.push_str("</w:trPr>");
        let mut col = 0;
        while col < table.widths.len() {
            let width = |colspan: usize| table.widths[col..col + colspan].iter().sum::<u32>();
            if let Some((left, colspan)) = open[col] {
                cell_xml(
                    xml,
                    width(colspan),
                    colspan,
                    Some("continue"),
                    layout("center"),
                    &[],
                );
                open[col] = (left > 1).then_some((left - 1, colspan));
                col += colspan;
                continue;
            }
            let Some(cell) = row.iter().find(|cell| cell.col == col) else {
                // The layout covers every position (tested); an empty cell keeps Word's grid whole.
                cell_xml(xml, width(1), 1, None, layout("center"), &[]);
                col += 1;
                continue;
            };
            let data;
            let (align, lines) = match cell.content {
                Content::Header(text) => ("center", header_lines(text, width(cell.colspan))),
                Content::Label(text) => ("left", vec![text]),
                Content::Data(cell) => {
                    data = report.cell_text(cell);
                    ("center", vec![data.as_str()])
                }
            };
            let merge = (cell.rowspan > 1).then_some("restart");
            cell_xml(
                xml,
                width(cell.colspan),
                cell.colspan,
                merge,
                layout(align),
                &lines,
            );
            if cell.rowspan > 1 {
                open[col] = Some((cell.rowspan - 1, cell.colspan));
            }
            col += cell.colspan;
        }
        xml.push_str("</w:tr>");
    }
    xml.push_str("</w:tbl>");
}
