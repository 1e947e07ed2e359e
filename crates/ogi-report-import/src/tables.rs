//! The three tables' cells from the lines of their parts, found by the row labels and the order
//! of the numbers, not by the shape of a line: a row may be one line of tab- or pipe-separated
//! cells (web pages, Word files, Markdown), numbers one per line (PDF text), a label wrapped
//! around its numbers, or everything glued together with the white space removed.
//!
//! A wrong number is worse than a blank. A row's numbers are placed only when their columns are
//! certain: as many values as columns, or empty cells that keep their places in a row of cells.
//! Digits run together (`640020470`) are split only when exactly one split satisfies the table's
//! arithmetic (R2 in table 三, R5 in table 四); every such cell is listed as inferred. Anything
//! else is left blank, with the row and the reason in the summary.

use std::rc::Rc;

use super::text::{normalise, similarity};
use super::Summary;
use ogi_report_core::format::{
    ProactiveCellRef, ProactiveRow, APPEAL_COLS, APPEAL_GROUPS, PLACEHOLDERS, PROACTIVE_BLOCKS,
    REQUEST_COLS, REQUEST_ROWS,
};
use ogi_report_core::report::{CellRef, Report};

/// What a table part's text is made of, in reading order.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Piece {
    /// Label or header text, normalised.
    Text(String),
    /// A number or a placeholder (`/`), as printed but with full-width digits made ASCII.
    Value(String),
    /// An empty cell in a row of cells: it keeps the columns after it in their places.
    Blank,
    /// The end of a row of cells.
    RowEnd,
}

/// The arithmetic that can split digits run together.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Arithmetic {
    /// Nothing relates the values (table 二): only one digit per cell splits uniquely.
    None,
    /// The last value is the sum of the others (R2: 总计 of a table 三 row).
    LastIsSum,
    /// Groups of five whose fifth is the sum of the first four (R5: table 四).
    GroupsOfFive,
}

impl Arithmetic {
    /// Whether a whole row's numbers satisfy the arithmetic (never, without any).
    fn holds(self, row: &[u64]) -> bool {
        let last_is_sum = |part: &[u64]| {
            part.split_last()
                .is_some_and(|(last, rest)| rest.iter().sum::<u64>() == *last)
        };
        match self {
            Arithmetic::None => false,
            Arithmetic::LastIsSum => last_is_sum(row),
            Arithmetic::GroupsOfFive => row.chunks(APPEAL_COLS).all(last_is_sum),
        }
    }
}

/// Characters after digits that make them part of a sentence (`2023年`, `5件`), not a cell.
const SENTENCE_AFTER_DIGITS: &str = "年月日件个次项%％万元条人家名天号页位";

/// One table part's pieces, with the line each came from.
fn pieces(lines: &[(usize, &str)], integers: bool) -> Vec<(Piece, usize)> {
    let mut out = Vec::new();
    for (number, raw) in lines {
        let line = without_noise(raw);
        let trimmed = line.trim();
        if trimmed.is_empty() || is_page_footer(trimmed) || is_table_rule(trimmed) {
            continue;
        }
        let cells: Vec<&str> = if trimmed.contains('|') {
            let inner = trimmed.trim_start_matches('|').trim_end_matches('|');
            inner.split('|').collect()
        } else {
            line.split('\t').collect()
        };
        let row_of_cells = cells.len() > 1;
        let mut started = false;
        for cell in cells {
            let cell = cell.trim();
            if cell.is_empty() {
                // Empty cells before a row's first content are the merged label columns.
                if row_of_cells && started {
                    out.push((Piece::Blank, *number));
                }
                continue;
            }
            started = true;
            for piece in cell_pieces(cell, integers) {
                out.push((piece, *number));
            }
        }
        if row_of_cells {
            out.push((Piece::RowEnd, *number));
        }
    }
    out
}

/// Drops what is never a cell: a year in brackets inside a header (`本年(2023)制发件数`) and the
/// column names Markdown converters invent (`数据1`).
fn without_noise(line: &str) -> String {
    let chars: Vec<char> = line.chars().collect();
    let mut out = String::with_capacity(line.len());
    let mut at = 0;
    while at < chars.len() {
        let open = matches!(chars[at], '(' | '（');
        if open {
            let digits = chars[at + 1..]
                .iter()
                .take_while(|ch| ch.is_ascii_digit())
                .count();
            let mut end = at + 1 + digits;
            if chars.get(end) == Some(&'年') {
                end += 1;
            }
            if digits == 4 && matches!(chars.get(end), Some(')' | '）')) {
                at = end + 1;
                continue;
            }
        }
        if chars[at..].starts_with(&['数', '据']) {
            let digits = chars[at + 2..]
                .iter()
                .take_while(|ch| ch.is_ascii_digit())
                .count();
            if digits > 0 {
                at += 2 + digits;
                continue;
            }
        }
        out.push(chars[at]);
        at += 1;
    }
    out
}

/// A page number printed in the text (`— 5 —`, `-5-`, `第 5 页`, `第5页 共9页`).
pub(super) fn is_page_footer(line: &str) -> bool {
    let text = normalise(line);
    let dashes = |ch: char| matches!(ch, '—' | '-' | '－' | '–');
    let inner = text.trim_matches(dashes);
    let dashed = inner.len() < text.len()
        && text.starts_with(dashes)
        && text.ends_with(dashes)
        && !inner.is_empty()
        && inner.chars().all(|ch| ch.is_ascii_digit());
    let paged = text.starts_with('第')
        && text.contains('页')
        && text
            .chars()
            .all(|ch| ch.is_ascii_digit() || "第页共/".contains(ch));
    dashed || paged
}

/// A Markdown table's rule line (`|---|:---:|`) or a drawn border.
fn is_table_rule(line: &str) -> bool {
    line.chars()
        .all(|ch| matches!(ch, '|' | '-' | ':' | '+' | '=' | ' ' | '─' | '—'))
        && line.contains(['-', '─', '—'])
        && line.chars().count() > 2
}

/// One cell's text as pieces: a whole placeholder or number is a value; otherwise text and runs
/// of digits are told apart character by character, so `予以公开640020470` is a label and a
/// number. In integer tables a digit right before `.` is an item number (`1.属于国家秘密`).
fn cell_pieces(cell: &str, integers: bool) -> Vec<Piece> {
    let mut out = Vec::new();
    for word in cell.split_whitespace() {
        if PLACEHOLDERS.contains(&word) {
            out.push(Piece::Value(word.to_owned()));
            continue;
        }
        let chars: Vec<char> = word.chars().map(ascii_digit).collect();
        let mut at = 0;
        let mut text = String::new();
        while at < chars.len() {
            if !chars[at].is_ascii_digit() {
                text.push(chars[at]);
                at += 1;
                continue;
            }
            let start = at;
            while at < chars.len()
                && (chars[at].is_ascii_digit()
                    || (!integers
                        && matches!(chars[at], '.' | ',')
                        && chars.get(at + 1).is_some_and(char::is_ascii_digit))
                    || (chars[at] == ','
                        && chars[at + 1..]
                            .iter()
                            .take_while(|ch| ch.is_ascii_digit())
                            .count()
                            == 3))
            {
                at += 1;
            }
            let mut digits: String = chars[start..at].iter().collect();
            let next = chars.get(at).copied();
            // `1、申请人…` numbers an item only as a lone digit: in digits run together
            // (`…1271、（二）`) the 、 is the text's own.
            let item_number = integers
                && (matches!(next, Some('.' | '．')) || (next == Some('、') && at - start == 1));
            let in_sentence =
                next.is_some_and(|ch| SENTENCE_AFTER_DIGITS.contains(ch)) || text.ends_with('第');
            if in_sentence {
                text.push_str(&digits);
                continue;
            }
            let mut marker = String::new();
            if item_number {
                marker = digits.pop().map(String::from).unwrap_or_default();
                if next == Some('、') {
                    // `1、申请人…` is the format's `1.申请人…`.
                    marker.push('.');
                    at += 1;
                }
            }
            if !digits.is_empty() {
                if !text.is_empty() {
                    out.push(Piece::Text(normalise(&std::mem::take(&mut text))));
                }
                out.push(Piece::Value(digits));
            }
            text.push_str(&marker);
        }
        if !text.is_empty() {
            out.push(Piece::Text(normalise(&text)));
        }
    }
    out
}

