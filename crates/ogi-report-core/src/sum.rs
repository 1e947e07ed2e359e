//! 汇总: a superior office's sum of its units' reports for one year. Files are gathered into
//! [`Units`] with the user's decisions; each file counts, or is left out with the reason
//! (unreadable, another year, no year until the user gives one, a unit's second file — the more
//! complete counts unless the user chooses). Every table cell is summed exactly, totals are
//! recomputed, the narrative is left empty. Invariant: a summed cell is the sum of the counted
//! units' own figures, or blank — unknown, named with the units that make it so (a blank, text, an
//! unread cell) — never a smaller sum. The page, the CLI and the package all gather and sum through
//! this module, so they cannot disagree.

use crate::cell::{Amount, Cell};
use crate::checklist::{missing, status_of, ChecklistRow, UnitStatus, STATUS_COLUMN};
use crate::imported::Summary;
use crate::report::{total_leaves, CellRef, Report};
use crate::rules::{check, tally, Context, Finding, Severity};

/// One unit's file, read: its report, the cells the import could not read, and what the user
/// decided about it.
#[derive(Clone, Debug, PartialEq)]
pub struct UnitFile {
    pub file: String,
    pub report: Report,
    /// Paths of the cells a published report's import left blank (whatever it printed).
    pub unread: Vec<String>,
    /// The year the user gave a file whose report names none.
    pub year_given: Option<i32>,
    /// Left out by the user.
    pub left_out: bool,
    /// Chosen by the user among its unit's files.
    pub preferred: bool,
}

impl UnitFile {
    /// The report's year, or the one the user gave it.
    pub fn year(&self) -> Option<i32> {
        self.report.meta.year.or(self.year_given)
    }

    /// How many table cells hold no number (blank, unread, or not a number): the fewer, the more
    /// complete, which decides between two files of one unit.
    pub fn unknown_cells(&self) -> usize {
        CellRef::all()
            .filter(|cell| !cell.is_total())
            .filter(|cell| unit_value(&self.report, *cell).is_err())
            .count()
    }

    /// The unit's name as a reader is shown it.
    pub fn body(&self) -> String {
        unit_name(&self.report)
    }
}

/// What becomes of one file in the 汇总.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Decision {
    Counted,
    /// Not counted: its report names no year (the user may give it one, or leave it out).
    NoYear,
    /// Not counted, and why.
    Refused(String),
    /// Another file of the same unit counts instead: that file's index, and whether the user
    /// chose it (otherwise it is the more complete one).
    Duplicate {
        counted: usize,
        by_user: bool,
    },
}

/// The units' files gathered for one 汇总, in the order they were given, with the user's
/// decisions: the year summed, the year of a file that names none, which of two files of one
/// unit counts, which files are left out.
#[derive(Clone, Debug, Default)]
pub struct Units {
    pub files: Vec<UnitFile>,
    /// (file name, reason) of every file that could not be read as a report.
    pub unreadable: Vec<(String, String)>,
    /// The year the user chose to sum; otherwise the year most files name.
    pub year_chosen: Option<i32>,
}

impl Units {
    /// Gathers one unit's report file, already read.
    pub fn add_report(&mut self, file: &str, report: Report) {
        self.add_imported(file, report, None);
    }

    /// Gathers one unit's report as the importer read it (`summary` for a published report).
    pub fn add_imported(&mut self, file: &str, report: Report, summary: Option<&Summary>) {
        self.files.push(UnitFile {
            file: file.to_owned(),
            report,
            unread: summary
                .map(|summary| summary.blank.clone())
                .unwrap_or_default(),
            year_given: None,
            left_out: false,
            preferred: false,
        });
    }

    /// Records a file that could not be read.
    pub fn refuse(&mut self, file: &str, reason: &str) {
        self.unreadable.push((file.to_owned(), reason.to_owned()));
    }

    /// Gives a year to the file at `at` (whose report names none), or takes it back. Files are
    /// named by their place: units often send files of the same name.
    pub fn give_year_at(&mut self, at: usize, year: Option<i32>) {
        if let Some(unit) = self.files.get_mut(at) {
            unit.year_given = year;
        }
    }

