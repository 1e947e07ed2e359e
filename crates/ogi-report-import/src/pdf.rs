//! PDF files: the text of each page with its positions, so that a table's columns survive. Every
//! piece of text the page shows is placed (text matrix, current transformation, font size and the
//! font's glyph widths); pieces on one baseline make a line, read left to right, and a gap wider
//! than a character between two pieces becomes a tab, as between a table's cells. Page numbers
//! printed as `— 5 —` are dropped.
//!
//! `lopdf` parses the file, its streams and the fonts' ToUnicode maps; placing text is written
//! here because the crate that does it (`pdf-extract`) panics on malformed files, and a file from
//! outside must get a message, never a crash. Before parsing, every compressed stream is inflated
//! once against a budget, so that a small file that inflates to gigabytes is refused.

use std::collections::HashMap;
use std::io::Read;

use lopdf::{Dictionary, Document, Object};

use super::ImportError;

const KIND: &str = "PDF 文件";
/// What all of a file's compressed streams may inflate to together.
const MAX_INFLATED: u64 = 96 * 1024 * 1024;
/// Pages read: an annual report has a few dozen.
const MAX_PAGES: usize = 200;

fn damaged(why: impl Into<String>) -> ImportError {
    ImportError::Damaged(KIND, why.into())
}

pub(super) fn pdf_text(bytes: &[u8]) -> Result<String, ImportError> {
    inflation_within_budget(bytes)?;
    let document = Document::load_mem(bytes)
        .map_err(|error| damaged(format!("文件结构无法解析（{}）", super::detail(error))))?;
    if document.is_encrypted() {
        return Err(damaged("文件有密码保护"));
    }
    let mut out = String::new();
    for (_, page) in document.get_pages().into_iter().take(MAX_PAGES) {
        let (pieces, rules) = page_pieces(&document, page);
        for line in lines(pieces, &rules) {
            if !super::tables::is_page_footer(&line) {
                out.push_str(&line);
                out.push('\n');
            }
        }
    }
    if out.trim().is_empty() {
        return Err(ImportError::NotReadable(
            "没有文字层的 PDF（可能是扫描件，只有图像）",
        ));
    }
    Ok(out)
}

/// Inflates every `FlateDecode`-looking stream once, counting the bytes, before the parser
/// inflates them without a bound.
fn inflation_within_budget(bytes: &[u8]) -> Result<(), ImportError> {
    let mut total = 0u64;
    let mut at = 0;
    while let Some(found) = find(&bytes[at..], b"stream") {
        let mut start = at + found + b"stream".len();
        at = start;
        if bytes[..start - b"stream".len()].ends_with(b"end") {
            continue;
        }
        if bytes.get(start) == Some(&b'\r') {
            start += 1;
        }
        if bytes.get(start) == Some(&b'\n') {
            start += 1;
        }
        let end = find(&bytes[start..], b"endstream").map_or(bytes.len(), |end| start + end);
        let budget = MAX_INFLATED - total;
        let mut decoder = flate2::read::ZlibDecoder::new(&bytes[start..end]).take(budget + 1);
        let inflated = std::io::copy(&mut decoder, &mut std::io::sink()).unwrap_or(0);
        total += inflated;
        if total > MAX_INFLATED {
            return Err(damaged(format!(
                "其中的压缩数据解压后超过 {} MB，不像一份年度报告",
                MAX_INFLATED / 1024 / 1024
            )));
        }
        at = end;
    }
    Ok(())
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack
        .windows(needle.len())
        .position(|window| window == needle)
}

/// A run of text shown at one place: its start and end on the baseline, in page units.
#[derive(Clone, Debug)]
struct Piece {
    x: f64,
    end: f64,
    y: f64,
    size: f64,
    text: String,
}

/// A font's decoding and glyph widths (in 1/1000 of the font size).
struct Font<'a> {
    encoding: Option<lopdf::Encoding<'a>>,
    two_byte: bool,
    widths: HashMap<u32, f64>,
    default_width: f64,
}

