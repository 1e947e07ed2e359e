//! Storage notices: each says what happened, that nothing was lost, and what to do.

use yew::prelude::*;

use crate::model::state::{Action, SaveStatus, StorageMode};
use crate::model::storage::SaveError;
use crate::view::hooks::apply_update;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub storage: StorageMode,
    pub save: SaveStatus,
    pub conflict: bool,
    pub persist_refused: bool,
    pub update_ready: bool,
    pub notice: Option<AttrValue>,
    pub on_action: Callback<Action>,
}

#[component]
pub fn Notices(props: &Props) -> Html {
    let dispatch = props.on_action.clone();
    let send = |action: fn() -> Action| {
        let dispatch = dispatch.clone();
        Callback::from(move |_: MouseEvent| dispatch.emit(action()))
    };
    let download = send(|| Action::DownloadReportFile);
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
                    <button type="button" onclick={send(|| Action::TakeOtherTabVersion)}>{"载入另一页的版本"}</button>
                    <button type="button" onclick={send(|| Action::KeepAsNewDraft)}>{"把本页内容另存为新草稿"}</button>
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
                    {notice.clone()}
                    <button type="button" onclick={send(|| Action::DismissNotice)} aria-label="关闭提示">{"知道了"}</button>
                </div>
            }
        </div>
    }
}
