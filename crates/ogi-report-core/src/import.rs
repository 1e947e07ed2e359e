//! Reading the reports people have into a report: [`import_file`] takes a file's bytes — our
//! report file, a saved web page (read as the text a browser would copy from it) or text — and
//! refuses what it cannot read yet with a reason. [`import_text`] reads a published report's text
//! (copied from its web page): half- and full-width brackets, spaces inside labels, small typos,
//! the heading aliases of format-2021.md, tables as tab-separated lines whose merged cells spread
//! over extra tabs, rows that carry an extra number, and numbers split across lines. Nothing is guessed silently: the
//! [`Summary`] lists every cell filled, every cell left blank and every line not understood.

use crate::format::{
    HEADING_ALIASES, PARTS, PART_APPEALS, PART_OTHER_MATTERS, PART_OVERVIEW, PART_PROACTIVE,
    PART_PROBLEMS, PART_REQUESTS, REQUEST_COLS, REQUEST_ROWS, TITLE_SUFFIX,
};
use crate::layout;
use crate::report::{BodyType, CellRef, Narrative, Report, Section};

/// What an import did, for the user to confirm before it becomes a draft.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Summary {
    pub filled: Vec<String>,
    pub blank: Vec<String>,
    /// (line number from 1, the line, why) for lines that were not placed.
    pub not_understood: Vec<(usize, String, String)>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NotAReport;

impl std::fmt::Display for NotAReport {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("这段文字中没有找到政府信息公开工作年度报告（没有标题，也没有“一、总体情况”等部分标题）。")
    }
}

/// Brackets, colons and spaces as a comparison sees them: `(一) 予以公开` equals `（一）予以公开`.
fn normalise(text: &str) -> String {
    text.chars()
        .filter(|ch| !ch.is_whitespace() && *ch != '\u{3000}')
        .map(|ch| match ch {
            '(' => '（',
            ')' => '）',
            ',' => '，',
            ':' => '：',
            ';' => '；',
            '"' => '“',
            _ => ch,
        })
        .collect()
}

/// Dice similarity of character bigrams: tolerant of a typo or a dropped character.
fn similarity(a: &str, b: &str) -> f64 {
    let bigrams = |text: &str| {
        let chars: Vec<char> = text.chars().collect();
        chars
            .windows(2)
            .map(|pair| (pair[0], pair[1]))
            .collect::<Vec<_>>()
    };
    let (left, mut right) = (bigrams(a), bigrams(b));
    if left.is_empty() || right.is_empty() {
        return if a == b { 1.0 } else { 0.0 };
    }
    let total = left.len() + right.len();
    let mut shared = 0;
    for pair in left {
        if let Some(at) = right.iter().position(|other| *other == pair) {
            right.swap_remove(at);
            shared += 1;
        }
    }
    2.0 * shared as f64 / total as f64
}

/// The part a heading line starts, if it is one (canonical, alias, or a close variant).
fn part_heading(line: &str) -> Option<usize> {
    let text = normalise(line);
    if text.chars().count() > 40 || text.ends_with('。') {
        return None;
    }
    for (index, part) in PARTS.iter().enumerate() {
        if text == part.heading {
            return Some(index);
        }
    }
    if let Some((_, index)) = HEADING_ALIASES
        .iter()
        .find(|(alias, _)| normalise(alias) == text)
    {
        return Some(*index);
    }
    PARTS
        .iter()
        .enumerate()
        .filter(|(_, part)| text.starts_with(part.heading.split('、').next().unwrap_or_default()))
        .map(|(index, part)| (index, similarity(&text, part.heading)))
        .filter(|(_, score)| *score >= 0.6)
        .max_by(|a, b| a.1.total_cmp(&b.1))
        .map(|(index, _)| index)
}

/// A sub-heading such as `(一) 主动公开情况`: short, numbered, not a sentence.
fn sub_heading(line: &str) -> Option<String> {
    let text = normalise(line);
    let numbered = text.starts_with('（') && text.chars().nth(2) == Some('）');
    (numbered && text.chars().count() <= 40 && !text.ends_with('。')).then_some(text)
}

/// A token that stands for a cell value (a number, or a placeholder such as `/`).
fn is_value(token: &str) -> bool {
    let token = token.trim();
    !token.is_empty()
        && (token
            .chars()
            .all(|ch| ch.is_ascii_digit() || ('０'..='９').contains(&ch) || ",.，．".contains(ch))
            || crate::format::PLACEHOLDERS.contains(&token))
}

