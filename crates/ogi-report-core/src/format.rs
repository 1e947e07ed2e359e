//! The 2021 national format (国办公开办函〔2021〕30号) as data: part headings, the three tables'
//! blocks, rows, columns and labels, the keys of the report file, and the guidance shown to users.
//!
//! Every printed label in the product comes from here. Renderers, the page, the importer and the
//! rule messages read these constants; nothing else spells a label. Merged cells are not stored as
//! spans: a renderer merges consecutive equal labels (see [`RequestRow::label_path`]).

/// `<机关全称><YYYY>年政府信息公开工作年度报告`.
pub const TITLE_SUFFIX: &str = "年政府信息公开工作年度报告";
/// The report's name as every title ends (the year's `年` or `年度` before it, or the year first).
pub const REPORT_NAME: &str = "政府信息公开工作年度报告";

/// The report file's `template` value for this format.
pub const TEMPLATE_ID: &str = "gov-2021";

/// The first report year this format applies to.
pub const FIRST_YEAR: i32 = 2021;

/// The largest count a cell accepts. Even a ministry receives far fewer applications in a year;
/// anything larger is a typing accident (an amount, a phone number, a pasted id).
pub const MAX_COUNT: u64 = 99_999_999;

/// An amount (万元) at or above this looks as if it was typed in 元 (R7 warning).
pub const FEE_SUSPICIOUS_WAN: u64 = 10_000;

/// What a part of the report holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PartKind {
    Narrative,
    Table,
}

/// The printed names of the three tables, in order: parts 二, 三 and 四 (index by
/// `part index - PART_PROACTIVE`).
pub const TABLE_NAMES: [&str; 3] = ["表二", "表三", "表四"];

/// One of the six parts, in the fixed order.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Part {
    /// The report file's key for the part.
    pub key: &'static str,
    /// The exact printed heading.
    pub heading: &'static str,
    pub kind: PartKind,
    /// What the format asks the part to cover; shown beside the part while filling.
    pub guidance: &'static str,
}

/// The six parts, in the order the format fixes.
/// The arithmetic relations of tables 三 and 四 (R1, R2, R3, R5) in the words every message,
/// summary and piece of guidance uses: macros, so that `concat!` can build constants from them.
#[macro_export]
macro_rules! r1_relation {
    () => {
        "第一项加第二项之和，等于第三项（七）总计加第四项之和"
    };
}
#[macro_export]
macro_rules! r2_relation {
    () => {
        "总计等于各类申请人之和"
    };
}
#[macro_export]
macro_rules! r3_relation {
    () => {
        "（七）总计等于（一）至（六）各项之和"
    };
}
#[macro_export]
macro_rules! r5_relation {
    () => {
        "总计等于结果维持、结果纠正、其他结果、尚未审结之和"
    };
}

pub const PARTS: [Part; 6] = [
    Part {
        key: "overview",
        heading: "一、总体情况",
        kind: PartKind::Narrative,
        guidance: "概述本机关贯彻落实《中华人民共和国政府信息公开条例》的情况，涵盖主动公开、依申请公开、政府信息管理、政府信息公开平台建设、监督保障等方面。人民政府还应在监督保障中报告工作考核、社会评议和责任追究结果情况。内容应具体到本机关，不能遗漏，也不宜泛化。",
    },
    Part {
        key: "proactive",
        heading: "二、主动公开政府信息情况",
        kind: PartKind::Table,
        guidance: "按第二十条各项填写本年度数字；没有发生的填 0，不要留空或填“/”。收费金额以万元为单位，最多保留 4 位小数。",
    },
    Part {
        key: "requests",
        heading: "三、收到和处理政府信息公开申请情况",
        kind: PartKind::Table,
        guidance: concat!(
            "每一列都须满足：",
            r1_relation!(),
            "。总计列与（七）总计行由本工具自动计算。"
        ),
    },
    Part {
        key: "appeals",
        heading: "四、政府信息公开行政复议、行政诉讼情况",
        kind: PartKind::Table,
        guidance: "行政复议、未经复议直接起诉、复议后起诉三组各自的总计，等于结果维持、结果纠正、其他结果、尚未审结之和。",
    },
    Part {
        key: "problems",
        heading: "五、存在的主要问题及改进情况",
        kind: PartKind::Narrative,
        guidance: "写明本年度工作存在的主要问题和改进措施，通常也说明上年度问题的整改情况。避免照搬上年报告的表述。",
    },
    Part {
        key: "other_matters",
        heading: "六、其他需要报告的事项",
        kind: PartKind::Narrative,
        guidance: "通常逐项说明：（1）依据《政府信息公开信息处理费管理办法》收取信息处理费的情况（发出收费通知的件数和总金额、实际收取的总金额，没有的写“无”）；（2）落实上级年度政务公开工作要点情况；（3）人大代表建议和政协提案办理结果公开情况；（4）年度政务公开工作创新情况。没有其他事项的写“无”。",
    },
];

