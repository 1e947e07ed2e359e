//! The drafts list: new, open, duplicate, rename, delete (with confirmation), and the download of
//! a draft that could not be read.

use std::rc::Rc;

use yew::prelude::*;

use crate::browser::clock;
use crate::model::state::{Action, Draft};
use crate::model::storage::{DraftState, DraftSummary};

#[derive(Properties, PartialEq)]
pub struct Props {
    pub drafts: Rc<Vec<DraftSummary>>,
    pub current: AttrValue,
    pub current_label: AttrValue,
    pub on_action: Callback<Action>,
}

fn ask(question: &str) -> bool {
    web_sys::window()
        .and_then(|window| window.confirm_with_message(question).ok())
        .unwrap_or(false)
}

fn prompt(question: &str, default: &str) -> Option<String> {
    web_sys::window()?
        .prompt_with_message_and_default(question, default)
        .ok()
        .flatten()
}

#[component]
pub fn DraftsPanel(props: &Props) -> Html {
    crate::timing::drawn("DraftsPanel");
    let dispatch = props.on_action.clone();
    let action = |make: fn(String) -> Action, id: &str| {
        let dispatch = dispatch.clone();
        let id = id.to_owned();
        Callback::from(move |_: MouseEvent| dispatch.emit(make(id.clone())))
    };
    let new_draft = {
        let dispatch = dispatch.clone();
        Callback::from(move |_: MouseEvent| dispatch.emit(Action::Draft(Draft::New)))
    };
    html! {
        <section class="drafts" aria-label="草稿">
            <h2>{"草稿"}</h2>
            <button type="button" onclick={new_draft}>{"新建草稿"}</button>
            <ul data-drafts="">
                { for props.drafts.iter().map(|draft| {
                    let is_current = draft.id == props.current.as_str();
                    let name = if is_current { props.current_label.to_string() } else if draft.name.is_empty() { format!("草稿 {}", draft.id) } else { draft.name.clone() };
                    let rename = {
                        let (dispatch, id, name) = (dispatch.clone(), draft.id.clone(), name.clone());
                        Callback::from(move |_: MouseEvent| {
                            if let Some(new_name) = prompt("草稿的新名称：", &name) {
                                dispatch.emit(Action::Draft(Draft::Rename(id.clone(), new_name.trim().to_owned())));
                            }
                        })
                    };
                    let delete = {
                        let (dispatch, id, name) = (dispatch.clone(), draft.id.clone(), name.clone());
                        Callback::from(move |_: MouseEvent| {
                            if ask(&format!("确定删除草稿「{name}」？删除后无法恢复。建议先下载报告文件备份。")) {
                                dispatch.emit(Action::Draft(Draft::Delete(id.clone())));
                            }
                        })
                    };
                    let saved = if draft.saved_at.is_empty() { String::new() } else { format!("保存于 {}", clock::local_time(&draft.saved_at)) };
                    html! {
                        <li data-draft-id={draft.id.clone()} class={classes!("draft", is_current.then_some("current"))}
                            aria-current={is_current.then_some("true")}>
                            <span class="draft-name">{name}</span>
                            <span class="draft-saved">{saved}</span>
                            { match &draft.state {
                                DraftState::Readable => html! {
                                    <span class="draft-actions">
                                        if !is_current { <button type="button" onclick={action(|id| Action::Draft(Draft::Open(id)), &draft.id)}>{"打开"}</button> }
                                        <button type="button" onclick={action(|id| Action::Draft(Draft::Duplicate(id)), &draft.id)}>{"复制"}</button>
                                        <button type="button" onclick={rename}>{"重命名"}</button>
                                        <button type="button" class="danger" onclick={delete}>{"删除"}</button>
                                    </span>
                                },
                                DraftState::Newer => html! {
                                    <span class="draft-problem">{"此草稿由较新版本的工具保存，本页不会打开或覆盖它，请使用新版本。"}</span>
                                },
                                DraftState::Corrupt { reason } => {
                                    let id = draft.id.clone();
                                    let dispatch = dispatch.clone();
                                    let download = Callback::from(move |_: MouseEvent| dispatch.emit(Action::Draft(Draft::DownloadCorrupt(id.clone()))));
                                    html! {
                                        <span class="draft-problem">
                                            {format!("此草稿无法读取（{reason}），原文已另存，可下载后交技术人员恢复。")}
                                            <button type="button" onclick={download}>{"下载原文"}</button>
                                            <button type="button" class="danger" onclick={delete}>{"删除"}</button>
                                        </span>
                                    }
                                }
                            } }
                        </li>
                    }
                }) }
            </ul>
        </section>
    }
}
