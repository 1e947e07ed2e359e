//! The finished report as a sequence of blocks — title, part headings, sub-headings, paragraphs,
//! tables — that the DOCX and HTML writers turn into files. Both read the same blocks, the same
//! labels and the same table layouts, so the two outputs cannot disagree.

pub mod docx;
pub mod html;
mod zip;

use crate::format::{PartKind, PARTS};
use crate::layout::{self, TableLayout};
use crate::report::{Narrative, Report};

/// The mark a report exported with errors carries in its header.
pub const DRAFT_MARK: &str = "草稿（未通过检查）";

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct RenderOptions {
    /// The report did not pass 检查: every page carries [`DRAFT_MARK`].
    pub draft: bool,
}

/// A piece of the report in reading order.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Block<'a> {
    PartHeading(&'static str),
    SubHeading(&'a str),
    Paragraph(&'a str),
    Table(&'static TableLayout),
}

/// The report's blocks after its title. A narrative text becomes one paragraph per line.
pub fn blocks(report: &Report) -> Vec<Block<'_>> {
    let mut blocks = Vec::new();
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
                    blocks.extend(
                        section
                            .text
                            .lines()
                            .map(str::trim)
                            .filter(|line| !line.is_empty())
                            .map(Block::Paragraph),
                    );
                }
            }
        }
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