impl<'a> Font<'a> {
    fn new(document: &'a Document, font: &'a Dictionary) -> Font<'a> {
        let encoding = font.get_font_encoding(document).ok();
        let subtype = font.get(b"Subtype").and_then(Object::as_name).ok();
        let two_byte = subtype == Some(b"Type0".as_slice());
        let mut widths = HashMap::new();
        let number = |object: &Object| -> Option<f64> {
            match document.dereference(object).ok()?.1 {
                Object::Integer(value) => Some(*value as f64),
                Object::Real(value) => Some(f64::from(*value)),
                _ => None,
            }
        };
        let array = |dictionary: &'a Dictionary, key: &[u8]| -> Vec<Object> {
            dictionary
                .get_deref(key, document)
                .and_then(Object::as_array)
                .cloned()
                .unwrap_or_default()
        };
        let mut default_width = 500.0;
        if two_byte {
            default_width = 1000.0;
            let descendant = font
                .get_deref(b"DescendantFonts", document)
                .and_then(Object::as_array)
                .ok()
                .and_then(|fonts| fonts.first())
                .and_then(|first| document.dereference(first).ok())
                .and_then(|(_, object)| object.as_dict().ok());
            if let Some(descendant) = descendant {
                if let Ok(width) = descendant.get(b"DW") {
                    default_width = number(width).unwrap_or(1000.0);
                }
                // W: `c [w1 w2 …]` or `first last w`.
                let entries = array(descendant, b"W");
                let mut at = 0;
                while at + 1 < entries.len() && widths.len() < 65_536 {
                    let Some(first) = number(&entries[at]) else {
                        break;
                    };
                    match document.dereference(&entries[at + 1]).map(|(_, o)| o) {
                        Ok(Object::Array(list)) => {
                            for (offset, width) in list.iter().enumerate().take(65_536) {
                                if let Some(width) = number(width) {
                                    widths.insert(first as u32 + offset as u32, width);
                                }
                            }
                            at += 2;
                        }
                        _ => {
                            let (Some(last), Some(width)) = (
                                number(&entries[at + 1]),
                                entries.get(at + 2).and_then(number),
                            ) else {
                                break;
                            };
                            let (first, last) =
                                (first as u32, (last as u32).min(first as u32 + 65_536));
                            for code in first..=last {
                                widths.insert(code, width);
                            }
                            at += 3;
                        }
                    }
                }
            }
        } else {
            let first = font.get(b"FirstChar").ok().and_then(number).unwrap_or(0.0) as u32;
            for (offset, width) in array(font, b"Widths").iter().enumerate().take(256) {
                if let Some(width) = number(width) {
                    widths.insert(first + offset as u32, width);
                }
            }
        }
        Font {
            encoding,
            two_byte,
            widths,
            default_width,
        }
    }

    fn decode(&self, bytes: &[u8]) -> String {
        self.encoding
            .as_ref()
            .and_then(|encoding| Document::decode_text(encoding, bytes).ok())
            .unwrap_or_default()
    }

    /// The advance of `bytes` in text space units of size 1, and how many spaces (code 32) it has.
    fn advance(&self, bytes: &[u8]) -> (f64, usize, usize) {
        let codes: Vec<u32> = if self.two_byte {
            bytes
                .chunks(2)
                .map(|pair| {
                    pair.iter()
                        .fold(0u32, |code, byte| code << 8 | u32::from(*byte))
                })
                .collect()
        } else {
            bytes.iter().map(|byte| u32::from(*byte)).collect()
        };
        let width: f64 = codes
            .iter()
            .map(|code| self.widths.get(code).copied().unwrap_or(self.default_width))
            .sum();
        let spaces = if self.two_byte {
            0
        } else {
            codes.iter().filter(|code| **code == 32).count()
        };
        (width / 1000.0, codes.len(), spaces)
    }
}

type Matrix = [f64; 6];

fn multiply(a: &Matrix, b: &Matrix) -> Matrix {
    [
        a[0] * b[0] + a[1] * b[2],
        a[0] * b[1] + a[1] * b[3],
        a[2] * b[0] + a[3] * b[2],
        a[2] * b[1] + a[3] * b[3],
        a[4] * b[0] + a[5] * b[2] + b[4],
        a[4] * b[1] + a[5] * b[3] + b[5],
    ]
}

const IDENTITY: Matrix = [1.0, 0.0, 0.0, 1.0, 0.0, 0.0];

/// A table border drawn on the page: horizontal (at a height, from/to across) or vertical.
#[derive(Clone, Copy, Debug)]
struct Rule {
    horizontal: bool,
    at: f64,
    from: f64,
    to: f64,
}

/// The segments of a path, as drawn: a thin rectangle is the line along its middle.
/// A straight segment of a path, in page units.
type Segment = ((f64, f64), (f64, f64));

