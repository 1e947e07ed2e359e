//! One body's report for one year: meta, the three narrative parts, the three tables, and last
//! year's report when known. Cells and fields are addressed by [`CellRef`] and [`FieldRef`], whose
//! paths (`requests.received.natural_person`, `overview.0.text`) are the stable names used by
//! findings, the report file and the page hooks.
//!
//! Table rows and narrative parts sit behind `Rc`, so cloning a report is cheap and an edit
//! copies only the row or part it changes (the page keeps one report per keystroke this way).

use std::rc::Rc;

use crate::cell::{AmountCell, Cell, CountCell};
use crate::format::{
    self, ProactiveCellRef, APPEAL_COLS, APPEAL_COLUMNS, APPEAL_GROUPS, APPEAL_TOTAL_COL,
    PROACTIVE_CELLS, REQUEST_COLS, REQUEST_COLUMNS, REQUEST_ROWS, REQUEST_ROW_COUNT,
    REQUEST_TOTAL_COL, ROW_FIRST_OUTCOME, ROW_TOTAL,
};

/// Whether the filer is a department (部门, 街道/乡镇 office) or a 人民政府.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum BodyType {
    #[default]
    Department,
    Government,
}

impl BodyType {
    pub const ALL: [BodyType; 2] = [BodyType::Department, BodyType::Government];

    pub fn key(self) -> &'static str {
        match self {
            BodyType::Department => "department",
            BodyType::Government => "government",
        }
    }

    pub fn from_key(key: &str) -> Option<BodyType> {
        BodyType::ALL.into_iter().find(|kind| kind.key() == key)
    }

    /// The choice as shown to users.
    pub fn label(self) -> &'static str {
        match self {
            BodyType::Department => "部门（含街道办事处、乡镇）",
            BodyType::Government => "人民政府",
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct Meta {
    pub body: String,
    pub year: Option<i32>,
    pub body_type: BodyType,
}

/// A sub-section of a narrative part; an empty heading puts the text right under the part heading.
/// In the report file as `{"heading", "text"}` (both required, nothing else).
#[derive(Clone, Debug, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Section {
    pub heading: String,
    pub text: String,
}

impl Section {
    pub fn new(heading: &str, text: &str) -> Section {
        Section {
            heading: heading.to_owned(),
            text: text.to_owned(),
        }
    }
}

/// The three narrative parts, in report order.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Narrative {
    Overview,
    Problems,
    OtherMatters,
}

impl Narrative {
    pub const ALL: [Narrative; 3] = [
        Narrative::Overview,
        Narrative::Problems,
        Narrative::OtherMatters,
    ];

    /// The narrative part at this index of [`format::PARTS`], if it is one.
    pub fn of_part(index: usize) -> Option<Narrative> {
        Narrative::ALL
            .into_iter()
            .find(|part| part.part_index() == index)
    }

    /// Index of the part in [`format::PARTS`].
    pub fn part_index(self) -> usize {
        match self {
            Narrative::Overview => format::PART_OVERVIEW,
            Narrative::Problems => format::PART_PROBLEMS,
            Narrative::OtherMatters => format::PART_OTHER_MATTERS,
        }
    }

    pub fn part(self) -> &'static format::Part {
        &format::PARTS[self.part_index()]
    }

    pub fn key(self) -> &'static str {
        self.part().key
    }

    fn slot(self) -> usize {
        self as usize
    }
}

/// Table 二: nine counts and the fee amount.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct Proactive {
    pub counts: [CountCell; PROACTIVE_CELLS.len()],
    pub fees: AmountCell,
}

pub type RequestRowCells = [CountCell; REQUEST_COLS];
pub type AppealGroupCells = [CountCell; APPEAL_COLS];

/// The address of one table cell.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum CellRef {
    Proactive(ProactiveCellRef),
    Request { row: usize, col: usize },
    Appeal { group: usize, col: usize },
}

