//! A published report's text, whatever it came from (pasted, a web page, a Word file, a PDF):
//! the title, the six parts by their headings (aliases and small typos accepted), the narrative
//! parts' sections, and each table part's lines handed to [`super::tables`]. Text whose white
//! space was removed gets its headings back on lines of their own first.

use super::tables;
use super::{NotAReport, Summary};
use ogi_report_core::format::{
    HEADING_ALIASES, PARTS, PART_APPEALS, PART_OTHER_MATTERS, PART_OVERVIEW, PART_PROACTIVE,
    PART_PROBLEMS, PART_REQUESTS, REPORT_NAME, TITLE_SUFFIX,
};
use ogi_report_core::report::{BodyType, CellRef, Narrative, Report, Section};

/// Brackets, colons and spaces as a comparison sees them: `(一) 予以公开` equals `（一）予以公开`.
pub(super) fn normalise(text: &str) -> String {
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
pub(super) fn similarity(a: &str, b: &str) -> f64 {
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
pub(super) fn part_heading(line: &str) -> Option<usize> {
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
    // A report that numbers its parts its own way (`二、收到和处理政府信息公开申请情况` after a
    // part of its own): the heading's words in full, whatever the number.
    let words = |heading: &str| heading.split_once('、').map(|(_, words)| words.to_owned());
    if let Some(own) = words(&text) {
        if let Some(index) = PARTS
            .iter()
            .position(|part| words(part.heading).as_deref() == Some(own.as_str()))
        {
            return Some(index);
        }
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

/// The body and year of a title line: `某某县人民政府2023年政府信息公开工作年度报告` (the usual
/// order; `2023年度` too) or `2024年上海市科委政府信息公开工作年度报告` (the year first). With the
/// body first, the year is the last four digits, so a body whose name ends in a digit
/// (`测试单位1` + `2023`) keeps it.
fn title(line: &str) -> Option<(String, i32)> {
    let text = normalise(line);
    // A label or a breadcrumb before the title (`标题：…`, `首页>政务公开>…`): a body's name
    // has no colon and no such separator.
    let text = text
        .rsplit(['：', '>', '＞', '»', '›', '|', '｜'])
        .next()
        .unwrap_or_default();
    let head = text.strip_suffix(REPORT_NAME)?;
    let plausible = |year: &str| {
        let year: i32 = year.parse().ok()?;
        (ogi_report_core::format::FIRST_YEAR - 2..=2100)
            .contains(&year)
            .then_some(year)
    };
    let before_year = head
        .strip_suffix("年度")
        .or_else(|| head.strip_suffix('年'));
    if let Some(before_year) = before_year {
        let digits = before_year.len()
            - before_year
                .trim_end_matches(|ch: char| ch.is_ascii_digit())
                .len();
        if digits >= 4 {
            let (body, year) = before_year.split_at(before_year.len() - 4);
            if !body.is_empty() {
                return plausible(year).map(|year| (body.to_owned(), year));
            }
        }
    }
    // The year first: `2024年` or `2024年度`, then the body.
    let year = head.get(..4)?;
    let body = head[4..]
        .strip_prefix("年度")
        .or_else(|| head[4..].strip_prefix('年'))?;
    (!body.is_empty() && !body.starts_with(|ch: char| ch.is_ascii_digit()))
        .then_some(())
        .and_then(|()| plausible(year))
        .map(|year| (body.to_owned(), year))
}

/// Whether a line is a report's title (a body and a year before the report's name).
pub(super) fn is_title(line: &str) -> bool {
    !line.contains('\t') && title(line).is_some()
}

/// Text whose white space was removed runs the title, the headings and the tables together on
/// one line: each part heading (and the end of the title) starts a line of its own again.
fn separate_headings(text: &str) -> String {
    let mut marks: Vec<&str> = PARTS.iter().map(|part| part.heading).collect();
    marks.extend(
        HEADING_ALIASES
            .iter()
            .map(|(alias, _)| *alias)
            .filter(|alias| !alias.contains([' ', '(', '（'])),
    );
    let mut out = String::with_capacity(text.len() + 64);
    for line in text.lines() {
        if line.chars().count() < 60 {
            out.push_str(line);
            out.push('\n');
            continue;
        }
        let mut cuts: Vec<usize> = Vec::new();
        for mark in &marks {
            if let Some(at) = line.find(mark) {
                cuts.extend([at, at + mark.len()]);
            } else if let Some((at, end)) = near_heading(line, mark) {
                cuts.extend([at, end]);
            }
        }
        if let Some(at) = line.find(TITLE_SUFFIX) {
            cuts.push(at + TITLE_SUFFIX.len());
        }
        cuts.sort_unstable();
        cuts.dedup();
        let mut from = 0;
        for cut in cuts.into_iter().filter(|cut| *cut > 0 && *cut < line.len()) {
            out.push_str(&line[from..cut]);
            out.push('\n');
            from = cut;
        }
        out.push_str(&line[from..]);
        out.push('\n');
    }
    out
}

/// A heading printed with a typo inside glued text (`四、政府信息公开行政法复议、行政诉讼情况`):
/// where the heading's number stands, the stretch of about the heading's length most like it,
/// if it is very like it.
fn near_heading(line: &str, heading: &str) -> Option<(usize, usize)> {
    const LIKE: f64 = 0.85;
    let number = heading.split_once('、')?.0;
    let length = heading.chars().count();
    let mut best: Option<(f64, usize, usize)> = None;
    for (at, _) in line.match_indices(&format!("{number}、")) {
        let after: Vec<(usize, char)> = line[at..].char_indices().take(length + 3).collect();
        for take in length.saturating_sub(2)..=(length + 2).min(after.len()) {
            let end = after
                .get(take)
                .map_or(line.len(), |(offset, _)| at + offset);
            let score = similarity(&line[at..end], heading);
            if score >= LIKE && best.is_none_or(|(top, _, _)| score > top) {
                best = Some((score, at, end));
            }
        }
    }
    best.map(|(_, at, end)| (at, end))
}

/// The 前言 before part 一: prose (`根据《条例》…编制本报告。…如有疑问请联系…`), not the page's
/// menus, dates and links around it.
mod preface {
    /// Where a preface starts in a line: these words open one.
    const OPENINGS: [&str; 3] = ["根据《", "本报告", "依据《"];
    /// Sentence ends: a line wrapped elsewhere (a PDF's) is joined to the next without a break.
    const SENTENCE_ENDS: [char; 5] = ['。', '！', '？', '；', '：'];

    /// Adds `line` to `preface` if it belongs there (the preface has begun, or the line opens
    /// one, or reads as a sentence): whether it was taken.
    pub(super) fn take(preface: &mut String, line: &str) -> bool {
        let text = if preface.is_empty() {
            let opening = OPENINGS.iter().filter_map(|word| line.find(word)).min();
            match opening {
                Some(at) => &line[at..],
                None if line.contains('。') && line.chars().count() >= 20 => line,
                None => return false,
            }
        } else {
            line
        };
        if !preface.is_empty() && preface.ends_with(SENTENCE_ENDS) {
            preface.push('\n');
        }
        preface.push_str(text);
        true
    }
}

/// Reads the text of a published report.
pub fn import_text(text: &str) -> Result<(Report, Summary), NotAReport> {
    let text = separate_headings(text);
    let mut report = Report::new_draft();
    for part in Narrative::ALL {
        report.set_sections(part, Vec::new());
    }
    let mut summary = Summary::default();
    let mut titled = false;
    let mut part: Option<usize> = None;
    let mut parts_seen = [false; 6];
    // The lines of each table part, with their line numbers, read once the part is complete.
    let mut table_lines: [Vec<(usize, &str)>; 6] = Default::default();

    let lines: Vec<&str> = text.lines().collect();
    let mut skip_next = false;
    for (number, raw) in lines.iter().enumerate() {
        if std::mem::take(&mut skip_next) {
            continue;
        }
        let line = raw.trim_start_matches(['#', ' ']).trim_end();
        let line = line.strip_prefix("- ").unwrap_or(line);
        if line.trim().is_empty() {
            continue;
        }
        if !titled && !line.contains('\t') {
            // A long title wraps onto a second line in a PDF.
            let joined = lines
                .get(number + 1)
                .map(|next| format!("{line}{}", next.trim()));
            let wrapped = title(line).is_none() && joined.as_deref().and_then(title).is_some();
            if let Some((body, year)) = title(line).or_else(|| joined.as_deref().and_then(title)) {
                if wrapped {
                    skip_next = true;
                }
                report.meta.year = Some(year);
                report.meta.body_type = if body.ends_with("人民政府") {
                    BodyType::Government
                } else {
                    BodyType::Department
                };
                report.meta.body = body;
                titled = true;
                continue;
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
            // Only after the title: prose before it is the page's, not the report's.
            if !(titled && preface::take(&mut report.preface, line.trim())) {
                summary.not_understood.push((
                    number + 1,
                    raw.trim().to_owned(),
                    "在第一个部分标题之前".to_owned(),
                ));
            }
            continue;
        };
        match current {
            // A page number a PDF's text carries into the prose (`-5-`) is not the report's.
            PART_OVERVIEW | PART_PROBLEMS | PART_OTHER_MATTERS
                if tables::is_page_footer(line.trim()) => {}
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
            _ => table_lines[current].push((number + 1, *raw)),
        }
    }
    if !titled && parts_seen.iter().filter(|seen| **seen).count() < 2 {
        return Err(NotAReport);
    }
    tables::read_proactive(&table_lines[PART_PROACTIVE], &mut report, &mut summary);
    tables::read_requests(&table_lines[PART_REQUESTS], &mut report, &mut summary);
    tables::read_appeals(&table_lines[PART_APPEALS], &mut report, &mut summary);
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

    #[test]
    fn a_title_keeps_a_body_that_ends_in_a_digit() {
        let cases = [
            (
                "测试单位12023年政府信息公开工作年度报告",
                Some(("测试单位1", 2023)),
            ),
            (
                "某某县人民政府 2021 年政府信息公开工作年度报告",
                Some(("某某县人民政府", 2021)),
            ),
            ("某某县人民政府年政府信息公开工作年度报告", None),
            (
                "当前位置：首页 > 政务公开 > 某某县人民政府2023年政府信息公开工作年度报告",
                Some(("某某县人民政府", 2023)),
            ),
            (
                "2024 年上海市科委政府信息公开工作年度报告",
                Some(("上海市科委", 2024)),
            ),
            (
                "平潭综合实验区2021年度政府信息公开工作年度报告",
                Some(("平潭综合实验区", 2021)),
            ),
        ];
        for (line, expected) in cases {
            let expected = expected.map(|(body, year)| (body.to_owned(), year));
            assert_eq!(title(line), expected, "{line}");
        }
    }

    #[test]
    fn glued_text_gets_its_headings_back_on_lines_of_their_own() {
        let glued = "某某县人民政府2023年政府信息公开工作年度报告一、总体情况本年度全面推进政务公开工作取得实效。二、主动公开政府信息情况规章000";
        let text = separate_headings(glued);
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(
            lines,
            [
                "某某县人民政府2023年政府信息公开工作年度报告",
                "一、总体情况",
                "本年度全面推进政务公开工作取得实效。",
                "二、主动公开政府信息情况",
                "规章000"
            ]
        );
    }
}