fn path_rules(segments: &[Segment], rules: &mut Vec<Rule>) {
    for ((x0, y0), (x1, y1)) in segments {
        let (dx, dy) = ((x1 - x0).abs(), (y1 - y0).abs());
        if dy <= 2.0 && dx > 3.0 {
            rules.push(Rule {
                horizontal: true,
                at: (y0 + y1) / 2.0,
                from: x0.min(*x1),
                to: x0.max(*x1),
            });
        } else if dx <= 2.0 && dy > 3.0 {
            rules.push(Rule {
                horizontal: false,
                at: (x0 + x1) / 2.0,
                from: y0.min(*y1),
                to: y0.max(*y1),
            });
        }
    }
}

/// The text a page shows, placed, and the borders it draws.
fn page_pieces(document: &Document, page: lopdf::ObjectId) -> (Vec<Piece>, Vec<Rule>) {
    let Ok(content) = document.get_and_decode_page_content(page) else {
        return (Vec::new(), Vec::new());
    };
    let mut rules = Vec::new();
    let mut path: Vec<Segment> = Vec::new();
    let mut point = (0.0, 0.0);
    let font_dictionaries = document.get_page_fonts(page).unwrap_or_default();
    let mut fonts: HashMap<Vec<u8>, Font> = HashMap::new();
    let mut pieces = Vec::new();
    let mut ctm = IDENTITY;
    let mut stack: Vec<Matrix> = Vec::new();
    let (mut tm, mut tlm) = (IDENTITY, IDENTITY);
    let (mut font_name, mut size) = (Vec::new(), 0.0f64);
    let (mut char_spacing, mut word_spacing, mut scale, mut leading) = (0.0, 0.0, 1.0, 0.0);
    let number = |object: &Object| -> f64 {
        match object {
            Object::Integer(value) => *value as f64,
            Object::Real(value) => f64::from(*value),
            _ => 0.0,
        }
    };
    for operation in &content.operations {
        let operands: Vec<f64> = operation.operands.iter().map(number).collect();
        let at = |index: usize| operands.get(index).copied().unwrap_or(0.0);
        let mut shown: Vec<(&[u8], f64)> = Vec::new();
        let place = |x: f64, y: f64| {
            let m = multiply(&[1.0, 0.0, 0.0, 1.0, x, y], &ctm);
            (m[4], m[5])
        };
        match operation.operator.as_str() {
            "m" => point = place(at(0), at(1)),
            "l" if path.len() < 100_000 => {
                let to = place(at(0), at(1));
                path.push((point, to));
                point = to;
            }
            "re" if path.len() < 100_000 => {
                let (x, y, w, h) = (at(0), at(1), at(2), at(3));
                if h.abs() <= 2.0 || w.abs() <= 2.0 {
                    let (a, b) = if h.abs() <= 2.0 {
                        ((x, y + h / 2.0), (x + w, y + h / 2.0))
                    } else {
                        ((x + w / 2.0, y), (x + w / 2.0, y + h))
                    };
                    path.push((place(a.0, a.1), place(b.0, b.1)));
                } else {
                    let corners = [(x, y), (x + w, y), (x + w, y + h), (x, y + h), (x, y)];
                    for pair in corners.windows(2) {
                        path.push((place(pair[0].0, pair[0].1), place(pair[1].0, pair[1].1)));
                    }
                }
            }
            "S" | "s" | "f" | "F" | "f*" | "B" | "B*" | "b" | "b*" => {
                if rules.len() < 100_000 {
                    path_rules(&path, &mut rules);
                }
                path.clear();
            }
            "n" => path.clear(),
            "q" if stack.len() < 64 => stack.push(ctm),
            "Q" => ctm = stack.pop().unwrap_or(IDENTITY),
            "cm" if operands.len() == 6 => {
                ctm = multiply(&[at(0), at(1), at(2), at(3), at(4), at(5)], &ctm);
            }
            "BT" => {
                tm = IDENTITY;
                tlm = IDENTITY;
            }
            "Tf" => {
                font_name = operation
                    .operands
                    .first()
                    .and_then(|name| name.as_name().ok())
                    .map(<[u8]>::to_vec)
                    .unwrap_or_default();
                size = at(1);
            }
            "Tc" => char_spacing = at(0),
            "Tw" => word_spacing = at(0),
            "Tz" => scale = at(0) / 100.0,
            "TL" => leading = at(0),
            "Td" | "TD" => {
                if operation.operator == "TD" {
                    leading = -at(1);
                }
                tlm = multiply(&[1.0, 0.0, 0.0, 1.0, at(0), at(1)], &tlm);
                tm = tlm;
            }
            "Tm" if operands.len() == 6 => {
                tlm = [at(0), at(1), at(2), at(3), at(4), at(5)];
                tm = tlm;
            }
            "T*" => {
                tlm = multiply(&[1.0, 0.0, 0.0, 1.0, 0.0, -leading], &tlm);
                tm = tlm;
            }
            "Tj" | "'" | "\"" => {
                if operation.operator != "Tj" {
                    tlm = multiply(&[1.0, 0.0, 0.0, 1.0, 0.0, -leading], &tlm);
                    tm = tlm;
                }
                if let Some(Ok(bytes)) = operation.operands.last().map(Object::as_str) {
                    shown.push((bytes, 0.0));
                }
            }
            "TJ" => {
                if let Some(Ok(items)) = operation.operands.first().map(Object::as_array) {
                    let mut adjust = 0.0;
                    for item in items {
                        match item {
                            Object::String(bytes, _) => {
                                shown.push((bytes.as_slice(), adjust));
                                adjust = 0.0;
                            }
                            other => adjust += number(other),
                        }
                    }
                }
            }
            _ => {}
        }
        if shown.is_empty() {
            continue;
        }
        if !fonts.contains_key(&font_name) {
            if let Some(dictionary) = font_dictionaries.get(&font_name) {
                fonts.insert(font_name.clone(), Font::new(document, dictionary));
            }
        }
        let Some(font) = fonts.get(&font_name) else {
            continue;
        };
        for (bytes, adjust) in shown {
            // A TJ adjustment moves left by thousandths of the font size.
            tm = multiply(
                &[1.0, 0.0, 0.0, 1.0, -adjust / 1000.0 * size * scale, 0.0],
                &tm,
            );
            let (width, glyphs, spaces) = font.advance(bytes);
            let advance =
                (width * size + char_spacing * glyphs as f64 + word_spacing * spaces as f64)
                    * scale;
            let start = multiply(&tm, &ctm);
            tm = multiply(&[1.0, 0.0, 0.0, 1.0, advance, 0.0], &tm);
            let end = multiply(&tm, &ctm);
            let text = font.decode(bytes);
            let rendered = (start[2] * start[2] + start[3] * start[3]).sqrt() * size;
            if !text.trim().is_empty() && pieces.len() < 200_000 {
                pieces.push(Piece {
                    x: start[4],
                    end: end[4],
                    y: start[5],
                    size: rendered.abs().max(1.0),
                    text,
                });
            }
        }
    }
    (pieces, rules)
}

