//! Table 三 in the official structure: the note in the top-left block, the applicant headers,
//! and 25 rows whose label columns merge as printed. Each row is its own component and renders
//! again only when its cells or their messages change.

use std::rc::Rc;

use ogi_report_core::format::{
    PARTLY_GRANTED_HELP, REQUESTS_APPLICANT_HEADER, REQUESTS_NOTE, REQUESTS_ORG_HEADER,
    REQUEST_COLUMNS, REQUEST_ROWS, ROW_PARTLY_GRANTED,
};
use ogi_report_core::report::RequestRowCells;
use ogi_report_core::CellRef;
use yew::prelude::*;

use crate::components::cell_input::CellInput;
use crate::marks::Marks;
use crate::state::State;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub rows: Rc<[Rc<RequestRowCells>; 25]>,
    pub marks: Rc<Marks>,
    pub dispatch: UseReducerDispatcher<State>,
}

/// How many rows below `row` repeat the label at `level` (for rowspan).
fn span(row: usize, level: usize) -> usize {
    let label = REQUEST_ROWS[row].label_path()[level];
    REQUEST_ROWS[row..]
        .iter()
        .take_while(|spec| spec.label_path()[level] == label)
        .count()
}

fn starts_span(row: usize, level: usize) -> bool {
    row == 0 || REQUEST_ROWS[row - 1].label_path()[level] != REQUEST_ROWS[row].label_path()[level]
}

#[component]
pub fn RequestsTable(props: &Props) -> Html {
    let organisations = REQUEST_COLUMNS
        .iter()
        .filter(|column| column.group.is_some())
        .count();
    html! {
        <table class="report-table requests" aria-label="三、收到和处理政府信息公开申请情况">
            <thead>
                <tr>
                    <th colspan="3" rowspan="3" class="note">{REQUESTS_NOTE}</th>
                    <th colspan={REQUEST_COLUMNS.len().to_string()}>{REQUESTS_APPLICANT_HEADER}</th>
                </tr>
                <tr>
                    <th rowspan="2">{REQUEST_COLUMNS[0].label}</th>
                    <th colspan={organisations.to_string()}>{REQUESTS_ORG_HEADER}</th>
                    <th rowspan="2">{REQUEST_COLUMNS[REQUEST_COLUMNS.len() - 1].label}</th>
                </tr>
                <tr>
                    { for REQUEST_COLUMNS.iter().filter(|c| c.group.is_some()).map(|c| html! { <th>{c.label}</th> }) }
                </tr>
            </thead>
            <tbody>
                { for (0..REQUEST_ROWS.len()).map(|row| {
                    let cells = props.rows[row].clone();
                    let errors: Rc<[Option<AttrValue>]> =
                        (0..REQUEST_COLUMNS.len()).map(|col| props.marks.cell(CellRef::Request { row, col })).collect();
                    html! { <RequestRow key={row} {row} {cells} {errors} dispatch={props.dispatch.clone()} /> }
                }) }
            </tbody>
        </table>
    }
}

#[derive(Properties, PartialEq)]
pub struct RowProps {
    pub row: usize,
    pub cells: Rc<RequestRowCells>,
    pub errors: Rc<[Option<AttrValue>]>,
    pub dispatch: UseReducerDispatcher<State>,
}

#[component]
pub fn RequestRow(props: &RowProps) -> Html {
    let row = props.row;
    let spec = &REQUEST_ROWS[row];
    let labels = spec.label_path();
    // A label cell covers the levels to its right that this row does not use.
    let label_cell = |level: usize| -> Html {
        let Some(label) = labels[level] else {
            return Html::default();
        };
        if !starts_span(row, level) {
            return Html::default();
        }
        let colspan = 1 + labels[level + 1..]
            .iter()
            .take_while(|next| next.is_none())
            .count();
        let rowspan = span(row, level);
        let help = (row == ROW_PARTLY_GRANTED && level == 1).then(|| html! {
            <span class="help" title={PARTLY_GRANTED_HELP}>{" ⓘ"}<span class="visually-hidden">{PARTLY_GRANTED_HELP}</span></span>
        });
        html! {
            <th scope="row" class="row-label" colspan={colspan.to_string()} rowspan={rowspan.to_string()}>
                {label}{help}
            </th>
        }
    };
    html! {
        <tr>
            { label_cell(0) }
            { label_cell(1) }
            { label_cell(2) }
            { for props.cells.iter().enumerate().map(|(col, value)| html! {
                <CellInput
                    cell={CellRef::Request { row, col }}
                    text={AttrValue::from(value.display())}
                    error={props.errors[col].clone()}
                    dispatch={props.dispatch.clone()}
                />
            }) }
        </tr>
    }
}
