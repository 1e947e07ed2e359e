//! The findings panel: errors, then warnings, then reminders; each item jumps to its first cell.

use std::rc::Rc;

use ogi_report_core::rules::{tally, Finding, Severity};
use yew::prelude::*;

use crate::model::state::{Action, Edit};

#[derive(Properties, PartialEq)]
pub struct Props {
    pub findings: Rc<Vec<Finding>>,
    pub checked: bool,
    /// While filling: what is still open, said neutrally (「表三 还有 23 行未填」); empty when
    /// everything is filled or after 检查.
    pub unfilled: AttrValue,
    pub on_action: Callback<Action>,
}

fn severity_class(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info | Severity::Help => "info",
    }
}

#[component]
pub fn FindingsPanel(props: &Props) -> Html {
    crate::timing::drawn("FindingsPanel");
    let dispatch = props.on_action.clone();
    let (errors, warnings) = tally(&props.findings);
    let summary = match (errors, warnings, props.checked) {
        (0, 0, true) => "检查通过：没有错误，也没有需要注意的地方。".to_owned(),
        (0, 0, false) => "目前没有发现问题。填写完成后请点击“检查”。".to_owned(),
        (0, _, false) => format!("目前没有发现错误，有 {warnings} 个提醒。"),
        _ => format!("{errors} 个错误，{warnings} 个提醒"),
    };
    html! {
        <section class="findings" aria-label="检查结果">
            <h2>{"检查结果"}</h2>
            <p class="summary" role="status" aria-live="polite">{summary}</p>
            if !props.unfilled.is_empty() {
                <p class="unfilled" data-unfilled="">{props.unfilled.clone()}</p>
            }
            <ul data-findings="">
                { for props.findings.iter().map(|finding| {
                    let target = finding.jump().cloned();
                    let onclick = {
                        let dispatch = dispatch.clone();
                        let target = target.clone();
                        Callback::from(move |_: MouseEvent| {
                            if let Some(target) = &target {
                                dispatch.emit(Action::Edit(Edit::JumpTo(target.clone())));
                            }
                        })
                    };
                    let class = severity_class(finding.severity);
                    html! {
                        <li class={classes!("finding", class)} data-rule={finding.rule} data-severity={class}
                            data-cells={finding.paths().join(" ")}>
                            <button type="button" {onclick} disabled={target.is_none()}>
                                <span class="badge">{finding.severity.label()}{" · "}{ogi_report_core::rules::name(finding.rule)}</span>
                                <span class="message">{finding.message.clone()}</span>
                            </button>
                        </li>
                    }
                }) }
            </ul>
        </section>
    }
}
