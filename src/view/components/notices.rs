//! The page's notices: storage (each says what happened, that nothing was lost, and what to do),
//! and the one-off [`Notice`] the state keeps as a value, worded here ([`notice_words`]).

use yew::prelude::*;

use crate::model::state::{Action, Dialog, Draft, Notice, SaveStatus, StorageMode};
use crate::model::storage::SaveError;
use crate::view::hooks::apply_update;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub storage: StorageMode,
    pub save: SaveStatus,
    pub conflict: bool,
    pub persist_refused: bool,
    pub update_ready: bool,
    pub notice: Option<Notice>,
    pub on_action: Callback<Action>,
}

#[component]
pub fn Notices(props: &Props) -> Html {
    crate::timing::drawn("Notices");
    let dispatch = props.on_action.clone();
    let send = |action: fn() -> Action| {
        let dispatch = dispatch.clone();
        Callback::from(move |_: MouseEvent| dispatch.emit(action()))
    };
    let download = send(|| Action::Draft(Draft::DownloadReportFile));
    html! {
        <div class="notices" aria-live="polite">
            if let StorageMode::Memory { reason } = &props.storage {
                <div class="notice warning" data-notice="storage-unavailable" role="alert">
                    {format!("此浏览器当前无法使用本地存储（{reason}），内容只保存在本页面中，关闭或刷新页面会丢失。请随时下载报告文件保存。")}
                    <button type="button" onclick={download.clone()}>{"下载报告文件"}</button>
                </div>
            }
            if let SaveStatus::Failed(error) = &props.save {
                <div class="notice error" data-notice="save-failed" role="alert">
                    { match error {
                        SaveError::QuotaExceeded => "浏览器存储空间已满，最近的修改未能保存到草稿。本页内容仍完整保留，可以继续填写；请立即下载报告文件，或删除不用的草稿以腾出空间。".to_owned(),
                        SaveError::Other(reason) => format!("草稿未能保存（{reason}）。本页内容仍完整保留，请下载报告文件保存。"),
                    } }
                    <button type="button" onclick={download.clone()}>{"下载报告文件"}</button>
                </div>
            }
            if props.conflict {
                <div class="notice warning" data-notice="other-tab" role="alert">
                    {"此草稿刚在另一个标签页或窗口中被修改。为避免互相覆盖，本页已暂停保存。请选择："}
                    <button type="button" onclick={send(|| Action::Draft(Draft::TakeOtherTabVersion))}>{"载入另一页的版本"}</button>
                    <button type="button" onclick={send(|| Action::Draft(Draft::KeepAsNew))}>{"把本页内容另存为新草稿"}</button>
                </div>
            }
            if props.update_ready {
                <div class="notice info" data-notice="update" role="status">
                    {"有新版本，刷新后使用。您的草稿已保存，刷新不会丢失内容。"}
                    <button type="button" onclick={Callback::from(|_: MouseEvent| apply_update())}>{"刷新"}</button>
                </div>
            }
            if props.persist_refused {
                <div class="notice info" data-notice="persist-refused">
                    {"浏览器可能在空间不足时清理本地草稿。建议填写过程中不时下载报告文件留存。"}
                </div>
            }
            if let Some(notice) = &props.notice {
                <div class="notice info" data-notice="message" role="status">
                    {notice_words(notice)}
                    <button type="button" onclick={send(|| Action::Dialog(Dialog::DismissNotice))} aria-label="关闭提示">{"知道了"}</button>
                </div>
            }
        </div>
    }
}

/// What a [`Notice`] says to the user.
pub fn notice_words(notice: &Notice) -> String {
    match notice {
        Notice::FileOpened { name } => format!("已打开文件「{name}」，并保存为新的草稿。"),
        Notice::FileUnreadable { name, error } => {
            format!("文件「{name}」未能打开，当前内容没有改变。{error}")
        }
        Notice::FileNotRead { name, reason } => {
            format!("文件「{name}」{reason}当前内容没有改变。")
        }
        Notice::ImportedAsNewDraft => "已从已发布报告的文字建立新的草稿。".to_owned(),
        Notice::StartedFromLastYear => {
            "已以上年报告开始本年草稿：上年结转已按上年“结转下年度继续办理”填好，小标题已沿用。"
                .to_owned()
        }
        Notice::AttachedPrevious { year } => {
            let year = year.map(|year| format!("{year} 年度")).unwrap_or_default();
            format!("已附加上年报告（{year}），将据此检查上年结转、现行有效件数和内容雷同。")
        }
        Notice::ExportFailed { output, why } => format!("{}未能生成：{why}", output.label()),
        Notice::ReportFileHandedOver {
            file_name,
            send_back,
        } => format!("报告文件「{file_name}」已交给浏览器下载。{send_back}"),
        Notice::FilledBlanks(filled) => format!("已将 {filled} 个空白格填为 0。"),
        Notice::Pasted {
            written,
            on_totals,
            outside,
        } => {
            let mut words = format!("已粘贴 {written} 个格。");
            if *on_totals > 0 {
                words.push_str(&format!(
                    "{on_totals} 个数值落在自动计算的合计格上，未写入。"
                ));
            }
            if *outside > 0 {
                words.push_str(&format!("{outside} 个数值超出表格范围，未写入。"));
            }
            words
        }
        Notice::DraftUnopenable => {
            "该草稿无法打开（可能已损坏或由较新版本的工具保存），其他草稿不受影响。".to_owned()
        }
    }
}
