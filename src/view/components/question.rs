//! Asks before last year's report is used when it names another body than the open draft's or
//! not the year before: what differs, and the choice — use it after all, or not (the default:
//! focused, taken by Enter, and by Escape).

use std::rc::Rc;

use yew::prelude::*;

use crate::model::state::{Action, Import, ImportUse, Question};
use crate::view::hooks::use_dialog;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub question: Rc<Question>,
    pub on_action: Callback<Action>,
}

#[component]
pub fn QuestionDialog(props: &Props) -> Html {
    let dispatch = props.on_action.clone();
    let answer = |yes: bool| {
        let dispatch = dispatch.clone();
        Callback::from(move |_: MouseEvent| dispatch.emit(Action::Import(Import::Answer(yes))))
    };
    let (dialog, onkeydown) = use_dialog({
        let dispatch = dispatch.clone();
        Callback::from(move |_| dispatch.emit(Action::Import(Import::Answer(false))))
    });

    let (title, yes) = match props.question.use_as {
        ImportUse::AttachAsPrevious => {
            ("这份报告可能不是当前草稿的上年报告", "仍然作为上年报告附加")
        }
        _ => ("这份报告可能不是上一年度的报告", "仍然以此开始本年草稿"),
    };
    html! {
        <div class="gate-backdrop">
            <div class="gate question" role="alertdialog" aria-modal="true" aria-labelledby="question-title"
                aria-describedby="question-doubts" {onkeydown} data-question="">
                <h2 id="question-title">{title}</h2>
                <div id="question-doubts">
                    { for props.question.doubts.iter().map(|doubt| html! { <p>{doubt.clone()}</p> }) }
                    <p>{format!("报告标题：{}", props.question.report.title())}</p>
                </div>
                <div class="gate-actions">
                    // The safe answer takes the focus the dialog gives on opening, so Enter (like Escape)
                    // keeps the draft as it is.
                    <button type="button" class="primary" ref={dialog} onclick={answer(false)} data-question-answer="no">{"取消，不使用"}</button>
                    <button type="button" onclick={answer(true)} data-question-answer="yes">{yes}</button>
                </div>
            </div>
        </div>
    }
}
