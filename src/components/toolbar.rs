//! 检查, the "已保存" indicator, and the import and export controls.

use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::clock;
use crate::components::import_dialog::import_first_file;
use crate::exports::Output;
use crate::files::{files_of, read_files, PUBLISHED_REPORTS, REPORT_FILES};
use crate::state::{Action, SaveStatus};

#[derive(Properties, PartialEq)]
pub struct Props {
    pub save: SaveStatus,
    pub saved_at: Option<AttrValue>,
    pub can_undo: bool,
    pub can_redo: bool,
    pub on_action: Callback<Action>,
}

/// Reads a chosen file's text and hands it to the reducer as `make(file name, text)`; the page
/// changes only if the reducer accepts it.
pub fn read_chosen_file(
    input: &HtmlInputElement,
    dispatch: Callback<Action>,
    make: fn(String, String) -> Action,
) {
    let files = files_of(input.files());
    input.set_value("");
    read_files(files, move |texts| {
        if let Some((name, text)) = texts.into_iter().next() {
            dispatch.emit(match text {
                Ok(text) => make(name, text),
                Err(reason) => {
                    Action::FileUnreadable(format!("文件「{name}」{reason}当前内容没有改变。"))
                }
            });
        }
    });
}

/// Which files a file control takes.
#[derive(Clone, Copy, PartialEq)]
enum Takes {
    /// Report files only.
    ReportFile,
    /// Report files, and published reports (Word, PDF, web page, text), which go through the import
    /// dialog: the user sees what was read and left blank, and confirms what it becomes.
    PublishedToo,
}

/// A file control whose chosen report file becomes `make(file name, text)`.
fn file_control(
    label: &str,
    takes: Takes,
    hook: &str,
    dispatch: &Callback<Action>,
    make: fn(String, String) -> Action,
) -> Html {
    let dispatch = dispatch.clone();
    let onchange = Callback::from(move |event: Event| {
        let input = event.target_unchecked_into::<HtmlInputElement>();
        let files = files_of(input.files());
        let published = takes == Takes::PublishedToo
            && files
                .first()
                .is_some_and(|file| !file.name().to_ascii_lowercase().ends_with(".json"));
        if published {
            input.set_value("");
            import_first_file(dispatch.clone(), files);
        } else {
            read_chosen_file(&input, dispatch.clone(), make);
        }
    });
    let accept = match takes {
        Takes::ReportFile => REPORT_FILES,
        Takes::PublishedToo => PUBLISHED_REPORTS,
    };
    html! {
        <label class="file-button">{label.to_owned()}<input type="file" {accept} data-import={hook.to_owned()} {onchange} /></label>
    }
}

/// A link to the tools page with this page's query (namespace, embedding), so that it reads the
/// same drafts and its "back" link restores this page. Standalone it opens a new tab and this tab
/// keeps the draft open. Embedded it opens in the frame: a new tab would be a different top-level
/// site, whose storage partition holds none of the portal's drafts.
fn tool_link(view: &str, label: &str, save: &SaveStatus) -> Html {
    let embedded = crate::embed::config().embedded;
    // Leaving the frame is safe only once the draft is stored (not before a first save, nor while
    // saving fails, waits for another tab, or storage is unavailable); until then no link.
    if embedded && *save != SaveStatus::Saved {
        return Html::default();
    }
    let query = web_sys::window()
        .and_then(|window| window.location().search().ok())
        .unwrap_or_default();
    let href = format!("tools/?view={view}&{}", query.trim_start_matches('?'));
    html! {
        <a class="file-button" {href} target={if embedded { "_self" } else { "_blank" }} data-tool={view.to_owned()}>{label.to_owned()}</a>
    }
}

#[component]
pub fn Toolbar(props: &Props) -> Html {
    let dispatch = props.on_action.clone();
    let send = |action: fn() -> Action| {
        let dispatch = dispatch.clone();
        Callback::from(move |_: MouseEvent| dispatch.emit(action()))
    };
    let check = {
        let dispatch = dispatch.clone();
        Callback::from(move |_: MouseEvent| dispatch.emit(Action::Check))
    };
    let saved_text = match (&props.save, &props.saved_at) {
        (SaveStatus::Saved, Some(at)) => format!("已保存 {}", clock::local_time(at)),
        (SaveStatus::Saved | SaveStatus::NotYet, _) => "尚未保存".to_owned(),
        (SaveStatus::Failed(_), _) => "未能保存".to_owned(),
        (SaveStatus::Paused, _) => "已暂停保存".to_owned(),
    };
    // The hook always exists; it holds the last successful save, or nothing yet.
    let saved_at = props.saved_at.clone().unwrap_or_default();
    html! {
            <div class="toolbar" role="toolbar" aria-label="操作">
                <button type="button" class="primary" onclick={check}>{"检查"}</button>
                <button type="button" onclick={send(|| Action::Undo)} disabled={!props.can_undo} title="撤销（Ctrl+Z）">{"撤销"}</button>
                <button type="button" onclick={send(|| Action::Redo)} disabled={!props.can_redo} title="重做（Ctrl+Y）">{"重做"}</button>
                <span class="saved" data-saved-at={saved_at} role="status">{saved_text}</span>
                <span class="spacer"></span>
                { file_control("打开报告文件", Takes::ReportFile, "json", &dispatch, |name, text| Action::OpenFile { name, text }) }
    <button type="button" data-import="text" onclick={send(|| Action::OpenImport)}>{"导入已发布报告文本"}</button>
                { file_control("以上年报告开始", Takes::PublishedToo, "last-year", &dispatch, |name, text| Action::StartFromLastYear { name, text }) }
                { file_control("附加上年报告", Takes::PublishedToo, "previous", &dispatch, |name, text| Action::AttachPrevious { name, text }) }
                { tool_link("compare", "与上年对比", &props.save) }
                <button type="button" data-export="json" onclick={send(|| Action::DownloadReportFile)}>{"下载报告文件"}</button>
                <button type="button" onclick={send(|| Action::FillBlanks)} title="把表格中所有空白格填为 0（合计自动更新）">{"空白格填 0"}</button>
                <button type="button" data-export="docx" onclick={send(|| Action::RequestExport(Output::Docx))}>{"下载 Word"}</button>
                <button type="button" data-export="html" onclick={send(|| Action::RequestExport(Output::Html))}>{"下载 HTML"}</button>
                <button type="button" data-export="print" onclick={send(|| Action::RequestExport(Output::Print))}>{"打印 / PDF"}</button>
                <button type="button" data-export="xlsx" onclick={send(|| Action::RequestExport(Output::Xlsx))} title="三张表格的 Excel 工作簿，合计为公式">{"下载 Excel"}</button>
                { tool_link("sum", "汇总各单位报告", &props.save) }
            </div>
        }
}
