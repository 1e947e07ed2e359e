//! Table 二, drawn from the core's layout: four blocks, each with its header across the table, a
//! column-header row and its rows.

use std::rc::Rc;

use ogi_report_core::format::ProactiveCellRef;
use ogi_report_core::layout;
use ogi_report_core::report::Proactive;
use ogi_report_core::CellRef;
use yew::prelude::*;

use crate::model::state::Action;

use crate::model::marks::Marks;
use crate::view::components::cell_input::{CellInput, LastYear};
use crate::view::components::layout_cell::layout_table;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub proactive: Rc<Proactive>,
    pub marks: Rc<Marks>,
    pub last_year: LastYear,
    pub on_action: Callback<Action>,
}

#[component]
pub fn ProactiveTable(props: &Props) -> Html {
    crate::timing::drawn("ProactiveTable");
    let input = |cell: CellRef| {
        let text = match cell {
            CellRef::Proactive(ProactiveCellRef::Count(index)) => {
                props.proactive.counts[index].display()
            }
            _ => props.proactive.fees.display(),
        };
        html! { <CellInput {cell} text={AttrValue::from(text)} error={props.marks.cell(cell)} last_year={props.last_year.text(cell)} on_action={props.on_action.clone()} /> }
    };
    layout_table(&layout::tables()[0], "proactive", input)
}