impl CellRef {
    /// Every table cell, in reading order: table 二, 三 (row by row), 四.
    pub fn all() -> impl Iterator<Item = CellRef> {
        let proactive = (0..PROACTIVE_CELLS.len())
            .map(|index| CellRef::Proactive(ProactiveCellRef::Count(index)))
            .chain(std::iter::once(CellRef::Proactive(ProactiveCellRef::Fees)));
        let requests = (0..REQUEST_ROW_COUNT)
            .flat_map(|row| (0..REQUEST_COLS).map(move |col| CellRef::Request { row, col }));
        let appeals = (0..APPEAL_GROUPS.len())
            .flat_map(|group| (0..APPEAL_COLS).map(move |col| CellRef::Appeal { group, col }));
        proactive.chain(requests).chain(appeals)
    }

    /// The stable path, e.g. `requests.received.natural_person`.
    pub fn path(self) -> String {
        match self {
            CellRef::Proactive(ProactiveCellRef::Count(index)) => {
                format!("proactive.{}", PROACTIVE_CELLS[index])
            }
            CellRef::Proactive(ProactiveCellRef::Fees) => format!("proactive.{}", format::FEES_KEY),
            CellRef::Request { row, col } => {
                format!(
                    "requests.{}.{}",
                    REQUEST_ROWS[row].key, REQUEST_COLUMNS[col].key
                )
            }
            CellRef::Appeal { group, col } => {
                format!(
                    "appeals.{}.{}",
                    APPEAL_GROUPS[group].key, APPEAL_COLUMNS[col].0
                )
            }
        }
    }

    pub fn parse(path: &str) -> Option<CellRef> {
        let (table, rest) = path.split_once('.')?;
        match table {
            "proactive" if rest == format::FEES_KEY => {
                Some(CellRef::Proactive(ProactiveCellRef::Fees))
            }
            "proactive" => PROACTIVE_CELLS
                .iter()
                .position(|cell| *cell == rest)
                .map(|index| CellRef::Proactive(ProactiveCellRef::Count(index))),
            "requests" => {
                let (row, col) = rest.split_once('.')?;
                Some(CellRef::Request {
                    row: REQUEST_ROWS.iter().position(|spec| spec.key == row)?,
                    col: REQUEST_COLUMNS.iter().position(|spec| spec.key == col)?,
                })
            }
            "appeals" => {
                let (group, col) = rest.split_once('.')?;
                Some(CellRef::Appeal {
                    group: APPEAL_GROUPS.iter().position(|spec| spec.key == group)?,
                    col: APPEAL_COLUMNS.iter().position(|(key, _)| *key == col)?,
                })
            }
            _ => None,
        }
    }

    /// The printed (row label, column label) of the cell; the row label is the full path of
    /// label columns for table 三 so that an accessible name is unambiguous.
    pub fn labels(self) -> (String, String) {
        match self {
            CellRef::Proactive(cell) => {
                let (row, column) = format::proactive_labels(cell);
                (row.to_owned(), column.to_owned())
            }
            CellRef::Request { row, col } => {
                let spec = &REQUEST_ROWS[row];
                let path: Vec<&str> = spec.label_path().into_iter().flatten().collect();
                (path.join(" "), REQUEST_COLUMNS[col].label.to_owned())
            }
            CellRef::Appeal { group, col } => {
                let spec = &APPEAL_GROUPS[group];
                let group_label = match spec.sub {
                    Some(sub) => format!("{} {}", spec.top, sub),
                    None => spec.top.to_owned(),
                };
                (group_label, APPEAL_COLUMNS[col].1.to_owned())
            }
        }
    }

    /// How a message names the cell: `表三 （一）予以公开·自然人`.
    pub fn message_label(self) -> String {
        match self {
            CellRef::Proactive(cell) => {
                let (row, column) = format::proactive_labels(cell);
                format!("表二 {row}·{column}")
            }
            CellRef::Request { row, col } => {
                format!(
                    "表三 {}·{}",
                    REQUEST_ROWS[row].message_label(),
                    REQUEST_COLUMNS[col].label
                )
            }
            CellRef::Appeal { group, col } => {
                format!(
                    "表四 {}·{}",
                    APPEAL_GROUPS[group].label(),
                    APPEAL_COLUMNS[col].1
                )
            }
        }
    }