    /// Leaves the file at `at` out of the 汇总, or takes it back in.
    pub fn leave_out_at(&mut self, at: usize, left_out: bool) {
        if let Some(unit) = self.files.get_mut(at) {
            unit.left_out = left_out;
        }
    }

    /// Makes the file at `at` the one that counts among its unit's files.
    pub fn prefer_at(&mut self, at: usize) {
        let Some(body) = self.files.get(at).map(UnitFile::body) else {
            return;
        };
        for (index, unit) in self.files.iter_mut().enumerate() {
            if unit.body() == body {
                unit.preferred = index == at;
            }
        }
    }

    /// [`Units::give_year_at`] for every file named `file` (the CLI's paths, the package's names).
    pub fn give_year(&mut self, file: &str, year: Option<i32>) {
        for at in self.places_of(file) {
            self.give_year_at(at, year);
        }
    }

    /// [`Units::prefer_at`] for the first file named `file`.
    pub fn prefer(&mut self, file: &str) {
        if let Some(at) = self.places_of(file).first() {
            self.prefer_at(*at);
        }
    }

    fn places_of(&self, file: &str) -> Vec<usize> {
        (0..self.files.len())
            .filter(|at| self.files[*at].file == file)
            .collect()
    }

    /// The year summed: the one the user chose, otherwise the year most files name (none when
    /// two years are named equally often: the user must choose).
    pub fn year(&self) -> Option<i32> {
        if self.year_chosen.is_some() {
            return self.year_chosen;
        }
        let mut counts: Vec<(i32, usize)> = Vec::new();
        for year in self
            .files
            .iter()
            .filter(|unit| !unit.left_out)
            .filter_map(|unit| unit.report.meta.year)
        {
            match counts.iter_mut().find(|(known, _)| *known == year) {
                Some((_, count)) => *count += 1,
                None => counts.push((year, 1)),
            }
        }
        counts.sort_by_key(|(_, count)| std::cmp::Reverse(*count));
        match counts.as_slice() {
            [(year, _)] => Some(*year),
            [(year, most), (_, next), ..] if most > next => Some(*year),
            _ => None,
        }
    }

    /// The years the files name, each once, in order.
    pub fn years_named(&self) -> Vec<i32> {
        let mut years: Vec<i32> = self
            .files
            .iter()
            .filter_map(|unit| unit.report.meta.year)
            .collect();
        years.sort_unstable();
        years.dedup();
        years
    }

    /// What becomes of each file, in the order of [`Units::files`].
    pub fn decisions(&self) -> Vec<Decision> {
        let year = self.year();
        let mut decisions: Vec<Decision> = self
            .files
            .iter()
            .map(|unit| match (unit.year(), year) {
                _ if unit.left_out => Decision::Refused("已按您的选择不计入。".to_owned()),
                (None, _) => Decision::NoYear,
                (Some(own), Some(year)) if own != year => Decision::Refused(format!(
                    "报告年度为 {own} 年，与汇总的年度（{year} 年）不同，未计入。"
                )),
                (Some(_), None) => {
                    Decision::Refused("各文件的报告年度不一致，请先选择汇总哪一年度。".to_owned())
                }
                _ => Decision::Counted,
            })
            .collect();
        self.decide_duplicates(&mut decisions);
        decisions
    }

    /// Among the counted files of one unit, one counts: the user's choice, otherwise the more
    /// complete (fewer cells without a number; the first given among equals).
    fn decide_duplicates(&self, decisions: &mut [Decision]) {
        for index in 0..self.files.len() {
            let body = self.files[index].report.meta.body.trim();
            if decisions[index] != Decision::Counted || body.is_empty() {
                continue;
            }
            let group: Vec<usize> = (index..self.files.len())
                .filter(|other| decisions[*other] == Decision::Counted)
                .filter(|other| self.files[*other].report.meta.body.trim() == body)
                .collect();
            if group.len() < 2 {
                continue;
            }
            let chosen = group.iter().find(|at| self.files[**at].preferred).copied();
            let counted = chosen.unwrap_or_else(|| {
                *group
                    .iter()
                    .min_by_key(|at| (self.files[**at].unknown_cells(), **at))
                    .expect("a group of two or more")
            });
            for other in group.into_iter().filter(|other| *other != counted) {
                decisions[other] = Decision::Duplicate {
                    counted,
                    by_user: chosen.is_some(),
                };
            }
        }
    }

