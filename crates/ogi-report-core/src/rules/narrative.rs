//! Rules that read the narrative: numbers it states match the tables (R11), part 六 agrees with the
//! unpaid-fee row (R12) and covers its four usual items (R14), and a 人民政府 reports on
//! 工作考核、社会评议和责任追究 (R15).

use super::id;
use super::{finding, Context, Finding, Severity, Stage, Target};
use crate::cell::Cell;
use crate::format::{
    ProactiveCellRef, APPEAL_TOTAL_COL, FEE_NOTICE_WORDS, GOVERNMENT_ONLY_TOPICS, NO_FEE_PHRASES,
    OTHER_MATTERS_ITEMS, REQUEST_ROWS, REQUEST_TOTAL_COL, ROW_FEE_UNPAID, ROW_RECEIVED, ROW_TOTAL,
};
use crate::report::{BodyType, CellRef, FieldRef, Narrative, Report};

/// A kind of number the narrative often states, and the table cells (summed) it must match.
/// The text is searched for `anchor`; one of `prefixes` must stand right before it.
struct Claim {
    anchor: &'static str,
    prefixes: &'static [&'static str],
    cells: &'static [CellRef],
    /// "未收到…申请" states 0.
    negatable: bool,
}

const CLAIMS: [Claim; 6] = [
    Claim {
        anchor: "申请",
        prefixes: &[
            "收到政府信息公开",
            "新收政府信息公开",
            "受理政府信息公开",
            "收到信息公开",
            "收到",
        ],
        cells: &[CellRef::Request {
            row: ROW_RECEIVED,
            col: REQUEST_TOTAL_COL,
        }],
        negatable: true,
    },
    Claim {
        anchor: "办结",
        prefixes: &[""],
        cells: &[CellRef::Request {
            row: ROW_TOTAL,
            col: REQUEST_TOTAL_COL,
        }],
        negatable: false,
    },
    Claim {
        anchor: "行政复议",
        prefixes: &[""],
        cells: &[CellRef::Appeal {
            group: 0,
            col: APPEAL_TOTAL_COL,
        }],
        negatable: true,
    },
    Claim {
        anchor: "行政诉讼",
        prefixes: &[""],
        cells: &[
            CellRef::Appeal {
                group: 1,
                col: APPEAL_TOTAL_COL,
            },
            CellRef::Appeal {
                group: 2,
                col: APPEAL_TOTAL_COL,
            },
        ],
        negatable: true,
    },
    Claim {
        anchor: "规范性文件",
        prefixes: &["制发行政", "制发", "出台行政", "出台"],
        cells: &[CellRef::Proactive(ProactiveCellRef::Count(3))],
        negatable: false,
    },
    Claim {
        anchor: "规范性文件",
        prefixes: &["废止行政", "废止"],
        cells: &[CellRef::Proactive(ProactiveCellRef::Count(4))],
        negatable: false,
    },
];

/// How far after a keyword its number may stand (`收到政府信息公开申请共计12件`).
const NUMBER_WINDOW_CHARS: usize = 6;
const NEGATION_WINDOW_CHARS: usize = 4;
const COUNT_WORDS: [char; 4] = ['件', '宗', '起', '条'];

/// A number the text states at its start, in Arabic or Chinese numerals, followed by 件: the
/// value and the length of the text through the count word. Also the importer's reading of what a
/// report's narrative states (a table 四 group it names).
pub fn number_after(text: &str) -> Option<(u64, usize)> {
    let mut chars = text.char_indices().peekable();
    for _ in 0..NUMBER_WINDOW_CHARS {
        match chars.peek() {
            Some((_, ch)) if numeral(*ch).is_some() => break,
            Some((_, ch)) if "。，；,;：:！？、\n（）()".contains(*ch) => return None,
            Some(_) => {
                chars.next();
            }
            None => return None,
        }
    }
    let mut numerals = Vec::new();
    while let Some(value) = chars.peek().and_then(|(_, ch)| numeral(*ch)) {
        numerals.push(value);
        chars.next();
        if numerals.len() > 12 {
            return None;
        }
    }
    let (at, unit) = chars.next()?;
    (COUNT_WORDS.contains(&unit) && !numerals.is_empty())
        .then(|| numerals_value(&numerals))
        .flatten()
        .map(|value| (value, at + unit.len_utf8()))
}

#[derive(Clone, Copy, PartialEq)]
enum Numeral {
    Digit(u64),
    Ten,
    Hundred,
}