    /// How a list of many cells names one, by printed numbers (`表三（六）1 自然人`,
    /// `表二 规章·本年制发件数`, `表四 行政复议·结果维持`).
    pub fn short_label(self) -> String {
        match self {
            CellRef::Request { row, col } => {
                let row = REQUEST_ROWS[row].short_label();
                // A closing bracket separates already: `表三（一）商业企业`.
                let gap = if row.ends_with('）') { "" } else { " " };
                format!("表三{row}{gap}{}", REQUEST_COLUMNS[col].label)
            }
            _ => self.message_label(),
        }
    }

    /// Whether the product computes this cell (read-only in the page).
    pub fn is_total(self) -> bool {
        match self {
            CellRef::Proactive(_) => false,
            CellRef::Request { row, col } => row == ROW_TOTAL || col == REQUEST_TOTAL_COL,
            CellRef::Appeal { col, .. } => col == APPEAL_TOTAL_COL,
        }
    }

    /// Index in [`format::PARTS`] of the table the cell belongs to.
    pub fn part_index(self) -> usize {
        match self {
            CellRef::Proactive(_) => format::PART_PROACTIVE,
            CellRef::Request { .. } => format::PART_REQUESTS,
            CellRef::Appeal { .. } => format::PART_APPEALS,
        }
    }

    pub fn is_amount(self) -> bool {
        self == CellRef::Proactive(ProactiveCellRef::Fees)
    }
}

/// The address of a non-table input: meta fields and narrative sub-sections.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum FieldRef {
    Body,
    Year,
    BodyType,
    /// The 前言 before part 一.
    Preface,
    /// The 落款's signing body and date.
    ClosingBody,
    ClosingDate,
    Heading(Narrative, usize),
    Text(Narrative, usize),
}

impl FieldRef {
    pub fn path(self) -> String {
        match self {
            FieldRef::Body => "meta.body".to_owned(),
            FieldRef::Year => "meta.year".to_owned(),
            FieldRef::BodyType => "meta.body_type".to_owned(),
            FieldRef::Preface => "preface".to_owned(),
            FieldRef::ClosingBody => "closing.body".to_owned(),
            FieldRef::ClosingDate => "closing.date".to_owned(),
            FieldRef::Heading(part, index) => format!("{}.{index}.heading", part.key()),
            FieldRef::Text(part, index) => format!("{}.{index}.text", part.key()),
        }
    }

    /// The part (0–5) a narrative field belongs to; the meta fields belong to none.
    pub fn part_index(self) -> Option<usize> {
        match self {
            FieldRef::Heading(part, _) | FieldRef::Text(part, _) => Some(part.part_index()),
            FieldRef::Body
            | FieldRef::Year
            | FieldRef::BodyType
            | FieldRef::Preface
            | FieldRef::ClosingBody
            | FieldRef::ClosingDate => None,
        }
    }

    pub fn parse(path: &str) -> Option<FieldRef> {
        match path {
            "meta.body" => return Some(FieldRef::Body),
            "meta.year" => return Some(FieldRef::Year),
            "meta.body_type" => return Some(FieldRef::BodyType),
            "preface" => return Some(FieldRef::Preface),
            "closing.body" => return Some(FieldRef::ClosingBody),
            "closing.date" => return Some(FieldRef::ClosingDate),
            _ => {}
        }
        let mut pieces = path.split('.');
        let part = pieces.next()?;
        let part = Narrative::ALL
            .into_iter()
            .find(|candidate| candidate.key() == part)?;
        let index = pieces.next()?.parse().ok()?;
        let field = match pieces.next()? {
            "heading" => FieldRef::Heading(part, index),
            "text" => FieldRef::Text(part, index),
            _ => return None,
        };
        pieces.next().is_none().then_some(field)
    }
}

/// The 落款 as 公文 place it after the text: the signing body and the date written, e.g.
/// 「某某街道办事处」「2026年1月20日」. Optional: both empty, nothing is printed. In the report file as
/// `{"body", "date"}` (both required, nothing else).
#[derive(Clone, Debug, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Closing {
    pub body: String,
    pub date: String,
}