/// Index of each part in [`PARTS`].
pub const PART_OVERVIEW: usize = 0;
pub const PART_PROACTIVE: usize = 1;
pub const PART_REQUESTS: usize = 2;
pub const PART_APPEALS: usize = 3;
pub const PART_PROBLEMS: usize = 4;
pub const PART_OTHER_MATTERS: usize = 5;

/// Headings seen in published reports that an importer accepts for a part; never emitted.
pub const HEADING_ALIASES: [(&str, usize); 3] = [
    (
        "四、因政府信息公开工作被申请行政复议、提起行政诉讼情况",
        PART_APPEALS,
    ),
    (
        "五、政府信息公开工作存在的主要问题及改进情况",
        PART_PROBLEMS,
    ),
    ("六、其他事项", PART_OTHER_MATTERS),
];

/// The sub-section headings a new draft starts with, per narrative part.
pub const DEFAULT_OVERVIEW_HEADINGS: [&str; 5] = [
    "（一）主动公开",
    "（二）依申请公开",
    "（三）政府信息管理",
    "（四）政府信息公开平台建设",
    "（五）监督保障",
];
pub const DEFAULT_PROBLEMS_HEADINGS: [&str; 2] = ["（一）存在的问题", "（二）改进措施"];

/// The four items part 六 usually covers (R14), each with the words that show it is addressed.
pub const OTHER_MATTERS_ITEMS: [(&str, &[&str]); 4] = [
    ("信息处理费收取情况", &["信息处理费", "收费通知"]),
    ("落实上级年度政务公开工作要点情况", &["工作要点"]),
    ("人大代表建议和政协提案办理结果公开情况", &["建议", "提案"]),
    ("年度政务公开工作创新情况", &["创新"]),
];

/// Words in part 六 that say fee notices were issued (R12).
pub const FEE_NOTICE_WORDS: [&str; 2] = ["收费通知", "信息处理费"];
/// Phrases in part 六 that say no fee was charged (R12).
pub const NO_FEE_PHRASES: [&str; 6] = [
    "未收取信息处理费",
    "没有收取信息处理费",
    "不收取信息处理费",
    "未发出收费通知",
    "没有发出收费通知",
    "信息处理费：无",
];

/// What a 人民政府's report must cover besides the common items (R15, Article 50), each with the
/// words that show it is addressed.
pub const GOVERNMENT_ONLY_TOPICS: [(&str, &[&str]); 3] = [
    ("工作考核", &["工作考核"]),
    ("社会评议", &["社会评议"]),
    ("责任追究", &["责任追究"]),
];

/// Help text for R4, shown on row （二）部分公开.
pub const PARTLY_GRANTED_HELP: &str = "区分处理的申请（部分公开、部分不予公开）只计入“（二）部分公开”，不再计入（三）至（六）的其他情形，否则同一件申请会被重复统计。";

// ---------------------------------------------------------------------------------------------
// Table 二 — 主动公开政府信息情况

/// One block of table 二: a header spanning all columns, a column-header row, data rows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ProactiveBlock {
    pub header: &'static str,
    /// Column headers after `信息内容`.
    pub columns: &'static [&'static str],
    pub rows: &'static [ProactiveRow],
}

/// One data row of table 二; its cells are `cells` consecutive entries of [`PROACTIVE_CELLS`]
/// (or the amount cell).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ProactiveRow {
    pub label: &'static str,
    /// Cell paths, one per column.
    pub cells: &'static [ProactiveCellRef],
}

