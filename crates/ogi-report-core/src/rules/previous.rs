//! Rules against last year's report (`previous`): 上年结转 carries over (R9), the count of
//! documents in force moves on (R10), and the narrative is not copied (R17).

use super::id;
use super::{finding, Context, Finding, Severity, Target};
use crate::cell::Cell;
use crate::format::{
    proactive_document_rows, ProactiveCellRef, REQUEST_COLUMNS, REQUEST_ROWS, REQUEST_TOTAL_COL,
    ROW_CARRIED_FORWARD, ROW_CARRIED_IN,
};
use crate::report::{CellRef, FieldRef, Narrative, Report};

pub(super) fn r9(report: &Report, _: &Context, findings: &mut Vec<Finding>) {
    let Some(previous) = report.previous.as_deref() else {
        return;
    };
    let before = findings.len();
    for (col, column) in REQUEST_COLUMNS.iter().enumerate() {
        // The 总计 column sums the others: off because one of them is, it is not told again.
        if col == REQUEST_TOTAL_COL && findings.len() > before {
            continue;
        }
        let this_year = CellRef::Request {
            row: ROW_CARRIED_IN,
            col,
        };
        let last_year = CellRef::Request {
            row: ROW_CARRIED_FORWARD,
            col,
        };
        let (Some(Cell::Value(carried_in)), Some(Cell::Value(carried_forward))) =
            (report.count(this_year), previous.count(last_year))
        else {
            continue;
        };
        if carried_in != carried_forward {
            let message = format!(
                "表三「{}」列：本年{}为 {carried_in}，而上年报告{}为 {carried_forward}。两者通常应相等；若有差异，请在正文中说明原因。",
                column.label,
                REQUEST_ROWS[ROW_CARRIED_IN].label(),
                REQUEST_ROWS[ROW_CARRIED_FORWARD].label(),
            );
            let cells = vec![Target::cell(this_year), Target::Previous(last_year)];
            findings.push(finding(id::R9, Severity::Warning, cells, message));
        }
    }
}

pub(super) fn r10(report: &Report, _: &Context, findings: &mut Vec<Finding>) {
    let Some(previous) = report.previous.as_deref() else {
        return;
    };
    for [issued, repealed, in_force] in proactive_document_rows() {
        let cell = |index| CellRef::Proactive(ProactiveCellRef::Count(index));
        let value = |report: &Report, index| report.count(cell(index)).and_then(Cell::value);
        let (Some(issued_now), Some(repealed_now), Some(in_force_now), Some(in_force_before)) = (
            value(report, issued),
            value(report, repealed),
            value(report, in_force),
            value(previous, in_force),
        ) else {
            continue;
        };
        let gained = in_force_before.saturating_add(issued_now);
        if gained.checked_sub(repealed_now) == Some(in_force_now) {
            continue;
        }
        let expected = match gained.checked_sub(repealed_now) {
            Some(expected) => expected.to_string(),
            None => format!("-{}", repealed_now - gained),
        };
        let (row_label, _) = crate::format::proactive_labels(ProactiveCellRef::Count(in_force));
        let message = format!(
            "表二「{row_label}」：现行有效件数为 {in_force_now}，而上年现行有效 {in_force_before} 件 + 本年制发 {issued_now} 件 − 本年废止 {repealed_now} 件 = {expected} 件。若没有因到期等原因失效的文件，现行有效件数应为 {expected}；否则请在正文中说明。"
        );
        let cells = vec![
            Target::cell(cell(in_force)),
            Target::cell(cell(issued)),
            Target::cell(cell(repealed)),
            Target::Previous(cell(in_force)),
        ];
        findings.push(finding(id::R10, Severity::Warning, cells, message));
    }
}

/// Sentences shorter than this are common phrases, not copied text.
const MIN_SENTENCE_CHARS: usize = 8;
/// A part with less text than this is too short to judge.
const MIN_PART_CHARS: usize = 40;
/// Share of a part's text found sentence for sentence in last year's report.
const COPIED_SHARE_PERCENT: usize = 70;