impl Closing {
    /// The 落款 a user starts from: the report's body and the day it is signed.
    pub fn signed(body: &str, on: crate::rules::Date) -> Closing {
        Closing {
            body: body.trim().to_owned(),
            date: format!("{}年{}月{}日", on.year, on.month, on.day),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.body.trim().is_empty() && self.date.trim().is_empty()
    }
}

/// One body's report for one year.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct Report {
    pub meta: Meta,
    /// The 前言 many reports open with, before part 一 (编制依据, 统计期限, where to ask): free
    /// text, empty when the report has none.
    pub preface: String,
    narratives: [Rc<Vec<Section>>; 3],
    pub proactive: Rc<Proactive>,
    pub requests: [Rc<RequestRowCells>; REQUEST_ROW_COUNT],
    pub appeals: [Rc<AppealGroupCells>; 3],
    /// The 落款 after part 六; both empty when the report has none.
    pub closing: Closing,
    /// Last year's report (R9, R10, R17); its own `previous` is `None`.
    pub previous: Option<Rc<Report>>,
    /// Parts or rows a file did not contain, by path (R13). Not written back.
    pub missing: Vec<String>,
}

impl Report {
    /// An empty draft with the format's usual sub-section headings.
    pub fn new_draft() -> Report {
        let headed = |headings: &[&str]| {
            Rc::new(
                headings
                    .iter()
                    .map(|heading| Section::new(heading, ""))
                    .collect(),
            )
        };
        Report {
            narratives: [
                headed(&format::DEFAULT_OVERVIEW_HEADINGS),
                headed(&format::DEFAULT_PROBLEMS_HEADINGS),
                Rc::new(vec![Section::default()]),
            ],
            ..Report::default()
        }
    }

    pub fn title(&self) -> String {
        format::title(&self.meta.body, self.meta.year)
    }

    pub fn sections(&self, part: Narrative) -> &[Section] {
        &self.narratives[part.slot()]
    }

    /// Mutable access to one part's sub-sections (copies that part only if it is shared).
    pub fn sections_mut(&mut self, part: Narrative) -> &mut Vec<Section> {
        Rc::make_mut(&mut self.narratives[part.slot()])
    }

    /// The part's sub-sections as a shared handle (cheap to compare with `Rc::ptr_eq`).
    pub fn sections_rc(&self, part: Narrative) -> &Rc<Vec<Section>> {
        &self.narratives[part.slot()]
    }

    pub fn set_sections(&mut self, part: Narrative, sections: Vec<Section>) {
        self.narratives[part.slot()] = Rc::new(sections);
    }

    /// A count cell; `None` for the amount cell.
    pub fn count(&self, cell: CellRef) -> Option<&CountCell> {
        match cell {
            CellRef::Proactive(ProactiveCellRef::Count(index)) => self.proactive.counts.get(index),
            CellRef::Proactive(ProactiveCellRef::Fees) => None,
            CellRef::Request { row, col } => self.requests.get(row)?.get(col),
            CellRef::Appeal { group, col } => self.appeals.get(group)?.get(col),
        }
    }

    pub fn fees(&self) -> &AmountCell {
        &self.proactive.fees
    }

    /// Whether the cell (count or amount) holds nothing yet.
    /// Nothing typed yet: every table cell blank and every part's text empty (a new draft).
    pub fn is_untouched(&self) -> bool {
        CellRef::all().all(|cell| self.cell_is_blank(cell))
            && Narrative::ALL.iter().all(|part| {
                self.sections(*part)
                    .iter()
                    .all(|section| section.text.trim().is_empty())
            })
    }

