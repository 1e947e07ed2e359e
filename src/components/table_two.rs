//! Table 二: four blocks, each with its header across the table, a column-header row and rows.

use std::rc::Rc;

use ogi_report_core::format::{ProactiveCellRef, PROACTIVE_BLOCKS, PROACTIVE_LABEL_COLUMN};
use ogi_report_core::report::Proactive;
use ogi_report_core::CellRef;
use yew::prelude::*;

use crate::components::cell_input::CellInput;
use crate::marks::Marks;
use crate::state::State;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub proactive: Rc<Proactive>,
    pub marks: Rc<Marks>,
    pub dispatch: UseReducerDispatcher<State>,
}

/// The widest block sets the table's column count.
fn width() -> usize {
    1 + PROACTIVE_BLOCKS
        .iter()
        .map(|block| block.columns.len())
        .max()
        .unwrap_or(1)
}

#[component]
pub fn ProactiveTable(props: &Props) -> Html {
    let text = |cell: ProactiveCellRef| match cell {
        ProactiveCellRef::Count(index) => props.proactive.counts[index].display(),
        ProactiveCellRef::Fees => props.proactive.fees.display(),
    };
    html! {
        <table class="report-table proactive" aria-label="二、主动公开政府信息情况">
            { for PROACTIVE_BLOCKS.iter().map(|block| {
                let filler = width() - 1 - block.columns.len();
                html! {
                    <tbody>
                        <tr><th colspan={width().to_string()} class="block-header">{block.header}</th></tr>
                        <tr>
                            <th>{PROACTIVE_LABEL_COLUMN}</th>
                            { for block.columns.iter().enumerate().map(|(index, column)| {
                                let last = index + 1 == block.columns.len();
                                let colspan = if last { 1 + filler } else { 1 };
                                html! { <th colspan={colspan.to_string()}>{*column}</th> }
                            }) }
                        </tr>
                        { for block.rows.iter().map(|row| html! {
                            <tr>
                                <th scope="row" class="row-label">{row.label}</th>
                                { for row.cells.iter().map(|cell| {
                                    let cell_ref = CellRef::Proactive(*cell);
                                    html! {
                                        <CellInput
                                            cell={cell_ref}
                                            text={AttrValue::from(text(*cell))}
                                            error={props.marks.cell(cell_ref)}
                                            dispatch={props.dispatch.clone()}
                                        />
                                    }
                                }) }
                                if filler > 0 { <td colspan={filler.to_string()} class="filler"></td> }
                            </tr>
                        }) }
                    </tbody>
                }
            }) }
        </table>
    }
}
