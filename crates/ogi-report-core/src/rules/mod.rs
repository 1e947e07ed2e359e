//! The rules R1–R18 of format-2021.md as a registry of small entries, and the findings they
//! produce. Each finding names its rule, severity, the cell paths involved and a Chinese message
//! with the printed labels, the numbers on both sides and what would make it hold.

mod balance;
mod cells;
mod date;
mod narrative;
pub(crate) mod previous;
mod structure;

use serde::Serialize;

pub use balance::balances_hold;
pub use date::Date;
pub use narrative::{stated_numbers, table_label, StatedNumber};

use crate::report::Report;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
    Info,
    /// Not checkable from numbers; shown as help where it applies (R4).
    Help,
}

impl Severity {
    /// The name findings carry in JSON (`severity`), as serde writes it.
    pub fn key(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "info",
            Severity::Help => "help",
        }
    }

    /// From its [`key`](Severity::key).
    pub fn parse(key: &str) -> Option<Severity> {
        [
            Severity::Error,
            Severity::Warning,
            Severity::Info,
            Severity::Help,
        ]
        .into_iter()
        .find(|severity| severity.key() == key)
    }

    pub fn label(self) -> &'static str {
        match self {
            Severity::Error => "错误",
            Severity::Warning => "提醒",
            Severity::Info => "提示",
            Severity::Help => "说明",
        }
    }
}

/// One thing a rule found.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Finding {
    pub rule: &'static str,
    pub severity: Severity,
    /// Cell and field paths, the first being where the page jumps to.
    pub cells: Vec<String>,
    pub message: String,
}

/// While filling, what is not typed yet is not an error: blank cells (R8), empty parts (R13), a
/// balance none of whose cells has been typed (R1–R3, R5), and the whole-report checks of
/// topics, title and period (R14–R16) wait for 检查 (`Final`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Stage {
    Filling,
    #[default]
    Final,
}

/// What a check runs against besides the report.
#[derive(Clone, Copy, Debug, Default)]
pub struct Context {
    pub stage: Stage,
    /// "Today" for the deadline reminder (R18); no reminder without it.
    pub today: Option<Date>,
    /// An internal deadline set by a local notice, earlier than Article 49's.
    pub deadline: Option<Date>,
}

/// A rule of the format.
pub struct Rule {
    pub id: &'static str,
    /// The most severe finding the rule gives.
    pub severity: Severity,
    pub check: fn(&Report, &Context, &mut Vec<Finding>),
}

fn help_only(_: &Report, _: &Context, _: &mut Vec<Finding>) {}

pub const RULES: [Rule; 18] = [
    Rule {
        id: "R1",
        severity: Severity::Error,
        check: balance::r1,
    },
    Rule {
        id: "R2",
        severity: Severity::Error,
        check: balance::r2,
    },
    Rule {
        id: "R3",
        severity: Severity::Error,
        check: balance::r3,
    },
    Rule {
        id: "R4",
        severity: Severity::Help,
        check: help_only,
    },
    Rule {
        id: "R5",
        severity: Severity::Error,
        check: balance::r5,
    },
    Rule {
        id: "R6",
        severity: Severity::Error,
        check: cells::r6,
    },
    Rule {
        id: "R7",
        severity: Severity::Error,
        check: cells::r7,
    },
    Rule {
        id: "R8",
        severity: Severity::Error,
        check: cells::r8,
    },
    Rule {
        id: "R9",
        severity: Severity::Warning,
        check: previous::r9,
    },
    Rule {
        id: "R10",
        severity: Severity::Warning,
        check: previous::r10,
    },
    Rule {
        id: "R11",
        severity: Severity::Warning,
        check: narrative::r11,
    },
    Rule {
        id: "R12",
        severity: Severity::Warning,
        check: narrative::r12,
    },
    Rule {
        id: "R13",
        severity: Severity::Error,
        check: structure::r13,
    },
    Rule {
        id: "R14",
        severity: Severity::Warning,
        check: narrative::r14,
    },
    Rule {
        id: "R15",
        severity: Severity::Warning,
        check: narrative::r15,
    },
    Rule {
        id: "R16",
        severity: Severity::Error,
        check: structure::r16,
    },
    Rule {
        id: "R17",
        severity: Severity::Warning,
        check: previous::r17,
    },
    Rule {
        id: "R18",
        severity: Severity::Info,
        check: structure::r18,
    },
];