    /// What is still to be filled in each table — rows of tables 二 and 三 with a blank cell,
    /// blank cells of table 四 (one printed row) — for the neutral「还有 … 未填」 while filling.
    pub fn unfilled(&self) -> [Unfilled; 3] {
        let blank = |cell: &CellRef| self.cell_is_blank(*cell);
        let proactive = format::PROACTIVE_BLOCKS
            .iter()
            .flat_map(|block| block.rows)
            .filter(|row| {
                row.cells
                    .iter()
                    .map(|cell| CellRef::Proactive(*cell))
                    .any(|cell| blank(&cell))
            })
            .count();
        let requests = (0..REQUEST_ROWS.len())
            .filter(|row| *row != ROW_TOTAL)
            .filter(|row| {
                (0..REQUEST_TOTAL_COL).any(|col| blank(&CellRef::Request { row: *row, col }))
            })
            .count();
        let appeals = CellRef::all()
            .filter(|cell| matches!(cell, CellRef::Appeal { .. }) && !cell.is_total())
            .filter(blank)
            .count();
        let [two, three, four] = format::TABLE_NAMES;
        [
            Unfilled {
                table: two,
                count: proactive,
                unit: "行",
            },
            Unfilled {
                table: three,
                count: requests,
                unit: "行",
            },
            Unfilled {
                table: four,
                count: appeals,
                unit: "格",
            },
        ]
    }

    pub fn cell_is_blank(&self, cell: CellRef) -> bool {
        match cell {
            CellRef::Proactive(ProactiveCellRef::Fees) => self.proactive.fees.is_blank(),
            _ => self.count(cell).is_none_or(Cell::is_blank),
        }
    }

    /// What the cell's input shows.
    pub fn cell_text(&self, cell: CellRef) -> String {
        match cell {
            CellRef::Proactive(ProactiveCellRef::Fees) => self.proactive.fees.display(),
            _ => self.count(cell).map(Cell::display).unwrap_or_default(),
        }
    }

    /// The sum of count cells; `None` while any of them is blank or not a number.
    pub fn count_sum(&self, cells: impl IntoIterator<Item = CellRef>) -> Option<u64> {
        cells
            .into_iter()
            .map(|cell| self.count(cell).and_then(Cell::value))
            .sum()
    }

    /// Stores a cell as typed without touching totals (files and imports keep their totals).
    pub fn set_count(&mut self, cell: CellRef, value: CountCell) {
        let slot = match cell {
            CellRef::Proactive(ProactiveCellRef::Count(index)) => {
                Rc::make_mut(&mut self.proactive).counts.get_mut(index)
            }
            CellRef::Proactive(ProactiveCellRef::Fees) => None,
            CellRef::Request { row, col } => self
                .requests
                .get_mut(row)
                .and_then(|cells| Rc::make_mut(cells).get_mut(col)),
            CellRef::Appeal { group, col } => self
                .appeals
                .get_mut(group)
                .and_then(|cells| Rc::make_mut(cells).get_mut(col)),
        };
        if let Some(slot) = slot {
            *slot = value;
        }
    }

    pub fn set_fees(&mut self, value: AmountCell) {
        Rc::make_mut(&mut self.proactive).fees = value;
    }

    /// Parses text as the cell's input and stores it, totals untouched (an import keeps the
    /// totals its text brings).
    pub fn set_text(&mut self, cell: CellRef, raw: &str) {
        if cell.is_amount() {
            self.set_fees(AmountCell::parse(raw));
        } else {
            self.set_count(cell, CountCell::parse(raw));
        }
    }

    /// A user's edit: parses the text, stores it, and recomputes the totals that depend on the
    /// cell. Copies only the rows it changes.
    pub fn edit_cell(&mut self, cell: CellRef, raw: &str) {
        self.set_text(cell, raw);
        for total in dependent_totals(cell) {
            self.refresh_total(total);
        }
    }

    /// This year's draft started from last year's report: body and type carried, the year
    /// moved on, 上年结转 taken per column from last year's 结转下年度继续办理, the sub-section
    /// headings carried (their texts and the 前言 too when `keep_texts`, for the user to rewrite:
    /// R17 warns),
    /// and last year's report kept as `previous` for R9, R10 and R17.
    pub fn carry_over(last_year: &Report, keep_texts: bool) -> Report {
        let mut report = Report::new_draft();
        report.meta.body = last_year.meta.body.clone();
        report.meta.body_type = last_year.meta.body_type;
        report.meta.year = last_year.meta.year.map(|year| year + 1);
        if keep_texts {
            report.preface = last_year.preface.clone();
        }
        for part in Narrative::ALL {
            let sections = last_year
                .sections(part)
                .iter()
                .map(|section| Section {
                    heading: section.heading.clone(),
                    text: if keep_texts {
                        section.text.clone()
                    } else {
                        String::new()
                    },
                })
                .collect::<Vec<_>>();
            if !sections.is_empty() {
                report.set_sections(part, sections);
            }
        }
        for col in 0..REQUEST_COLS {
            let carried = last_year
                .count(CellRef::Request {
                    row: format::ROW_CARRIED_FORWARD,
                    col,
                })
                .cloned();
            if let Some(carried @ Cell::Value(_)) = carried {
                report.edit_cell(
                    CellRef::Request {
                        row: format::ROW_CARRIED_IN,
                        col,
                    },
                    &carried.display(),
                );
            }
        }
        report.attach_previous(last_year);
        report
    }

