//! 检查, the "已保存" indicator, and the import and export controls.

use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::clock;
use crate::components::import_dialog::import_first_file;
use crate::exports::Output;
use crate::files::{files_of, read_files, PUBLISHED_REPORTS, REPORT_FILES};
use crate::state::{Action, ImportUse, SaveStatus};

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
    /// dialog — whose default button is `intent` — so the user sees what was read and left blank
    /// and confirms what it becomes.
    PublishedToo(ImportUse),
}

/// A control of the toolbar: its label, its hook and the one line that says what it does.
struct Control {
    label: &'static str,
    hook: &'static str,
    describes: &'static str,
}

/// A file control whose chosen report file becomes `make(file name, text)`.
fn file_control(
    control: Control,
    takes: Takes,
    dispatch: &Callback<Action>,
    make: fn(String, String) -> Action,
) -> Html {
    let dispatch = dispatch.clone();
    let onchange = Callback::from(move |event: Event| {
        let input = event.target_unchecked_into::<HtmlInputElement>();
        let files = files_of(input.files());
        let published = files
            .first()
            .is_some_and(|file| !file.name().to_ascii_lowercase().ends_with(".json"));
        match takes {
            Takes::PublishedToo(intent) if published => {
                input.set_value("");
                import_first_file(dispatch.clone(), files, Some(intent));
            }
            _ => read_chosen_file(&input, dispatch.clone(), make),
        }
    });
    let accept = match takes {
        Takes::ReportFile => REPORT_FILES,
        Takes::PublishedToo(_) => PUBLISHED_REPORTS,
    };
    html! {
        // The input covers its label: its title is the tooltip a pointer meets.
        <label class="file-button">{control.label}
            <input type="file" {accept} data-import={control.hook} title={control.describes} {onchange} />
        </label>
    }
}

/// A link to the tools page with this page's query (namespace, embedding), so that it reads the
/// same drafts and its "back" link restores this page. Standalone it opens a new tab and this tab
/// keeps the draft open. Embedded it opens in the frame: a new tab would be a different top-level
/// site, whose storage partition holds none of the portal's drafts.
fn tool_link(control: Control, embedded: bool, save: &SaveStatus) -> Html {
    // Leaving the frame is safe only once the draft is stored (not before a first save, nor while
    // saving fails, waits for another tab, or storage is unavailable); until then the control
    // stays in its place, disabled, and says why.
    if embedded && *save != SaveStatus::Saved {
        return html! {
            <button type="button" disabled={true} title="草稿保存后可用">{control.label}</button>
        };
    }
    let query = web_sys::window()
        .and_then(|window| window.location().search().ok())
        .unwrap_or_default();
    let href = format!(
        "tools/?view={}&{}",
        control.hook,
        query.trim_start_matches('?')
    );
    html! {
        <a class="file-button" {href} target={if embedded { "_self" } else { "_blank" }} data-tool={control.hook}
            title={control.describes}>{control.label}</a>
    }
}

/// A group of controls under the words of what the user wants to do.
fn group(id: &'static str, label: &'static str, controls: Html) -> Html {
    html! {
        <div class="tool-group" role="group" aria-labelledby={id}>
            <span class="group-label" {id}>{label}</span>
            {controls}
        </div>
    }
}

