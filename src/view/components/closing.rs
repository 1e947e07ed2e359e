//! The 落款 after part 六: off by default; turned on, it starts from the report's body name and
//! today's date, both editable, and is printed at the end of Word, HTML and print as 公文 place it.

use ogi_report_core::{Closing, FieldRef};
use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::model::state::{Action, Edit};

fn field_input(
    field: FieldRef,
    id: &'static str,
    label: &'static str,
    value: &str,
    dispatch: &Callback<Action>,
) -> Html {
    let dispatch = dispatch.clone();
    let oninput = Callback::from(move |event: InputEvent| {
        let value = event.target_unchecked_into::<HtmlInputElement>().value();
        dispatch.emit(Action::Edit(Edit::Field(field, value)));
    });
    html! {
        <div class="field">
            <label for={id}>{label}</label>
            <input {id} type="text" data-field={field.path()} value={value.to_owned()} {oninput} />
        </div>
    }
}

/// A plain function, not a component (see `first_steps`); it draws the report's 落款.
pub fn closing_part(closing: &Closing, dispatch: &Callback<Action>) -> Html {
    let on = !closing.is_empty();
    let toggle = {
        let dispatch = dispatch.clone();
        Callback::from(move |event: Event| {
            let checked = event.target_unchecked_into::<HtmlInputElement>().checked();
            dispatch.emit(Action::Edit(Edit::SetClosing(checked)));
        })
    };
    html! {
        <section class="part closing" id="part-closing" aria-labelledby="heading-closing">
            <h2 id="heading-closing">{"落款（可选）"}</h2>
            <label class="check">
                <input type="checkbox" checked={on} onchange={toggle} data-closing-toggle="" />
                {"在报告末尾加落款（机关名称和成文日期，右对齐排在正文之后）"}
            </label>
            if on {
                <div class="closing-fields">
                    { field_input(FieldRef::ClosingBody, "closing-body", "署名机关", &closing.body, dispatch) }
                    { field_input(FieldRef::ClosingDate, "closing-date", "成文日期", &closing.date, dispatch) }
                </div>
            }
        </section>
    }
}
