//! 检查, the "已保存" indicator, and the import and export controls.

use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::browser::clock;
use crate::browser::exports::Output;
use crate::browser::files::{files_of, read_files, PUBLISHED_REPORTS, REPORT_FILES};
use crate::model::state::{Action, Dialog, Draft, Edit, Import, ImportUse, SaveStatus};
use crate::view::components::import_dialog::import_first_file;

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
                Err(reason) => Action::Dialog(Dialog::FileNotRead {
                    name,
                    reason: reason.to_string(),
                }),
            });
        }
    });
}

/// What a control does.
#[derive(Clone, Copy)]
enum Does {
    /// Emits an action (`data-export` = the hook, when it has one).
    Act(fn() -> Action),
    /// Chooses a report file only.
    ReportFile(fn(String, String) -> Action),
    /// Chooses a report file, or a published report (Word, PDF, web page, text) that goes through
    /// the import dialog — whose default button is this intent — so the user sees what was read
    /// and left blank and confirms what it becomes.
    LastYearFile(ImportUse, fn(String, String) -> Action),
    /// Opens a view of the tools page (`data-tool` = the hook).
    Tool,
}

/// A control of the toolbar: its label, its hook, the one line that says what it does (its
/// tooltip and accessible description) and what it does. The toolbar is this data, drawn by one
/// function: a control is added in one line, and the page carries one copy of the drawing code.
struct Control {
    label: &'static str,
    hook: &'static str,
    describes: &'static str,
    does: Does,
}

const fn control(
    label: &'static str,
    hook: &'static str,
    describes: &'static str,
    does: Does,
) -> Control {
    Control {
        label,
        hook,
        describes,
        does,
    }
}

/// The groups, by what the user wants to do; positions never change (a control that cannot be
/// used yet is disabled in its place).
const GROUPS: [(&str, &str, &[Control]); 4] = [
    (
        "tools-start",
        "开始",
        &[
            control(
                "新建空白草稿",
                "",
                "新建一份空白的本年度报告草稿（当前草稿仍保存在左侧草稿列表中）",
                Does::Act(|| Action::Draft(Draft::New)),
            ),
            control(
                "打开报告文件",
                "json",
                "打开本工具保存的报告文件（.json），继续填写",
                Does::ReportFile(|name, text| Action::Draft(Draft::OpenFile { name, text })),
            ),
            control(
                "导入已发布的报告",
                "text",
                "把已发布的年度报告（Word、PDF、网页或复制的文字）读成新的草稿，读后请核对",
                Does::Act(|| Action::Import(Import::Open)),
            ),
        ],
    ),
    (
        "tools-last-year",
        "上年",
        &[
            control(
                "以上年报告开始",
                "last-year",
                "选择上年的报告，开始本年草稿：上年结转和小标题自动填好",
                Does::LastYearFile(ImportUse::StartThisYear, |name, text| {
                    Action::Import(Import::StartFromLastYear { name, text })
                }),
            ),
            control(
                "附加上年报告",
                "previous",
                "把上年的报告附加到当前草稿，用于核对上年结转、现行有效件数和内容雷同",
                Does::LastYearFile(ImportUse::AttachAsPrevious, |name, text| {
                    Action::Import(Import::AttachPrevious { name, text })
                }),
            ),
            control(
                "与上年对比",
                "compare",
                "本年与上年逐格、逐部分对照（可打印）",
                Does::Tool,
            ),
        ],
    ),
    (
        "tools-export",
        "导出",
        &[
            control(
                "下载 Word",
                "docx",
                "公文格式的 Word 文件，用于审签和发布",
                Does::Act(|| Action::Dialog(Dialog::RequestExport(Output::Docx))),
            ),
            control(
                "下载 HTML",
                "html",
                "网页文件，可直接粘贴到网站发布系统",
                Does::Act(|| Action::Dialog(Dialog::RequestExport(Output::Html))),
            ),
            control(
                "打印 / PDF",
                "print",
                "按 A4 公文版式打印，或在打印对话框中另存为 PDF",
                Does::Act(|| Action::Dialog(Dialog::RequestExport(Output::Print))),
            ),
            control(
                "下载 Excel",
                "xlsx",
                "三张表格的 Excel 工作簿，合计为公式",
                Does::Act(|| Action::Dialog(Dialog::RequestExport(Output::Xlsx))),
            ),
            control(
                "下载报告文件",
                "json",
                "报告文件（.json）：可再次打开、交给上级汇总，不用于发布",
                Does::Act(|| Action::Draft(Draft::DownloadReportFile)),
            ),
        ],
    ),
    (
        "tools-units",
        "汇总与审阅",
        &[
            control(
                "汇总各单位报告",
                "sum",
                "把下级单位交来的报告文件汇总成一份，并逐个检查",
                Does::Tool,
            ),
            control(
                "审阅已发布报告",
                "audit",
                "按格式检查任何一份已发布的年度报告",
                Does::Tool,
            ),
        ],
    ),
];