/// A table 二 cell: one of the nine counts, or the fee amount.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ProactiveCellRef {
    Count(usize),
    Fees,
}

pub const PROACTIVE_LABEL_COLUMN: &str = "信息内容";

/// The nine count cells of table 二, by their path below `proactive.`; labels come from
/// [`PROACTIVE_BLOCKS`] through [`proactive_labels`].
pub const PROACTIVE_CELLS: [&str; 9] = [
    "rules.issued",
    "rules.repealed",
    "rules.in_force",
    "normative_documents.issued",
    "normative_documents.repealed",
    "normative_documents.in_force",
    "licensing",
    "punishment",
    "coercion",
];

/// A group of table 二's cells in the report file: its key, and its cells as (field key, index).
pub type FileGroup = (&'static str, Vec<(Option<&'static str>, usize)>);

/// Table 二's cells as the report file groups them, derived from [`PROACTIVE_CELLS`]: each group's
/// key (`rules`, …, `licensing`, …) with its cells — (field key, index) for a row of several
/// columns (`issued`), (`None`, index) for a single cell written under the group's own key.
pub fn proactive_file_groups() -> &'static [FileGroup] {
    // Worked out once: the report file is written on every keystroke's save.
    static GROUPS: std::sync::OnceLock<Vec<FileGroup>> = std::sync::OnceLock::new();
    GROUPS.get_or_init(|| {
        let mut groups: Vec<FileGroup> = Vec::new();
        for (index, path) in PROACTIVE_CELLS.iter().enumerate() {
            let (group, field) = match path.split_once('.') {
                Some((group, field)) => (group, Some(field)),
                None => (*path, None),
            };
            match groups.last_mut() {
                Some((last, cells)) if *last == group => cells.push((field, index)),
                _ => groups.push((group, vec![(field, index)])),
            }
        }
        groups
    })
}

/// The rows of table 二 counted as documents (本年制发, 本年废止, 现行有效: R10), as indexes into
/// [`PROACTIVE_CELLS`]: the rows of its first block.
pub fn proactive_document_rows() -> impl Iterator<Item = [usize; 3]> {
    PROACTIVE_BLOCKS[0].rows.iter().filter_map(|row| match row.cells {
        [ProactiveCellRef::Count(issued), ProactiveCellRef::Count(repealed), ProactiveCellRef::Count(in_force)] => {
            Some([*issued, *repealed, *in_force])
        }
        _ => None,
    })
}

const DECISIONS_COLUMN: &str = "本年处理决定数量";

pub const FEES_KEY: &str = "fees";
pub const FEES_ROW_LABEL: &str = "行政事业性收费";
pub const FEES_COLUMN_LABEL: &str = "本年收费金额（单位：万元）";

pub const PROACTIVE_BLOCKS: [ProactiveBlock; 4] = [
    ProactiveBlock {
        header: "第二十条第（一）项",
        columns: &["本年制发件数", "本年废止件数", "现行有效件数"],
        rows: &[
            ProactiveRow {
                label: "规章",
                cells: &[
                    ProactiveCellRef::Count(0),
                    ProactiveCellRef::Count(1),
                    ProactiveCellRef::Count(2),
                ],
            },
            ProactiveRow {
                label: "行政规范性文件",
                cells: &[
                    ProactiveCellRef::Count(3),
                    ProactiveCellRef::Count(4),
                    ProactiveCellRef::Count(5),
                ],
            },
        ],
    },
    ProactiveBlock {
        header: "第二十条第（五）项",
        columns: &[DECISIONS_COLUMN],
        rows: &[ProactiveRow {
            label: "行政许可",
            cells: &[ProactiveCellRef::Count(6)],
        }],
    },
    ProactiveBlock {
        header: "第二十条第（六）项",
        columns: &[DECISIONS_COLUMN],
        rows: &[
            ProactiveRow {
                label: "行政处罚",
                cells: &[ProactiveCellRef::Count(7)],
            },
            ProactiveRow {
                label: "行政强制",
                cells: &[ProactiveCellRef::Count(8)],
            },
        ],
    },
    ProactiveBlock {
        header: "第二十条第（八）项",
        columns: &[FEES_COLUMN_LABEL],
        rows: &[ProactiveRow {
            label: FEES_ROW_LABEL,
            cells: &[ProactiveCellRef::Fees],
        }],
    },
];

