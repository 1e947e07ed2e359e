//! Saved web pages: the text a browser would copy from them, with a bound on nesting.

use super::ImportError;

pub(super) fn looks_like_html(text: &str) -> bool {
    let head: String = text.chars().take(512).collect::<String>().to_lowercase();
    let head = head.trim_start();
    head.starts_with("<!doctype html") || head.starts_with("<html") || head.contains("<body")
}

/// How deep a web page may nest its elements. Real report pages nest a few dozen levels; the HTML
/// parser checks scopes along the stack of open elements at each tag, so a page nested hundreds of
/// thousands deep would take minutes: refused before parsing.
pub(super) const MAX_HTML_DEPTH: usize = 1_000;

/// The nesting depth a page's tags reach, estimated in one pass without parsing: opening tags less
/// closing ones, not counting void elements, self-closed tags, comments and declarations, nor the
/// elements pages often leave unclosed (so an old page's unclosed paragraphs do not add up).
fn nesting_depth(html: &str) -> usize {
    const NOT_NESTING: [&str; 22] = [
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param",
        "source", "track", "wbr", "p", "li", "td", "th", "tr", "option", "dt", "dd",
    ];
    let bytes = html.as_bytes();
    let (mut depth, mut deepest, mut at) = (0usize, 0usize, 0usize);
    while let Some(found) = html[at..].find('<') {
        let start = at + found + 1;
        let closing = bytes.get(start) == Some(&b'/');
        let name_start = start + usize::from(closing);
        let name_end = bytes[name_start..]
            .iter()
            .position(|byte| !byte.is_ascii_alphanumeric())
            .map_or(bytes.len(), |end| name_start + end);
        let end = html[start..]
            .find('>')
            .map_or(bytes.len(), |end| start + end);
        let name = html[name_start..name_end].to_ascii_lowercase();
        let self_closed = end > start && bytes[end - 1] == b'/';
        if !name.is_empty() && !NOT_NESTING.contains(&name.as_str()) && !self_closed {
            if closing {
                depth = depth.saturating_sub(1);
            } else {
                depth += 1;
                deepest = deepest.max(depth);
            }
        }
        at = start;
    }
    deepest
}

/// A saved web page as the text a browser copies from it (its `innerText`): block elements on
/// lines of their own, a table row on one line with its cells separated by tabs, scripts and
/// styles left out, white space collapsed. The published-text importer then reads it as it
/// reads pasted text. Parsed by html5ever (through scraper), which builds a tree from any tag
/// soup without recursion, and walked iteratively, so hostile nesting cannot exhaust the stack.
pub(super) fn html_text(html: &str) -> Result<String, ImportError> {
    if nesting_depth(html) > MAX_HTML_DEPTH {
        return Err(ImportError::TooDeep);
    }
    use scraper::node::Node;
    use scraper::Html;

    const SKIPPED: [&str; 6] = ["head", "script", "style", "template", "noscript", "title"];
    const BLOCKS: [&str; 23] = [
        "address",
        "article",
        "aside",
        "blockquote",
        "caption",
        "dd",
        "div",
        "dl",
        "dt",
        "figure",
        "footer",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "header",
        "li",
        "ol",
        "p",
        "section",
        "ul",
    ];
    let document = Html::parse_document(html);
    let mut out = String::new();
    let mut skipped = 0usize;
    let mut in_cell = 0usize;
    let mut cells_in_row = 0usize;
    for edge in document.tree.root().traverse() {
        match edge {
            ego_tree::iter::Edge::Open(node) => match node.value() {
                Node::Element(element) => {
                    let name = element.name();
                    if SKIPPED.contains(&name) {
                        skipped += 1;
                    } else if skipped > 0 {
                    } else if name == "tr" {
                        super::end_line(&mut out);
                        cells_in_row = 0;
                    } else if name == "td" || name == "th" {
                        if cells_in_row > 0 {
                            out.push('\t');
                        }
                        cells_in_row += 1;
                        in_cell += 1;
                    } else if name == "br" || BLOCKS.contains(&name) || name == "table" {
                        // Inside a cell a paragraph break is a space: the row stays one line.
                        if in_cell > 0 {
                            out.push(' ');
                        } else {
                            super::end_line(&mut out);
                        }
                    }
                }
                Node::Text(text) if skipped == 0 => {
                    let mut last_space = out.ends_with([' ', '\t', '\n']) || out.is_empty();
                    for ch in text.chars() {
                        if ch.is_whitespace() || ch == '\u{a0}' {
                            if !last_space {
                                out.push(' ');
                                last_space = true;
                            }
                        } else {
                            out.push(ch);
                            last_space = false;
                        }
                    }
                }
                _ => {}
            },
            ego_tree::iter::Edge::Close(node) => {
                if let Node::Element(element) = node.value() {
                    let name = element.name();
                    if SKIPPED.contains(&name) {
                        skipped = skipped.saturating_sub(1);
                    } else if skipped > 0 {
                    } else if name == "td" || name == "th" {
                        in_cell = in_cell.saturating_sub(1);
                    } else if in_cell == 0
                        && (name == "tr" || name == "table" || BLOCKS.contains(&name))
                    {
                        super::end_line(&mut out);
                    }
                }
            }
        }
    }
    Ok(out
        .lines()
        .map(|line| {
            let cells: Vec<&str> = line.split('\t').map(str::trim).collect();
            cells.join("\t")
        })
        .collect::<Vec<_>>()
        .join("\n"))
}
