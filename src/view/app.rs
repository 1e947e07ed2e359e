//! The page: one reducer owns the report; components get slices of it as props and an
//! `on_action` callback for the typed actions they emit.

use std::rc::Rc;

use ogi_report_core::compose::requests_sentence_section;
use ogi_report_core::format::{
    PartKind, PARTS, PART_APPEALS, PART_OTHER_MATTERS, PART_OVERVIEW, PART_PROACTIVE,
    PART_PROBLEMS, PART_REQUESTS,
};
use ogi_report_core::rules::{stated_numbers, Stage};
use ogi_report_core::{CellRef, Narrative, Report};
use yew::prelude::*;

use crate::browser::embed;
use crate::model::marks::{self, Marks};
use crate::model::state::{Action, ImportUse};
use crate::view::components::cell_input::LastYear;
use crate::view::components::closing::closing_part;
use crate::view::components::drafts::DraftsPanel;
use crate::view::components::export_gate::ExportGate;
use crate::view::components::findings::FindingsPanel;
use crate::view::components::first_steps::first_steps;
use crate::view::components::header::ReportHeader;
use crate::view::components::import_dialog::ImportDialog;
use crate::view::components::narrative::NarrativePart;
use crate::view::components::nav::{PartNav, PartState};
use crate::view::components::notices::Notices;
use crate::view::components::question::QuestionDialog;
use crate::view::components::table_four::AppealsTable;
use crate::view::components::table_three::RequestsTable;
use crate::view::components::table_two::ProactiveTable;
use crate::view::components::toolbar::Toolbar;
use crate::view::hooks::{
    use_host_messages, use_persist_request, use_ready_marker, use_service_worker,
    use_storage_events, use_undo_keys,
};

fn part_states(report: &Report, marks: &Marks) -> [PartState; 6] {
    std::array::from_fn(|index| {
        let part = &PARTS[index];
        if marks.has_any_in_part(index) {
            return PartState::HasErrors;
        }
        let (filled, total) = match part.kind {
            PartKind::Narrative => {
                let narrative = Narrative::of_part(index).unwrap_or(Narrative::Overview);
                let sections = report.sections(narrative);
                (
                    sections
                        .iter()
                        .filter(|s| !s.text.trim().is_empty())
                        .count(),
                    sections.len(),
                )
            }
            PartKind::Table => CellRef::all()
                .filter(|cell| cell.part_index() == index && !cell.is_total())
                .fold((0, 0), |(filled, total), cell| {
                    (filled + usize::from(!report.cell_is_blank(cell)), total + 1)
                }),
        };
        match filled {
            0 => PartState::Empty,
            n if n == total => PartState::Complete,
            _ => PartState::InProgress,
        }
    })
}

/// What is still open while filling, neutrally: 「表二 还有 6 行未填；表三 还有 23 行未填。」
fn unfilled_text(report: &Report) -> String {
    let open: Vec<String> = report
        .unfilled()
        .iter()
        .filter(|table| table.count > 0)
        .map(|table| format!("{} 还有 {} {}未填", table.table, table.count, table.unit))
        .collect();
    if open.is_empty() {
        String::new()
    } else {
        format!("{}。", open.join("；"))
    }
}