fn ascii_digit(ch: char) -> char {
    match ch {
        '０'..='９' => char::from(b'0' + (ch as u32 - '０' as u32) as u8),
        '．' => '.',
        '，' => ',',
        _ => ch,
    }
}

/// The values that follow one stretch of label text: rows of cells (split at their ends) and
/// loose values, with the label text before them and the line they start on.
#[derive(Debug, Default)]
struct Run {
    label: String,
    segments: Vec<Vec<Piece>>,
    line: usize,
    /// The line the label text ended on: the same as `line` when the label stands on the line
    /// of its numbers (a row of cells, a label and its numbers), not wrapped or detached.
    label_line: usize,
    /// Whether a row of cells ended after the label text (a header row above the numbers).
    label_closed: bool,
    /// Whether the numbers were printed column by column and turned back into rows (or may
    /// have been).
    transposed: bool,
    /// When several arrangements of the loose numbers this row came from satisfy every row's
    /// sum: all of them, and this row's place in them.
    alternatives: Option<Alternatives>,
}

/// The arrangements a stretch of loose numbers allows (shared by the rows made of it), and one
/// row's place in them.
#[derive(Clone, Debug)]
struct Alternatives(Rc<Vec<Vec<Vec<u64>>>>, usize);

impl Run {
    fn values(&self) -> impl Iterator<Item = &String> {
        self.segments
            .iter()
            .flatten()
            .filter_map(|piece| match piece {
                Piece::Value(value) => Some(value),
                _ => None,
            })
    }

    fn has_values(&self) -> bool {
        self.values().next().is_some()
    }

    /// A run of whole rows of cells, `columns` values each (a row with its label, then rows whose
    /// label was printed elsewhere), as one run a row: the later ones without a label, for the
    /// table's order to place. Any other run stays as it is.
    fn rows_of(self, columns: usize) -> Vec<Run> {
        let whole = |segment: &Vec<Piece>| {
            segment
                .iter()
                .filter(|piece| matches!(piece, Piece::Value(_)))
                .count()
                == columns
        };
        if self.segments.len() == 1 {
            return self.loose_rows_of(columns);
        }
        if !self.segments.iter().all(whole) {
            return vec![self];
        }
        let mut run = self;
        let rows = std::mem::take(&mut run.segments);
        run.split_into(rows)
    }

    /// Loose numbers, several rows' worth (a PDF's text puts the rows whose labels it prints
    /// elsewhere after a labelled one, and may print a stretch of rows column by column): split
    /// into rows of `columns` only when exactly one arrangement makes every row's last number the
    /// sum of the others (R2), which a shifted or wrongly turned split almost never does.
    fn loose_rows_of(self, columns: usize) -> Vec<Run> {
        let values: Vec<u64> = self
            .values()
            .filter_map(|value| value.parse().ok())
            .collect();
        let count = self.values().count();
        if columns < 2 || count < 2 * columns || count % columns != 0 || values.len() != count {
            return vec![self];
        }
        let (rows, transposed, alternatives) = match arrange(&values, columns) {
            Arrangement::One(rows, transposed) => (rows, transposed, None),
            Arrangement::Several(all) => (all[0].clone(), true, Some(Rc::new(all))),
            Arrangement::Unknown => return vec![self],
        };
        let rows = rows
            .into_iter()
            .map(|row| {
                row.iter()
                    .map(|value| Piece::Value(value.to_string()))
                    .collect()
            })
            .collect();
        let mut split = self.split_into(rows);
        for (index, run) in split.iter_mut().enumerate() {
            run.transposed = transposed;
            run.alternatives = alternatives
                .as_ref()
                .map(|all| Alternatives(Rc::clone(all), index));
        }
        split
    }

    /// The run as one run a row of `rows`: the first keeps the label, the others have none.
    fn split_into(self, rows: Vec<Vec<Piece>>) -> Vec<Run> {
        rows.into_iter()
            .enumerate()
            .map(|(index, segment)| Run {
                label: if index == 0 {
                    self.label.clone()
                } else {
                    String::new()
                },
                segments: vec![segment],
                line: self.line,
                label_line: if index == 0 { self.label_line } else { 0 },
                label_closed: index == 0 && self.label_closed,
                transposed: self.transposed,
                alternatives: self.alternatives.clone(),
            })
            .collect()
    }

    /// Whether the label ends on the line where the numbers start.
    fn label_inline(&self) -> bool {
        !self.label.is_empty() && self.label_line == self.line
    }

    /// The run as the user saw it, for a message.
    fn shown(&self) -> String {
        let mut values: Vec<&str> = self.values().map(String::as_str).take(16).collect();
        if self.values().nth(16).is_some() {
            values.push("…");
        }
        let tail: String = {
            let chars: Vec<char> = self.label.chars().collect();
            chars[chars.len().saturating_sub(24)..].iter().collect()
        };
        format!("{tail} {}", values.join(" "))
    }
}

/// How loose numbers, several rows' worth, are arranged into rows.
#[derive(Debug, PartialEq, Eq)]
enum Arrangement {
    /// Exactly one arrangement satisfies every row's sum: its rows, and whether any stretch of
    /// them was printed column by column.
    One(Vec<Vec<u64>>, bool),
    /// A few arrangements do, giving different numbers: each one's rows, for the columns'
    /// arithmetic to choose from.
    Several(Vec<Vec<Vec<u64>>>),
    /// None does, or too many to choose from.
    Unknown,
}

/// How many different arrangements of one stretch of loose numbers are kept for the columns'
/// arithmetic to choose from.
const MAX_ARRANGEMENTS: usize = 8;

/// The numbers `values` as rows of `columns`, where the text may have printed any stretch of
/// consecutive rows row by row or column by column (a PDF read in its own order does both within
/// one table). Every row must satisfy R2 (its last number is the sum of the others); arrangements
/// that give the same rows count once. At most as many rows as table 三 has are tried, and at
/// most [`MAX_ARRANGEMENTS`] kept: a hostile text cannot make this search long.
fn arrange(values: &[u64], columns: usize) -> Arrangement {
    let rows = values.len() / columns;
    if rows == 0 || rows > REQUEST_ROWS.len() || values.len() % columns != 0 {
        return Arrangement::Unknown;
    }
    // The rows of the stretch `start..start + size`, printed column by column when longer than one.
    let stretch = |start: usize, size: usize| -> Option<Vec<Vec<u64>>> {
        let base = start * columns;
        let block: Vec<Vec<u64>> = (0..size)
            .map(|row| {
                (0..columns)
                    .map(|col| values[base + col * size + row])
                    .collect()
            })
            .collect();
        block
            .iter()
            .all(|row| Arithmetic::LastIsSum.holds(row))
            .then_some(block)
    };
    // Which positions can still be completed to the end, from the back.
    let mut completes = vec![false; rows + 1];
    completes[rows] = true;
    for start in (0..rows).rev() {
        completes[start] = (1..=rows - start)
            .any(|size| completes[start + size] && stretch(start, size).is_some());
    }
    if !completes[0] {
        return Arrangement::Unknown;
    }
    // The distinct beginnings reaching each position that can be completed, and whether any
    // stretch in them was turned.
    let mut reaching: Vec<Vec<(Vec<Vec<u64>>, bool)>> = vec![Vec::new(); rows + 1];
    reaching[0].push((Vec::new(), false));
    for start in 0..rows {
        let before = std::mem::take(&mut reaching[start]);
        for size in (1..=rows - start).filter(|size| completes[start + size]) {
            let Some(block) = stretch(start, size) else {
                continue;
            };
            for (prefix, turned) in &before {
                let mut rows_so_far = prefix.clone();
                rows_so_far.extend(block.iter().cloned());
                let turned = *turned || size > 1;
                let known = &mut reaching[start + size];
                match known.iter_mut().find(|(other, _)| *other == rows_so_far) {
                    // The same rows read both ways were not necessarily turned.
                    Some((_, other_turned)) => *other_turned &= turned,
                    None => known.push((rows_so_far, turned)),
                }
                if known.len() > MAX_ARRANGEMENTS {
                    return Arrangement::Unknown;
                }
            }
        }
    }
    let mut found = std::mem::take(&mut reaching[rows]);
    match found.len() {
        0 => Arrangement::Unknown,
        1 => {
            let (rows, turned) = found.remove(0);
            Arrangement::One(rows, turned)
        }
        _ => Arrangement::Several(found.into_iter().map(|(rows, _)| rows).collect()),
    }
}

