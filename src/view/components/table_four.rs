//! Table 四, drawn from the core's layout: 行政复议 and 行政诉讼 (未经复议直接起诉, 复议后起诉)
//! over one data row of 15 cells.

use std::rc::Rc;

use ogi_report_core::layout;
use ogi_report_core::report::AppealGroupCells;
use ogi_report_core::CellRef;
use yew::prelude::*;

use crate::model::state::Action;

use crate::model::marks::Marks;
use crate::view::components::cell_input::{CellInput, LastYear};
use crate::view::components::layout_cell::layout_table;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub groups: Rc<[Rc<AppealGroupCells>; 3]>,
    pub marks: Rc<Marks>,
    pub last_year: LastYear,
    pub on_action: Callback<Action>,
}

#[component]
pub fn AppealsTable(props: &Props) -> Html {
    crate::timing::drawn("AppealsTable");
    let input = |cell: CellRef| {
        let CellRef::Appeal { group, col } = cell else {
            return Html::default();
        };
        let text = AttrValue::from(props.groups[group][col].display());
        html! { <CellInput {cell} {text} error={props.marks.cell(cell)} last_year={props.last_year.text(cell)} on_action={props.on_action.clone()} /> }
    };
    layout_table(&layout::tables()[2], "appeals", input)
}