/// Splits a table line into (label text, values).
fn split_row(line: &str) -> (String, Vec<String>) {
    let cells: Vec<&str> = line
        .split('\t')
        .map(str::trim)
        .filter(|cell| !cell.is_empty())
        .collect();
    let first_value = cells
        .iter()
        .position(|cell| is_value(cell))
        .unwrap_or(cells.len());
    let label = normalise(&cells[..first_value].join(""));
    let values = cells[first_value..]
        .iter()
        .take_while(|cell| is_value(cell))
        .map(|cell| (*cell).to_owned())
        .collect();
    (label, values)
}

/// The table 三 row a label names, searching from `from` on (rows come in order).
fn request_row(label: &str, from: usize) -> Option<usize> {
    let candidates = |spec: &crate::format::RequestRow| -> Vec<String> {
        let mut names = vec![normalise(spec.label())];
        // A copied label often carries its parent's text before it: `（三）不予公开1.属于国家秘密`.
        names.push(
            spec.label_path()
                .into_iter()
                .flatten()
                .map(normalise)
                .collect::<Vec<_>>()
                .join(""),
        );
        names
    };
    REQUEST_ROWS
        .iter()
        .enumerate()
        .skip(from)
        .map(|(row, spec)| {
            let score = candidates(spec)
                .iter()
                .map(|name| {
                    if label.ends_with(name.as_str()) {
                        1.0
                    } else {
                        similarity(label, name)
                    }
                })
                .fold(0.0, f64::max);
            (row, score)
        })
        .filter(|(_, score)| *score >= 0.7)
        .max_by(|a, b| a.1.total_cmp(&b.1).then(b.0.cmp(&a.0)))
        .map(|(row, _)| row)
}

/// Reads the text of a published report.
pub fn import_text(text: &str) -> Result<(Report, Summary), NotAReport> {
    let mut report = Report::new_draft();
    for part in Narrative::ALL {
        report.set_sections(part, Vec::new());
    }
    let mut summary = Summary::default();
    let mut titled = false;
    let mut part: Option<usize> = None;
    let mut parts_seen = [false; 6];
    let mut request_from = 0;
    let mut pending: Option<(Vec<CellRef>, Vec<String>)> = None;
    let mut appeal_values: Vec<String> = Vec::new();

    let lines: Vec<&str> = text.lines().collect();
    for (number, raw) in lines.iter().enumerate() {
        let line = raw.trim_start_matches(['#', ' ']).trim_end();
        let line = line.strip_prefix("- ").unwrap_or(line);
        if line.trim().is_empty() {
            continue;
        }
        let note = |summary: &mut Summary, why: &str| {
            summary
                .not_understood
                .push((number + 1, raw.trim().to_owned(), why.to_owned()))
        };
        if !titled && !line.contains('\t') {
            let text = normalise(line);
            if let Some(head) = text.strip_suffix(TITLE_SUFFIX) {
                let digits: String = head
                    .chars()
                    .rev()
                    .take_while(char::is_ascii_digit)
                    .collect::<Vec<_>>()
                    .into_iter()
                    .rev()
                    .collect();
                if digits.len() == 4 {
                    report.meta.year = digits.parse().ok();
                    report.meta.body = head[..head.len() - 4].to_owned();
                    report.meta.body_type = if report.meta.body.ends_with("人民政府") {
                        BodyType::Government
                    } else {
                        BodyType::Department
                    };
                    titled = true;
                    continue;
                }
            }
        }
        if !line.contains('\t') {
            // Parts come in order: a later heading only.
            if let Some(index) =
                part_heading(line).filter(|index| part.is_none_or(|current| *index > current))
            {
                part = Some(index);
                parts_seen[index] = true;
                continue;
            }
        }
        let Some(current) = part else {
            note(&mut summary, "在第一个部分标题之前");
            continue;
        };
        match current {
            PART_OVERVIEW | PART_PROBLEMS | PART_OTHER_MATTERS => {
                let narrative = Narrative::of_part(current).unwrap_or(Narrative::Overview);
                let sections = report.sections_mut(narrative);
                if let Some(heading) = sub_heading(line) {
                    sections.push(Section::new(&heading, ""));
                    continue;
                }
                if sections.is_empty() {
                    sections.push(Section::default());
                }
                let section = sections.last_mut().expect("a section was just ensured");
                if !section.text.is_empty() {
                    section.text.push('\n');
                }
                section.text.push_str(line.trim());
            }
            PART_PROACTIVE => {
                let (label, values) = split_row(line);
                let cells: Vec<CellRef> = layout::tables()[0]
                    .rows
                    .iter()
                    .filter(|row| {
                        row.iter()
                            .any(|cell| cell.content == layout::Content::Label(label_of(&label)))
                    })
                    .flat_map(|row| {
                        row.iter().filter_map(|cell| match cell.content {
                            layout::Content::Data(data) => Some(data),
                            _ => None,
                        })
                    })
                    .collect();
                if cells.is_empty() {
                    if values.is_empty() {
                        continue; // a block or column header
                    }
                    note(&mut summary, "表二中无法对应到行");
                    continue;
                }
                for (cell, value) in cells.iter().zip(&values) {
                    store(&mut report, *cell, value, &mut summary);
                }
            }
            PART_REQUESTS => {
                let (label, values) = split_row(line);
                if let Some((cells, mut carried)) = pending.take() {
                    if label.is_empty() {
                        // More of the previous row's numbers, on a line of their own.
                        carried.extend(values);
                        if carried.len() < REQUEST_COLS {
                            pending = Some((cells, carried));
                        } else {
                            place_row(&mut report, &cells, &carried, number, raw, &mut summary);
                        }
                        continue;
                    }
                    place_row(&mut report, &cells, &carried, number, raw, &mut summary);
                }
                if values.is_empty()
                    && !label.is_empty()
                    && request_row(&label, request_from).is_none()
                {
                    continue; // header text
                }
                match request_row(&label, request_from) {
                    Some(row) => {
                        request_from = row + 1;
                        let cells: Vec<CellRef> = (0..REQUEST_COLS)
                            .map(|col| CellRef::Request { row, col })
                            .collect();
                        if values.len() < REQUEST_COLS {
                            pending = Some((cells, values));
                        } else {
                            place_row(&mut report, &cells, &values, number, raw, &mut summary);
                        }
                    }
                    None if values.is_empty() => {}
                    None => note(&mut summary, "表三中无法对应到行"),
                }
            }
            PART_APPEALS => {
                let (label, values) = split_row(line);
                if label.is_empty() || !values.is_empty() {
                    appeal_values.extend(values);
                }
            }
            _ => note(&mut summary, "无法归入任何部分"),
        }
    }
    if let Some((cells, carried)) = pending.take() {
        place_row(&mut report, &cells, &carried, lines.len(), "", &mut summary);
    }
    let appeal_cells: Vec<CellRef> = CellRef::all()
        .filter(|cell| matches!(cell, CellRef::Appeal { .. }))
        .collect();
    for (cell, value) in appeal_cells.iter().zip(&appeal_values) {
        store(&mut report, *cell, value, &mut summary);
    }
    if !titled && parts_seen.iter().filter(|seen| **seen).count() < 2 {
        return Err(NotAReport);
    }
    // A part whose heading never came is missing (R13); so is a narrative part left empty.
    for (index, spec) in PARTS.iter().enumerate() {
        let empty = Narrative::of_part(index).is_some_and(|n| report.sections(n).is_empty());
        if !parts_seen[index] || empty {
            report.missing.push(spec.key.to_owned());
        }
    }
    summary.blank = CellRef::all()
        .filter(|cell| report.cell_is_blank(*cell))
        .map(CellRef::path)
        .collect();
    Ok((report, summary))
}