#[component]
pub fn Toolbar(props: &Props) -> Html {
    let dispatch = props.on_action.clone();
    let button = |label: &'static str,
                  hook: Option<&'static str>,
                  describes: &'static str,
                  action: fn() -> Action| {
        let dispatch = dispatch.clone();
        let onclick = Callback::from(move |_: MouseEvent| dispatch.emit(action()));
        html! { <button type="button" data-export={hook} title={describes} {onclick}>{label}</button> }
    };
    let export = |label, hook, describes, output: fn() -> Action| {
        button(label, Some(hook), describes, output)
    };
    let saved_text = match (&props.save, &props.saved_at) {
        (SaveStatus::Saved, Some(at)) => format!("已保存 {}", clock::local_time(at)),
        (SaveStatus::Saved | SaveStatus::NotYet, _) => "尚未保存".to_owned(),
        (SaveStatus::Failed(_), _) => "未能保存".to_owned(),
        (SaveStatus::Paused, _) => "已暂停保存".to_owned(),
    };
    // The hook always exists; it holds the last successful save, or nothing yet.
    let saved_at = props.saved_at.clone().unwrap_or_default();
    let embedded = crate::embed::config().embedded;
    let check = {
        let dispatch = dispatch.clone();
        Callback::from(move |_: MouseEvent| dispatch.emit(Action::Check))
    };
    html! {
        <div class="toolbar" aria-label="操作">
            <div class="toolbar-main" role="group" aria-label="填写">
                <button type="button" class="primary" onclick={check} title="按格式逐项检查整份报告，列出须修改的地方">{"检查"}</button>
                <button type="button" onclick={{ let d = dispatch.clone(); Callback::from(move |_: MouseEvent| d.emit(Action::Undo)) }} disabled={!props.can_undo} title="撤销（Ctrl+Z）">{"撤销"}</button>
                <button type="button" onclick={{ let d = dispatch.clone(); Callback::from(move |_: MouseEvent| d.emit(Action::Redo)) }} disabled={!props.can_redo} title="重做（Ctrl+Y）">{"重做"}</button>
                { button("空白格填 0", None, "把表格中所有空白格填为 0（合计自动更新）", || Action::FillBlanks) }
                <span class="spacer"></span>
                <span class="saved" data-saved-at={saved_at} role="status">{saved_text}</span>
            </div>
            <div class="toolbar-groups">
                { group("tools-start", "开始", html! { <>
                    { button("新建草稿", None, "新建一份空白的本年度报告草稿（当前草稿仍保存在左侧草稿列表中）", || Action::NewDraft) }
                    { file_control(Control { label: "打开报告文件", hook: "json", describes: "打开本工具保存的报告文件（.json），继续填写" }, Takes::ReportFile, &dispatch, |name, text| Action::OpenFile { name, text }) }
                    <button type="button" data-import="text" title="把已发布的年度报告（Word、PDF、网页或复制的文字）读成新的草稿，读后请核对" onclick={{ let d = dispatch.clone(); Callback::from(move |_: MouseEvent| d.emit(Action::OpenImport)) }}>{"导入已发布的报告"}</button>
                </> }) }
                { group("tools-last-year", "上年", html! { <>
                    { file_control(Control { label: "以上年报告开始", hook: "last-year", describes: "选择上年的报告，开始本年草稿：上年结转和小标题自动填好" }, Takes::PublishedToo(ImportUse::StartThisYear), &dispatch, |name, text| Action::StartFromLastYear { name, text }) }
                    { file_control(Control { label: "附加上年报告", hook: "previous", describes: "把上年的报告附加到当前草稿，用于核对上年结转、现行有效件数和内容雷同" }, Takes::PublishedToo(ImportUse::AttachAsPrevious), &dispatch, |name, text| Action::AttachPrevious { name, text }) }
                    { tool_link(Control { label: "与上年对比", hook: "compare", describes: "本年与上年逐格、逐部分对照（可打印）" }, embedded, &props.save) }
                </> }) }
                { group("tools-export", "导出", html! { <>
                    { export("下载 Word", "docx", "公文格式的 Word 文件，用于审签和发布", || Action::RequestExport(Output::Docx)) }
                    { export("下载 HTML", "html", "网页文件，可直接粘贴到网站发布系统", || Action::RequestExport(Output::Html)) }
                    { export("打印 / PDF", "print", "按 A4 公文版式打印，或在打印对话框中另存为 PDF", || Action::RequestExport(Output::Print)) }
                    { export("下载 Excel", "xlsx", "三张表格的 Excel 工作簿，合计为公式", || Action::RequestExport(Output::Xlsx)) }
                    { export("下载报告文件", "json", "报告文件（.json）：可再次打开、交给上级汇总，不用于发布", || Action::DownloadReportFile) }
                </> }) }
                { group("tools-units", "汇总与审阅", html! { <>
                    { tool_link(Control { label: "汇总各单位报告", hook: "sum", describes: "把下级单位交来的报告文件汇总成一份，并逐个检查" }, embedded, &props.save) }
                    { tool_link(Control { label: "审阅已发布报告", hook: "audit", describes: "按格式检查任何一份已发布的年度报告" }, embedded, &props.save) }
                </> }) }
            </div>
        </div>
    }
}
