//! One table cell's input. While the user types, the input shows exactly what they typed (a
//! normalised value such as `１２` → `12` appears only after they leave the cell), so neither the
//! caret nor an IME composition is disturbed. Keys move as in a spreadsheet, skipping totals; a
//! block pasted from a spreadsheet or a report page fills the table from here. Totals are
//! read-only.

use std::rc::Rc;

use ogi_report_core::grid::{self, Move};
use ogi_report_core::{AmountCell, CellRef, CountCell, Report};
use wasm_bindgen::JsCast;
use web_sys::{ClipboardEvent, HtmlInputElement, KeyboardEvent};
use yew::prelude::*;

use crate::model::state::{Action, Edit};

#[derive(Properties, PartialEq)]
pub struct Props {
    pub cell: CellRef,
    pub text: AttrValue,
    pub error: Option<AttrValue>,
    /// What last year's report has in this cell (when one is attached and the cell is not blank).
    #[prop_or_default]
    pub last_year: Option<AttrValue>,
    pub on_action: Callback<Action>,
}

/// Last year's report as the tables get it: compared by pointer, so that a keystroke does not
/// compare last year's 200 cells (the report keeps the same `Rc` until another one is attached).
#[derive(Clone, Default)]
pub struct LastYear(pub Option<Rc<Report>>);

impl PartialEq for LastYear {
    fn eq(&self, other: &LastYear) -> bool {
        match (&self.0, &other.0) {
            (Some(a), Some(b)) => Rc::ptr_eq(a, b),
            (None, None) => true,
            _ => false,
        }
    }
}

impl LastYear {
    /// Last year's value of `cell`, as its report shows it; none when blank.
    pub fn text(&self, cell: CellRef) -> Option<AttrValue> {
        let report = self.0.as_deref()?;
        (!report.cell_is_blank(cell)).then(|| AttrValue::from(report.cell_text(cell)))
    }
}

/// What the model will show for typed text, to tell our own edit from an outside change (undo).
fn shown_after(cell: CellRef, raw: &str) -> String {
    if cell.is_amount() {
        AmountCell::parse(raw).display()
    } else {
        CountCell::parse(raw).display()
    }
}

/// The move a key asks for, or `None` when the key belongs to the text (caret inside it).
fn key_move(event: &KeyboardEvent, input: &HtmlInputElement) -> Option<Move> {
    let caret = input.selection_start().ok().flatten().unwrap_or(0);
    let caret_end = input.selection_end().ok().flatten().unwrap_or(caret);
    let length = input.value().encode_utf16().count() as u32;
    let control = event.ctrl_key() || event.meta_key();
    Some(match event.key().as_str() {
        "ArrowUp" => Move::Up,
        "ArrowDown" => Move::Down,
        "ArrowLeft" if caret == 0 && caret_end == 0 => Move::Left,
        "ArrowRight" if caret >= length => Move::Right,
        "Enter" if event.shift_key() => Move::Up,
        "Enter" => Move::Down,
        "Tab" if event.shift_key() => Move::Previous,
        "Tab" => Move::Next,
        "Home" if control => Move::TableStart,
        "End" if control => Move::TableEnd,
        "Home" => Move::RowStart,
        "End" => Move::RowEnd,
        _ => return None,
    })
}

fn focus_cell(cell: CellRef) {
    let selector = format!("[data-cell=\"{}\"]", cell.path());
    let target = web_sys::window()
        .and_then(|window| window.document())
        .and_then(|document| document.query_selector(&selector).ok().flatten())
        .and_then(|element| element.dyn_into::<HtmlInputElement>().ok());
    if let Some(target) = target {
        let _ = target.focus();
        target.select();
    }
}

