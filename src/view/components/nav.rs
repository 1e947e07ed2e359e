//! The six parts in order, each with its state: 未填写, 填写中, 有错误, 已完成.

use ogi_report_core::format::PARTS;
use yew::prelude::*;

/// A part's state as the navigation shows it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PartState {
    Empty,
    InProgress,
    HasErrors,
    Complete,
}

impl PartState {
    pub fn label(self) -> &'static str {
        match self {
            PartState::Empty => "未填写",
            PartState::InProgress => "填写中",
            PartState::HasErrors => "有错误",
            PartState::Complete => "已完成",
        }
    }

    fn class(self) -> &'static str {
        match self {
            PartState::Empty => "empty",
            PartState::InProgress => "progress",
            PartState::HasErrors => "errors",
            PartState::Complete => "complete",
        }
    }
}

#[derive(Properties, PartialEq)]
pub struct Props {
    pub states: [PartState; 6],
}

#[component]
pub fn PartNav(props: &Props) -> Html {
    crate::timing::drawn("PartNav");
    html! {
        <nav class="part-nav" aria-label="报告的六个部分">
            <ol>
                { for PARTS.iter().zip(props.states).map(|(part, state)| html! {
                    <li class={classes!("part-link", state.class())} data-part={part.key} data-state={state.class()}>
                        <a href={format!("#part-{}", part.key)}>
                            <span class="part-name">{part.heading}</span>
                            <span class="part-state">{state.label()}</span>
                        </a>
                    </li>
                }) }
            </ol>
        </nav>
    }
}
