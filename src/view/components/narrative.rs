//! A narrative part: its sub-sections (heading and text) that can be added, renamed, reordered
//! and removed, with the format's guidance beside them. Under each text, the numbers it states
//! beside the table values they claim (R11); under 依申请公开 (or else the first sub-section of
//! 总体情况), the data paragraph to insert.

use std::rc::Rc;

use ogi_report_core::rules::{table_label, StatedNumber};
use ogi_report_core::{FieldRef, Narrative, Section};
use web_sys::{HtmlInputElement, HtmlTextAreaElement};
use yew::prelude::*;

use crate::model::marks::Marks;
use crate::model::state::{Action, Direction, Edit};

#[derive(Properties, PartialEq)]
pub struct Props {
    pub part: Narrative,
    pub sections: Rc<Vec<Section>>,
    /// Every number the narrative states (all parts; each section picks its own).
    pub numbers: Rc<Vec<StatedNumber>>,
    /// The sub-section the data paragraph is offered under, if in this part.
    pub sentence_at: Option<usize>,
    pub marks: Rc<Marks>,
    pub on_action: Callback<Action>,
}

#[component]
pub fn NarrativePart(props: &Props) -> Html {
    crate::timing::drawn("NarrativePart");
    let dispatch = props.on_action.clone();
    let part = props.part;
    let count = props.sections.len();
    let add = {
        let dispatch = dispatch.clone();
        Callback::from(move |_: MouseEvent| dispatch.emit(Action::Edit(Edit::AddSection(part))))
    };
    html! {
        <div class="narrative">
            { for props.sections.iter().enumerate().map(|(index, section)| html! {
                <SectionEditor
                    on_action={dispatch.clone()}
                    key={index}
                    {part} {index} last={index + 1 == count}
                    heading={AttrValue::from(section.heading.clone())}
                    text={AttrValue::from(section.text.clone())}
                    error={props.marks.field(FieldRef::Text(part, index))}
                    offers_sentence={props.sentence_at == Some(index)}
                    numbers={props.numbers.iter().filter(|number| number.field == FieldRef::Text(part, index)).cloned().collect::<Vec<_>>()}
                />
            }) }
            <button type="button" class="secondary" onclick={add}>{"＋ 添加小标题"}</button>
        </div>
    }
}

#[derive(Properties, PartialEq)]
pub struct SectionProps {
    pub part: Narrative,
    pub index: usize,
    pub last: bool,
    pub heading: AttrValue,
    pub text: AttrValue,
    pub error: Option<AttrValue>,
    pub numbers: Vec<StatedNumber>,
    pub offers_sentence: bool,
    pub on_action: Callback<Action>,
}

fn stated_number(number: &StatedNumber) -> Html {
    let (class, verdict) = match number.table {
        Some(table) if table == number.stated => ("agrees", format!("{table} ✓ 一致")),
        Some(table) => ("differs", format!("{table} ✗ 不一致")),
        None => ("unknown", "表中未填".to_owned()),
    };
    html! {
        <li class={class}>{format!("“{}” → {}：{verdict}", number.quote, table_label(number.cells))}</li>
    }
}

#[component]
pub fn SectionEditor(props: &SectionProps) -> Html {
    crate::timing::drawn("SectionEditor");
    let dispatch = props.on_action.clone();
    let (part, index) = (props.part, props.index);
    let heading_field = FieldRef::Heading(part, index);
    let text_field = FieldRef::Text(part, index);
    let on_heading = {
        let dispatch = dispatch.clone();
        Callback::from(move |event: InputEvent| {
            let value = event.target_unchecked_into::<HtmlInputElement>().value();
            dispatch.emit(Action::Edit(Edit::Field(heading_field, value)));
        })
    };
    let on_text = {
        let dispatch = dispatch.clone();
        Callback::from(move |event: InputEvent| {
            let value = event.target_unchecked_into::<HtmlTextAreaElement>().value();
            dispatch.emit(Action::Edit(Edit::Field(text_field, value)));
        })
    };
    let mover = |direction: Direction| {
        let dispatch = dispatch.clone();
        Callback::from(move |_: MouseEvent| {
            dispatch.emit(Action::Edit(Edit::MoveSection(part, index, direction)))
        })
    };
    let remove = {
        let dispatch = dispatch.clone();
        let has_text = !props.text.trim().is_empty();
        let heading = props.heading.clone();
        Callback::from(move |_: MouseEvent| {
            let question = format!(
                "删除小标题「{}」及其正文？此操作不能撤销。",
                if heading.is_empty() {
                    "（无标题）"
                } else {
                    &heading
                }
            );
            let confirmed = !has_text
                || web_sys::window()
                    .and_then(|window| window.confirm_with_message(&question).ok())
                    .unwrap_or(false);
            if confirmed {
                dispatch.emit(Action::Edit(Edit::RemoveSection(part, index)));
            }
        })
    };
    let insert = props.offers_sentence.then(|| {
        let dispatch = dispatch.clone();
        Callback::from(move |_: MouseEvent| {
            dispatch.emit(Action::Edit(Edit::InsertRequestsSentence(part, index)))
        })
    });
    let text_id = format!("{}-{index}-text", part.key());
    html! {
        <div class="section">
            <div class="section-head">
                <input type="text" class="section-heading" data-field={heading_field.path()}
                    aria-label={format!("{} 第 {} 个小标题", part.part().heading, index + 1)}
                    placeholder="小标题（可留空）" value={props.heading.clone()} oninput={on_heading} />
                <button type="button" class="icon" title="上移" aria-label="上移" disabled={index == 0} onclick={mover(Direction::Up)}>{"↑"}</button>
                <button type="button" class="icon" title="下移" aria-label="下移" disabled={props.last} onclick={mover(Direction::Down)}>{"↓"}</button>
                <button type="button" class="icon danger" title="删除" aria-label="删除此小标题" onclick={remove}>{"✕"}</button>
            </div>
            <textarea id={text_id} data-field={text_field.path()} rows="5"
                aria-label={format!("{} {} 正文", part.part().heading, props.heading)}
                aria-invalid={props.error.is_some().then_some("true")} title={props.error.clone()}
                value={props.text.clone()} oninput={on_text} />
            if !props.numbers.is_empty() {
                <ul class="stated-numbers" data-stated-numbers={text_field.path()} aria-label="正文中的数字与表格核对">
                    { for props.numbers.iter().map(stated_number) }
                </ul>
            }
            if let Some(onclick) = insert {
                <button type="button" class="secondary" data-insert-sentence={text_field.path()} {onclick}
                    title="根据表三、表四生成一段数据说明，插入到正文末尾，插入后可以修改">{"插入表格数据句"}</button>
            }
        </div>
    }
}
