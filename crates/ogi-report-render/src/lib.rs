//! ogi-report-render: the report as files — Word (公文 layout), self-contained HTML (and the print
//! view's article), the Excel workbook — over the core alone, with a ZIP writer of its own (stored
//! entries: no compression crate). The CLI and the file-work package use it; the page never links it.
//!
//! The finished report as a sequence of blocks — title, part headings, sub-headings, paragraphs,
//! tables — that the DOCX and HTML writers turn into files. Both read the same blocks, the same
//! labels and the same table layouts, so the two outputs cannot disagree.

pub mod docx;
pub mod html;
pub mod xlsx;
mod zip;

use ogi_report_core::format::{PartKind, PARTS};
use ogi_report_core::layout::{self, TableLayout};
pub use ogi_report_core::output::{Format, RenderOptions, DRAFT_MARK};
use ogi_report_core::report::{Closing, Narrative, Report};

/// The file's bytes in `format`. `options` marks a Word or HTML draft; the report file and the
/// workbook carry no mark.
pub fn render(format: Format, report: &Report, options: RenderOptions) -> Vec<u8> {
    match format {
        Format::Json => ogi_report_core::write_report(&report.with_computed_totals()).into_bytes(),
        Format::Docx => docx::render_docx(report, options),
        Format::Html => html::render_html(report, options).into_bytes(),
        Format::Xlsx => xlsx::render_xlsx(report),
    }
}

/// The tables' text: 小五 (9 pt), in half-points as Word counts it. Word, HTML and print use it,
/// so table 三 prints on one or two A4 pages with its column headers whole (`自然人`).
pub const TABLE_TEXT_HALF_POINTS: u32 = 18;

/// A table cell's side margins together, in twips (Word's `tblCellMar`; HTML pads a little more).
pub const CELL_MARGINS_TWIPS: u32 = 114;
/// The title's size: 二号 (22 pt), in twips per character.
const TITLE_EM_TWIPS: u32 = 440;

/// How wide `text` prints at `em` twips a character: CJK a full em, ASCII half.
fn printed_width(text: &str, em: u32) -> u32 {
    text.chars()
        .map(|ch| if ch.is_ascii() { em / 2 } else { em })
        .sum()
}

/// The title as printed: one line when it fits the text width at 二号, otherwise the body on
/// the first line and the year with the report's name on the second — balanced, and never
/// broken inside a word (`…政府信息公` / `开工作年度报告`).
pub fn title_lines(report: &Report) -> Vec<String> {
    let title = report.title();
    let body = report.meta.body.trim();
    if printed_width(&title, TITLE_EM_TWIPS) <= layout::TEXT_WIDTH_TWIPS || body.is_empty() {
        return vec![title];
    }
    let rest = title.strip_prefix(body).unwrap_or_default().to_owned();
    let mut lines = split_body(body);
    lines.push(rest);
    lines
}

/// Where a body's name may break: after a place (`某某省`, `某某市`, `某某自治县`…).
const PLACE_ENDS: [char; 9] = ['省', '市', '区', '县', '州', '盟', '旗', '镇', '乡'];

/// A body's name on the title's lines: whole when it fits one, otherwise broken after the place
/// nearest its middle (`某某自治区某某自治州某某自治县` / `人民政府办公室`); a name with no place
/// to break at is left to wrap.
fn split_body(body: &str) -> Vec<String> {
    let line = layout::TEXT_WIDTH_TWIPS;
    if printed_width(body, TITLE_EM_TWIPS) <= line {
        return vec![body.to_owned()];
    }
    let half = printed_width(body, TITLE_EM_TWIPS) / 2;
    let cut = body
        .char_indices()
        .filter(|(_, ch)| PLACE_ENDS.contains(ch))
        .map(|(at, ch)| at + ch.len_utf8())
        .filter(|at| *at < body.len())
        .filter(|at| {
            printed_width(&body[..*at], TITLE_EM_TWIPS) <= line
                && printed_width(&body[*at..], TITLE_EM_TWIPS) <= line
        })
        .min_by_key(|at| printed_width(&body[..*at], TITLE_EM_TWIPS).abs_diff(half));
    match cut {
        Some(at) => vec![body[..at].to_owned(), body[at..].to_owned()],
        None => vec![body.to_owned()],
    }
}