    /// Keeps last year's report as `previous` (its own `previous` dropped: one year back only).
    pub fn attach_previous(&mut self, last_year: &Report) {
        let mut previous = last_year.clone();
        previous.previous = None;
        previous.missing.clear();
        self.previous = Some(Rc::new(previous));
    }

    /// "空白格填 0": every blank typed cell of the tables becomes 0, totals follow. Returns how
    /// many cells were filled.
    pub fn fill_blanks_with_zero(&mut self) -> usize {
        let blanks: Vec<CellRef> = CellRef::all()
            .filter(|cell| !cell.is_total() && self.cell_is_blank(*cell))
            .collect();
        for cell in &blanks {
            self.edit_cell(*cell, "0");
        }
        blanks.len()
    }

    /// The report with every total cell replaced by its computed sum (`render --to json`).
    pub fn with_computed_totals(&self) -> Report {
        let mut report = self.clone();
        for total in CellRef::all().filter(|cell| cell.is_total()) {
            report.refresh_total(total);
        }
        report
    }

    /// The sum the product writes in a total cell: blank when every leaf is blank, blank
    /// (unknown) when a leaf is not a number, otherwise the sum of the leaves with blanks as 0.
    pub fn computed_total(&self, cell: CellRef) -> Option<CountCell> {
        let leaves = total_leaves(cell)?;
        Some(sum_cells(leaves.filter_map(|leaf| self.count(leaf))))
    }

    /// Whether a total cannot be known because one of its leaves is not a number; rules that
    /// would read it wait until the leaf is fixed (R6/R8 report the leaf).
    pub fn total_is_unknown(&self, cell: CellRef) -> bool {
        total_leaves(cell).is_some_and(|mut leaves| {
            leaves.any(|leaf| {
                matches!(
                    self.count(leaf),
                    Some(Cell::Placeholder(_) | Cell::Invalid { .. })
                )
            })
        })
    }

    fn refresh_total(&mut self, cell: CellRef) {
        if let Some(total) = self.computed_total(cell) {
            // Leaves an unchanged row shared, so the page's row components skip re-rendering.
            if self.count(cell) != Some(&total) {
                self.set_count(cell, total);
            }
        }
    }
}

/// How much of one table is still blank (see [`Report::unfilled`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Unfilled {
    pub table: &'static str,
    pub count: usize,
    /// What `count` counts: 行 or 格.
    pub unit: &'static str,
}

/// The typed cells a total sums (every total is a sum of typed cells, so the (七)总计 × 总计
/// corner reads the same along its row and its column). `None` for a cell that is not a total.
/// The cells a total sums (none for a cell that is not a total).
pub fn total_leaves(cell: CellRef) -> Option<Box<dyn Iterator<Item = CellRef>>> {
    match cell {
        CellRef::Request { row, col } if cell.is_total() => {
            let rows = if row == ROW_TOTAL {
                ROW_FIRST_OUTCOME..ROW_TOTAL
            } else {
                row..row + 1
            };
            let cols = if col == REQUEST_TOTAL_COL {
                0..REQUEST_TOTAL_COL
            } else {
                col..col + 1
            };
            Some(Box::new(rows.flat_map(move |row| {
                cols.clone().map(move |col| CellRef::Request { row, col })
            })))
        }
        CellRef::Appeal { group, col } if col == APPEAL_TOTAL_COL => Some(Box::new(
            (0..APPEAL_TOTAL_COL).map(move |col| CellRef::Appeal { group, col }),
        )),
        _ => None,
    }
}