/// The printed (row label, column label) of a table 二 cell.
pub fn proactive_labels(cell: ProactiveCellRef) -> (&'static str, &'static str) {
    for block in PROACTIVE_BLOCKS {
        for row in block.rows {
            if let Some(column) = row.cells.iter().position(|candidate| *candidate == cell) {
                return (row.label, block.columns[column]);
            }
        }
    }
    unreachable!("every table 二 cell is in a block (checked by a test)")
}

// ---------------------------------------------------------------------------------------------
// Table 三 — 收到和处理政府信息公开申请情况

pub const REQUESTS_NOTE: &str =
    "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）";
pub const REQUESTS_APPLICANT_HEADER: &str = "申请人情况";
pub const REQUESTS_ORG_HEADER: &str = "法人或其他组织";

/// A data column of table 三.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RequestColumn {
    pub key: &'static str,
    pub label: &'static str,
    /// `Some(法人或其他组织)` for the five organisation columns.
    pub group: Option<&'static str>,
}

pub const REQUEST_COLUMNS: [RequestColumn; 7] = [
    RequestColumn {
        key: "natural_person",
        label: "自然人",
        group: None,
    },
    RequestColumn {
        key: "commercial",
        label: "商业企业",
        group: Some(REQUESTS_ORG_HEADER),
    },
    RequestColumn {
        key: "research",
        label: "科研机构",
        group: Some(REQUESTS_ORG_HEADER),
    },
    RequestColumn {
        key: "public_interest",
        label: "社会公益组织",
        group: Some(REQUESTS_ORG_HEADER),
    },
    RequestColumn {
        key: "legal_service",
        label: "法律服务机构",
        group: Some(REQUESTS_ORG_HEADER),
    },
    RequestColumn {
        key: "other_org",
        label: "其他",
        group: Some(REQUESTS_ORG_HEADER),
    },
    RequestColumn {
        key: "total",
        label: "总计",
        group: None,
    },
];
pub const REQUEST_COLS: usize = REQUEST_COLUMNS.len();
/// The 总计 column (R2).
pub const REQUEST_TOTAL_COL: usize = 6;

/// A data row of table 三 with its label in up to three label columns.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RequestRow {
    pub key: &'static str,
    pub level1: &'static str,
    pub level2: Option<&'static str>,
    pub level3: Option<&'static str>,
}

impl RequestRow {
    /// The label columns as printed; renderers merge equal neighbours vertically and an absent
    /// level into the one to its left.
    pub fn label_path(&self) -> [Option<&'static str>; 3] {
        [Some(self.level1), self.level2, self.level3]
    }

    /// The row's own printed label (the deepest level).
    pub fn label(&self) -> &'static str {
        self.level3.or(self.level2).unwrap_or(self.level1)
    }

    /// The row by its printed numbers only, for a list of many cells: `（三）1` for
    /// `（三）不予公开 1.属于国家秘密`, `（一）` for `（一）予以公开`, `第一项` for `一、本年新收…`.
    pub fn short_label(&self) -> String {
        // The number ends at the first 、 . or ）, as printed.
        fn number(label: &str) -> &str {
            let end = label
                .char_indices()
                .find(|(_, ch)| matches!(ch, '、' | '.' | '）'))
                .map_or(label.len(), |(at, ch)| {
                    if ch == '）' {
                        at + ch.len_utf8()
                    } else {
                        at
                    }
                });
            &label[..end]
        }
        match (self.level2, self.level3) {
            (Some(two), Some(three)) => format!("{}{}", number(two), number(three)),
            (Some(two), None) => number(two).to_owned(),
            _ => format!("第{}项", number(self.level1)),
        }
    }

    /// The label a message uses: enough of the path to be unambiguous (`（三）不予公开 1.属于国家秘密`).
    pub fn message_label(&self) -> String {
        match (self.level2, self.level3) {
            (Some(two), Some(three)) => format!("{two} {three}"),
            (Some(two), None) => two.to_owned(),
            _ => self.level1.to_owned(),
        }
    }
}

