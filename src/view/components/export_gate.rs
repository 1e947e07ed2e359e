//! The 检查 gate: an export with errors stops here. The dialog lists the errors (each jumps to its
//! cell) and the warnings; the user goes back to fix them, or exports a draft that is marked
//! `草稿（未通过检查）` on every page.

use std::rc::Rc;

use ogi_report_core::output::DRAFT_MARK;
use ogi_report_core::rules::{tally, Finding, Severity};
use yew::prelude::*;

use crate::browser::exports::Output;
use crate::model::state::{Action, Dialog, Edit};
use crate::view::hooks::use_dialog;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub output: Output,
    pub findings: Rc<Vec<Finding>>,
    pub on_action: Callback<Action>,
}

#[component]
pub fn ExportGate(props: &Props) -> Html {
    let dispatch = props.on_action.clone();
    let send = |action: fn() -> Action| {
        let dispatch = dispatch.clone();
        Callback::from(move |_: MouseEvent| dispatch.emit(action()))
    };
    let list = |severity: Severity| -> Html {
        props
            .findings
            .iter()
            .filter(|finding| finding.severity == severity)
            .map(|finding| {
                let target = finding.jump().cloned();
                let dispatch = dispatch.clone();
                let onclick = Callback::from(move |_: MouseEvent| {
                    dispatch.emit(Action::Dialog(Dialog::CloseGate));
                    if let Some(target) = &target {
                        dispatch.emit(Action::Edit(Edit::JumpTo(target.clone())));
                    }
                });
                html! {
                    <li data-rule={finding.rule}>
                        <button type="button" {onclick}>{ogi_report_core::rules::name(finding.rule)}{"："}{finding.message.clone()}</button>
                    </li>
                }
            })
            .collect()
    };
    let (dialog, onkeydown) = use_dialog({
        let dispatch = dispatch.clone();
        Callback::from(move |_| dispatch.emit(Action::Dialog(Dialog::CloseGate)))
    });
    let (errors, warnings) = tally(&props.findings);
    html! {
        <div class="gate-backdrop">
            <div class="gate" role="dialog" aria-modal="true" aria-labelledby="gate-title" data-export-gate="" tabindex="-1" ref={dialog} {onkeydown}>
                <h2 id="gate-title">{format!("检查发现 {errors} 个错误，报告尚不能定稿")}</h2>
                <p>{format!("导出{}之前，请先修改下列错误。点击某一条可跳到对应的表格或段落。", props.output.label())}</p>
                <ul class="gate-errors">{ list(Severity::Error) }</ul>
                if warnings > 0 {
                    <p>{format!("另有 {warnings} 个提醒（不影响定稿，但请确认）：")}</p>
                    <ul class="gate-warnings">{ list(Severity::Warning) }</ul>
                }
                <div class="gate-actions">
                    <button type="button" class="primary" onclick={send(|| Action::Dialog(Dialog::CloseGate))}>{"返回修改"}</button>
                    <button type="button" data-export-anyway="" onclick={send(|| Action::Dialog(Dialog::ExportAnyway))}>
                        {format!("仍然导出草稿（每页标注“{DRAFT_MARK}”）")}
                    </button>
                </div>
            </div>
        </div>
    }
}