/// The totals whose leaves include `cell`.
fn dependent_totals(cell: CellRef) -> Vec<CellRef> {
    match cell {
        _ if cell.is_total() => Vec::new(),
        CellRef::Request { row, col } => {
            let mut totals = vec![CellRef::Request {
                row,
                col: REQUEST_TOTAL_COL,
            }];
            if (ROW_FIRST_OUTCOME..ROW_TOTAL).contains(&row) {
                totals.push(CellRef::Request {
                    row: ROW_TOTAL,
                    col,
                });
                totals.push(CellRef::Request {
                    row: ROW_TOTAL,
                    col: REQUEST_TOTAL_COL,
                });
            }
            totals
        }
        CellRef::Appeal { group, .. } => vec![CellRef::Appeal {
            group,
            col: APPEAL_TOTAL_COL,
        }],
        CellRef::Proactive(_) => Vec::new(),
    }
}

/// A total of cells: blank when every part is blank, unknown (blank) when a part is not a
/// number, otherwise the sum with blanks as 0.
fn sum_cells<'a>(cells: impl Iterator<Item = &'a CountCell>) -> CountCell {
    let mut sum = 0u64;
    let mut any_value = false;
    for cell in cells {
        match cell {
            Cell::Blank => {}
            Cell::Value(value) => {
                sum = sum.saturating_add(*value);
                any_value = true;
            }
            Cell::Placeholder(_) | Cell::Invalid { .. } => return Cell::Blank,
        }
    }
    if any_value {
        Cell::Value(sum)
    } else {
        Cell::Blank
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_cell_path_round_trips() {
        let cells: Vec<CellRef> = CellRef::all().collect();
        assert_eq!(cells.len(), 10 + 175 + 15);
        for cell in cells {
            assert_eq!(CellRef::parse(&cell.path()), Some(cell), "{}", cell.path());
        }
        assert_eq!(CellRef::parse("requests.nope.total"), None);
        assert_eq!(CellRef::parse("proactive"), None);
    }

    #[test]
    fn field_paths_round_trip() {
        for field in [
            FieldRef::Body,
            FieldRef::Year,
            FieldRef::BodyType,
            FieldRef::Heading(Narrative::Problems, 1),
            FieldRef::Text(Narrative::OtherMatters, 0),
        ] {
            assert_eq!(FieldRef::parse(&field.path()), Some(field));
        }
        assert_eq!(FieldRef::parse("overview.x.text"), None);
        assert_eq!(FieldRef::parse("overview.0.text.more"), None);
    }

    #[test]
    fn an_edit_copies_only_the_rows_it_changes() {
        let mut report = Report::new_draft();
        let before = report.clone();
        report.edit_cell(CellRef::Request { row: 2, col: 0 }, "3");
        for row in 0..REQUEST_ROW_COUNT {
            let shared = Rc::ptr_eq(&report.requests[row], &before.requests[row]);
            assert_eq!(shared, row != 2 && row != ROW_TOTAL, "row {row}");
        }
        assert!(Rc::ptr_eq(&report.proactive, &before.proactive));
        assert_eq!(
            report.count(CellRef::Request {
                row: ROW_TOTAL,
                col: 6
            }),
            Some(&Cell::Value(3))
        );
        assert_eq!(
            report.count(CellRef::Request { row: 2, col: 6 }),
            Some(&Cell::Value(3))
        );
    }

    #[test]
    fn a_total_of_text_is_unknown() {
        let mut report = Report::new_draft();
        report.edit_cell(CellRef::Appeal { group: 0, col: 0 }, "2");
        assert_eq!(
            report.count(CellRef::Appeal { group: 0, col: 4 }),
            Some(&Cell::Value(2))
        );
        report.edit_cell(CellRef::Appeal { group: 0, col: 1 }, "12a");
        assert_eq!(
            report.count(CellRef::Appeal { group: 0, col: 4 }),
            Some(&Cell::Blank)
        );
    }
}
