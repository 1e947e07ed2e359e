//! Table 四: one data row of 15 cells under 行政复议 and 行政诉讼 (未经复议直接起诉, 复议后起诉).

use std::rc::Rc;

use ogi_report_core::format::{
    APPEALS_LAWSUIT_HEADER, APPEALS_REVIEW_HEADER, APPEAL_COLUMNS, APPEAL_GROUPS,
};
use ogi_report_core::report::AppealGroupCells;
use ogi_report_core::CellRef;
use yew::prelude::*;

use crate::components::cell_input::CellInput;
use crate::marks::Marks;
use crate::state::State;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub groups: Rc<[Rc<AppealGroupCells>; 3]>,
    pub marks: Rc<Marks>,
    pub dispatch: UseReducerDispatcher<State>,
}

#[component]
pub fn AppealsTable(props: &Props) -> Html {
    let width = APPEAL_COLUMNS.len();
    let lawsuit_groups = APPEAL_GROUPS
        .iter()
        .filter(|group| group.top == APPEALS_LAWSUIT_HEADER)
        .count();
    let column_headers = || {
        APPEAL_COLUMNS
            .iter()
            .map(|(_, label)| html! { <th>{*label}</th> })
            .collect::<Html>()
    };
    html! {
        <table class="report-table appeals" aria-label="四、政府信息公开行政复议、行政诉讼情况">
            <thead>
                <tr>
                    <th colspan={width.to_string()} rowspan="2">{APPEALS_REVIEW_HEADER}</th>
                    <th colspan={(width * lawsuit_groups).to_string()}>{APPEALS_LAWSUIT_HEADER}</th>
                </tr>
                <tr>
                    { for APPEAL_GROUPS.iter().filter_map(|group| group.sub).map(|sub| html! {
                        <th colspan={width.to_string()}>{sub}</th>
                    }) }
                </tr>
                <tr>{ for APPEAL_GROUPS.iter().map(|_| column_headers()) }</tr>
            </thead>
            <tbody>
                <tr>
                    { for props.groups.iter().enumerate().flat_map(|(group, cells)| {
                        cells.iter().enumerate().map(move |(col, value)| (group, col, value.display()))
                    }).map(|(group, col, text)| {
                        let cell = CellRef::Appeal { group, col };
                        html! {
                            <CellInput {cell} text={AttrValue::from(text)} error={props.marks.cell(cell)} dispatch={props.dispatch.clone()} />
                        }
                    }) }
                </tr>
            </tbody>
        </table>
    }
}
