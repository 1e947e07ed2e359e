//! The 前言 (optional): the paragraph many reports open with before part 一 — what the report is
//! compiled under, the period its figures cover, where to ask. Printed after the title.

use ogi_report_core::FieldRef;
use web_sys::HtmlTextAreaElement;
use yew::prelude::*;

use crate::state::Action;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub text: AttrValue,
    pub on_action: Callback<Action>,
}

#[component]
pub fn Preface(props: &Props) -> Html {
    let on_text = {
        let dispatch = props.on_action.clone();
        Callback::from(move |event: InputEvent| {
            let value = event.target_unchecked_into::<HtmlTextAreaElement>().value();
            dispatch.emit(Action::EditField(FieldRef::Preface, value));
        })
    };
    html! {
        <section class="preface field" aria-labelledby="preface-label">
            <label id="preface-label" for="preface-text">{"前言（可选）"}</label>
            <p class="hint" id="preface-hint">{"报告开头、“一、总体情况”之前的一段说明，例如编制依据、数据的统计期限、报告的获取方式和咨询电话。没有可留空。"}</p>
            <textarea id="preface-text" data-field={FieldRef::Preface.path()} rows="3"
                aria-describedby="preface-hint" value={props.text.clone()} oninput={on_text} />
        </section>
    }
}