/// A table header's lines at the tables' size in a cell `width` twips wide: whole when it fits,
/// otherwise broken between its two-character words (`商业` / `企业`, `结果` / `维持`), never
/// inside one (`商业企` / `业`). Long headers (notes) wrap by themselves.
pub fn header_lines(text: &str, width: u32) -> Vec<&str> {
    const SHORT: usize = 8;
    let em = TABLE_TEXT_HALF_POINTS * 10;
    let room = width.saturating_sub(CELL_MARGINS_TWIPS + 6);
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    if printed_width(text, em) <= room || chars.len() > SHORT || chars.len() % 2 != 0 {
        return vec![text];
    }
    let per_line = ((room / em) as usize / 2 * 2).max(2);
    let mut lines = Vec::new();
    let mut start = 0;
    while start < chars.len() {
        let end = (start + per_line).min(chars.len());
        let to = chars.get(end).map_or(text.len(), |(at, _)| *at);
        lines.push(&text[chars[start].0..to]);
        start = end;
    }
    lines
}

/// A piece of the report in reading order.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Block<'a> {
    PartHeading(&'static str),
    SubHeading(&'a str),
    Paragraph(&'a str),
    Table(&'static TableLayout),
    /// The 落款 after the text (only when the report has one).
    Closing(&'a Closing),
}

/// Where the 落款's two lines end, as right indents in quarter ems, by GB/T 9704-2012 for a
/// document without a seal: the body 右空二字, the date on the next line starting two characters
/// further right; a date longer than that keeps 右空二字 and pushes the body left instead. (The
/// HTML gets the same from CSS alone: see `html.rs`.)
pub fn closing_right_indents(closing: &Closing) -> (u32, u32) {
    const TWO_CHARS: u32 = 8;
    let width = |text: &str| printed_width(text.trim(), 4);
    let (body, date) = (width(&closing.body), width(&closing.date));
    let date_right = (TWO_CHARS + body).saturating_sub(date + TWO_CHARS);
    if date_right >= TWO_CHARS {
        (TWO_CHARS, date_right)
    } else {
        (
            (TWO_CHARS + date + TWO_CHARS).saturating_sub(body),
            TWO_CHARS,
        )
    }
}

/// A text as paragraphs: one per non-empty line.
fn paragraphs(text: &str) -> impl Iterator<Item = Block<'_>> {
    text.lines()
        .map(str::trim)
        .filter(|line| !line.is_empty())
        .map(Block::Paragraph)
}

/// The report's blocks after its title: the 前言 (if any), the six parts, the 落款 (if any). A
/// narrative text becomes one paragraph per line.
pub fn blocks(report: &Report) -> Vec<Block<'_>> {
    let mut blocks: Vec<Block<'_>> = paragraphs(&report.preface).collect();
    for (index, part) in PARTS.iter().enumerate() {
        blocks.push(Block::PartHeading(part.heading));
        match part.kind {
            PartKind::Table => blocks.extend(layout::table(index).map(Block::Table)),
            PartKind::Narrative => {
                let Some(narrative) = Narrative::of_part(index) else {
                    continue;
                };
                for section in report.sections(narrative) {
                    if !section.heading.trim().is_empty() {
                        blocks.push(Block::SubHeading(section.heading.trim()));
                    }
                    blocks.extend(paragraphs(&section.text));
                }
            }
        }
    }
    if !report.closing.is_empty() {
        blocks.push(Block::Closing(&report.closing));
    }
    blocks
}

/// Escapes text for XML and HTML alike (content and attribute values), after [`clean`]. Line
/// breaks and tabs become spaces: paragraphs are split before text reaches a writer.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for ch in clean(text).chars() {
        match ch {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            '\t' | '\r' | '\n' => out.push(' '),
            _ => out.push(ch),
        }
    }
    out
}

/// Text a file may carry: control characters other than tab and line breaks removed (XML 1.0
/// forbids them and no document needs them), and the two non-characters U+FFFE/U+FFFF.
pub fn clean(text: &str) -> String {
    text.chars()
        .filter(|ch| !matches!(ch, '\u{0}'..='\u{8}' | '\u{B}' | '\u{C}' | '\u{E}'..='\u{1F}' | '\u{7F}' | '\u{FFFE}' | '\u{FFFF}'))
        .collect()
}