/// The most runs a table part is read for: a real table has a few dozen (a run is the label text
/// before a stretch of numbers); a hostile text of millions would stall the label matching.
const MAX_RUNS: usize = 500;
/// How much label text before a run is kept: the end of it names the row.
const MAX_LABEL_BYTES: usize = 1_024;

/// A table part's runs, at most [`MAX_RUNS`] and then one more if there were more.
fn runs(pieces: Vec<(Piece, usize)>) -> Vec<Run> {
    let mut runs = Vec::new();
    let mut current = Run::default();
    let mut in_values = false;
    for (piece, line) in pieces {
        if runs.len() > MAX_RUNS {
            break;
        }
        match piece {
            Piece::Text(text) => {
                if in_values {
                    runs.push(std::mem::take(&mut current));
                    in_values = false;
                }
                current.label.push_str(&text);
                current.label_line = line;
                current.label_closed = false;
                if current.label.len() > 2 * MAX_LABEL_BYTES {
                    let mut cut = current.label.len() - MAX_LABEL_BYTES;
                    while !current.label.is_char_boundary(cut) {
                        cut += 1;
                    }
                    current.label.drain(..cut);
                }
            }
            Piece::RowEnd => {
                if in_values {
                    current.segments.push(Vec::new());
                } else {
                    current.label_closed = true;
                }
            }
            value => {
                if !in_values {
                    in_values = true;
                    current.line = line;
                    current.segments.push(Vec::new());
                }
                if let Some(segment) = current.segments.last_mut() {
                    segment.push(value);
                }
            }
        }
    }
    if in_values {
        runs.push(current);
    }
    for run in &mut runs {
        run.segments.retain(|segment| !segment.is_empty());
    }
    runs
}

/// The runs to read: all of them, or the first [`MAX_RUNS`] with a note that the rest were not.
fn within_bound(mut runs: Vec<Run>, summary: &mut Summary) -> Vec<Run> {
    if runs.len() > MAX_RUNS {
        runs.truncate(MAX_RUNS);
        let line = runs.last().map_or(0, |run| run.line);
        summary.not_understood.push((
            line,
            String::new(),
            format!("这一部分的表格内容超过 {MAX_RUNS} 段，不像一份年度报告的表格，其余未读取"),
        ));
    }
    runs
}

/// Where a run's values go, or why they do not.
#[derive(Debug, PartialEq, Eq)]
enum Placement {
    /// One entry per column; `None` is an empty cell.
    Read(Vec<Option<String>>),
    /// More values than columns, but every alignment reads the same: (values, how many there were).
    ReadWithExtra(Vec<String>, usize),
    /// Split from digits run together: exact by the table's arithmetic.
    Split(Vec<String>),
    /// A number or two too many, left out as the one reading the arithmetic allows: (values,
    /// the numbers left out).
    Dropped(Vec<String>, Vec<String>),
    /// Digits run together that the row's own arithmetic splits in several ways (listed while
    /// few): the columns' arithmetic may still choose one; otherwise why not.
    Ambiguous(Vec<Vec<String>>, String),
    Unplaced(String),
}

/// How many spaces digits run together may still carry (`500000 5`): more numbers than that are
/// a row with cells missing, not one glued row.
const MAX_STRAY_SPACES: usize = 2;

/// The values of a run for `columns` columns.
fn place(run: &Run, columns: usize, arithmetic: Arithmetic) -> Placement {
    // A row of cells with exactly one cell per column, and nothing else after it.
    if let Some((first, rest)) = run.segments.split_first() {
        let rest_empty = rest.iter().flatten().all(|piece| *piece == Piece::Blank);
        for candidate in [first.as_slice(), trim_trailing_blanks(first)] {
            if rest_empty
                && candidate.len() == columns
                && candidate.iter().any(|piece| *piece != Piece::Blank)
            {
                return Placement::Read(
                    candidate
                        .iter()
                        .map(|piece| match piece {
                            Piece::Value(value) => Some(value.clone()),
                            _ => None,
                        })
                        .collect(),
                );
            }
        }
    }
    let values: Vec<&String> = run.values().collect();
    if values.len() == columns {
        return Placement::Read(values.into_iter().cloned().map(Some).collect());
    }
    if values.len() > columns {
        // Extra values (a merged cell copied twice): harmless only if every alignment agrees.
        let windows: Vec<&[&String]> = values.windows(columns).collect();
        if windows.iter().all(|window| window == &windows[0]) {
            let values = windows[0].iter().map(|value| (*value).clone()).collect();
            return Placement::ReadWithExtra(values, run.values().count());
        }
        if let Some((kept, dropped)) = without_extra(&values, columns, arithmetic) {
            return Placement::Dropped(kept, dropped);
        }
        return Placement::Unplaced(format!(
            "这一行有 {} 个数字，表格只有 {columns} 列，无法确定各数字所在的列",
            values.len()
        ));
    }
    // Digits run together, perhaps with a stray space or two (`500000 5`): split where a space
    // stands and wherever the arithmetic allows exactly one way.
    let digits_only = values
        .iter()
        .all(|value| value.chars().all(|ch| ch.is_ascii_digit()));
    let glued: String = values.iter().map(|value| value.as_str()).collect();
    if digits_only && (1..=MAX_STRAY_SPACES + 1).contains(&values.len()) && glued.len() >= columns {
        let boundaries: Vec<usize> = values
            .iter()
            .scan(0, |end, value| {
                *end += value.len();
                Some(*end)
            })
            .filter(|end| *end < glued.len())
            .collect();
        let shown = values
            .iter()
            .map(|value| value.as_str())
            .collect::<Vec<_>>()
            .join(" ");
        return match split_glued(&glued, columns, arithmetic, &boundaries) {
            Splits::One(parts) => Placement::Split(parts),
            Splits::None => Placement::Unplaced(format!(
                "数字连在一起（{shown}），没有一种拆分能满足表格的勾稽关系"
            )),
            Splits::Many(candidates) => Placement::Ambiguous(
                candidates,
                format!("数字连在一起（{shown}），可以有多种拆分，无法确定"),
            ),
        };
    }
    Placement::Unplaced(format!(
        "这一行只有 {} 个数字，表格有 {columns} 列，无法确定各数字所在的列",
        values.len()
    ))
}

/// The most numbers a row may print beyond its columns for [`without_extra`] to try.
const MAX_EXTRA: usize = 2;

