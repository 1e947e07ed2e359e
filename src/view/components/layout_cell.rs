//! Draws the core's table layout: headers and row labels as `<th>` with their merges, data cells
//! through the caller (an input on the filling page, both years in the year-over-year view). The
//! pages' tables have no merge logic of their own.

use ogi_report_core::format::PARTS;
use ogi_report_core::format::{PARTLY_GRANTED_HELP, REQUEST_ROWS, ROW_PARTLY_GRANTED};
use ogi_report_core::layout::{Content, LayoutCell, TableLayout};
use ogi_report_core::CellRef;
use yew::prelude::*;

fn span(value: usize) -> Option<String> {
    (value > 1).then(|| value.to_string())
}

pub fn layout_cell(cell: &LayoutCell, data: impl FnOnce(CellRef) -> Html) -> Html {
    let (colspan, rowspan) = (span(cell.colspan), span(cell.rowspan));
    match cell.content {
        Content::Header(text) => html! { <th {colspan} {rowspan}>{text}</th> },
        Content::Label(text) => {
            // R4 is help, shown on the row it concerns.
            let help = (text == REQUEST_ROWS[ROW_PARTLY_GRANTED].label()).then(|| html! {
                <span class="help" title={PARTLY_GRANTED_HELP}>{" ⓘ"}<span class="visually-hidden">{PARTLY_GRANTED_HELP}</span></span>
            });
            html! { <th scope="row" class="row-label" {colspan} {rowspan}>{text}{help}</th> }
        }
        Content::Data(data_cell) => data(data_cell),
    }
}

/// A whole table: its header rows in `<thead>` (repeated on printed pages), the rest in `<tbody>`.
pub fn layout_table(
    table: &TableLayout,
    class: &'static str,
    data: impl Fn(CellRef) -> Html,
) -> Html {
    let row = |cells: &[LayoutCell]| html! { <tr>{ for cells.iter().map(|cell| layout_cell(cell, &data)) }</tr> };
    let (head, body) = table.rows.split_at(table.header_rows);
    html! {
        <table class={classes!("report-table", class)} aria-label={PARTS[table.part].heading}>
            if !head.is_empty() {
                <thead>{ for head.iter().map(|cells| row(cells)) }</thead>
            }
            <tbody>{ for body.iter().map(|cells| row(cells)) }</tbody>
        </table>
    }
}