    /// The files that count, in the order given.
    pub fn accepted(&self) -> Vec<&UnitFile> {
        self.files
            .iter()
            .zip(self.decisions())
            .filter(|(_, decision)| *decision == Decision::Counted)
            .map(|(unit, _)| unit)
            .collect()
    }

    /// (file name, reason) of every file that does not count: unreadable first, then in order.
    pub fn refused(&self) -> Vec<(String, String)> {
        let mut refused = self.unreadable.clone();
        refused.extend(
            self.left_out()
                .into_iter()
                .map(|(at, _, reason)| (self.files[at].file.clone(), reason)),
        );
        refused
    }

    /// Every readable file that does not count: (its place, the decision, why).
    pub fn left_out(&self) -> Vec<(usize, Decision, String)> {
        self.decisions()
            .into_iter()
            .enumerate()
            .filter(|(_, decision)| *decision != Decision::Counted)
            .map(|(at, decision)| {
                let reason = self.reason(at, &decision);
                (at, decision, reason)
            })
            .collect()
    }

    fn reason(&self, at: usize, decision: &Decision) -> String {
        match decision {
            Decision::Counted => String::new(),
            Decision::NoYear => "报告中没有年度（标题里没有年份），未计入。如确是本年度的报告，可为它指定年度后计入。".to_owned(),
            Decision::Refused(reason) => reason.clone(),
            Decision::Duplicate { counted, by_user } => format!(
                "单位「{}」的报告已从文件「{}」计入（{}），此文件未重复汇总。",
                self.files[at].body(),
                self.files[*counted].file,
                if *by_user { "您选择的一份" } else { "两份中较完整的一份，可改选" }
            ),
        }
    }

    /// When nothing can be summed: the message that says so, with every file's reason.
    pub fn nothing_to_sum(&self) -> Option<String> {
        if !self.accepted().is_empty() {
            return None;
        }
        let refused: Vec<String> = self
            .refused()
            .iter()
            .map(|(file, reason)| format!("{file}：{reason}"))
            .collect();
        Some(format!("没有可以汇总的报告文件。\n{}", refused.join("\n")))
    }

    /// What the 汇总 counted, in one sentence: units and year, files left out, unknown cells.
    pub fn status(&self, summed: &Summed) -> String {
        let counted = self.accepted().len();
        let refused = self.refused().len();
        let year = self.year().map_or("（年度未定）".to_owned(), |year| {
            format!(" {year} 年度")
        });
        let mut status = format!("已计入 {counted} 个单位的{year}报告；未计入 {refused} 个文件。");
        if !summed.unknown.is_empty() {
            status.push_str(&format!(
                "汇总表中有 {} 个单元格因单位未填写或未能读出而汇总数不详，已留空（见下方列表）。",
                summed.unknown.len()
            ));
        }
        status
    }

    /// The summed report and the cells it cannot know (see [`sum_units`]).
    pub fn sum(&self, body: &str) -> Summed {
        let mut summed = sum_units(&self.accepted(), body);
        summed.report.meta.year = self.year();
        summed
    }
}

/// A unit's name as shown, or what stands for a unit that gave none.
fn unit_name(report: &Report) -> String {
    let body = report.meta.body.trim();
    if body.is_empty() {
        "（未填写单位名称）".to_owned()
    } else {
        body.to_owned()
    }
}

/// The summed report's body when none is given.
pub const DEFAULT_SUM_BODY: &str = "汇总";

/// One unit's line in the 汇总 table.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UnitLine {
    pub body: String,
    pub errors: usize,
    pub warnings: usize,
    /// What the check found, for a reviewer to read.
    pub findings: Vec<Finding>,
    /// Key figures: (label, value as shown).
    pub figures: Vec<(&'static str, String)>,
    /// The other counted unit whose narrative this unit's repeats most, when at or over the
    /// threshold: (its body, the share of this unit's narrative in percent). See [`mark_copied`].
    pub copied_from: Option<(String, usize)>,
}