/// The table 二 row label a copied label names.
fn label_of(label: &str) -> &'static str {
    layout::tables()[0]
        .rows
        .iter()
        .flatten()
        .filter_map(|cell| match cell.content {
            layout::Content::Label(text) => Some(text),
            _ => None,
        })
        .find(|text| normalise(text) == label)
        .unwrap_or("")
}

fn store(report: &mut Report, cell: CellRef, value: &str, summary: &mut Summary) {
    report.set_text(cell, value);
    summary.filled.push(cell.path());
}

fn place_row(
    report: &mut Report,
    cells: &[CellRef],
    values: &[String],
    number: usize,
    raw: &str,
    summary: &mut Summary,
) {
    for (cell, value) in cells.iter().zip(values) {
        store(report, *cell, value, summary);
    }
    if values.len() > cells.len() {
        summary.not_understood.push((
            number + 1,
            raw.trim().to_owned(),
            format!(
                "这一行有 {} 个数字，表格只有 {} 列；多出的已略去",
                values.len(),
                cells.len()
            ),
        ));
    }
}

/// The largest file an import reads: a report's text or file is far smaller; anything larger is
/// refused before it is looked at.
pub const MAX_IMPORT_BYTES: usize = 20 * 1024 * 1024;

/// Why a file brought in could not become a report.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ImportError {
    TooLarge {
        bytes: usize,
    },
    /// A web page nested far deeper than any page a browser shows (built to stall a parser).
    TooDeep,
    NotUtf8,
    /// A kind of file whose reader does not exist yet (named as the user knows it).
    NotReadableYet(&'static str),
    /// A report file (JSON) that cannot be read.
    File(crate::file::FileError),
    NotAReport,
}