fn sentences(text: &str) -> impl Iterator<Item = &str> {
    text.split(['。', '！', '？', '；', '\n'])
        .map(|sentence| sentence.trim_matches(|ch: char| ch.is_whitespace() || ch == '\u{3000}'))
        .filter(|sentence| sentence.chars().count() >= MIN_SENTENCE_CHARS)
}

/// A report's narrative sentences (last year's, or another unit's), sorted for lookup (a sorted
/// list beats a hash set for the few dozen sentences of a report).
pub(crate) fn last_year_sentences(previous: &Report) -> Vec<&str> {
    let mut sentences: Vec<&str> = Narrative::ALL
        .into_iter()
        .flat_map(|part| previous.sections(part))
        .flat_map(|section| sentences(&section.text))
        .collect();
    sentences.sort_unstable();
    sentences
}

/// How much of one part repeats last year's sentences word for word.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct Repeated {
    /// Characters in the part's sentences, and in those found in last year's report.
    pub chars: usize,
    pub repeated_chars: usize,
    pub repeated_sentences: usize,
    /// Indexes of the sub-sections holding a repeated sentence.
    pub sections: Vec<usize>,
}

impl Repeated {
    pub fn percent(&self) -> usize {
        (self.repeated_chars * 100)
            .checked_div(self.chars)
            .unwrap_or(0)
    }

    /// Long enough to judge (as a part must be for R17).
    pub fn long_enough(&self) -> bool {
        self.chars >= MIN_PART_CHARS
    }

    /// Long enough to judge, and mostly repeated (R17 unless a superior office set its own share).
    pub fn is_copied(&self) -> bool {
        self.is_copied_at(COPIED_SHARE_PERCENT)
    }

    /// Long enough to judge, and repeated at `percent` or more.
    pub fn is_copied_at(&self, percent: usize) -> bool {
        self.long_enough() && self.percent() >= percent
    }
}

/// How much of a report's whole narrative (all three parts) repeats `sentences` word for word:
/// the measure R17 uses across years, applied between units by 汇总.
pub(crate) fn repeated_in_narrative(report: &Report, sentences: &[&str]) -> Repeated {
    let mut total = Repeated::default();
    for part in Narrative::ALL {
        let measure = repeated(report, part, sentences);
        total.chars += measure.chars;
        total.repeated_chars += measure.repeated_chars;
        total.repeated_sentences += measure.repeated_sentences;
    }
    total
}

pub(crate) fn repeated(report: &Report, part: Narrative, last_year: &[&str]) -> Repeated {
    let mut measure = Repeated::default();
    for (index, section) in report.sections(part).iter().enumerate() {
        let mut section_repeats = false;
        for sentence in sentences(&section.text) {
            let length = sentence.chars().count();
            measure.chars += length;
            if last_year.binary_search(&sentence).is_ok() {
                measure.repeated_chars += length;
                measure.repeated_sentences += 1;
                section_repeats = true;
            }
        }
        if section_repeats {
            measure.sections.push(index);
        }
    }
    measure
}

pub(super) fn r17(report: &Report, context: &Context, findings: &mut Vec<Finding>) {
    let Some(previous) = report.previous.as_deref() else {
        return;
    };
    let last_year = last_year_sentences(previous);
    if last_year.is_empty() {
        return;
    }
    for part in Narrative::ALL {
        let measure = repeated(report, part, &last_year);
        if measure.is_copied_at(context.copied_percent.unwrap_or(COPIED_SHARE_PERCENT)) {
            let message = format!(
                "{}中约 {}% 的文字（{} 句）与上年报告逐句相同。年度报告应反映本年度的实际工作，请结合本年情况重新撰写（内容雷同是常见的扣分项）。",
                part.part().heading,
                measure.percent(),
                measure.repeated_sentences,
            );
            let cells = measure
                .sections
                .iter()
                .map(|index| Target::Field(FieldRef::Text(part, *index)))
                .collect();
            findings.push(finding(id::R17, Severity::Warning, cells, message));
        }
    }
}
