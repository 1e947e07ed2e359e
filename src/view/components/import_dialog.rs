//! Importing a published report: paste its text (or choose the saved page, or a report file),
//! have it read by the on-demand importer, and see exactly what was read — cells filled, cells
//! left blank, lines not understood — before it becomes a draft, this year's draft started from
//! it, or the open draft's last-year report.

use std::rc::Rc;

use ogi_report_core::CellRef;
use web_sys::{HtmlInputElement, HtmlTextAreaElement};
use yew::prelude::*;

use crate::browser::files::{files_of, read_files_bytes, PUBLISHED_REPORTS};
use crate::model::state::{Action, Import, ImportState, ImportUse};
use crate::view::hooks::use_dialog;

/// Hands `bytes` to the importer (through the runtime); the dialog shows "reading" until its
/// result arrives.
fn import(dispatch: Callback<Action>, source: String, name: &str, bytes: &[u8]) {
    dispatch.emit(Action::Import(Import::Started {
        source: source.clone(),
        intent: None,
    }));
    dispatch.emit(Action::Import(Import::Bytes {
        source,
        name: name.to_owned(),
        bytes: bytes.into(),
    }));
}

/// Reads the first of `files` (chosen, or dropped on the page: the dialog opens) and imports it;
/// `intent` is what the control used wants done with it (`None` keeps the dialog's).
pub fn import_first_file(
    dispatch: Callback<Action>,
    files: Vec<web_sys::File>,
    intent: Option<ImportUse>,
) {
    let Some(name) = files.first().map(web_sys::File::name) else {
        return;
    };
    let source = format!("文件「{name}」");
    dispatch.emit(Action::Import(Import::Started {
        source: source.clone(),
        intent,
    }));
    read_files_bytes(files, move |reads| {
        let Some((name, bytes)) = reads.into_iter().next() else {
            return;
        };
        match bytes {
            Ok(bytes) => import(dispatch, source, &name, &bytes),
            Err(why) => dispatch.emit(Action::Import(Import::Read {
                source,
                result: Box::new(Err(why)),
            })),
        }
    });
}

#[derive(Properties, PartialEq)]
pub struct Props {
    pub import: Rc<ImportState>,
    /// The action of the control that opened the dialog: its button is the default.
    pub intent: ImportUse,
    pub on_action: Callback<Action>,
}

/// How many blank cells the summary names before it counts the rest.
const BLANKS_SHOWN: usize = 12;

/// Cancel, or what the read report becomes; the button of `intent` is the default (marked, and
/// focused through `default`, so Enter takes it).
fn confirm_buttons(dispatch: &Callback<Action>, intent: ImportUse, default: &NodeRef) -> Html {
    let close = {
        let dispatch = dispatch.clone();
        Callback::from(move |_: MouseEvent| dispatch.emit(Action::Import(Import::Close)))
    };
    let choice = |choice: ImportUse, hook: &'static str, label: &'static str| {
        let dispatch = dispatch.clone();
        let onclick = Callback::from(move |_: MouseEvent| {
            dispatch.emit(Action::Import(Import::Confirm(choice)))
        });
        let chosen = choice == intent;
        html! {
            <button type="button" class={classes!(chosen.then_some("primary"))} ref={if chosen { default.clone() } else { NodeRef::default() }}
                {onclick} data-import-use={hook}>{label}</button>
        }
    };
    html! {
        <div class="gate-actions">
            <button type="button" onclick={close}>{"取消"}</button>
            { choice(ImportUse::AttachAsPrevious, "previous", "作为当前草稿的上年报告") }
            { choice(ImportUse::StartThisYear, "start", "以此为上年报告，开始本年草稿") }
            { choice(ImportUse::NewDraft, "draft", "作为新的草稿") }
        </div>
    }
}