impl std::fmt::Display for ImportError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ImportError::TooLarge { bytes } => write!(
                f,
                "文件过大（{:.1} MB），未读取；年度报告的文件一般不超过 {} MB。",
                *bytes as f64 / 1_048_576.0,
                MAX_IMPORT_BYTES / 1_048_576
            ),
            ImportError::TooDeep => write!(
                f,
                "网页文件的结构嵌套超过 {MAX_HTML_DEPTH} 层，不像正常的报告网页，未读取。请在浏览器中打开该网页，全选复制文字后粘贴导入。"
            ),
            ImportError::NotUtf8 => f.write_str("文件不是 UTF-8 编码的文本。"),
            ImportError::NotReadableYet(kind) => write!(
                f,
                "暂时还不能直接读取{kind}。请打开该文件，全选并复制报告的文字，粘贴到“导入已发布报告”的文本框中。"
            ),
            ImportError::File(error) => error.fmt(f),
            ImportError::NotAReport => NotAReport.fmt(f),
        }
    }
}

impl std::error::Error for ImportError {}

/// What an import read, beside the report: [`Summary`], or nothing to confirm for a report file
/// of our own (every cell is as the file has it).
pub type Imported = (Report, Option<Summary>);

/// Reads a file the user brought — our report file, a saved web page, or a published report's
/// text — by what its bytes are, not by its name alone. `file_name` only decides between kinds the bytes leave open.
pub fn import_file(bytes: &[u8], file_name: &str) -> Result<Imported, ImportError> {
    if bytes.len() > MAX_IMPORT_BYTES {
        return Err(ImportError::TooLarge { bytes: bytes.len() });
    }
    if bytes.starts_with(b"PK\x03\x04") {
        return Err(ImportError::NotReadableYet("Word 文件（.docx）"));
    }
    if bytes.starts_with(b"%PDF") {
        return Err(ImportError::NotReadableYet("PDF 文件"));
    }
    if bytes.starts_with(b"\xD0\xCF\x11\xE0") {
        return Err(ImportError::NotReadableYet("旧版 Word 文件（.doc）"));
    }
    let text = std::str::from_utf8(bytes).map_err(|_| ImportError::NotUtf8)?;
    let text = text.strip_prefix('\u{FEFF}').unwrap_or(text);
    let name = file_name.to_lowercase();
    if text.trim_start().starts_with('{') || name.ends_with(".json") {
        return crate::file::read_report(text)
            .map(|report| (report, None))
            .map_err(ImportError::File);
    }
    let page;
    let text = if looks_like_html(text) || name.ends_with(".html") || name.ends_with(".htm") {
        if nesting_depth(text) > MAX_HTML_DEPTH {
            return Err(ImportError::TooDeep);
        }
        page = html_text(text);
        page.as_str()
    } else {
        text
    };
    import_text(text)
        .map(|(report, summary)| (report, Some(summary)))
        .map_err(|NotAReport| ImportError::NotAReport)
}

fn looks_like_html(text: &str) -> bool {
    let head: String = text.chars().take(512).collect::<String>().to_lowercase();
    let head = head.trim_start();
    head.starts_with("<!doctype html") || head.starts_with("<html") || head.contains("<body")
}

/// How deep a web page may nest its elements. Real report pages nest a few dozen levels; the HTML
/// parser checks scopes along the stack of open elements at each tag, so a page nested hundreds of
/// thousands deep would take minutes: refused before parsing.
const MAX_HTML_DEPTH: usize = 1_000;

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
fn html_text(html: &str) -> String {
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
    let new_line = |out: &mut String| {
        if !out.is_empty() && !out.ends_with('\n') {
            out.push('\n');
        }
    };
    for edge in document.tree.root().traverse() {
        match edge {
            ego_tree::iter::Edge::Open(node) => match node.value() {
                Node::Element(element) => {
                    let name = element.name();
                    if SKIPPED.contains(&name) {
                        skipped += 1;
                    } else if skipped > 0 {
                    } else if name == "tr" {
                        new_line(&mut out);
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
                            new_line(&mut out);
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
                        new_line(&mut out);
                    }
                }
            }
        }
    }
    out.lines()
        .map(|line| {
            let cells: Vec<&str> = line.split('\t').map(str::trim).collect();
            cells.join("\t")
        })
        .collect::<Vec<_>>()
        .join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headings_match_with_brackets_spaces_aliases_and_typos() {
        assert_eq!(part_heading("一、 总体情况"), Some(PART_OVERVIEW));
        assert_eq!(
            part_heading("四、因政府信息公开工作被申请行政复议、提起行政诉讼情况"),
            Some(PART_APPEALS)
        );
        assert_eq!(
            part_heading("三、收到和处理政府信息公开申请请况"),
            Some(PART_REQUESTS)
        );
        assert_eq!(part_heading("六、其他事项"), Some(PART_OTHER_MATTERS));
        assert_eq!(
            part_heading("一、是主动公开政府信息的全面性有待进一步提升。"),
            None
        );
        assert_eq!(
            sub_heading("(一) 存在的问题").as_deref(),
            Some("（一）存在的问题")
        );
    }
}