/// A file control: a report file becomes `make(file name, text)`; with `intent`, a published
/// report goes to the import dialog instead.
fn file_control(
    control: &Control,
    intent: Option<ImportUse>,
    make: fn(String, String) -> Action,
    dispatch: &Callback<Action>,
) -> Html {
    let dispatch = dispatch.clone();
    let onchange = Callback::from(move |event: Event| {
        let input = event.target_unchecked_into::<HtmlInputElement>();
        let files = files_of(input.files());
        let published = files
            .first()
            .is_some_and(|file| !file.name().to_ascii_lowercase().ends_with(".json"));
        match intent {
            Some(intent) if published => {
                input.set_value("");
                import_first_file(dispatch.clone(), files, Some(intent));
            }
            _ => read_chosen_file(&input, dispatch.clone(), make),
        }
    });
    let accept = if intent.is_some() {
        PUBLISHED_REPORTS
    } else {
        REPORT_FILES
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
fn tool_link(control: &Control, save: &SaveStatus) -> Html {
    let embedded = crate::browser::embed::config().embedded;
    // Leaving the frame is safe only once the draft is stored (not before a first save, nor while
    // saving fails, waits for another tab, or storage is unavailable); until then the control
    // stays in its place, disabled, and says why.
    if embedded && *save != SaveStatus::Saved {
        return html! { <button type="button" disabled={true} title="草稿保存后可用">{control.label}</button> };
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

fn draw(control: &Control, save: &SaveStatus, dispatch: &Callback<Action>) -> Html {
    match control.does {
        Does::Act(action) => {
            let dispatch = dispatch.clone();
            let onclick = Callback::from(move |_: MouseEvent| dispatch.emit(action()));
            // `data-import="text"` opens the import dialog; the others are exports.
            let (import, export) = match control.hook {
                "" => (None, None),
                "text" => (Some(control.hook), None),
                hook => (None, Some(hook)),
            };
            html! { <button type="button" data-import={import} data-export={export} title={control.describes} {onclick}>{control.label}</button> }
        }
        Does::ReportFile(make) => file_control(control, None, make, dispatch),
        Does::LastYearFile(intent, make) => file_control(control, Some(intent), make, dispatch),
        Does::Tool => tool_link(control, save),
    }
}

#[derive(Properties, PartialEq)]
struct GroupsProps {
    save: SaveStatus,
    on_action: Callback<Action>,
}

/// The four groups of file and export controls: a component of their own so that a keystroke,
/// which changes the save time beside them, does not draw them again (their props stay equal).
#[component]
fn ToolGroups(props: &GroupsProps) -> Html {
    crate::timing::drawn("ToolGroups");
    let one_file = crate::browser::embed::config().one_file;
    let dispatch = &props.on_action;
    html! {
        <div class="toolbar-groups">
            { for GROUPS.iter().filter_map(|(id, label, controls)| {
                // The one file opened from disk has no tools page beside it.
                let shown: Vec<&Control> = controls.iter().filter(|control| !(one_file && matches!(control.does, Does::Tool))).collect();
                (!shown.is_empty()).then(|| html! {
                    <div class="tool-group" role="group" aria-labelledby={*id}>
                        <span class="group-label" id={*id}>{*label}</span>
                        { for shown.into_iter().map(|control| draw(control, &props.save, dispatch)) }
                    </div>
                })
            }) }
        </div>
    }
}

#[component]
pub fn Toolbar(props: &Props) -> Html {
    crate::timing::drawn("Toolbar");
    let dispatch = props.on_action.clone();
    let send = |action: fn() -> Action| {
        let dispatch = dispatch.clone();
        Callback::from(move |_: MouseEvent| dispatch.emit(action()))
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
        <div class="toolbar" aria-label="操作">
            <div class="toolbar-main" role="group" aria-label="填写">
                <button type="button" class="primary" onclick={send(|| Action::Edit(Edit::Check))} title="按格式逐项检查整份报告，列出须修改的地方">{"检查"}</button>
                <button type="button" onclick={send(|| Action::Edit(Edit::Undo))} disabled={!props.can_undo} title="撤销（Ctrl+Z）">{"撤销"}</button>
                <button type="button" onclick={send(|| Action::Edit(Edit::Redo))} disabled={!props.can_redo} title="重做（Ctrl+Y）">{"重做"}</button>
                <button type="button" data-fill-blanks="" onclick={send(|| Action::Edit(Edit::FillBlanks))} title="把表格中所有空白格填为 0（合计自动更新）">{"空白格填 0"}</button>
                <span class="spacer"></span>
                <span class="saved" data-saved-at={saved_at} role="status">{saved_text}</span>
            </div>
            <ToolGroups save={props.save.clone()} on_action={dispatch.clone()} />
        </div>
    }
}