/// The share of a unit's narrative repeated from another unit's at which 汇总 flags it (a county
/// may set its own).
pub const COPIED_BETWEEN_UNITS_PERCENT: usize = 50;

/// Marks each line whose unit's narrative repeats another counted unit's, sentence for sentence,
/// at or over `threshold` percent — the measure R17 uses across years (sentences of eight
/// characters or more, a narrative of forty or more) — naming the unit it repeats most.
/// `reports` are the lines' reports, in the same order.
pub fn mark_copied(lines: &mut [UnitLine], reports: &[&Report], threshold: usize) {
    use crate::rules::previous::{last_year_sentences, repeated_in_narrative};
    let sentences: Vec<Vec<&str>> = reports
        .iter()
        .map(|report| last_year_sentences(report))
        .collect();
    for (index, line) in lines.iter_mut().enumerate() {
        let Some(report) = reports.get(index) else {
            continue;
        };
        line.copied_from = sentences
            .iter()
            .enumerate()
            .filter(|(other, _)| *other != index)
            .map(|(other, theirs)| (other, repeated_in_narrative(report, theirs)))
            .filter(|(_, measure)| measure.long_enough())
            .map(|(other, measure)| (other, measure.percent()))
            .filter(|(_, percent)| *percent >= threshold)
            // The most repeated; on a tie, the first file.
            .max_by_key(|(other, percent)| (*percent, std::cmp::Reverse(*other)))
            .map(|(other, percent)| (unit_name(reports[other]), percent));
    }
}

/// The key figures a 汇总 table shows per unit.
pub const KEY_FIGURES: [(&str, &str); 4] = [
    ("本年新收申请", "requests.received.total"),
    ("办理结果总计", "requests.total.total"),
    ("结转下年度", "requests.carried_forward.total"),
    ("行政复议", "appeals.review.total"),
];

/// A report's [`KEY_FIGURES`] as shown: (label, value).
pub fn key_figures(report: &Report) -> Vec<(&'static str, String)> {
    KEY_FIGURES
        .iter()
        .map(|(label, path)| {
            (
                *label,
                CellRef::parse(path)
                    .map(|cell| report.cell_text(cell))
                    .unwrap_or_default(),
            )
        })
        .collect()
}

/// A unit's line: its report checked as the final check would, less the findings that rest on
/// a cell its file's import could not read (our misreading is not the unit's error).
pub fn unit_line(unit: &UnitFile) -> UnitLine {
    let (findings, _) =
        crate::audit::set_aside_unread(check(&unit.report, &Context::default()), &unit.unread);
    let (errors, warnings) = tally(&findings);
    let figures = key_figures(&unit.report);
    UnitLine {
        body: unit.body(),
        errors,
        warnings,
        findings,
        figures,
        copied_from: None,
    }
}

/// Each counted unit's line, in file order (each report checked once), marked where its
/// narrative repeats another unit's ([`mark_copied`] at the default threshold).
pub fn unit_lines(units: &Units) -> Vec<UnitLine> {
    let accepted = units.accepted();
    let mut lines: Vec<UnitLine> = accepted.iter().map(|unit| unit_line(unit)).collect();
    let reports: Vec<&Report> = accepted.iter().map(|unit| &unit.report).collect();
    mark_copied(&mut lines, &reports, COPIED_BETWEEN_UNITS_PERCENT);
    lines
}

/// What a line says of copied narrative: 「「乙街道」 85%」, or nothing.
pub fn copied_text(line: &UnitLine) -> String {
    line.copied_from
        .as_ref()
        .map(|(other, percent)| format!("与「{other}」雷同 {percent}%"))
        .unwrap_or_default()
}

/// The 汇总 table's column of narrative repeated from another unit.
pub const COPIED_COLUMN: &str = "正文与其他单位雷同";

