//! 上年对比: this year's report beside last year's, cell by cell and part by part, for the
//! printable year-over-year view. What changed and by how much is decided here, so the page only
//! draws it.

use crate::cell::{Amount, Cell};
use crate::report::{CellRef, Narrative, Report};
use crate::rules::previous::{last_year_sentences, repeated};

/// How a cell moved from last year to this year.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Change {
    Same,
    /// Both are numbers: the signed difference as shown, e.g. `+3`, `−2`, `+0.25`.
    By(String),
    /// At least one side is not a number, or last year's is blank while this year's is filled.
    Differs,
    /// This year's cell is still blank: not filled yet, which is not a change.
    Unfilled,
}

/// One table cell in both years, as each year's report shows it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CellChange {
    pub this_year: String,
    pub last_year: String,
    pub change: Change,
}

pub fn compare_cell(this_year: &Report, last_year: &Report, cell: CellRef) -> CellChange {
    let change = if this_year.cell_text(cell) == last_year.cell_text(cell) {
        Change::Same
    } else if unfilled(this_year, cell) {
        Change::Unfilled
    } else if cell.is_amount() {
        match (this_year.fees(), last_year.fees()) {
            (Cell::Value(now), Cell::Value(before)) => Change::By(amount_difference(*now, *before)),
            _ => Change::Differs,
        }
    } else {
        match (
            this_year.count(cell).and_then(Cell::value),
            last_year.count(cell).and_then(Cell::value),
        ) {
            (Some(now), Some(before)) if now >= before => Change::By(format!("+{}", now - before)),
            (Some(now), Some(before)) => Change::By(format!("−{}", before - now)),
            _ => Change::Differs,
        }
    };
    CellChange {
        this_year: this_year.cell_text(cell),
        last_year: last_year.cell_text(cell),
        change,
    }
}

fn amount_difference(now: Amount, before: Amount) -> String {
    let (sign, yuan) = if now.yuan() >= before.yuan() {
        ('+', now.yuan() - before.yuan())
    } else {
        ('−', before.yuan() - now.yuan())
    };
    format!("{sign}{}", Amount::from_yuan(yuan))
}

/// How many table cells differ between the two years (a cell this year's report has not filled
/// yet is not counted: a new draft has not changed 196 cells).
pub fn changed_cells(this_year: &Report, last_year: &Report) -> usize {
    CellRef::all()
        .filter(|cell| {
            !unfilled(this_year, *cell) && this_year.cell_text(*cell) != last_year.cell_text(*cell)
        })
        .count()
}

/// How many table cells this year's report has not filled yet.
pub fn unfilled_cells(this_year: &Report) -> usize {
    CellRef::all()
        .filter(|cell| unfilled(this_year, *cell))
        .count()
}

/// Blank because nothing was typed (a total left blank by text in one of its cells is a change:
/// it cannot be summed).
fn unfilled(report: &Report, cell: CellRef) -> bool {
    report.cell_is_blank(cell) && !report.total_is_unknown(cell)
}

/// One narrative part in both years.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PartChange {
    pub part: Narrative,
    /// Characters of text (sub-section headings and texts, without spaces).
    pub this_year_chars: usize,
    pub last_year_chars: usize,
    pub this_year_sections: usize,
    pub last_year_sections: usize,
    /// Sentences of this year's part found word for word in last year's report, and their share
    /// of the part's text in percent.
    pub repeated_sentences: usize,
    pub repeated_percent: usize,
    /// Whether R17 would call the part copied.
    pub copied: bool,
}

fn text_chars(report: &Report, part: Narrative) -> usize {
    report
        .sections(part)
        .iter()
        .flat_map(|section| section.heading.chars().chain(section.text.chars()))
        .filter(|ch| !ch.is_whitespace())
        .count()
}

pub fn compare_parts(this_year: &Report, last_year: &Report) -> Vec<PartChange> {
    let sentences = last_year_sentences(last_year);
    Narrative::ALL
        .into_iter()
        .map(|part| {
            let measure = repeated(this_year, part, &sentences);
            PartChange {
                part,
                this_year_chars: text_chars(this_year, part),
                last_year_chars: text_chars(last_year, part),
                this_year_sections: this_year.sections(part).len(),
                last_year_sections: last_year.sections(part).len(),
                repeated_sentences: measure.repeated_sentences,
                repeated_percent: measure.percent(),
                copied: measure.is_copied(),
            }
        })
        .collect()
}