/// A row printed with a number or two too many (a cell printed twice, a stray figure): the one
/// reading, leaving them out, under which the arithmetic holds — `(kept, left out)` — when
/// exactly one does. Without arithmetic (table 二) there is no telling.
fn without_extra(
    values: &[&String],
    columns: usize,
    arithmetic: Arithmetic,
) -> Option<(Vec<String>, Vec<String>)> {
    let extra = values.len().checked_sub(columns)?;
    if extra == 0 || extra > MAX_EXTRA || arithmetic == Arithmetic::None {
        return None;
    }
    let numbers: Vec<u64> = values
        .iter()
        .map(|value| value.parse().ok())
        .collect::<Option<_>>()?;
    let mut readings: Vec<(Vec<usize>, Vec<u64>)> = Vec::new();
    let pairs = (0..values.len()).flat_map(|a| (a..values.len()).map(move |b| (a, b)));
    for (a, b) in pairs.filter(|(a, b)| (extra == 1) == (a == b)) {
        let row: Vec<u64> = (0..values.len())
            .filter(|at| *at != a && *at != b)
            .map(|at| numbers[at])
            .collect();
        if arithmetic.holds(&row) && !readings.iter().any(|(_, known)| *known == row) {
            readings.push((vec![a, b], row));
        }
    }
    let [(dropped, row)] = readings.as_slice() else {
        return None;
    };
    let mut left_out: Vec<String> = dropped.iter().map(|at| values[*at].clone()).collect();
    left_out.dedup();
    Some((row.iter().map(u64::to_string).collect(), left_out))
}

fn trim_trailing_blanks(segment: &[Piece]) -> &[Piece] {
    let end = segment
        .iter()
        .rposition(|piece| *piece != Piece::Blank)
        .map_or(0, |at| at + 1);
    &segment[..end]
}

#[derive(Debug, PartialEq, Eq)]
enum Splits {
    None,
    One(Vec<String>),
    /// Several splits: every one of them while there are few (for the columns' arithmetic to
    /// choose from), none when there are too many to list.
    Many(Vec<Vec<String>>),
}

/// How many of a row's splits are kept for the columns' arithmetic to choose from.
const MAX_CANDIDATES: usize = 24;

/// The longest number a glued split may produce (the format's counts stay below 10⁸).
const MAX_PART_DIGITS: usize = 8;

/// Every way to cut `digits` into `parts` numbers (no leading zeros) that satisfies the
/// arithmetic and cuts at each of `boundaries` (where the text had a space), up to
/// [`MAX_CANDIDATES`] (more: [`Splits::Many`] with none listed).
fn split_glued(digits: &str, parts: usize, arithmetic: Arithmetic, boundaries: &[usize]) -> Splits {
    if digits.len() > parts * MAX_PART_DIGITS {
        return Splits::Many(Vec::new());
    }
    let mut found = Vec::new();
    let mut current = Vec::with_capacity(parts);
    let mut search = Search {
        total: digits.len(),
        parts,
        arithmetic,
        boundaries,
        found: Vec::new(),
    };
    search.cut(digits.as_bytes(), &mut current);
    found.append(&mut search.found);
    match found.len() {
        0 => Splits::None,
        1 => Splits::One(found.remove(0)),
        count if count > MAX_CANDIDATES => Splits::Many(Vec::new()),
        _ => Splits::Many(found),
    }
}

/// The search [`split_glued`] makes: what stays the same while it recurses.
struct Search<'a> {
    total: usize,
    parts: usize,
    arithmetic: Arithmetic,
    boundaries: &'a [usize],
    found: Vec<Vec<String>>,
}

impl Search<'_> {
    /// Whether a number of `len` digits may start `rest` (it may not run over a space).
    fn fits(&self, rest: &[u8], len: usize) -> bool {
        let start = self.total - rest.len();
        !self
            .boundaries
            .iter()
            .any(|boundary| *boundary > start && *boundary < start + len)
    }

    fn cut(&mut self, rest: &[u8], current: &mut Vec<u64>) {
        if self.found.len() > MAX_CANDIDATES {
            return;
        }
        let left = self.parts - current.len();
        if left == 0 {
            if rest.is_empty() {
                self.found
                    .push(current.iter().map(u64::to_string).collect());
            }
            return;
        }
        if rest.len() < left || rest.len() > left * MAX_PART_DIGITS {
            return;
        }
        // Where the arithmetic fixes the next value, only that value's digits can come next.
        let group_sum = |size: usize| -> Option<u64> {
            let position = current.len() % size;
            (position == size - 1).then(|| current[current.len() - position..].iter().sum())
        };
        let required = match self.arithmetic {
            Arithmetic::None => None,
            Arithmetic::LastIsSum => (left == 1).then(|| current.iter().sum()),
            Arithmetic::GroupsOfFive => group_sum(APPEAL_COLS),
        };
        if let Some(sum) = required {
            let text = sum.to_string();
            if rest.starts_with(text.as_bytes()) && self.fits(rest, text.len()) {
                current.push(sum);
                self.cut(&rest[text.len()..], current);
                current.pop();
            }
            return;
        }
        for len in 1..=MAX_PART_DIGITS.min(rest.len()) {
            if (len > 1 && rest[0] == b'0') || !self.fits(rest, len) {
                break;
            }
            let value = std::str::from_utf8(&rest[..len])
                .ok()
                .and_then(|text| text.parse::<u64>().ok());
            if let Some(value) = value {
                current.push(value);
                self.cut(&rest[len..], current);
                current.pop();
            }
        }
    }
}

/// Stores a placement into `cells`, recording every cell and every reason in the summary.
fn store(
    report: &mut Report,
    summary: &mut Summary,
    cells: &[CellRef],
    placement: Placement,
    run: &Run,
) {
    match placement {
        Placement::Read(values) => {
            for (cell, value) in cells.iter().zip(values) {
                if let Some(value) = value {
                    report.set_text(*cell, &value);
                    summary.filled.push(cell.path());
                }
            }
        }
        Placement::ReadWithExtra(values, count) => {
            summary.not_understood.push((
                run.line,
                run.shown(),
                format!(
                    "这一行有 {count} 个数字，表格只有 {} 列；无论多出的在哪一列，读数都相同，已读入",
                    cells.len()
                ),
            ));
            store(
                report,
                summary,
                cells,
                Placement::Read(values.into_iter().map(Some).collect()),
                run,
            );
        }
        Placement::Split(values) => store_inferred(
            report,
            summary,
            cells,
            values,
            "由连在一起的数字按勾稽关系唯一拆分得出",
        ),
        Placement::Dropped(values, left_out) => {
            let why = format!(
                "这一行多印了数字（{}），去掉后只有这一种读法满足勾稽关系",
                left_out.join("、")
            );
            summary
                .not_understood
                .push((run.line, run.shown(), format!("{why}，已读入")));
            store_inferred(report, summary, cells, values, &why);
        }
        Placement::Unplaced(why) | Placement::Ambiguous(_, why) => {
            summary.not_understood.push((run.line, run.shown(), why));
        }
    }
}

/// Values not printed as such in their cells: filled, and listed as inferred with `why`.
fn store_inferred(
    report: &mut Report,
    summary: &mut Summary,
    cells: &[CellRef],
    values: Vec<String>,
    why: &str,
) {
    for (cell, value) in cells.iter().zip(values) {
        report.set_text(*cell, &value);
        summary.filled.push(cell.path());
        summary.inferred.push((cell.path(), why.to_owned()));
    }
}

/// Table 二: each row by its label (`规范性文件` for 行政规范性文件), values in its columns. A
/// 2019-format table 二 has other columns under similar labels: none of it is read.
pub(super) fn read_proactive(lines: &[(usize, &str)], report: &mut Report, summary: &mut Summary) {
    let all: String = lines.iter().map(|(_, line)| normalise(line)).collect();
    if all.contains("新制作数量") || all.contains("上一年项目数量") {
        if let Some((line, _)) = lines.first() {
            summary.not_understood.push((
                *line,
                "表二".to_owned(),
                "这是 2019 年试行格式的表二，各列含义与 2021 年格式不同，未读入".to_owned(),
            ));
        }
        return;
    }
    for run in within_bound(runs(pieces(lines, false)), summary)
        .into_iter()
        .filter(Run::has_values)
    {
        let row = PROACTIVE_BLOCKS
            .iter()
            .flat_map(|block| block.rows)
            .find(|row| label_forms(row).any(|form| run.label.ends_with(form)));
        let (row, before_label) = match row {
            Some(row) => (row, false),
            None => match only_row_of_block(&run) {
                Some(row) => (row, true),
                None => {
                    summary.not_understood.push((
                        run.line,
                        run.shown(),
                        "表二中无法对应到行".to_owned(),
                    ));
                    continue;
                }
            },
        };
        let cells: Vec<CellRef> = row
            .cells
            .iter()
            .map(|cell: &ProactiveCellRef| CellRef::Proactive(*cell))
            .collect();
        let placement = match place(&run, cells.len(), Arithmetic::None) {
            Placement::Read(values) if before_label => {
                let values = values.into_iter().flatten().collect();
                let why = "该项只有这一行，行名与数字错开印出（PDF 的阅读顺序），按所在的项读入";
                store_inferred(report, summary, &cells, values, why);
                continue;
            }
            placement => placement,
        };
        store(report, summary, &cells, placement, &run);
    }
}