fn numeral(ch: char) -> Option<Numeral> {
    Some(match ch {
        '0'..='9' => Numeral::Digit(u64::from(ch as u32 - '0' as u32)),
        '０'..='９' => Numeral::Digit(u64::from(ch as u32 - '０' as u32)),
        '零' | '〇' => Numeral::Digit(0),
        '一' => Numeral::Digit(1),
        '二' | '两' => Numeral::Digit(2),
        '三' => Numeral::Digit(3),
        '四' => Numeral::Digit(4),
        '五' => Numeral::Digit(5),
        '六' => Numeral::Digit(6),
        '七' => Numeral::Digit(7),
        '八' => Numeral::Digit(8),
        '九' => Numeral::Digit(9),
        '十' => Numeral::Ten,
        '百' => Numeral::Hundred,
        _ => return None,
    })
}

/// `12`, `十二`, `二十`, `一百零五`; positional digits when no 十/百 appears.
fn numerals_value(numerals: &[Numeral]) -> Option<u64> {
    if numerals.iter().all(|n| matches!(n, Numeral::Digit(_))) {
        return numerals.iter().try_fold(0u64, |acc, n| match n {
            Numeral::Digit(d) => acc.checked_mul(10)?.checked_add(*d),
            _ => None,
        });
    }
    let (mut total, mut pending) = (0u64, None::<u64>);
    for n in numerals {
        match n {
            Numeral::Digit(d) => pending = Some(*d),
            Numeral::Ten => {
                total += pending.unwrap_or(1) * 10;
                pending = None;
            }
            Numeral::Hundred => {
                total += pending? * 100;
                pending = None;
            }
        }
    }
    Some(total + pending.unwrap_or(0))
}

/// The negation and the keyword it denies (`未发生行政诉讼`).
fn negation_quote(through_keyword: &str) -> String {
    let start = ["未", "没有", "无"]
        .iter()
        .filter_map(|word| through_keyword.rfind(word))
        .max()
        .unwrap_or(0);
    through_keyword[start..].to_owned()
}

fn negated(before: &str) -> bool {
    let window: String = before
        .chars()
        .rev()
        .take(NEGATION_WINDOW_CHARS)
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    window.contains('未') || window.contains("没有") || window.ends_with('无')
}

/// Where each claim's keyword stands in `text`: (start of the keyword, end of the anchor).
fn keyword_matches(text: &str) -> impl Iterator<Item = (&'static Claim, usize, usize)> + '_ {
    CLAIMS.iter().flat_map(move |claim| {
        text.match_indices(claim.anchor)
            .filter_map(move |(at, anchor)| {
                let before = &text[..at];
                let prefix = claim
                    .prefixes
                    .iter()
                    .find(|prefix| before.ends_with(**prefix))?;
                Some((claim, at - prefix.len(), at + anchor.len()))
            })
    })
}

/// A number the narrative states, and the table value it claims to match (R11).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StatedNumber {
    /// The sub-section text that states it.
    pub field: FieldRef,
    /// The words that state it, as written (`收到政府信息公开申请12件`).
    pub quote: String,
    pub stated: u64,
    /// The table's value (summed over `cells`); `None` while a cell is blank or not a number.
    pub table: Option<u64>,
    pub cells: &'static [CellRef],
}

/// Every number the narrative states about a table value, in part and text order.
pub fn stated_numbers(report: &Report) -> Vec<StatedNumber> {
    let mut numbers = Vec::new();
    for part in Narrative::ALL {
        for (index, section) in report.sections(part).iter().enumerate() {
            let text = section.text.as_str();
            for (claim, at, end) in keyword_matches(text) {
                let (stated, quote) = match number_after(&text[end..]) {
                    Some((number, length)) => (number, text[at..end + length].to_owned()),
                    None if claim.negatable && negated(&text[..at]) => {
                        (0, negation_quote(&text[..end]))
                    }
                    None => continue,
                };
                numbers.push(StatedNumber {
                    field: FieldRef::Text(part, index),
                    quote,
                    stated,
                    table: report.count_sum(claim.cells.iter().copied()),
                    cells: claim.cells,
                });
            }
        }
    }
    numbers
}

/// How a message or the page names the table value a claim is checked against.
pub fn table_label(cells: &[CellRef]) -> String {
    let names: Vec<String> = cells.iter().map(|cell| cell.message_label()).collect();
    names.join(" 与 ")
}