/// What each rule says, in Chinese, by id: the documentation of the rules (`ogi-report rules`).
/// Kept apart from the checkers so that the page, which never lists them, does not carry the text.
pub const RULE_SUMMARIES: [(&str, &str); 18] = [
    ("R1", concat!("表三每一列：", crate::r1_relation!())),
    ("R2", concat!("表三每一行：", crate::r2_relation!())),
    ("R3", concat!("表三每一列：", crate::r3_relation!())),
    ("R4", crate::format::PARTLY_GRANTED_HELP),
    ("R5", concat!("表四每一组：", crate::r5_relation!())),
    ("R6", "件数须为不小于 0 的整数"),
    ("R7", "收费金额以万元为单位，不小于 0，最多 4 位小数"),
    ("R8", "定稿的表格不能有空白格或“/”“无”等占位符，没有的填 0"),
    ("R9", "本年上年结转应等于上年报告的结转下年度继续办理"),
    (
        "R10",
        "现行有效件数约等于上年现行有效件数加本年制发减本年废止",
    ),
    ("R11", "正文中提到的数字应与表格一致"),
    (
        "R12",
        "逾期未缴纳信息处理费的件数与第六部分的收费说明应一致",
    ),
    ("R13", "六个部分齐全，表格的行和列不增不减不改名"),
    ("R14", "第六部分应逐项说明四个常见事项（没有的写“无”）"),
    (
        "R15",
        "人民政府的报告应说明工作考核、社会评议和责任追究结果情况",
    ),
    ("R16", "标题年度与报告年度一致，统计期为该自然年度"),
    ("R17", "正文不应大段照搬上年报告（内容雷同）"),
    ("R18", "发布截止日期提醒"),
];

/// What the rule with this id says.
pub fn summary(id: &str) -> Option<&'static str> {
    RULE_SUMMARIES
        .iter()
        .find(|(rule, _)| *rule == id)
        .map(|(_, text)| *text)
}

/// Runs every rule. Findings come in rule order; within a rule, in table order.
pub fn check(report: &Report, context: &Context) -> Vec<Finding> {
    let mut findings = Vec::new();
    for rule in &RULES {
        (rule.check)(report, context, &mut findings);
    }
    findings
}

/// Counts of (errors, warnings).
pub fn tally(findings: &[Finding]) -> (usize, usize) {
    let count = |severity| findings.iter().filter(|f| f.severity == severity).count();
    (count(Severity::Error), count(Severity::Warning))
}

/// A whole check as the CLI's `--json` and the package's `check` give it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Checked {
    pub findings: Vec<Finding>,
    pub errors: usize,
    pub warnings: usize,
}

impl Checked {
    pub fn new(findings: Vec<Finding>) -> Checked {
        let (errors, warnings) = tally(&findings);
        Checked {
            findings,
            errors,
            warnings,
        }
    }
}

fn finding(rule: &'static str, severity: Severity, cells: Vec<String>, message: String) -> Finding {
    Finding {
        rule,
        severity,
        cells,
        message,
    }
}

/// A short, safe excerpt of user text for a message.
fn excerpt(text: &str) -> String {
    const LIMIT: usize = 20;
    let mut short: String = text
        .chars()
        .filter(|ch| !ch.is_control())
        .take(LIMIT)
        .collect();
    if text.chars().count() > LIMIT {
        short.push('…');
    }
    short
}