/// How a table 二 row's label may stand in a text: as the format prints it, or — 行政规范性文件 —
/// as many reports print it, 规范性文件.
fn label_forms(row: &ProactiveRow) -> impl Iterator<Item = &'static str> {
    let short = row
        .label
        .strip_prefix("行政")
        .filter(|rest| *rest == "规范性文件");
    std::iter::once(row.label).chain(short)
}

/// The row of a table 二 block that has only one (第（五）项 行政许可, 第（八）项 收费), when a
/// run's label ends inside that block before any other block's row: a PDF read in its own order
/// prints such a row's number before its label, or its label before the column header, and the
/// block alone places it.
fn only_row_of_block(run: &Run) -> Option<&'static ProactiveRow> {
    let (at, block) = PROACTIVE_BLOCKS
        .iter()
        .filter_map(|block| {
            // `第二十条第（五）项` may have lost its start with the label's beginning.
            let item = block.header.trim_start_matches("第二十条");
            run.label.rfind(item).map(|at| (at + item.len(), block))
        })
        .max_by_key(|(at, _)| *at)?;
    let after = &run.label[at..];
    // Past the block's own header, a label of another block's row means the text moved on.
    let moved_on = PROACTIVE_BLOCKS
        .iter()
        .filter(|other| other.header != block.header)
        .flat_map(|other| other.rows)
        .any(|row| label_forms(row).any(|form| after.contains(form)));
    match block.rows {
        [row] if !moved_on => Some(row),
        _ => None,
    }
}

/// The table 三 row whose label a run's label text ends with (or, wrapped around its numbers,
/// begins), searching forward from `from`: rows come in order. A label printed in full wins over
/// one read through a typo; among equals the nearer row wins.
fn request_row(label: &str, from: usize) -> Option<usize> {
    let tail: Vec<char> = label.chars().collect();
    // The label's end read with typos, or — when the label wrapped around its numbers — its
    // beginning: the text before the numbers compared with as much of the label's start.
    let fuzzy = |name: &str| -> f64 {
        let name_chars: Vec<char> = name.chars().collect();
        let length = name_chars.len();
        let mut best = 0.0f64;
        for take in 2..=tail.len().min(length + 6) {
            let window: String = tail[tail.len() - take..].iter().collect();
            if take >= length / 2 {
                best = best.max(similarity(&window, name));
            }
            if take >= 6 && take < length {
                let start: String = name_chars[..take].iter().collect();
                best = best.max(similarity(&window, &start));
            }
        }
        best
    };
    let marked = item_marker(label);
    REQUEST_ROWS
        .iter()
        .enumerate()
        .skip(from)
        .map(|(row, spec)| {
            let own = normalise(spec.label());
            let bare = own
                .trim_start_matches(|ch: char| ch.is_ascii_digit() || ch == '.')
                .to_owned();
            let distance = (row - from) as f64;
            let score = if label.ends_with(&own) {
                3.0 - 0.001 * distance
            } else if marked.as_ref().is_some_and(|(marker, after)| {
                own.starts_with(marker.as_str()) && bare.starts_with(after.as_str())
            }) {
                // An item number and the start of its label (`2.其他`) in a narrow, wrapped cell:
                // the nearest row of that number whose label starts so.
                2.5 - 0.01 * distance
            } else if bare.chars().count() >= 4 && label.ends_with(&bare) {
                2.0 - 0.001 * distance
            } else if own.chars().count() >= 4 && distance < 19.0 {
                // Further on, the distance alone keeps a typo's match below the threshold.
                fuzzy(&own).max(fuzzy(&bare)) - 0.02 * distance
            } else {
                0.0
            };
            (row, score)
        })
        .filter(|(_, score)| *score >= 0.62)
        .max_by(|a, b| a.1.total_cmp(&b.1).then(b.0.cmp(&a.0)))
        .map(|(row, _)| row)
}

/// The last item number in a label's text and the few characters after it (`1.属于`), when the
/// text ends within a short distance of it.
fn item_marker(label: &str) -> Option<(String, String)> {
    let chars: Vec<char> = label.chars().collect();
    let at = chars
        .windows(2)
        .rposition(|pair| pair[0].is_ascii_digit() && pair[1] == '.')?;
    let after: String = chars[at + 2..].iter().collect();
    let length = after.chars().count();
    (1..=12)
        .contains(&length)
        .then(|| (format!("{}.", chars[at]), after))
}

/// The row a 2019-style single （六）其他处理 row's numbers go to.
const OTHER_HANDLING_ROW: &str = "other_other";
const OTHER_HANDLING_LABEL: &str = "（六）其他处理";

/// The table 三 row whose label a run's label text ends with exactly (the longest such label;
/// none when two rows share it).
fn exact_request_row(label: &str) -> Option<usize> {
    let mut best: Option<(usize, usize)> = None;
    let mut tied = false;
    for (row, spec) in REQUEST_ROWS.iter().enumerate() {
        let own = normalise(spec.label());
        if !label.ends_with(&own) {
            continue;
        }
        let length = own.chars().count();
        match best {
            Some((_, longest)) if longest > length => {}
            Some((_, longest)) if longest == length => tied = true,
            _ => {
                best = Some((row, length));
                tied = false;
            }
        }
    }
    best.filter(|_| !tied).map(|(row, _)| row)
}

/// The rows that runs name beyond doubt — their label, printed in full, stands on the line of
/// their numbers — kept only where they come in the table's order (the longest increasing
/// sequence): a label the text put beside another row's numbers breaks the order and is dropped.
fn anchors(runs: &[Run], single_other: Option<usize>) -> Vec<Option<usize>> {
    let named: Vec<Option<usize>> = runs
        .iter()
        .map(|run| {
            if run.label.ends_with(OTHER_HANDLING_LABEL) {
                return single_other;
            }
            run.label_inline()
                .then(|| exact_request_row(&run.label))
                .flatten()
        })
        .collect();
    // Longest strictly increasing subsequence of the named rows (a table has a few dozen runs).
    let mut length = vec![0usize; named.len()];
    let mut before: Vec<Option<usize>> = vec![None; named.len()];
    for at in 0..named.len() {
        let Some(row) = named[at] else { continue };
        length[at] = 1;
        for earlier in 0..at {
            if named[earlier].is_some_and(|other| other < row) && length[earlier] + 1 > length[at] {
                length[at] = length[earlier] + 1;
                before[at] = Some(earlier);
            }
        }
    }
    let mut kept = vec![None; named.len()];
    let mut at = (0..named.len()).max_by_key(|at| (length[*at], std::cmp::Reverse(*at)));
    while let Some(index) = at.filter(|index| length[*index] > 0) {
        kept[index] = named[index];
        at = before[index];
    }
    kept
}

