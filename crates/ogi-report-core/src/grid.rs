//! The tables as a spreadsheet: moving between typed cells (totals are skipped) and pasting a
//! block copied from Excel, WPS or a web page, including text copied from a published report whose
//! lines start with the row's labels and spread merged cells over extra tabs.

use crate::layout::{self, Content, TableLayout};
use crate::report::{CellRef, Report};

/// A move asked for by a key.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Move {
    Up,
    Down,
    Left,
    Right,
    /// Tab: right, wrapping to the next row.
    Next,
    /// Shift+Tab: left, wrapping to the previous row.
    Previous,
    RowStart,
    RowEnd,
    TableStart,
    TableEnd,
}

/// The data rows of a table: each row's data cells with their grid columns, in order.
fn data_rows(table: &TableLayout) -> Vec<Vec<(usize, CellRef)>> {
    table
        .rows
        .iter()
        .map(|row| {
            row.iter()
                .filter_map(|cell| match cell.content {
                    Content::Data(data) => Some((cell.col, data)),
                    _ => None,
                })
                .collect::<Vec<_>>()
        })
        .filter(|row| !row.is_empty())
        .collect()
}

fn table_of(cell: CellRef) -> Option<&'static TableLayout> {
    layout::table(cell.part_index())
}

fn position(rows: &[Vec<(usize, CellRef)>], cell: CellRef) -> Option<(usize, usize)> {
    rows.iter()
        .enumerate()
        .find_map(|(r, row)| row.iter().position(|(_, c)| *c == cell).map(|i| (r, i)))
}

/// The typed cell a move lands on, or `None` at the table's edge. Totals are never landed on.
pub fn neighbour(cell: CellRef, step: Move) -> Option<CellRef> {
    let rows = data_rows(table_of(cell)?);
    let typed: Vec<Vec<(usize, CellRef)>> = rows
        .iter()
        .map(|row| row.iter().copied().filter(|(_, c)| !c.is_total()).collect())
        .collect();
    let (row, index) = position(&rows, cell)?;
    let column = rows[row][index].0;
    let in_row = |r: usize| typed[r].iter().map(|(_, c)| *c);
    let flat: Vec<CellRef> = typed.iter().flatten().map(|(_, c)| *c).collect();
    let at = flat.iter().position(|c| *c == cell);
    // The typed cell of another row nearest the same grid column.
    let vertical = |r: usize| {
        typed[r]
            .iter()
            .min_by_key(|(col, _)| col.abs_diff(column))
            .map(|(_, c)| *c)
    };
    match step {
        Move::Up => (0..row).rev().find_map(vertical),
        Move::Down => (row + 1..rows.len()).find_map(vertical),
        Move::Left => typed[row]
            .iter()
            .rev()
            .find(|(col, _)| *col < column)
            .map(|(_, c)| *c),
        Move::Right => typed[row]
            .iter()
            .find(|(col, _)| *col > column)
            .map(|(_, c)| *c),
        Move::Next => match at {
            Some(at) => flat.get(at + 1).copied(),
            None => flat
                .iter()
                .find(|c| position(&rows, **c) > Some((row, index)))
                .copied(),
        },
        Move::Previous => match at {
            Some(at) => at.checked_sub(1).map(|at| flat[at]),
            None => flat
                .iter()
                .rev()
                .find(|c| position(&rows, **c) < Some((row, index)))
                .copied(),
        },
        Move::RowStart => in_row(row).next(),
        Move::RowEnd => in_row(row).next_back(),
        Move::TableStart => flat.first().copied(),
        Move::TableEnd => flat.last().copied(),
    }
    .filter(|target| *target != cell)
}

/// A block of text cells as pasted: rows of cells.
pub type Block = Vec<Vec<String>>;

/// Tab-separated lines (what Excel, WPS and most pages put on the clipboard as text).
pub fn parse_text_block(text: &str) -> Block {
    let mut rows: Block = text
        .split('\n')
        .map(|line| {
            line.strip_suffix('\r')
                .unwrap_or(line)
                .split('\t')
                .map(str::to_owned)
                .collect()
        })
        .collect();
    while rows
        .last()
        .is_some_and(|row: &Vec<String>| row.iter().all(|cell| cell.trim().is_empty()))
    {
        rows.pop();
    }
    rows
}

/// The first table of an HTML fragment (what Excel, WPS and browsers put on the clipboard as
/// HTML). Cells' tags are removed and common entities decoded; `colspan` repeats empty cells.
pub fn parse_html_block(html: &str) -> Option<Block> {
    let lower = html.to_ascii_lowercase();
    let start = lower.find("<table")?;
    let end = lower[start..]
        .find("</table>")
        .map_or(html.len(), |end| start + end);
    let mut rows = Vec::new();
    let mut at = start;
    while let Some(row_start) = lower[at..end].find("<tr").map(|i| at + i) {
        let row_end = lower[row_start..end]
            .find("</tr>")
            .map_or(end, |i| row_start + i);
        let mut cells = Vec::new();
        let mut cell_at = row_start;
        while let Some(open) = find_cell(&lower[cell_at..row_end]).map(|i| cell_at + i) {
            let content_start = lower[open..row_end]
                .find('>')
                .map_or(row_end, |i| open + i + 1);
            let close = find_cell_end(&lower[content_start..row_end])
                .map_or(row_end, |i| content_start + i);
            let span = attribute_number(&lower[open..content_start], "colspan")
                .unwrap_or(1)
                .clamp(1, 50);
            cells.push(decode(&strip_tags(&html[content_start..close])));
            cells.extend(std::iter::repeat_n(String::new(), span - 1));
            cell_at = close;
        }
        rows.push(cells);
        at = row_end + 1;
        if at >= end {
            break;
        }
    }
    Some(rows).filter(|rows: &Block| !rows.is_empty())
}

