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

/// The elements that put their content on lines of their own.
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
/// The elements whose content is never text a reader sees.
const SKIPPED: [&str; 6] = ["head", "script", "style", "template", "noscript", "title"];

type Node<'a> = ego_tree::NodeRef<'a, scraper::node::Node>;

/// A saved web page as the text of the report inside it. A CMS page carries the report in an
/// article among menus, breadcrumbs and a footer: the page is read as a browser copies it (see
/// [`Copied`]); where part headings are found, only the element that holds them all (the
/// article) is kept, with the report's title line found before it, so site chrome is neither read
/// as the report's text nor listed for the user to check. A page without headings is read whole.
pub(super) fn html_text(html: &str) -> Result<String, ImportError> {
    if nesting_depth(html) > MAX_HTML_DEPTH {
        return Err(ImportError::TooDeep);
    }
    let document = scraper::Html::parse_document(html);
    let whole = Copied::of(document.tree.root());
    let Some(article) = whole.article(&document) else {
        return Ok(whole.text());
    };
    let inside = Copied::of(article);
    Ok(match whole.title_before(article.id(), &inside) {
        Some(title) => format!("{title}\n{}", inside.text()),
        None => inside.text(),
    })
}

/// Text as a browser copies it (its `innerText`): block elements on lines of their own, a table
/// row on one line with its cells separated by tabs, scripts and styles left out, white space
/// collapsed; each line with the innermost element open where it started. Parsed by html5ever
/// (through scraper), which builds a tree from any tag soup without recursion, and walked
/// iteratively, so hostile nesting cannot exhaust the stack.
struct Copied {
    text: String,
    /// (byte offset where a line starts, the innermost element open there).
    starts: Vec<(usize, ego_tree::NodeId)>,
}

/// Where a walk is: inside how many skipped elements and table cells, and which cell of its row.
#[derive(Default)]
struct Walk {
    skipped: usize,
    in_cell: usize,
    cells_in_row: usize,
}

impl Copied {
    fn of(root: Node<'_>) -> Copied {
        use scraper::node::Node;
        let mut copied = Copied {
            text: String::new(),
            starts: Vec::new(),
        };
        let mut walk = Walk::default();
        let mut open: Vec<ego_tree::NodeId> = vec![root.id()];
        for edge in root.traverse() {
            match edge {
                ego_tree::iter::Edge::Open(node) => match node.value() {
                    Node::Element(element) => {
                        open.push(node.id());
                        copied.open(element.name(), &mut walk);
                    }
                    Node::Text(text) if walk.skipped == 0 => {
                        copied.push_text(text, *open.last().unwrap_or(&root.id()));
                    }
                    _ => {}
                },
                ego_tree::iter::Edge::Close(node) => {
                    if let Node::Element(element) = node.value() {
                        open.pop();
                        copied.close(element.name(), &mut walk);
                    }
                }
            }
        }
        copied
    }

    fn open(&mut self, name: &str, walk: &mut Walk) {
        if SKIPPED.contains(&name) {
            walk.skipped += 1;
        } else if walk.skipped > 0 {
        } else if name == "tr" {
            self.end_line();
            walk.cells_in_row = 0;
        } else if name == "td" || name == "th" {
            if walk.cells_in_row > 0 {
                self.text.push('\t');
            }
            walk.cells_in_row += 1;
            walk.in_cell += 1;
        } else if name == "br" || BLOCKS.contains(&name) || name == "table" {
            // Inside a cell a paragraph break is a space: the row stays one line.
            if walk.in_cell > 0 {
                self.text.push(' ');
            } else {
                self.end_line();
            }
        }
    }

    fn close(&mut self, name: &str, walk: &mut Walk) {
        if SKIPPED.contains(&name) {
            walk.skipped = walk.skipped.saturating_sub(1);
        } else if walk.skipped > 0 {
        } else if name == "td" || name == "th" {
            walk.in_cell = walk.in_cell.saturating_sub(1);
        } else if walk.in_cell == 0 && (name == "tr" || name == "table" || BLOCKS.contains(&name)) {
            self.end_line();
        }
    }

    fn end_line(&mut self) {
        super::end_line(&mut self.text);
    }

    fn push_text(&mut self, text: &str, at: ego_tree::NodeId) {
        let mut last_space = self.text.ends_with([' ', '\t', '\n']) || self.text.is_empty();
        for ch in text.chars() {
            if ch.is_whitespace() || ch == '\u{a0}' {
                if !last_space {
                    self.text.push(' ');
                    last_space = true;
                }
            } else {
                if self.text.is_empty() || self.text.ends_with('\n') {
                    self.starts.push((self.text.len(), at));
                }
                self.text.push(ch);
                last_space = false;
            }
        }
    }

    /// Each line and the element it started in.
    fn lines(&self) -> impl Iterator<Item = (&str, ego_tree::NodeId)> + '_ {
        self.starts.iter().map(|(at, node)| {
            let line = self.text[*at..].split('\n').next().unwrap_or_default();
            (line, *node)
        })
    }

    /// The text, each line's cells trimmed.
    fn text(&self) -> String {
        self.text
            .lines()
            .map(|line| {
                let cells: Vec<&str> = line.split('\t').map(str::trim).collect();
                cells.join("\t")
            })
            .collect::<Vec<_>>()
            .join("\n")
    }

    /// The element that holds the report: the innermost one holding the first part heading and
    /// the last, when headings of at least two parts are found, in order.
    fn article<'a>(&self, document: &'a scraper::Html) -> Option<Node<'a>> {
        let headings: Vec<(usize, ego_tree::NodeId)> = self
            .lines()
            .filter(|(line, _)| !line.contains('\t'))
            .filter_map(|(line, node)| super::text::part_heading(line).map(|part| (part, node)))
            .collect();
        let (first_part, first) = *headings.first()?;
        let (last_part, last) = *headings.last()?;
        if last_part <= first_part {
            return None;
        }
        let first = document.tree.get(first)?;
        let holders: Vec<ego_tree::NodeId> = std::iter::once(first)
            .chain(first.ancestors())
            .map(|node| node.id())
            .collect();
        let last = document.tree.get(last)?;
        std::iter::once(last)
            .chain(last.ancestors())
            .find(|node| holders.contains(&node.id()))
            // The document itself is no article: the page is then read whole.
            .filter(|node| {
                node.parent()
                    .is_some_and(|parent| parent.parent().is_some())
            })
    }

    /// The report's title line when the article does not hold it: the last title-like line
    /// before the article (its own heading, after any breadcrumb).
    fn title_before(&self, article: ego_tree::NodeId, inside: &Copied) -> Option<String> {
        if inside.lines().any(|(line, _)| super::text::is_title(line)) {
            return None;
        }
        let first_inside = inside.starts.first().map(|(_, node)| *node);
        self.lines()
            .take_while(|(_, node)| *node != article && Some(*node) != first_inside)
            .filter(|(line, _)| super::text::is_title(line))
            .last()
            .map(|(line, _)| line.trim().to_owned())
    }
}