/// The 汇总 table: a header row, then one row per unit. With a list of units (`checklist` not
/// empty), a 报送情况 column, and a row for each listed unit that sent nothing.
fn table_rows(lines: &[UnitLine], checklist: &[ChecklistRow]) -> Vec<Vec<String>> {
    let mut header: Vec<String> = ["单位", Severity::Error.label(), Severity::Warning.label()]
        .map(str::to_owned)
        .to_vec();
    header.extend(KEY_FIGURES.iter().map(|(label, _)| (*label).to_owned()));
    header.push(COPIED_COLUMN.to_owned());
    let listed = !checklist.is_empty();
    if listed {
        header.push(STATUS_COLUMN.to_owned());
    }
    let mut rows = vec![header];
    for line in lines {
        let mut row = vec![
            line.body.clone(),
            line.errors.to_string(),
            line.warnings.to_string(),
        ];
        row.extend(line.figures.iter().map(|(_, value)| value.clone()));
        row.push(copied_text(line));
        if listed {
            row.push(status_of(checklist, line).label().to_owned());
        }
        rows.push(row);
    }
    for unit in missing(checklist) {
        let mut row = vec![unit.to_owned()];
        row.extend(std::iter::repeat_n(String::new(), 3 + KEY_FIGURES.len()));
        row.push(UnitStatus::Missing.label().to_owned());
        rows.push(row);
    }
    rows
}

/// The 汇总 table as tab-separated text (what `ogi-report sum` prints).
pub fn units_table(lines: &[UnitLine]) -> String {
    table_rows(lines, &[])
        .iter()
        .map(|row| format!("{}\n", row.join("\t")))
        .collect()
}

/// The 汇总 table as CSV for a spreadsheet: UTF-8 with a byte-order mark (so Excel reads the
/// Chinese correctly), CRLF line ends, and fields quoted where they must be. A field that a
/// spreadsheet would take for a formula (`=`, `+`, `-`, `@`) is written as text.
pub fn units_csv(lines: &[UnitLine]) -> String {
    units_csv_listed(lines, &[])
}

/// [`units_csv`] with the list's 报送情况 column and its units that sent nothing.
pub fn units_csv_listed(lines: &[UnitLine], checklist: &[ChecklistRow]) -> String {
    let field = |value: &String| {
        let value = if value.starts_with(['=', '+', '-', '@']) {
            format!("'{value}")
        } else {
            value.clone()
        };
        if value.contains([',', '"', '\n', '\r']) {
            format!("\"{}\"", value.replace('"', "\"\""))
        } else {
            value
        }
    };
    let mut csv = String::from('\u{feff}');
    for row in table_rows(lines, checklist) {
        let fields: Vec<String> = row.iter().map(field).collect();
        csv.push_str(&fields.join(","));
        csv.push_str("\r\n");
    }
    csv
}

/// The summed report, and each cell it cannot know with the units that make it so.
#[derive(Clone, Debug, PartialEq)]
pub struct Summed {
    pub report: Report,
    /// Cells left blank in the sum because some unit's cell holds no number.
    pub unknown: Vec<UnknownCell>,
}

/// A summed cell left blank: its path, its printed label, and (unit, why) for each unit whose
/// own cell holds no number.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UnknownCell {
    pub cell: String,
    pub label: String,
    pub causes: Vec<(String, String)>,
}

impl UnknownCell {
    /// What the user is told: `表三 （一）予以公开·自然人：「乙街道」未填写；汇总数不详，已留空。`
    pub fn message(&self) -> String {
        let causes: Vec<String> = self
            .causes
            .iter()
            .map(|(unit, why)| format!("「{unit}」{why}"))
            .collect();
        format!(
            "{}：{}；汇总数不详，已留空。",
            self.label,
            causes.join("，")
        )
    }
}

impl Summed {
    /// One message per unknown cell.
    pub fn messages(&self) -> Vec<String> {
        self.unknown.iter().map(UnknownCell::message).collect()
    }
}

/// One unit's number in a cell: a count, or the fee (万元, exact).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Figure {
    Count(u64),
    Fee(Amount),
}

impl Figure {
    fn checked_add(self, other: Figure) -> Option<Figure> {
        match (self, other) {
            (Figure::Count(a), Figure::Count(b)) => a.checked_add(b).map(Figure::Count),
            (Figure::Fee(a), Figure::Fee(b)) => a.checked_add(b).map(Figure::Fee),
            _ => None,
        }
    }
}

