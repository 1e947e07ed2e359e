//! The rules R1–R18 of the format (docs/format.md) as a registry of small entries, and the findings they
//! produce. Each finding names its rule, severity, the cell paths involved and a Chinese message
//! with the printed labels, the numbers on both sides and what would make it hold.

/// The rules' ids, as findings, `data-rule` and the CLI carry them: each written once, here.
pub mod id {
    pub const R1: &str = "R1";
    pub const R2: &str = "R2";
    pub const R3: &str = "R3";
    pub const R4: &str = "R4";
    pub const R5: &str = "R5";
    pub const R6: &str = "R6";
    pub const R7: &str = "R7";
    pub const R8: &str = "R8";
    pub const R9: &str = "R9";
    pub const R10: &str = "R10";
    pub const R11: &str = "R11";
    pub const R12: &str = "R12";
    pub const R13: &str = "R13";
    pub const R14: &str = "R14";
    pub const R15: &str = "R15";
    pub const R16: &str = "R16";
    pub const R17: &str = "R17";
    pub const R18: &str = "R18";
}

mod balance;
mod cells;
mod date;
mod narrative;
pub(crate) mod previous;
mod structure;

use serde::Serialize;

pub use balance::balances_hold;
pub use date::Date;
pub use narrative::{number_after, stated_numbers, table_label, StatedNumber};

use crate::report::{CellRef, FieldRef, Report};

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
    /// What the finding is about, the first jumpable one being where the page goes. In the
    /// report file's JSON (CLI, package) these are their paths, under the name `cells`.
    #[serde(rename = "cells")]
    pub targets: Vec<Target>,
    pub message: String,
}

/// What a finding points at. The rule that makes the finding decides what it marks and where a
/// jump goes; a front end only draws it (it never names a rule to decide that).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Target {
    /// A table cell. `marked`: whether an error marks this cell — the cells a user would change
    /// to make the rule hold (R1 is fixed in the typed rows; R2, R3 and R5 fail when a total
    /// disagrees with its parts, so only the total is marked).
    Cell { cell: CellRef, marked: bool },
    /// A meta field or a narrative sub-section.
    Field(FieldRef),
    /// A cell of last year's report (`previous`): named, never marked or jumped to.
    Previous(CellRef),
    /// A part or table row the report file lacks (R13): named by its place in the file.
    Missing(String),
}

impl Target {
    /// A cell the finding marks.
    pub fn cell(cell: CellRef) -> Target {
        Target::Cell { cell, marked: true }
    }

    /// The path the report file and the page's hooks (`data-cell`, `data-field`) use.
    pub fn path(&self) -> String {
        match self {
            Target::Cell { cell, .. } => cell.path(),
            Target::Field(field) => field.path(),
            Target::Previous(cell) => format!("previous.{}", cell.path()),
            Target::Missing(path) => path.clone(),
        }
    }

    /// Where the page can go for it: a cell or a field of this year's report.
    pub fn is_on_page(&self) -> bool {
        matches!(self, Target::Cell { .. } | Target::Field(_))
    }
}

impl Serialize for Target {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.path())
    }
}

impl Finding {
    /// Every target's path, in order (the JSON's `cells`).
    pub fn paths(&self) -> Vec<String> {
        self.targets.iter().map(Target::path).collect()
    }

    /// Where a "go to" takes the user: the first target on this year's page.
    pub fn jump(&self) -> Option<&Target> {
        self.targets.iter().find(|target| target.is_on_page())
    }

    /// The cells an error marks.
    pub fn marked_cells(&self) -> impl Iterator<Item = CellRef> + '_ {
        self.targets.iter().filter_map(|target| match *target {
            Target::Cell { cell, marked: true } => Some(cell),
            _ => None,
        })
    }

    /// The fields it marks.
    pub fn marked_fields(&self) -> impl Iterator<Item = FieldRef> + '_ {
        self.targets.iter().filter_map(|target| match *target {
            Target::Field(field) => Some(field),
            _ => None,
        })
    }
}

/// While filling, what is not typed yet is not an error: blank cells (R8), empty parts (R13), a
/// balance some of whose cells are still blank (R1–R3, R5), and the whole-report checks of
/// topics, title and period (R14–R16) wait for 检查 (`Final`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Stage {
    Filling,
    #[default]
    Final,
}

/// What a check runs against besides the report.
#[derive(Clone, Copy, Debug, Default)]
pub struct Context<'a> {
    pub stage: Stage,
    /// "Today" for the deadline reminder (R18); no reminder without it.
    pub today: Option<Date>,
    /// An internal deadline set by a local notice, earlier than Article 49's.
    pub deadline: Option<Date>,
    /// Who set that deadline (a superior office handing down its pack), for the reminder's words.
    pub deadline_by: Option<&'a str>,
    /// The share (percent) of a part repeated from last year's report at which R17 speaks, when a
    /// superior office set its own.
    pub copied_percent: Option<usize>,
}