#[component]
pub fn App() -> Html {
    crate::timing::drawn("App");
    let state = use_reducer(crate::browser::runtime::load);
    // One callback for the page's life (props compare equal): components emit through it, and the runtime
    // dispatches the results of effects that finish later (an export) through it.
    let dispatch: Callback<Action> = {
        let dispatcher = state.dispatcher();
        (*use_memo((), move |_| {
            Callback::from(move |action| dispatcher.dispatch(action))
        }))
        .clone()
    };
    use_effect_with((), {
        let dispatch = dispatch.clone();
        move |_| crate::browser::runtime::connect(dispatch)
    });
    use_storage_events(dispatch.clone());
    use_undo_keys(dispatch.clone());
    use_service_worker(dispatch.clone());
    use_host_messages(dispatch.clone(), state.editing.report.clone());
    use_persist_request(dispatch.clone());
    use_ready_marker();

    let report = &state.editing.report;
    let shown = Rc::new(marks::ordered(&state.editing.findings));
    let marks = Rc::new(Marks::new(&shown));
    let states = part_states(report, &marks);
    let last_year = LastYear(report.previous.clone());
    let checked = state.editing.stage == Stage::Final;
    let unfilled = AttrValue::from(if checked {
        String::new()
    } else {
        unfilled_text(report)
    });
    let part = |index: usize, body: Html| {
        let spec = &PARTS[index];
        html! {
            <section class="part" id={format!("part-{}", spec.key)} aria-labelledby={format!("heading-{}", spec.key)}>
                <h2 id={format!("heading-{}", spec.key)}>{spec.heading}</h2>
                <p class="guidance">{spec.guidance}</p>
                {body}
            </section>
        }
    };
    // Each part gets only its own marks, compared by value: a keystroke draws a part again only
    // when a message on one of its cells or fields changes.
    let part_marks = |index: Option<usize>| Rc::new(marks.of_part(index));
    // Compared by value: a part re-renders only when its own stated numbers change.
    let numbers = Rc::new(stated_numbers(report));
    let sentence_at = requests_sentence_section(report);
    let narrative = |which: Narrative| {
        html! {
            <NarrativePart part={which} sections={report.sections_rc(which).clone()} numbers={numbers.clone()} sentence_at={sentence_at.filter(|_| which == Narrative::Overview)} marks={part_marks(Some(which.part_index()))} on_action={dispatch.clone()} />
        }
    };
    // A file dropped anywhere on the page is a report to bring in: the import dialog opens and
    // reads it (a dropped file must not make the browser leave the page).
    let ondragover = Callback::from(|event: DragEvent| event.prevent_default());
    let ondrop = {
        let dispatch = dispatch.clone();
        Callback::from(move |event: DragEvent| {
            crate::view::components::import_dialog::import_first_file(
                dispatch.clone(),
                crate::browser::files::dropped_files(&event),
                Some(ImportUse::NewDraft),
            );
        })
    };
    html! {
        <div class={classes!("app", embed::config().embedded.then_some("embedded"))} {ondragover} {ondrop}>
            <header class="app-bar">
                <span class="app-name">{"政府信息公开工作年度报告 · 填写"}</span>
                <span class="app-note">{"全部内容只保存在本机浏览器中，不会上传。"}</span>
            </header>
            <div class="layout">
                <aside class="sidebar" aria-label="报告目录与草稿">
                    <PartNav {states} />
                    <DraftsPanel drafts={state.drafts.list.clone()} current={AttrValue::from(state.drafts.id.clone())}
                        current_label={AttrValue::from(state.draft_label())} on_action={dispatch.clone()} />
                </aside>
                <main class="content">
                    { crate::view::components::handed_down::handed_down_notes(&embed::config()) }
                    if state.dialogs.hint {
                        { first_steps(&dispatch) }
                    }
                    <ReportHeader meta={report.meta.clone()} preface={AttrValue::from(report.preface.clone())} title={AttrValue::from(report.title())}
                        this_year={state.env.today.year} marks={part_marks(None)} on_action={dispatch.clone()} />
                    <Toolbar can_undo={state.editing.history.can_undo()} can_redo={state.editing.history.can_redo()} save={state.drafts.save.clone()}
                        saved_at={state.drafts.saved_at.clone().map(AttrValue::from)} on_action={dispatch.clone()} />
                    <Notices storage={state.drafts.storage.clone()} save={state.drafts.save.clone()} conflict={state.drafts.conflict}
                        persist_refused={state.env.persist_refused} notice={state.dialogs.notice.clone()}
                        update_ready={state.env.update_ready} on_action={dispatch.clone()} />
                    { part(PART_OVERVIEW, narrative(Narrative::Overview)) }
                    { part(PART_PROACTIVE, html! { <ProactiveTable proactive={report.proactive.clone()} marks={part_marks(Some(PART_PROACTIVE))} last_year={last_year.clone()} on_action={dispatch.clone()} /> }) }
                    { part(PART_REQUESTS, html! { <RequestsTable rows={Rc::new(report.requests.clone())} marks={part_marks(Some(PART_REQUESTS))} last_year={last_year.clone()} on_action={dispatch.clone()} /> }) }
                    { part(PART_APPEALS, html! { <AppealsTable groups={Rc::new(report.appeals.clone())} marks={part_marks(Some(PART_APPEALS))} last_year={last_year.clone()} on_action={dispatch.clone()} /> }) }
                    { part(PART_PROBLEMS, narrative(Narrative::Problems)) }
                    { part(PART_OTHER_MATTERS, narrative(Narrative::OtherMatters)) }
                    { closing_part(&report.closing, &dispatch) }
                </main>
                if let Some(import) = state.imports.dialog.clone() {
                    <ImportDialog {import} intent={state.imports.intent} on_action={dispatch.clone()} />
                }
                if let Some(question) = state.imports.question.clone() {
                    <QuestionDialog {question} on_action={dispatch.clone()} />
                }
                if let Some(output) = state.dialogs.gate {
                    <ExportGate {output} findings={state.editing.findings.clone()} on_action={dispatch.clone()} />
                }
                <aside class="side-findings" aria-label="检查结果栏">
                    <FindingsPanel findings={shown} checked={checked} {unfilled} on_action={dispatch.clone()} />
                </aside>
            </div>
        </div>
    }
}