/// Text inside a table's drawn row (between two horizontal borders) makes one line whose cells
/// are the spaces between vertical borders, each cell's text read top to bottom — so a label or a
/// number wrapped inside its cell stays whole, and an empty cell stays in its place. Other text:
/// pieces on one baseline make a line, read left to right, a gap of more than a character's width
/// being a tab and a smaller one a space. Lines come top to bottom.
fn lines(mut pieces: Vec<Piece>, rules: &[Rule]) -> Vec<String> {
    pieces.retain(|piece| piece.x.is_finite() && piece.y.is_finite() && piece.end.is_finite());
    let (horizontal, vertical): (Vec<Rule>, Vec<Rule>) = rules
        .iter()
        .filter(|rule| rule.at.is_finite() && rule.from.is_finite() && rule.to.is_finite())
        .partition(|rule| rule.horizontal);
    // (top of the row, bottom of the row) for a piece inside a drawn row.
    let band_of = |piece: &Piece| -> Option<(f64, f64)> {
        let middle = (piece.x + piece.end) / 2.0;
        let covering = horizontal
            .iter()
            .filter(|rule| rule.from - 1.0 <= middle && middle <= rule.to + 1.0);
        let above = covering
            .clone()
            .filter(|rule| rule.at > piece.y)
            .map(|rule| rule.at)
            .min_by(f64::total_cmp)?;
        let below = covering
            .filter(|rule| rule.at < piece.y)
            .map(|rule| rule.at)
            .max_by(f64::total_cmp)?;
        (above - below < 300.0).then_some((above, below))
    };
    let mut items: Vec<(f64, f64, String)> = Vec::new();
    let mut loose = Vec::new();
    let mut bands: Vec<((f64, f64), Vec<Piece>)> = Vec::new();
    for piece in pieces {
        match band_of(&piece) {
            Some(band) => match bands
                .iter_mut()
                .find(|(known, _)| (known.0 - band.0).abs() < 0.5 && (known.1 - band.1).abs() < 0.5)
            {
                Some((_, members)) => members.push(piece),
                None => bands.push((band, vec![piece])),
            },
            None => loose.push(piece),
        }
    }
    for ((top, bottom), members) in bands {
        let mut borders: Vec<f64> = vertical
            .iter()
            .filter(|rule| rule.to > bottom + 2.0 && rule.from < top - 2.0)
            .map(|rule| rule.at)
            .collect();
        borders.sort_by(f64::total_cmp);
        borders.dedup_by(|a, b| (*a - *b).abs() < 1.0);
        let left = members
            .iter()
            .map(|piece| piece.x)
            .fold(f64::INFINITY, f64::min);
        let slots = borders.len().saturating_sub(1).max(1);
        let mut cells: Vec<Vec<Piece>> = vec![Vec::new(); slots];
        for piece in members {
            let middle = (piece.x + piece.end) / 2.0;
            let slot = borders.iter().filter(|border| **border < middle).count();
            cells[slot.saturating_sub(1).min(slots - 1)].push(piece);
        }
        let texts: Vec<String> = cells
            .into_iter()
            .map(|mut cell| {
                cell.sort_by(|a, b| b.y.total_cmp(&a.y).then(a.x.total_cmp(&b.x)));
                joined(cell)
            })
            .collect();
        let first = texts.iter().position(|text| !text.is_empty()).unwrap_or(0);
        // Empty cells before the first text are merged label columns; those after it keep
        // the numbers' columns.
        items.push((top, left, texts[first..].join("\t")));
    }
    loose.sort_by(|a, b| b.y.total_cmp(&a.y).then(a.x.total_cmp(&b.x)));
    let mut grouped: Vec<Vec<Piece>> = Vec::new();
    for piece in loose {
        match grouped.last_mut() {
            Some(line) if (line[0].y - piece.y).abs() <= line[0].size * 0.35 => line.push(piece),
            _ => grouped.push(vec![piece]),
        }
    }
    for mut line in grouped {
        line.sort_by(|a, b| a.x.total_cmp(&b.x));
        let (y, x) = (line[0].y, line[0].x);
        let mut text = String::new();
        let mut last_end: Option<f64> = None;
        for piece in line {
            if let Some(end) = last_end {
                let gap = piece.x - end;
                if gap > piece.size * 0.9 {
                    text.push('\t');
                } else if gap > piece.size * 0.2 && !text.ends_with(' ') {
                    text.push(' ');
                }
            }
            text.push_str(&piece.text);
            last_end = Some(last_end.map_or(piece.end, |end: f64| end.max(piece.end)));
        }
        items.push((y, x, text));
    }
    items.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.total_cmp(&b.1)));
    items.into_iter().map(|(_, _, text)| text).collect()
}