const HANDLED: &str = "三、本年度办理结果";
const WITHHELD: &str = "（三）不予公开";
const UNABLE: &str = "（四）无法提供";
const DECLINED: &str = "（五）不予处理";
const OTHER: &str = "（六）其他处理";

const fn top(key: &'static str, label: &'static str) -> RequestRow {
    RequestRow {
        key,
        level1: label,
        level2: None,
        level3: None,
    }
}
const fn handled(key: &'static str, label: &'static str) -> RequestRow {
    RequestRow {
        key,
        level1: HANDLED,
        level2: Some(label),
        level3: None,
    }
}
const fn item(key: &'static str, group: &'static str, label: &'static str) -> RequestRow {
    RequestRow {
        key,
        level1: HANDLED,
        level2: Some(group),
        level3: Some(label),
    }
}

pub const REQUEST_ROWS: [RequestRow; 25] = [
    top("received", "一、本年新收政府信息公开申请数量"),
    top("carried_in", "二、上年结转政府信息公开申请数量"),
    handled("granted", "（一）予以公开"),
    handled(
        "partly_granted",
        "（二）部分公开（区分处理的，只计这一情形，不计其他情形）",
    ),
    item("withheld_state_secret", WITHHELD, "1.属于国家秘密"),
    item(
        "withheld_prohibited_by_law",
        WITHHELD,
        "2.其他法律行政法规禁止公开",
    ),
    item(
        "withheld_three_safeties_one_stability",
        WITHHELD,
        "3.危及“三安全一稳定”",
    ),
    item("withheld_third_party", WITHHELD, "4.保护第三方合法权益"),
    item(
        "withheld_internal_affairs",
        WITHHELD,
        "5.属于三类内部事务信息",
    ),
    item("withheld_process_info", WITHHELD, "6.属于四类过程性信息"),
    item("withheld_enforcement_file", WITHHELD, "7.属于行政执法案卷"),
    item("withheld_query_matter", WITHHELD, "8.属于行政查询事项"),
    item("unable_not_held", UNABLE, "1.本机关不掌握相关政府信息"),
    item(
        "unable_needs_creation",
        UNABLE,
        "2.没有现成信息需要另行制作",
    ),
    item(
        "unable_unclear_after_correction",
        UNABLE,
        "3.补正后申请内容仍不明确",
    ),
    item("declined_petition", DECLINED, "1.信访举报投诉类申请"),
    item("declined_repeated", DECLINED, "2.重复申请"),
    item("declined_publication", DECLINED, "3.要求提供公开出版物"),
    item("declined_excessive", DECLINED, "4.无正当理由大量反复申请"),
    item(
        "declined_confirmation",
        DECLINED,
        "5.要求行政机关确认或重新出具已获取信息",
    ),
    item(
        "other_no_correction",
        OTHER,
        "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
    ),
    item(
        "other_fee_unpaid",
        OTHER,
        "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
    ),
    item("other_other", OTHER, "3.其他"),
    handled("total", "（七）总计"),
    top("carried_forward", "四、结转下年度继续办理"),
];
pub const REQUEST_ROW_COUNT: usize = REQUEST_ROWS.len();
pub const ROW_RECEIVED: usize = 0;
pub const ROW_CARRIED_IN: usize = 1;
pub const ROW_PARTLY_GRANTED: usize = 3;
pub const ROW_FEE_UNPAID: usize = 21;
/// （七）总计 (R3): the sum of rows [`ROW_FIRST_OUTCOME`]..[`ROW_TOTAL`].
pub const ROW_TOTAL: usize = 23;
pub const ROW_FIRST_OUTCOME: usize = 2;
pub const ROW_CARRIED_FORWARD: usize = 24;

// ---------------------------------------------------------------------------------------------
// Table 四 — 政府信息公开行政复议、行政诉讼情况

pub const APPEALS_REVIEW_HEADER: &str = "行政复议";
pub const APPEALS_LAWSUIT_HEADER: &str = "行政诉讼";