#[component]
pub fn ImportDialog(props: &Props) -> Html {
    let dispatch = props.on_action.clone();
    let text = use_node_ref();
    let (dialog, onkeydown) = use_dialog({
        let dispatch = dispatch.clone();
        Callback::from(move |_| dispatch.emit(Action::Import(Import::Close)))
    });
    // Once a report is read, its default button takes the focus (and Enter).
    let default = use_node_ref();
    {
        let default = default.clone();
        let read = matches!(&*props.import, ImportState::Read { .. });
        use_effect_with(read, move |read| {
            if *read {
                if let Some(button) = default.cast::<web_sys::HtmlElement>() {
                    let _ = button.focus();
                }
            }
        });
    }
    let send = |action: fn() -> Action| {
        let dispatch = dispatch.clone();
        Callback::from(move |_: MouseEvent| dispatch.emit(action()))
    };
    let body = match &*props.import {
        ImportState::Choosing { refused } => {
            let read = {
                let (dispatch, text) = (dispatch.clone(), text.clone());
                Callback::from(move |_: MouseEvent| {
                    if let Some(area) = text.cast::<HtmlTextAreaElement>() {
                        let source = "粘贴的文字".to_owned();
                        import(dispatch.clone(), source, "", area.value().as_bytes());
                    }
                })
            };
            let choose = {
                let dispatch = dispatch.clone();
                Callback::from(move |event: Event| {
                    let input = event.target_unchecked_into::<HtmlInputElement>();
                    let files = files_of(input.files());
                    input.set_value("");
                    import_first_file(dispatch.clone(), files, None);
                })
            };
            html! {
                <>
                    <p>{"请把已发布的年度报告全文复制后粘贴到下面（标题、各部分和三张表格），或选择（也可直接拖到本页上）Word 文件（.docx）、PDF 文件、保存下来的网页（.html）、文字（.txt）或报告文件。"}</p>
                    <textarea ref={text} rows="10" aria-label="已发布报告的文字" data-import-text="" />
                    if let Some(refused) = refused {
                        <p class="import-refused" role="alert" data-import-refused="">{refused}</p>
                    }
                    <div class="gate-actions">
                        <label class="file-button">{"选择文件"}<input type="file" accept={PUBLISHED_REPORTS} onchange={choose} data-import="file" /></label>
                        <button type="button" onclick={send(|| Action::Import(Import::Close))}>{"取消"}</button>
                        <button type="button" class="primary" onclick={read} data-import-read="">{"读取"}</button>
                    </div>
                </>
            }
        }
        ImportState::Reading { source } => html! {
            <p role="status" data-import-reading="">{format!("正在读取{source}……")}</p>
        },
        ImportState::Read {
            source,
            report,
            summary: None,
        } => {
            html! {
                <div data-import-summary="">
                    <p><strong>{report.title()}</strong>{format!("（来自{source}）")}</p>
                    <p>{"这是本工具的报告文件，将按文件中的内容原样使用。"}</p>
                    { confirm_buttons(&dispatch, props.intent, &default) }
                </div>
            }
        }
        ImportState::Read {
            source,
            report,
            summary: Some(summary),
        } => {
            // Named briefly by their printed numbers (`表三（六）1 自然人`), not by the file's paths.
            let shown: Vec<String> = summary
                .blank
                .iter()
                .take(BLANKS_SHOWN)
                .map(|path| CellRef::parse(path).map_or_else(|| path.clone(), CellRef::short_label))
                .collect();
            let more = summary.blank.len().saturating_sub(BLANKS_SHOWN);
            let inferred_cells = summary.inferred_cells();
            html! {
                <div data-import-summary="">
                    <p><strong>{report.title()}</strong>{format!("（来自{source}）")}</p>
                    <p data-import-filled={summary.filled.len().to_string()}>
                        {format!("表格中已填入 {} 个单元格；{} 个单元格没有读到数字，留为空白。", summary.filled.len(), summary.blank.len())}
                    </p>
                    if !summary.inferred.is_empty() {
                        <p data-import-inferred={inferred_cells.to_string()}>{format!(
                            "其中 {inferred_cells} 个单元格不是原样读出，而是推断得出，请与原报告核对："
                        )}</p>
                        <ul class="import-lines" data-import-inferred-why="">
                            { for summary.inferred_by_reason().into_iter().map(|(why, count)| html! {
                                <li>{format!("{count} 个：{why}")}</li>
                            }) }
                        </ul>
                    }
                    if !summary.blank.is_empty() {
                        <p data-import-blank="">{format!("空白的单元格：{}{}", shown.join("、"), if more > 0 { format!(" 等（另有 {more} 个）") } else { String::new() })}</p>
                    }
                    if !report.missing.is_empty() {
                        <p>{format!("没有找到这些部分：{}", report.missing.join("、"))}</p>
                    }
                    if !summary.not_understood.is_empty() {
                        <p>{"以下各行没有按原样读入（括号中是原因和处理），请与原文核对："}</p>
                        <ul class="import-lines">
                            { for summary.not_understood.iter().map(|(line, text, why)| html! {
                                <li data-import-line={line.to_string()}>{format!("第 {line} 行（{why}）：{text}")}</li>
                            }) }
                        </ul>
                    }
                    { confirm_buttons(&dispatch, props.intent, &default) }
                </div>
            }
        }
    };
    html! {
        <div class="gate-backdrop">
            <div class="gate import" role="dialog" aria-modal="true" aria-labelledby="import-title" tabindex="-1" ref={dialog} {onkeydown}>
                <h2 id="import-title">{match props.intent {
                    ImportUse::StartThisYear => "以上年报告开始本年草稿",
                    ImportUse::AttachAsPrevious => "附加上年报告",
                    ImportUse::NewDraft => "导入已发布的报告",
                }}</h2>
                {body}
            </div>
        </div>
    }
}