pub(super) fn r11(report: &Report, _: &Context, findings: &mut Vec<Finding>) {
    for number in stated_numbers(report) {
        let Some(table) = number.table.filter(|table| *table != number.stated) else {
            continue;
        };
        let FieldRef::Text(part, index) = number.field else {
            continue;
        };
        let heading = &report.sections(part)[index].heading;
        let message = format!(
            "{}{}写有“{}”（{} 件），但{}为 {table}。请核对正文或表格，使两者一致。",
            part.part().heading,
            if heading.is_empty() {
                String::new()
            } else {
                format!(" {heading} ")
            },
            number.quote,
            number.stated,
            table_label(number.cells),
        );
        let mut cells = vec![Target::Field(number.field)];
        cells.extend(number.cells.iter().map(|cell| Target::cell(*cell)));
        findings.push(finding(id::R11, Severity::Warning, cells, message));
    }
}

/// All of a part's headings and texts, for keyword rules.
fn part_text(report: &Report, part: Narrative) -> String {
    let mut all = String::new();
    for section in report.sections(part) {
        all.push_str(&section.heading);
        all.push('\n');
        all.push_str(&section.text);
        all.push('\n');
    }
    all
}

/// The topics none of whose words the text contains.
fn unmentioned(text: &str, topics: &[(&'static str, &[&str])]) -> Vec<&'static str> {
    topics
        .iter()
        .filter(|(_, words)| !words.iter().any(|word| text.contains(word)))
        .map(|(topic, _)| *topic)
        .collect()
}

fn first_text(part: Narrative) -> Target {
    Target::Field(FieldRef::Text(part, 0))
}

pub(super) fn r12(report: &Report, _: &Context, findings: &mut Vec<Finding>) {
    let cell = CellRef::Request {
        row: ROW_FEE_UNPAID,
        col: REQUEST_TOTAL_COL,
    };
    let Some(unpaid) = report.count(cell).and_then(Cell::value) else {
        return;
    };
    let text = part_text(report, Narrative::OtherMatters);
    let says_no_fee = NO_FEE_PHRASES.iter().find(|phrase| text.contains(**phrase));
    let mentions_fee = FEE_NOTICE_WORDS.iter().any(|word| text.contains(word));
    let row = REQUEST_ROWS[ROW_FEE_UNPAID].message_label();
    let heading = Narrative::OtherMatters.part().heading;
    let message = match (unpaid, says_no_fee) {
        (0, _) => return,
        (_, Some(phrase)) => format!(
            "{heading}写有“{phrase}”，但表三「{row}」总计为 {unpaid}，说明本年发出过收费通知。请核对：若未发出收费通知，该行应为 0。"
        ),
        (_, None) if !mentions_fee => format!(
            "表三「{row}」总计为 {unpaid}，说明本年发出过收费通知，但{heading}没有说明信息处理费的收取情况（发出收费通知的件数和金额、实际收取的金额）。"
        ),
        _ => return,
    };
    findings.push(finding(
        id::R12,
        Severity::Warning,
        vec![first_text(Narrative::OtherMatters), Target::cell(cell)],
        message,
    ));
}

pub(super) fn r14(report: &Report, context: &Context, findings: &mut Vec<Finding>) {
    // Whether a part covers its topics is judged on the finished text, at 检查.
    if context.stage != Stage::Final {
        return;
    }
    let missing = unmentioned(
        &part_text(report, Narrative::OtherMatters),
        &OTHER_MATTERS_ITEMS,
    );
    if missing.is_empty() {
        return;
    }
    let message = format!(
        "{}通常应逐项说明以下事项，没有的也请写明“无”：{}。",
        Narrative::OtherMatters.part().heading,
        missing.join("；")
    );
    findings.push(finding(
        id::R14,
        Severity::Warning,
        vec![first_text(Narrative::OtherMatters)],
        message,
    ));
}

pub(super) fn r15(report: &Report, context: &Context, findings: &mut Vec<Finding>) {
    if context.stage != Stage::Final || report.meta.body_type != BodyType::Government {
        return;
    }
    let missing = unmentioned(
        &part_text(report, Narrative::Overview),
        &GOVERNMENT_ONLY_TOPICS,
    );
    if missing.is_empty() {
        return;
    }
    let sections = report.sections(Narrative::Overview);
    let target = sections
        .iter()
        .position(|section| section.heading.contains("监督保障"))
        .unwrap_or(sections.len().saturating_sub(1));
    let message = format!(
        "人民政府的年度报告应在{}（通常在“监督保障”中）说明工作考核、社会评议和责任追究结果情况；尚未提到：{}。",
        Narrative::Overview.part().heading,
        missing.join("、")
    );
    findings.push(finding(
        id::R15,
        Severity::Warning,
        vec![Target::Field(FieldRef::Text(Narrative::Overview, target))],
        message,
    ));
}