/// A group of five columns in table 四.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct AppealGroup {
    pub key: &'static str,
    /// The top header over the group (行政诉讼 spans two groups).
    pub top: &'static str,
    /// The group's own header under 行政诉讼; `None` for 行政复议.
    pub sub: Option<&'static str>,
}

impl AppealGroup {
    /// The group's name in a message.
    pub fn label(&self) -> &'static str {
        self.sub.unwrap_or(self.top)
    }
}

pub const APPEAL_GROUPS: [AppealGroup; 3] = [
    AppealGroup {
        key: "review",
        top: APPEALS_REVIEW_HEADER,
        sub: None,
    },
    AppealGroup {
        key: "lawsuit_direct",
        top: APPEALS_LAWSUIT_HEADER,
        sub: Some("未经复议直接起诉"),
    },
    AppealGroup {
        key: "lawsuit_after_review",
        top: APPEALS_LAWSUIT_HEADER,
        sub: Some("复议后起诉"),
    },
];

/// (key, label) of the five columns of each group; the last is the group's 总计 (R5).
pub const APPEAL_COLUMNS: [(&str, &str); 5] = [
    ("upheld", "结果维持"),
    ("corrected", "结果纠正"),
    ("other", "其他结果"),
    ("pending", "尚未审结"),
    ("total", "总计"),
];
pub const APPEAL_COLS: usize = APPEAL_COLUMNS.len();
pub const APPEAL_TOTAL_COL: usize = 4;

/// Words that mark a count cell as deliberately left without a number (R8).
pub const PLACEHOLDERS: [&str; 7] = ["/", "／", "-", "－", "—", "——", "无"];

/// The generated title of a report.
pub fn title(body: &str, year: Option<i32>) -> String {
    match year {
        Some(year) => format!("{body}{year}{TITLE_SUFFIX}"),
        None => format!("{body}{TITLE_SUFFIX}"),
    }
}

/// A file name for a download: `<stem>.<extension>`, the characters file systems reject replaced
/// (a report's title, a workbook's, a pack's page).
pub fn file_name(stem: &str, extension: &str) -> String {
    let safe: String = stem
        .chars()
        .map(|ch| {
            if "\\/:*?\"<>|".contains(ch) || ch.is_control() {
                '_'
            } else {
                ch
            }
        })
        .collect();
    let stem = if safe.trim().is_empty() {
        "政府信息公开工作年度报告".to_owned()
    } else {
        safe
    };
    format!("{stem}.{extension}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_three_is_25_rows_by_7_columns_with_unique_keys() {
        assert_eq!(REQUEST_ROW_COUNT * REQUEST_COLS, 175);
        let mut keys: Vec<_> = REQUEST_ROWS.iter().map(|row| row.key).collect();
        keys.sort_unstable();
        keys.dedup();
        assert_eq!(keys.len(), 25);
        assert_eq!(REQUEST_ROWS[ROW_TOTAL].label(), "（七）总计");
        assert_eq!(REQUEST_ROWS[ROW_CARRIED_FORWARD].key, "carried_forward");
        assert_eq!(REQUEST_ROWS[ROW_FEE_UNPAID].key, "other_fee_unpaid");
    }

    #[test]
    fn labels_use_full_width_brackets_and_ascii_item_numbers() {
        for row in REQUEST_ROWS {
            for label in row.label_path().into_iter().flatten() {
                assert!(!label.contains('(') && !label.contains(')'), "{label}");
            }
            if let Some(three) = row.level3 {
                let first = three.chars().next().unwrap();
                assert!(
                    first.is_ascii_digit() && three[1..].starts_with('.'),
                    "{three}"
                );
            }
        }
        assert!(REQUEST_ROWS[6].label().contains('“') && REQUEST_ROWS[6].label().contains('”'));
    }

    #[test]
    fn table_two_blocks_cover_every_cell_once() {
        let mut seen = Vec::new();
        for block in PROACTIVE_BLOCKS {
            for row in block.rows {
                assert_eq!(row.cells.len(), block.columns.len());
                seen.extend_from_slice(row.cells);
            }
        }
        assert_eq!(seen.len(), 10);
        for index in 0..9 {
            assert!(seen.contains(&ProactiveCellRef::Count(index)));
        }
        assert!(seen.contains(&ProactiveCellRef::Fees));
    }
}
