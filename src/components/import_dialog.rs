//! Importing a published report's text: paste it (or choose the saved page's .txt), read it, and
//! see exactly what was read — cells filled, cells left blank, lines not understood — before it
//! becomes a draft, this year's draft started from it, or the open draft's last-year report.

use std::rc::Rc;

use web_sys::{HtmlInputElement, HtmlTextAreaElement};
use yew::prelude::*;

use crate::components::toolbar::read_chosen_file;
use crate::hooks::use_dialog;
use crate::state::{Action, ImportState, ImportUse, State};

#[derive(Properties, PartialEq)]
pub struct Props {
    pub import: Rc<ImportState>,
    pub dispatch: UseReducerDispatcher<State>,
}

/// How many blank cells the summary names before it counts the rest.
const BLANKS_SHOWN: usize = 12;

#[component]
pub fn ImportDialog(props: &Props) -> Html {
    let text = use_node_ref();
    let (dialog, onkeydown) = use_dialog({
        let dispatch = props.dispatch.clone();
        Callback::from(move |_| dispatch.dispatch(Action::CloseImport))
    });
    let send = |action: fn() -> Action| {
        let dispatch = props.dispatch.clone();
        Callback::from(move |_: MouseEvent| dispatch.dispatch(action()))
    };
    let body = match &*props.import {
        ImportState::Choosing => {
            let read = {
                let (dispatch, text) = (props.dispatch.clone(), text.clone());
                Callback::from(move |_: MouseEvent| {
                    if let Some(area) = text.cast::<HtmlTextAreaElement>() {
                        dispatch.dispatch(Action::ImportText {
                            source: "粘贴的文字".to_owned(),
                            text: area.value(),
                        });
                    }
                })
            };
            let choose = {
                let dispatch = props.dispatch.clone();
                Callback::from(move |event: Event| {
                    read_chosen_file(
                        &event.target_unchecked_into::<HtmlInputElement>(),
                        dispatch.clone(),
                        |source, text| Action::ImportText { source, text },
                    )
                })
            };
            html! {
                <>
                    <p>{"请把已发布的年度报告网页全文复制后粘贴到下面（标题、各部分和三张表格），或选择保存下来的文本文件。"}</p>
                    <textarea ref={text} rows="10" aria-label="已发布报告的文字" data-import-text="" />
                    <div class="gate-actions">
                        <label class="file-button">{"选择文本文件"}<input type="file" accept=".txt,text/plain" onchange={choose} /></label>
                        <button type="button" onclick={send(|| Action::CloseImport)}>{"取消"}</button>
                        <button type="button" class="primary" onclick={read} data-import-read="">{"读取"}</button>
                    </div>
                </>
            }
        }
        ImportState::Read {
            source,
            report,
            summary,
        } => {
            let shown: Vec<&str> = summary
                .blank
                .iter()
                .take(BLANKS_SHOWN)
                .map(String::as_str)
                .collect();
            let more = summary.blank.len().saturating_sub(BLANKS_SHOWN);
            let use_as = |choice: ImportUse| {
                let dispatch = props.dispatch.clone();
                Callback::from(move |_: MouseEvent| {
                    dispatch.dispatch(Action::ConfirmImport(choice))
                })
            };
            html! {
                <div data-import-summary="">
                    <p><strong>{report.title()}</strong>{format!("（来自{source}）")}</p>
                    <p data-import-filled={summary.filled.len().to_string()}>
                        {format!("已读入 {} 个表格单元格；{} 个单元格为空白。", summary.filled.len(), summary.blank.len())}
                    </p>
                    if !summary.blank.is_empty() {
                        <p>{format!("空白的单元格：{}{}", shown.join("、"), if more > 0 { format!(" 等（另有 {more} 个）") } else { String::new() })}</p>
                    }
                    if !report.missing.is_empty() {
                        <p>{format!("没有找到这些部分：{}", report.missing.join("、"))}</p>
                    }
                    if !summary.not_understood.is_empty() {
                        <p>{"以下各行没有放入报告，请核对："}</p>
                        <ul class="import-lines">
                            { for summary.not_understood.iter().map(|(line, text, why)| html! {
                                <li data-import-line={line.to_string()}>{format!("第 {line} 行（{why}）：{text}")}</li>
                            }) }
                        </ul>
                    }
                    <div class="gate-actions">
                        <button type="button" onclick={send(|| Action::CloseImport)}>{"取消"}</button>
                        <button type="button" onclick={use_as(ImportUse::AttachAsPrevious)} data-import-use="previous">{"作为当前草稿的上年报告"}</button>
                        <button type="button" onclick={use_as(ImportUse::StartThisYear)} data-import-use="start">{"以此为上年报告，开始本年草稿"}</button>
                        <button type="button" class="primary" onclick={use_as(ImportUse::NewDraft)} data-import-use="draft">{"作为新的草稿"}</button>
                    </div>
                </div>
            }
        }
    };
    html! {
        <div class="gate-backdrop">
            <div class="gate import" role="dialog" aria-modal="true" aria-labelledby="import-title" tabindex="-1" ref={dialog} {onkeydown}>
                <h2 id="import-title">{"导入已发布报告的文字"}</h2>
                {body}
            </div>
        </div>
    }
}