#[component]
pub fn CellInput(props: &Props) -> Html {
    crate::timing::drawn("CellInput");
    let dispatch = props.on_action.clone();
    // (what was typed, what the model showed for it): kept while the model still agrees.
    let typing = use_state(|| None::<(AttrValue, String)>);
    // The value when the cell was entered, for Escape.
    let before = use_mut_ref(|| None::<String>);
    let cell = props.cell;
    let oninput = {
        let (typing, dispatch) = (typing.clone(), dispatch.clone());
        Callback::from(move |event: InputEvent| {
            let raw = event.target_unchecked_into::<HtmlInputElement>().value();
            typing.set(Some((
                AttrValue::from(raw.clone()),
                shown_after(cell, &raw),
            )));
            dispatch.emit(Action::Edit(Edit::Cell(cell, raw)));
        })
    };
    let onfocus = {
        let (before, text) = (before.clone(), props.text.clone());
        Callback::from(move |_: FocusEvent| *before.borrow_mut() = Some(text.to_string()))
    };
    let onblur = {
        let typing = typing.clone();
        Callback::from(move |_: FocusEvent| typing.set(None))
    };
    let onkeydown = {
        let (typing, before, dispatch) = (typing.clone(), before.clone(), dispatch.clone());
        Callback::from(move |event: KeyboardEvent| {
            // The key that confirms an IME candidate is not a move.
            if event.is_composing() || event.key_code() == 229 {
                return;
            }
            let input = event.target_unchecked_into::<HtmlInputElement>();
            if event.key() == "Escape" {
                if let Some(original) = before
                    .borrow()
                    .clone()
                    .filter(|original| *original != input.value())
                {
                    typing.set(Some((
                        AttrValue::from(original.clone()),
                        shown_after(cell, &original),
                    )));
                    dispatch.emit(Action::Edit(Edit::Cell(cell, original)));
                }
                return;
            }
            if let Some(target) =
                key_move(&event, &input).and_then(|step| grid::neighbour(cell, step))
            {
                event.prevent_default();
                focus_cell(target);
            }
        })
    };
    let onpaste = {
        let dispatch = dispatch.clone();
        Callback::from(move |event: Event| {
            let Some(data) = event
                .dyn_ref::<ClipboardEvent>()
                .and_then(ClipboardEvent::clipboard_data)
            else {
                return;
            };
            let html = data.get_data("text/html").unwrap_or_default();
            let block = grid::parse_html_block(&html).unwrap_or_else(|| {
                grid::parse_text_block(&data.get_data("text/plain").unwrap_or_default())
            });
            // One value is ordinary typing into this cell; a block fills the table.
            if block.len() > 1 || block.first().is_some_and(|row| row.len() > 1) {
                event.prevent_default();
                dispatch.emit(Action::Edit(Edit::Paste(cell, block)));
            }
        })
    };
    let (row, column) = cell.labels();
    let path = cell.path();
    let message_id = format!("msg-{path}");
    let last_year_id = format!("ly-{path}");
    let described: Vec<&str> = [
        props.error.is_some().then_some(message_id.as_str()),
        props.last_year.is_some().then_some(last_year_id.as_str()),
    ]
    .into_iter()
    .flatten()
    .collect();
    let readonly = cell.is_total();
    let value = match &*typing {
        Some((raw, shown)) if *shown == props.text.as_str() => raw.clone(),
        _ => props.text.clone(),
    };
    html! {
        <td class={classes!("cell", readonly.then_some("total"), props.error.is_some().then_some("invalid"))}>
            <input
                type="text"
                inputmode={if cell.is_amount() { "decimal" } else { "numeric" }}
                autocomplete="off"
                data-cell={path}
                aria-label={format!("{row} {column}{}", if readonly { "（自动计算）" } else { "" })}
                aria-invalid={props.error.is_some().then_some("true")}
                aria-describedby={(!described.is_empty()).then(|| described.join(" "))}
                title={props.error.clone()}
                readonly={readonly}
                tabindex={readonly.then_some("-1")}
                {value}
                {oninput}
                {onfocus}
                {onblur}
                {onkeydown}
                {onpaste}
            />
            if let Some(error) = &props.error {
                <span class="cell-mark" aria-hidden="true">{"!"}</span>
                <span id={message_id.clone()} class="visually-hidden">{error.clone()}</span>
            }
            if let Some(last_year) = &props.last_year {
                <span id={last_year_id.clone()} class="last-year-value" data-last-year={last_year.clone()}>{format!("上年 {last_year}")}</span>
            }
        </td>
    }
}
