//! 机关名称, 报告年度, 机关类型, the title the format generates from them, and the 前言 (optional):
//! the paragraph many reports open with before part 一 — what the report is compiled under, the
//! period its figures cover, where to ask — printed after the title. (One component: a component
//! of its own would cost the first load a kilobyte of Yew's lifecycle code.)

use ogi_report_core::format::FIRST_YEAR;
use ogi_report_core::{BodyType, FieldRef, Meta};
use web_sys::{HtmlInputElement, HtmlSelectElement, HtmlTextAreaElement};
use yew::prelude::*;

use crate::browser::embed;
use crate::model::marks::Marks;
use crate::model::state::{Action, Edit};

#[derive(Properties, PartialEq)]
pub struct Props {
    pub meta: Meta,
    pub preface: AttrValue,
    pub title: AttrValue,
    pub this_year: i32,
    pub marks: std::rc::Rc<Marks>,
    pub on_action: Callback<Action>,
}

#[component]
pub fn ReportHeader(props: &Props) -> Html {
    crate::timing::drawn("ReportHeader");
    let dispatch = props.on_action.clone();
    let on_body = {
        let dispatch = dispatch.clone();
        Callback::from(move |event: InputEvent| {
            let value = event.target_unchecked_into::<HtmlInputElement>().value();
            dispatch.emit(Action::Edit(Edit::Field(FieldRef::Body, value)));
        })
    };
    let on_year = {
        let dispatch = dispatch.clone();
        Callback::from(move |event: Event| {
            let value = event.target_unchecked_into::<HtmlSelectElement>().value();
            dispatch.emit(Action::Edit(Edit::SetYear(value.parse().ok())));
        })
    };
    let on_type = {
        let dispatch = dispatch.clone();
        Callback::from(move |event: Event| {
            let value = event.target_unchecked_into::<HtmlSelectElement>().value();
            if let Some(body_type) = BodyType::from_key(&value) {
                dispatch.emit(Action::Edit(Edit::SetBodyType(body_type)));
            }
        })
    };
    let on_preface = {
        let dispatch = dispatch.clone();
        Callback::from(move |event: InputEvent| {
            let value = event.target_unchecked_into::<HtmlTextAreaElement>().value();
            dispatch.emit(Action::Edit(Edit::Field(FieldRef::Preface, value)));
        })
    };
    let error = |field: FieldRef| props.marks.field(field);
    let embedding = embed::config();
    let locked = |field: FieldRef| embedding.is_locked(field);
    let lock_note = |field: FieldRef| {
        locked(field).then(|| html! { <span class="locked-note">{"（由门户设定）"}</span> })
    };
    let body_error = error(FieldRef::Body);
    // The superior office's list: names to choose from, and a word when the name is not on it.
    let units = embedding.pack.as_ref().map(|pack| &pack.units);
    let unlisted = embedding.pack.as_ref().and_then(|pack| {
        let body = props.meta.body.trim();
        (!body.is_empty() && pack.unit(body).is_none()).then(|| {
            format!("“{body}”不在{}下发的单位名单中。请从名单中选择本单位的名称；名单中确实没有时可以照常填写。", pack.office)
        })
    });
    let year_error = error(FieldRef::Year);
    let selected_year = props.meta.year;
    // Years the 2021 format covers, up to this year; an older year from a file stays selectable.
    let mut years: Vec<i32> = (FIRST_YEAR..=props.this_year).rev().collect();
    if let Some(year) = selected_year.filter(|year| !years.contains(year)) {
        years.push(year);
    }
    html! {
        <section class="report-header" aria-label="报告信息">
            <div class="field">
                <label for="meta-body">{"机关名称（全称）"}{lock_note(FieldRef::Body)}</label>
                <input id="meta-body" type="text" data-field="meta.body" value={props.meta.body.clone()}
                    placeholder={if units.is_some() { "请从名单中选择本单位" } else { "例如：老城区东南隅街道办事处" }}
                    list={units.is_some().then_some("pack-units")} oninput={on_body} readonly={locked(FieldRef::Body)}
                    aria-invalid={body_error.is_some().then_some("true")} title={body_error} />
                if let Some(units) = units {
                    <datalist id="pack-units">
                        { for units.iter().map(|unit| html! { <option value={unit.name.clone()} /> }) }
                    </datalist>
                }
                if let Some(warning) = unlisted {
                    <p class="field-warning" role="status" data-pack-unlisted="">{warning}</p>
                }
            </div>
            <div class="field">
                <label for="meta-year">{"报告年度"}{lock_note(FieldRef::Year)}</label>
                <select id="meta-year" data-field="meta.year" onchange={on_year} disabled={locked(FieldRef::Year)}
                    aria-invalid={year_error.is_some().then_some("true")} title={year_error}>
                    <option value="" selected={selected_year.is_none()}>{"请选择"}</option>
                    { for years.into_iter().map(|year| html! {
                        <option value={year.to_string()} selected={selected_year == Some(year)}>{format!("{year} 年度")}</option>
                    }) }
                </select>
            </div>
            <div class="field">
                <label for="meta-body-type">{"机关类型"}{lock_note(FieldRef::BodyType)}</label>
                <select id="meta-body-type" data-field="meta.body_type" onchange={on_type} disabled={locked(FieldRef::BodyType)}>
                    { for BodyType::ALL.into_iter().map(|kind| html! {
                        <option value={kind.key()} selected={props.meta.body_type == kind}>{kind.label()}</option>
                    }) }
                </select>
            </div>
            <h1 class="report-title">{props.title.clone()}</h1>
            <div class="field preface">
                <label for="preface-text">{"前言（可选）"}</label>
                <p class="guidance" id="preface-hint">{"报告开头、“一、总体情况”之前的一段说明，例如编制依据、数据的统计期限、报告的获取方式和咨询电话。没有可留空。"}</p>
                <textarea id="preface-text" data-field={FieldRef::Preface.path()} rows="2"
                    aria-describedby="preface-hint" value={props.preface.clone()} oninput={on_preface} />
            </div>
        </section>
    }
}