fn find_cell(text: &str) -> Option<usize> {
    [text.find("<td"), text.find("<th")]
        .into_iter()
        .flatten()
        .min()
}

fn find_cell_end(text: &str) -> Option<usize> {
    [text.find("</td"), text.find("</th"), find_cell(text)]
        .into_iter()
        .flatten()
        .min()
}

fn attribute_number(tag: &str, name: &str) -> Option<usize> {
    let rest = &tag[tag.find(name)? + name.len()..];
    let digits: String = rest
        .trim_start_matches(|ch: char| ch == '=' || ch == '"' || ch == '\'' || ch.is_whitespace())
        .chars()
        .take_while(char::is_ascii_digit)
        .collect();
    digits.parse().ok()
}

fn strip_tags(html: &str) -> String {
    let mut out = String::new();
    let mut in_tag = false;
    for ch in html.chars() {
        match ch {
            '<' => in_tag = true,
            '>' if in_tag => in_tag = false,
            _ if !in_tag => out.push(ch),
            _ => {}
        }
    }
    out
}

fn decode(text: &str) -> String {
    let text = text
        .replace("&nbsp;", " ")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'");
    text.replace("&amp;", "&")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// Whether a pasted cell is a row label rather than a value: it has Chinese text that is not a
/// placeholder (`无`), as the label columns copied from a published report page do.
fn is_label(cell: &str) -> bool {
    let trimmed = cell.trim();
    let han = trimmed
        .chars()
        .filter(|ch| ('\u{4E00}'..='\u{9FFF}').contains(ch))
        .count();
    han >= 2
        || (han == 1
            && trimmed.chars().count() > 1
            && !crate::format::PLACEHOLDERS.contains(&trimmed))
}

/// A pasted row's values: when the row starts with labels (copied from a report page), what
/// follows the last label, without the empty cells that merged labels spread; otherwise the
/// row as it is.
fn values_of(row: &[String]) -> &[String] {
    let Some(last_label) = row.iter().rposition(|cell| is_label(cell)) else {
        return row;
    };
    let values = &row[last_label + 1..];
    let first = values
        .iter()
        .position(|cell| !cell.trim().is_empty())
        .unwrap_or(values.len());
    &values[first..]
}

/// What a paste did, for the notice.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Pasted {
    pub written: usize,
    /// Values that would have landed on a computed total.
    pub on_totals: usize,
    /// Values beyond the table's last row or a row's last cell.
    pub outside: usize,
}

/// Pastes `block` with its first value at `start`, row by row through the table's data rows.
/// Totals and positions outside the table are not written, only counted.
pub fn paste(report: &mut Report, start: CellRef, block: &Block) -> Pasted {
    let mut outcome = Pasted::default();
    let Some(table) = table_of(start) else {
        return outcome;
    };
    let rows = data_rows(table);
    let Some((row, index)) = position(&rows, start) else {
        return outcome;
    };
    for (offset, pasted) in block.iter().enumerate() {
        let mut values = values_of(pasted).to_vec();
        while values.last().is_some_and(|value| value.trim().is_empty()) {
            values.pop();
        }
        for (column, value) in values.iter().enumerate() {
            match rows
                .get(row + offset)
                .and_then(|cells| cells.get(index + column))
            {
                None => outcome.outside += 1,
                Some((_, cell)) if cell.is_total() => outcome.on_totals += 1,
                Some((_, cell)) => {
                    report.edit_cell(*cell, value);
                    outcome.written += 1;
                }
            }
        }
    }
    outcome
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cell(path: &str) -> CellRef {
        CellRef::parse(path).unwrap()
    }

    #[test]
    fn arrows_and_tab_skip_totals() {
        let here = cell("requests.received.other_org");
        assert_eq!(
            neighbour(here, Move::Right),
            None,
            "the 总计 column is skipped"
        );
        assert_eq!(
            neighbour(here, Move::Next),
            Some(cell("requests.carried_in.natural_person"))
        );
        assert_eq!(
            neighbour(cell("requests.other_other.research"), Move::Down),
            Some(cell("requests.carried_forward.research"))
        );
        assert_eq!(
            neighbour(cell("requests.carried_forward.research"), Move::Up),
            Some(cell("requests.other_other.research"))
        );
        assert_eq!(
            neighbour(cell("requests.granted.research"), Move::RowEnd),
            Some(cell("requests.granted.other_org"))
        );
        assert_eq!(
            neighbour(cell("requests.granted.research"), Move::TableEnd),
            Some(cell("requests.carried_forward.other_org"))
        );
        assert_eq!(
            neighbour(cell("requests.received.natural_person"), Move::Previous),
            None
        );
        assert_eq!(
            neighbour(cell("appeals.review.pending"), Move::Right),
            Some(cell("appeals.lawsuit_direct.upheld"))
        );
        assert_eq!(
            neighbour(cell("proactive.rules.in_force"), Move::Down),
            Some(cell("proactive.normative_documents.in_force"))
        );
        assert_eq!(
            neighbour(cell("proactive.coercion"), Move::Down),
            Some(cell("proactive.fees"))
        );
    }

    #[test]
    fn html_tables_become_blocks() {
        let html = "<meta charset=utf-8><table><tr><td>1</td><td colspan=\"2\">２</td></tr><tr><th>a&amp;b</th><td><b>3</b>&nbsp;</td></tr></table>";
        assert_eq!(
            parse_html_block(html).unwrap(),
            vec![
                vec!["1".to_owned(), "２".to_owned(), String::new()],
                vec!["a&b".to_owned(), "3".to_owned()]
            ]
        );
        assert_eq!(parse_html_block("<p>no table</p>"), None);
    }
}