/// A cell's pieces, top to bottom, as one text: wrapped lines joined without a break (Chinese
/// and digits wrap mid-word), pieces on one baseline with a space where there is a gap.
fn joined(cell: Vec<Piece>) -> String {
    let mut text = String::new();
    let mut previous: Option<Piece> = None;
    for piece in cell {
        if let Some(before) = &previous {
            let same_line = (before.y - piece.y).abs() <= before.size * 0.35;
            if same_line && piece.x - before.end > piece.size * 0.2 && !text.ends_with(' ') {
                text.push(' ');
            }
        }
        text.push_str(piece.text.trim());
        previous = Some(piece);
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    fn piece(x: f64, end: f64, y: f64, text: &str) -> Piece {
        Piece {
            x,
            end,
            y,
            size: 10.0,
            text: text.to_owned(),
        }
    }

    #[test]
    fn pieces_on_a_baseline_make_a_line_and_wide_gaps_make_cells() {
        let lines = lines(
            vec![
                piece(100.0, 110.0, 700.0, "5"),
                piece(10.0, 60.0, 701.0, "予以公开"),
                piece(62.0, 80.0, 701.5, "情况"),
                piece(10.0, 40.0, 680.0, "二、"),
            ],
            &[],
        );
        assert_eq!(lines, ["予以公开情况\t5", "二、"]);
    }

    #[test]
    fn hostile_files_get_a_reason() {
        assert!(matches!(
            pdf_text(b"%PDF-1.7\n garbage"),
            Err(ImportError::Damaged(..))
        ));
        // A stream of zeros that inflates far beyond the budget.
        let mut encoder = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::best());
        let zeros = vec![0u8; 1024 * 1024];
        for _ in 0..100 {
            std::io::Write::write_all(&mut encoder, &zeros).unwrap();
        }
        let mut bomb = b"%PDF-1.7\n1 0 obj <</Filter /FlateDecode>> stream\n".to_vec();
        bomb.extend(encoder.finish().unwrap());
        bomb.extend(b"\nendstream endobj\n");
        let refused = pdf_text(&bomb).unwrap_err();
        assert!(refused.to_string().contains("解压后超过"), "{refused}");
    }
}