/// Where each run's numbers go in table 三: an anchor's row as named; between two anchors, when
/// there are exactly as many runs as `printed` rows, row by row in order (a label set apart from
/// its numbers names the wrong row in such texts: `true` marks a row so placed against its label,
/// checked by the arithmetic afterwards); otherwise the row its label names, searched forward, but
/// never at or past the next anchor.
fn request_rows(
    runs: &[Run],
    anchors: &[Option<usize>],
    printed: &[usize],
) -> Vec<Option<(usize, bool)>> {
    // How many printed rows come before `row` (its place in the printed order).
    let place = |row: usize| printed.iter().take_while(|printed| **printed < row).count();
    let mut rows = vec![None; runs.len()];
    let mut next = 0;
    let mut at = 0;
    while at < runs.len() {
        if let Some(row) = anchors[at] {
            rows[at] = Some((row, false));
            next = row + 1;
            at += 1;
            continue;
        }
        let end = (at..runs.len()).find(|later| anchors[*later].is_some());
        let upper = end
            .and_then(|end| anchors[end])
            .unwrap_or(REQUEST_ROWS.len());
        let end = end.unwrap_or(runs.len());
        let between = &printed[place(next)..place(upper)];
        if end - at == between.len() {
            for (offset, (run, row)) in runs[at..end].iter().zip(between).enumerate() {
                let labelled = request_row(&run.label, *row) == Some(*row);
                rows[at + offset] = Some((*row, !labelled));
            }
            next = upper;
            at = end;
            continue;
        }
        if let Some(row) = request_row(&runs[at].label, next).filter(|row| *row < upper) {
            rows[at] = Some((row, false));
            next = row + 1;
        }
        at += 1;
    }
    rows
}

/// The rows table 三 prints, in order: all of them, or — in the 2019 format, whose （六）其他处理 is
/// one row — all but （六）1 and （六）2 (the single row is counted as （六）3, `single_other`).
fn printed_rows(lines: &[(usize, &str)], single_other: Option<usize>) -> Vec<usize> {
    let all = (0..REQUEST_ROWS.len()).collect();
    let Some(other) = single_other else {
        return all;
    };
    let labels: String = lines.iter().map(|(_, line)| normalise(line)).collect();
    // The rows before （六）3 in its group, which the 2019 format does not have.
    let newer: Vec<usize> = (0..other)
        .filter(|row| REQUEST_ROWS[*row].level2 == REQUEST_ROWS[other].level2)
        .collect();
    // A row's label is found by its first words after the item number (`申请人无正当`): a PDF's
    // text may wrap the rest anywhere.
    let printed = |row: &usize| {
        let words: String = normalise(REQUEST_ROWS[*row].label())
            .trim_start_matches(|ch: char| ch.is_ascii_digit() || ch == '.')
            .chars()
            .take(LABEL_START_CHARS)
            .collect();
        labels.contains(&words)
    };
    if !labels.contains(OTHER_HANDLING_LABEL) || newer.iter().any(printed) {
        return all;
    }
    all.into_iter().filter(|row| !newer.contains(row)).collect()
}

/// How many characters of a row label's start name it in [`printed_rows`].
const LABEL_START_CHARS: usize = 6;

/// Table 三: 25 rows of 7 columns (23 in the 2019 format).
pub(super) fn read_requests(lines: &[(usize, &str)], report: &mut Report, summary: &mut Summary) {
    let single_other = REQUEST_ROWS
        .iter()
        .position(|row| row.key == OTHER_HANDLING_ROW);
    let runs: Vec<Run> = within_bound(runs(pieces(lines, true)), summary)
        .into_iter()
        .filter(Run::has_values)
        .flat_map(|run| run.rows_of(REQUEST_COLS))
        .collect();
    let printed = printed_rows(lines, single_other);
    let anchors = anchors(&runs, single_other);
    let rows = request_rows(&runs, &anchors, &printed);
    // Rows whose digits ran together, placed together once every row is known.
    let mut glued: Vec<GluedRow> = Vec::new();
    // Rows placed by their order against their label, checked by the arithmetic at the end.
    let mut by_order: Vec<(Vec<CellRef>, Run)> = Vec::new();
    // Rows of loose numbers that several arrangements allow, chosen among with the others.
    let mut arranged: Vec<(Vec<CellRef>, Run)> = Vec::new();
    for (run, row) in runs.into_iter().zip(rows) {
        let Some((row, against_label)) = row else {
            summary
                .not_understood
                .push((run.line, run.shown(), "表三中无法对应到行".to_owned()));
            continue;
        };
        let cells: Vec<CellRef> = (0..REQUEST_COLS)
            .map(|col| CellRef::Request { row, col })
            .collect();
        if run.alternatives.is_some() {
            arranged.push((cells, run));
            continue;
        }
        let placement = match place(&run, REQUEST_COLS, Arithmetic::LastIsSum) {
            Placement::Split(values) => {
                glued.push(GluedRow::new(cells, vec![values], run, String::new()));
                continue;
            }
            Placement::Ambiguous(candidates, why) if !candidates.is_empty() => {
                glued.push(GluedRow::new(cells, candidates, run, why));
                continue;
            }
            placement => placement,
        };
        let single = Some(row) == single_other
            && (run.label.ends_with(OTHER_HANDLING_LABEL) || printed.len() < REQUEST_ROWS.len());
        if single && matches!(placement, Placement::Read(_) | Placement::ReadWithExtra(..)) {
            note_single_other(&run, &cells, summary);
        }
        let placed = matches!(
            placement,
            Placement::Read(_) | Placement::ReadWithExtra(..) | Placement::Dropped(..)
        );
        store(report, summary, &cells, placement, &run);
        if (against_label || run.transposed) && placed {
            by_order.push((cells, run));
        }
    }
    check_rows_by_order(by_order, &printed, report, summary);
    glued.extend(arranged_groups(arranged, summary));
    place_glued(glued, &printed, report, summary);
}

/// Rows of loose numbers that several arrangements allow, as one glued unit per stretch (its
/// rows' cells in order, each arrangement a candidate); a stretch some of whose rows found no
/// place in the table is not read at all.
fn arranged_groups(rows: Vec<(Vec<CellRef>, Run)>, summary: &mut Summary) -> Vec<GluedRow> {
    let mut groups: Vec<Vec<(Vec<CellRef>, Run)>> = Vec::new();
    for (cells, run) in rows {
        let same = |group: &Vec<(Vec<CellRef>, Run)>| match (
            &group[0].1.alternatives,
            &run.alternatives,
        ) {
            (Some(Alternatives(first, _)), Some(Alternatives(this, _))) => Rc::ptr_eq(first, this),
            _ => false,
        };
        match groups.iter_mut().find(|group| same(group)) {
            Some(group) => group.push((cells, run)),
            None => groups.push(vec![(cells, run)]),
        }
    }
    let mut out = Vec::new();
    for group in groups {
        let Some(Alternatives(all, _)) = group[0].1.alternatives.clone() else {
            continue;
        };
        let whole = group.len() == all[0].len()
            && group
                .iter()
                .enumerate()
                .all(|(at, (_, run))| matches!(&run.alternatives, Some(Alternatives(_, index)) if *index == at));
        if !whole {
            for (_, run) in &group {
                summary.not_understood.push((
                    run.line,
                    run.shown(),
                    "这几行的数字可以按行读，也可以按列读，且其中有的行无法对应到表三的行，未读入"
                        .to_owned(),
                ));
            }
            continue;
        }
        let cells = group.iter().flat_map(|(cells, _)| cells.clone()).collect();
        let candidates = all
            .iter()
            .map(|rows| rows.iter().flatten().map(u64::to_string).collect())
            .collect();
        let run = group
            .into_iter()
            .next()
            .map(|(_, run)| run)
            .unwrap_or_default();
        let mut unit = GluedRow::new(
            cells,
            candidates,
            run,
            "这几行的数字可以按行读，也可以按列读（PDF 的阅读顺序），各行总计和各列的勾稽关系都无法确定是哪一种，未读入".to_owned(),
        );
        unit.how = "这几行的数字在文字中可按行或按列读，按各行总计和各列的勾稽关系唯一读出";
        out.push(unit);
    }
    out
}