/// A rule of the format.
pub struct Rule {
    pub id: &'static str,
    /// What is wrong when it fires, in a few words a 政务公开 officer uses: what the page shows
    /// instead of the id (`收到与办理不平衡`), which stays in `data-rule` and the CLI.
    pub name: &'static str,
    /// The most severe finding the rule gives.
    pub severity: Severity,
    pub check: fn(&Report, &Context, &mut Vec<Finding>),
}

fn help_only(_: &Report, _: &Context, _: &mut Vec<Finding>) {}

pub const RULES: [Rule; 18] = [
    Rule {
        id: id::R1,
        name: "收到与办理不平衡",
        severity: Severity::Error,
        check: balance::r1,
    },
    Rule {
        id: id::R2,
        name: "行合计不符",
        severity: Severity::Error,
        check: balance::r2,
    },
    Rule {
        id: id::R3,
        name: "列合计不符",
        severity: Severity::Error,
        check: balance::r3,
    },
    Rule {
        id: id::R4,
        name: "区分处理的申请",
        severity: Severity::Help,
        check: help_only,
    },
    Rule {
        id: id::R5,
        name: "表四合计不符",
        severity: Severity::Error,
        check: balance::r5,
    },
    Rule {
        id: id::R6,
        name: "件数填写有误",
        severity: Severity::Error,
        check: cells::r6,
    },
    Rule {
        id: id::R7,
        name: "收费金额填写有误",
        severity: Severity::Error,
        check: cells::r7,
    },
    Rule {
        id: id::R8,
        name: "有空白格或占位符",
        severity: Severity::Error,
        check: cells::r8,
    },
    Rule {
        id: id::R9,
        name: "上年结转与上年报告不符",
        severity: Severity::Warning,
        check: previous::r9,
    },
    Rule {
        id: id::R10,
        name: "现行有效件数前后不接",
        severity: Severity::Warning,
        check: previous::r10,
    },
    Rule {
        id: id::R11,
        name: "正文数字与表格不一致",
        severity: Severity::Warning,
        check: narrative::r11,
    },
    Rule {
        id: id::R12,
        name: "收费说明与表格不一致",
        severity: Severity::Warning,
        check: narrative::r12,
    },
    Rule {
        id: id::R13,
        name: "缺少部分或行列",
        severity: Severity::Error,
        check: structure::r13,
    },
    Rule {
        id: id::R14,
        name: "其他事项未逐项说明",
        severity: Severity::Warning,
        check: narrative::r14,
    },
    Rule {
        id: id::R15,
        name: "未说明考核评议情况",
        severity: Severity::Warning,
        check: narrative::r15,
    },
    Rule {
        id: id::R16,
        name: "标题或统计期的年度不符",
        severity: Severity::Error,
        check: structure::r16,
    },
    Rule {
        id: id::R17,
        name: "正文与上年雷同",
        severity: Severity::Warning,
        check: previous::r17,
    },
    Rule {
        id: id::R18,
        name: "公开期限",
        severity: Severity::Info,
        check: structure::r18,
    },
];

/// What each rule says, in Chinese, by id: the documentation of the rules (`ogi-report rules`).
/// Kept apart from the checkers so that the page, which never lists them, does not carry the text.
pub const RULE_SUMMARIES: [(&str, &str); 18] = [
    (id::R1, concat!("表三每一列：", crate::r1_relation!())),
    (id::R2, concat!("表三每一行：", crate::r2_relation!())),
    (id::R3, concat!("表三每一列：", crate::r3_relation!())),
    (id::R4, crate::format::PARTLY_GRANTED_HELP),
    (id::R5, concat!("表四每一组：", crate::r5_relation!())),
    (id::R6, "件数须为不小于 0 的整数"),
    (id::R7, "收费金额以万元为单位，不小于 0，最多 4 位小数"),
    (
        id::R8,
        "定稿的表格不能有空白格或“/”“无”等占位符，没有的填 0",
    ),
    (id::R9, "本年上年结转应等于上年报告的结转下年度继续办理"),
    (
        id::R10,
        "现行有效件数约等于上年现行有效件数加本年制发减本年废止",
    ),
    (id::R11, "正文中提到的数字应与表格一致"),
    (
        id::R12,
        "逾期未缴纳信息处理费的件数与第六部分的收费说明应一致",
    ),
    (id::R13, "六个部分齐全，表格的行和列不增不减不改名"),
    (id::R14, "第六部分应逐项说明四个常见事项（没有的写“无”）"),
    (
        id::R15,
        "人民政府的报告应说明工作考核、社会评议和责任追究结果情况",
    ),
    (id::R16, "标题年度与报告年度一致，统计期为该自然年度"),
    (id::R17, "正文不应大段照搬上年报告（内容雷同）"),
    (id::R18, "发布截止日期提醒"),
];

/// The short name of the rule with this id (the id itself for an unknown one).
pub fn name(id: &str) -> &str {
    RULES
        .iter()
        .find(|rule| rule.id == id)
        .map_or(id, |rule| rule.name)
}

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

fn finding(
    rule: &'static str,
    severity: Severity,
    targets: Vec<Target>,
    message: String,
) -> Finding {
    Finding {
        rule,
        severity,
        targets,
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