/// One unit's number for a cell, or why it has none (empty: blank). A placeholder (`/`, not
/// applicable) counts as nothing to add.
fn unit_value(report: &Report, cell: CellRef) -> Result<Option<Figure>, String> {
    let why = |raw: &str, problem: crate::cell::Problem| {
        format!("填写的「{raw}」{}", problem.message(cell.is_amount()))
    };
    if cell.is_amount() {
        return match report.fees() {
            Cell::Value(amount) => Ok(Some(Figure::Fee(*amount))),
            Cell::Placeholder(_) => Ok(None),
            Cell::Blank => Err(String::new()),
            Cell::Invalid { raw, problem } => Err(why(raw, *problem)),
        };
    }
    match report.count(cell) {
        Some(Cell::Value(value)) => Ok(Some(Figure::Count(*value))),
        Some(Cell::Placeholder(_)) => Ok(None),
        Some(Cell::Invalid { raw, problem }) => Err(why(raw, *problem)),
        Some(Cell::Blank) | None => Err(String::new()),
    }
}

/// One cell summed over the units: the sum (`None` when every unit has a placeholder there), or
/// (unit, why) for each unit that makes it unknown.
fn sum_cell(units: &[&UnitFile], cell: CellRef) -> Result<Option<Figure>, Vec<(String, String)>> {
    let path = cell.path();
    let mut sum: Option<Figure> = None;
    let mut causes = Vec::new();
    for unit in units {
        match unit_value(&unit.report, cell) {
            Ok(Some(value)) => match sum.map_or(Some(value), |sum| sum.checked_add(value)) {
                Some(next) => sum = Some(next),
                None => causes.push((unit.body(), "的数字使合计超出可记录的范围".to_owned())),
            },
            Ok(None) => {}
            Err(why) if !why.is_empty() => causes.push((unit.body(), why)),
            Err(_) if unit.unread.contains(&path) => {
                causes.push((unit.body(), "的文件中未能读出这一格".to_owned()))
            }
            Err(_) => causes.push((unit.body(), "未填写".to_owned())),
        }
    }
    if causes.is_empty() {
        Ok(sum)
    } else {
        Err(causes)
    }
}

/// Sums the units cell by cell, exactly. A cell that some unit left blank, that its file's import
/// could not read, or that holds no number, makes the summed cell unknown: blank, and named with
/// the units — never the sum of the others. Totals are recomputed, and a total any of whose
/// cells is unknown is unknown too. The narrative is left empty.
pub fn sum_units(units: &[&UnitFile], body: &str) -> Summed {
    let mut total = Report::new_draft();
    total.meta.body = body.to_owned();
    total.meta.year = units.iter().find_map(|unit| unit.year());
    for part in crate::report::Narrative::ALL {
        total.set_sections(part, Vec::new());
    }
    let mut unknown = Vec::new();
    for cell in CellRef::all().filter(|cell| !cell.is_total()) {
        match sum_cell(units, cell) {
            Ok(Some(Figure::Fee(amount))) => total.set_fees(Cell::Value(amount)),
            Ok(Some(Figure::Count(count))) => total.set_count(cell, Cell::Value(count)),
            Ok(None) if cell.is_amount() => total.set_fees(Cell::Placeholder("/".to_owned())),
            Ok(None) => total.set_count(cell, Cell::Placeholder("/".to_owned())),
            Err(causes) => unknown.push(UnknownCell {
                cell: cell.path(),
                label: cell.message_label(),
                causes,
            }),
        }
    }
    let mut report = total.with_computed_totals();
    // A total over an unknown cell is unknown.
    for cell in CellRef::all().filter(|cell| cell.is_total()) {
        let over_unknown = total_leaves(cell).is_some_and(|mut leaves| {
            leaves.any(|leaf| unknown.iter().any(|unknown| unknown.cell == leaf.path()))
        });
        if over_unknown {
            report.set_count(cell, Cell::Blank);
        }
    }
    Summed { report, unknown }
}
