//! One table cell's input. While the user types, the input shows exactly what they typed (a
//! normalised value such as `１２` → `12` appears only after they leave the cell), so neither the
//! caret nor an IME composition is disturbed. Totals are read-only.

use ogi_report_core::CellRef;
use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::state::{Action, State};

#[derive(Properties, PartialEq)]
pub struct Props {
    pub cell: CellRef,
    pub text: AttrValue,
    pub error: Option<AttrValue>,
    pub dispatch: UseReducerDispatcher<State>,
}

#[component]
pub fn CellInput(props: &Props) -> Html {
    let typing = use_state(|| None::<AttrValue>);
    let cell = props.cell;
    let oninput = {
        let (typing, dispatch) = (typing.clone(), props.dispatch.clone());
        Callback::from(move |event: InputEvent| {
            let raw = event.target_unchecked_into::<HtmlInputElement>().value();
            typing.set(Some(AttrValue::from(raw.clone())));
            dispatch.dispatch(Action::EditCell(cell, raw));
        })
    };
    let onblur = {
        let typing = typing.clone();
        Callback::from(move |_: FocusEvent| typing.set(None))
    };
    let (row, column) = cell.labels();
    let path = cell.path();
    let message_id = format!("msg-{path}");
    let readonly = cell.is_total();
    let value = (*typing).clone().unwrap_or_else(|| props.text.clone());
    html! {
        <td class={classes!("cell", readonly.then_some("total"), props.error.is_some().then_some("invalid"))}>
            <input
                type="text"
                inputmode={if cell.is_amount() { "decimal" } else { "numeric" }}
                autocomplete="off"
                data-cell={path}
                aria-label={format!("{row} {column}{}", if readonly { "（自动计算）" } else { "" })}
                aria-invalid={props.error.is_some().then_some("true")}
                aria-describedby={props.error.is_some().then(|| message_id.clone())}
                title={props.error.clone()}
                readonly={readonly}
                tabindex={readonly.then_some("-1")}
                {value}
                {oninput}
                {onblur}
            />
            if let Some(error) = &props.error {
                <span class="cell-mark" aria-hidden="true">{"!"}</span>
                <span id={message_id} class="visually-hidden">{error.clone()}</span>
            }
        </td>
    }
}