/// The 2019 format's one （六）其他处理 row, counted as （六）3.其他: said, and its cells listed.
fn note_single_other(run: &Run, cells: &[CellRef], summary: &mut Summary) {
    summary.not_understood.push((
        run.line,
        run.shown(),
        "（六）其他处理只有一行（2019 年格式），已计入“3.其他”；1、2 两行留空".to_owned(),
    ));
    for cell in cells {
        summary.inferred.push((
            cell.path(),
            "由 2019 年格式的“（六）其他处理”一行计入".to_owned(),
        ));
    }
}

/// Rows placed by their order rather than by the label printed nearest, or turned from numbers
/// printed column by column: kept, and listed as inferred, only if every balance they take part
/// in holds where all its cells are known (rows the table does not print count as 0 there: the
/// 2019 format's single （六） row is then the whole of （六）); otherwise taken out again and named.
fn check_rows_by_order(
    rows: Vec<(Vec<CellRef>, Run)>,
    printed: &[usize],
    report: &mut Report,
    summary: &mut Summary,
) {
    let cells: Vec<CellRef> = rows.iter().flat_map(|(cells, _)| cells.clone()).collect();
    let hold =
        ogi_report_core::rules::balances_hold(&with_unprinted_as_zero(report, printed), &cells);
    for (cells, run) in rows {
        let why = if run.transposed {
            "这几行的数字在文字中按列排出，按各行总计唯一读出，并经勾稽关系核对"
        } else {
            "行名与数字错开印出，按表格各行的顺序得出，并经勾稽关系核对"
        };
        for cell in &cells {
            let path = cell.path();
            if hold {
                summary.inferred.push((path, why.to_owned()));
            } else {
                report.set_text(*cell, "");
                summary.filled.retain(|filled| *filled != path);
            }
        }
        if !hold {
            summary.not_understood.push((
                run.line,
                run.shown(),
                "行名与数字错开印出，按顺序推定的行与表格的勾稽关系不符，未读入".to_owned(),
            ));
        }
    }
}

/// A table 三 row whose digits ran together: the splits its own total (R2) allows.
struct GluedRow {
    cells: Vec<CellRef>,
    candidates: Vec<Vec<String>>,
    run: Run,
    /// Why it stays blank if the columns cannot choose.
    why: String,
    /// How its numbers were read, for the list of inferred cells.
    how: &'static str,
}

impl GluedRow {
    fn new(cells: Vec<CellRef>, candidates: Vec<Vec<String>>, run: Run, why: String) -> GluedRow {
        GluedRow {
            cells,
            candidates,
            run,
            why,
            how: "由连在一起的数字按勾稽关系唯一拆分得出",
        }
    }
}

/// The most combinations of glued rows' splits tried against the columns' arithmetic.
const MAX_COMBINATIONS: usize = 20_000;

/// Places glued rows: when exactly one combination of their splits satisfies every balance
/// (R1–R3) where all its cells are known, all of them; otherwise each row its own arithmetic
/// splits in one way only, and the rest stay blank with why.
fn place_glued(rows: Vec<GluedRow>, printed: &[usize], report: &mut Report, summary: &mut Summary) {
    if rows.is_empty() {
        return;
    }
    let chosen = only_combination(&rows, &with_unprinted_as_zero(report, printed));
    for (index, row) in rows.into_iter().enumerate() {
        let pick = match &chosen {
            Some(choice) => Some(choice[index]),
            None if row.candidates.len() == 1 => Some(0),
            None => None,
        };
        match pick {
            Some(pick) => {
                let values = row.candidates[pick].clone();
                store_inferred(report, summary, &row.cells, values, row.how);
            }
            None => store(
                report,
                summary,
                &row.cells,
                Placement::Unplaced(row.why),
                &row.run,
            ),
        }
    }
}

/// The one combination of the rows' candidates (an index per row) under which every balance
/// they take part in holds in `base` where all its cells are known; none when there are several,
/// none at all, or too many to try.
fn only_combination(rows: &[GluedRow], base: &Report) -> Option<Vec<usize>> {
    let cells: Vec<CellRef> = rows.iter().flat_map(|row| row.cells.clone()).collect();
    rows.iter()
        .try_fold(1usize, |product, row| {
            product.checked_mul(row.candidates.len())
        })
        .filter(|product| *product <= MAX_COMBINATIONS)?;
    let mut chosen = None;
    let mut choice = vec![0usize; rows.len()];
    loop {
        let mut trial = base.clone();
        for (row, pick) in rows.iter().zip(&choice) {
            for (cell, value) in row.cells.iter().zip(&row.candidates[*pick]) {
                trial.set_text(*cell, value);
            }
        }
        if ogi_report_core::rules::balances_hold(&trial, &cells) {
            if chosen.is_some() {
                return None;
            }
            chosen = Some(choice.clone());
        }
        // The next combination, the last row's choice turning fastest.
        let Some(at) = (0..rows.len())
            .rev()
            .find(|at| choice[*at] + 1 < rows[*at].candidates.len())
        else {
            return chosen;
        };
        choice[at] += 1;
        choice[at + 1..].fill(0);
    }
}

/// The report with the rows the table does not print set to 0, for checking balances: the 2019
/// format's single （六） row is then the whole of （六）.
fn with_unprinted_as_zero(report: &Report, printed: &[usize]) -> Report {
    let mut trial = report.clone();
    for row in (0..REQUEST_ROWS.len()).filter(|row| !printed.contains(row)) {
        for col in 0..REQUEST_COLS {
            trial.set_text(CellRef::Request { row, col }, "0");
        }
    }
    trial
}

/// The one row of cells that holds exactly `columns` values, when more values follow outside it
/// (the next part's text, its heading lost, runs on after the table).
fn whole_row(run: &Run, columns: usize) -> Option<Vec<Option<String>>> {
    if run.values().count() <= columns {
        return None;
    }
    let mut rows = run.segments.iter().filter(|segment| {
        segment.len() == columns && segment.iter().all(|piece| matches!(piece, Piece::Value(_)))
    });
    let row = rows.next()?;
    rows.next().is_none().then(|| {
        row.iter()
            .map(|piece| match piece {
                Piece::Value(value) => Some(value.clone()),
                _ => None,
            })
            .collect()
    })
}

/// The label that ends a table's header and also names its total columns.
const TOTAL_LABEL: &str = "总计";

/// Table 四: one row of 15 values after its headers. Where the text prints 「总计」 right before a
/// number after the first (a PDF read in its own order interleaves labels and numbers), that
/// number is a total: a placement that puts it in another column is not made.
pub(super) fn read_appeals(lines: &[(usize, &str)], report: &mut Report, summary: &mut Summary) {
    let mut all = Run::default();
    // Positions (among all values) of the numbers printed right after 「总计」.
    let mut totals: Vec<usize> = Vec::new();
    for run in within_bound(runs(pieces(lines, true)), summary) {
        if run.has_values() {
            if all.segments.is_empty() {
                all.line = run.line;
            } else if run.label.ends_with(TOTAL_LABEL) && !run.label_closed {
                totals.push(all.values().count());
            }
            all.label.push_str(&run.label);
            all.segments.extend(run.segments);
        }
    }
    if !all.has_values() {
        return;
    }
    let cells: Vec<CellRef> = (0..APPEAL_GROUPS.len())
        .flat_map(|group| (0..APPEAL_COLS).map(move |col| CellRef::Appeal { group, col }))
        .collect();
    let placement = match whole_row(&all, cells.len()) {
        Some(row) => {
            summary.not_understood.push((
                all.line,
                all.shown(),
                "表四的一行表格之后还有数字（可能是下一部分的文字），只读入了表格这一行".to_owned(),
            ));
            totals.clear();
            Placement::Read(row)
        }
        None => place(&all, cells.len(), Arithmetic::GroupsOfFive),
    };
    let totals_in_place = match &placement {
        Placement::Read(_) if all.values().count() == cells.len() => {
            totals.iter().all(|at| at % APPEAL_COLS == APPEAL_COLS - 1)
        }
        Placement::Unplaced(_) => true,
        _ => totals.is_empty(),
    };
    if totals_in_place {
        store(report, summary, &cells, placement, &all);
    } else {
        read_interleaved_appeals(&all, &totals, report, summary);
    }
}

