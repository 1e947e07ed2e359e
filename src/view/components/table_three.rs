//! Table 三, drawn from the core's layout: the header block and 25 rows. Each row is its own
//! component and renders again only when its cells or their messages change.

use std::rc::Rc;

use ogi_report_core::format::{PARTS, REQUEST_COLUMNS};
use ogi_report_core::layout::{self, Content};
use ogi_report_core::report::RequestRowCells;
use ogi_report_core::CellRef;
use yew::prelude::*;

use crate::model::state::Action;

use crate::model::marks::Marks;
use crate::view::components::cell_input::{CellInput, LastYear};
use crate::view::components::layout_cell::layout_cell;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub rows: Rc<[Rc<RequestRowCells>; 25]>,
    pub marks: Rc<Marks>,
    pub last_year: LastYear,
    pub on_action: Callback<Action>,
}

#[component]
pub fn RequestsTable(props: &Props) -> Html {
    crate::timing::drawn("RequestsTable");
    let table = &layout::tables()[1];
    html! {
        <table class="report-table requests" aria-label={PARTS[table.part].heading}>
            <thead>
                { for table.rows[..table.header_rows].iter().map(|row| html! {
                    <tr>{ for row.iter().map(|cell| layout_cell(cell, |_| Html::default())) }</tr>
                }) }
            </thead>
            <tbody>
                { for props.rows.iter().enumerate().map(|(row, cells)| {
                    let errors: Rc<[Option<AttrValue>]> = (0..REQUEST_COLUMNS.len())
                        .map(|col| props.marks.cell(CellRef::Request { row, col }))
                        .collect();
                    html! { <RequestRow key={row} {row} cells={cells.clone()} {errors} last_year={props.last_year.clone()} on_action={props.on_action.clone()} /> }
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
    pub last_year: LastYear,
    pub on_action: Callback<Action>,
}

#[component]
pub fn RequestRow(props: &RowProps) -> Html {
    crate::timing::drawn("RequestRow");
    html! {
        <tr>
            { for layout::request_row(props.row).iter().map(|cell| layout_cell(cell, |data| {
                let Content::Data(CellRef::Request { col, .. }) = cell.content else { return Html::default() };
                html! {
                    <CellInput
                        on_action={props.on_action.clone()}
                        cell={data}
                        text={AttrValue::from(props.cells[col].display())}
                        error={props.errors[col].clone()}
                        last_year={props.last_year.text(data)}
                    />
                }
            })) }
        </tr>
    }
}