/// Table 四 whose 「总计」 stands before numbers the order would put in other columns: the
/// groups the narrative names and the numbers' split confirms (`interleaved`), the rest blank
/// and named.
fn read_interleaved_appeals(
    all: &Run,
    totals: &[usize],
    report: &mut Report,
    summary: &mut Summary,
) {
    let values: Vec<u64> = all
        .values()
        .filter_map(|value| value.parse().ok())
        .collect();
    let placed = if values.len() == all.values().count() {
        super::interleaved::placed_groups(&values, totals, report)
    } else {
        Vec::new()
    };
    for (group, numbers) in &placed {
        let cells: Vec<CellRef> = (0..APPEAL_COLS)
            .map(|col| CellRef::Appeal { group: *group, col })
            .collect();
        let numbers = numbers.iter().map(u64::to_string).collect();
        let why = "表四的数字在文字中交错排列；这一组按各组之和唯一分出，并与正文所述的数字一致";
        store_inferred(report, summary, &cells, numbers, why);
    }
    let why = if placed.is_empty() {
        "表中「总计」后紧跟的数字按顺序会落在非总计列，说明文字的顺序与表格不同，未读入"
    } else {
        "表四其余各组的数字在文字中交错排列，无法确定哪一组是未经复议直接起诉、哪一组是复议后起诉，未读入"
    };
    summary
        .not_understood
        .push((all.line, all.shown(), why.to_owned()));
}

#[cfg(test)]
mod tests {
    use super::*;

    fn values(text: &str, integers: bool) -> Vec<Piece> {
        cell_pieces(text, integers)
    }

    #[test]
    fn a_cell_splits_into_label_and_digits_and_item_numbers_stay_with_labels() {
        assert_eq!(
            values("予以公开640020470", true),
            [
                Piece::Text("予以公开".into()),
                Piece::Value("640020470".into())
            ]
        );
        assert_eq!(
            values("秘密00000002.其他法律", true),
            [
                Piece::Text("秘密".into()),
                Piece::Value("0000000".into()),
                Piece::Text("2.其他法律".into())
            ]
        );
        assert_eq!(values("1.25", false), [Piece::Value("1.25".into())]);
        assert_eq!(values("３", true), [Piece::Value("3".into())]);
        assert_eq!(
            values("2023年共受理5件", true),
            [Piece::Text("2023年共受理5件".into())]
        );
    }

    /// The splits assume each total comes last: 总计 after the six applicant columns (R2), and
    /// after the four results in each table-四 group (R5).
    #[test]
    fn the_totals_come_last_as_the_splits_assume() {
        use ogi_report_core::format::{APPEAL_TOTAL_COL, REQUEST_TOTAL_COL};
        assert_eq!(REQUEST_TOTAL_COL, REQUEST_COLS - 1);
        assert_eq!(APPEAL_TOTAL_COL, APPEAL_COLS - 1);
    }

    #[test]
    fn glued_digits_split_only_when_the_arithmetic_allows_one_way() {
        assert_eq!(
            split_glued("640020470", 7, Arithmetic::LastIsSum, &[]),
            Splits::One(
                ["64", "0", "0", "2", "0", "4", "70"]
                    .map(String::from)
                    .to_vec()
            )
        );
        assert_eq!(
            split_glued("0000000", 7, Arithmetic::LastIsSum, &[]),
            Splits::One(vec!["0".to_owned(); 7])
        );
        assert!(matches!(
            split_glued("1253", 3, Arithmetic::None, &[]),
            Splits::Many(candidates) if candidates.len() == 3
        ));
        assert_eq!(
            split_glued("253", 3, Arithmetic::None, &[]),
            Splits::One(["2", "5", "3"].map(String::from).to_vec())
        );
        assert_eq!(
            split_glued("000000000000000", 15, Arithmetic::GroupsOfFive, &[]),
            Splits::One(vec!["0".to_owned(); 15])
        );
        assert_eq!(
            split_glued("110021200300112", 15, Arithmetic::GroupsOfFive, &[]),
            Splits::One(
                ["1", "1", "0", "0", "2", "1", "2", "0", "0", "3", "0", "0", "1", "1", "2"]
                    .map(String::from)
                    .to_vec()
            )
        );
    }

    #[test]
    fn a_row_with_a_number_too_many_is_read_only_when_one_reading_holds() {
        let owned = |values: &[&str]| values.iter().map(|v| (*v).to_owned()).collect::<Vec<_>>();
        let row = owned(&["6", "0", "0", "3", "0", "0", "0", "6"]);
        let refs: Vec<&String> = row.iter().collect();
        // Leaving out the 3 is the only way the row's total holds.
        assert_eq!(
            without_extra(&refs, 7, Arithmetic::LastIsSum),
            Some((owned(&["6", "0", "0", "0", "0", "0", "6"]), owned(&["3"])))
        );
        // Leaving out either 2 reads the same numbers.
        let row = owned(&["2", "2", "0", "0", "0", "0", "0", "2"]);
        let refs: Vec<&String> = row.iter().collect();
        assert_eq!(
            without_extra(&refs, 7, Arithmetic::LastIsSum).map(|(kept, _)| kept),
            Some(owned(&["2", "0", "0", "0", "0", "0", "2"])),
            "both readings are the same numbers"
        );
        // Leaving out the first 1 reads 2,1,…,3; leaving out the second, 1,2,…,3: no telling.
        let row = owned(&["1", "2", "1", "0", "0", "0", "0", "3"]);
        let refs: Vec<&String> = row.iter().collect();
        assert_eq!(without_extra(&refs, 7, Arithmetic::LastIsSum), None);
        assert_eq!(without_extra(&refs, 7, Arithmetic::None), None);
    }

    #[test]
    fn footers_rules_and_header_noise_are_not_cells() {
        assert!(is_page_footer("— 5 —"));
        assert!(is_page_footer("-12-"));
        assert!(is_page_footer("第 3 页 共 9 页"));
        assert!(!is_page_footer("-"));
        assert!(!is_page_footer("5"));
        assert!(is_table_rule("|---|:---:|---|"));
        assert_eq!(without_noise("本年(2023)制发件数"), "本年制发件数");
        assert_eq!(without_noise("| 数据1 | 数据2 |"), "|  |  |");
    }

    #[test]
    fn rows_printed_column_by_column_are_turned_back_only_when_one_way_holds() {
        // Row (4 0 0 0 0 0 4) and then two rows printed column by column: (1 0 … 1), (10 0 … 10).
        let mut values = vec![4, 0, 0, 0, 0, 0, 4];
        values.extend([1, 10, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 10]);
        assert_eq!(
            arrange(&values, 7),
            Arrangement::One(
                vec![
                    vec![4, 0, 0, 0, 0, 0, 4],
                    vec![1, 0, 0, 0, 0, 0, 1],
                    vec![10, 0, 0, 0, 0, 0, 10]
                ],
                true
            )
        );
        // Rows that read the same both ways were not turned.
        assert_eq!(
            arrange(&[0; 14], 7),
            Arrangement::One(vec![vec![0; 7]; 2], false)
        );
        // (0 … 0), (1 0 0 0 0 0 1) row by row, or (0 0 0 1 0 0 1), (0 … 0) column by column: the
        // rows' sums cannot tell; the columns' arithmetic must.
        let values = [0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 1];
        let Arrangement::Several(all) = arrange(&values, 7) else {
            panic!("two readings");
        };
        assert_eq!(all.len(), 2);
        // No arrangement satisfies the sums; more rows than table 三 has are not tried.
        assert_eq!(arrange(&[1, 2, 3, 4, 5, 6, 7], 7), Arrangement::Unknown);
        assert_eq!(arrange(&vec![0; 7 * 26], 7), Arrangement::Unknown);
    }
}
