//! 本年与上年对比: the draft being filled (or a chosen file) beside last year's report, every
//! table cell with both years and the change, and each narrative part's length and the share of
//! its text repeated from last year. Printable. What changed is decided by the core's `compare`.

use std::rc::Rc;

use ogi_report_core::compare::{
    changed_cells, compare_cell, compare_parts, unfilled_cells, Change,
};
use ogi_report_core::format::PARTS;
use ogi_report_core::{layout, read_report, CellRef, Report};
use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::browser::files::{files_of, read_files, REPORT_FILES};
use crate::model::storage;
use crate::view::components::layout_cell::layout_table;

#[derive(Clone, Default, PartialEq)]
struct Years {
    this_year: Option<Report>,
    last_year: Option<Report>,
    /// Where this year's report came from, for the heading.
    source: String,
    problem: Option<String>,
}

/// The draft the filling page has open, with the last year's report attached to it.
fn current_draft() -> Years {
    let namespace = crate::browser::embed::config().namespace.clone();
    let draft = crate::browser::local_storage::local_storage(namespace.as_deref())
        .ok()
        .and_then(|drafts| drafts.load(&drafts.current()?));
    match draft {
        Some(draft) => {
            let name = storage::draft_label(&draft.name, &draft.report);
            Years {
                last_year: draft.report.previous.as_deref().cloned(),
                this_year: Some(draft.report),
                source: format!("正在填写的草稿「{name}」"),
                problem: None,
            }
        }
        None => Years::default(),
    }
}

fn cell_view(this_year: &Report, last_year: &Report, cell: CellRef) -> Html {
    let compared = compare_cell(this_year, last_year, cell);
    let shown = |text: String| {
        if text.is_empty() {
            "空".to_owned()
        } else {
            text
        }
    };
    let (kind, delta) = match &compared.change {
        Change::Same => ("same", None),
        Change::By(delta) if delta.starts_with('+') => ("up", Some(delta.clone())),
        Change::By(delta) => ("down", Some(delta.clone())),
        Change::Differs => ("differs", None),
        Change::Unfilled => ("unfilled", None),
    };
    html! {
        <td class={classes!("cell", "compare-cell", kind)} data-compare-cell={cell.path()} data-change={kind}>
            <span class="this-year">{shown(compared.this_year)}</span>
            <span class="last-year">{format!("上年 {}", shown(compared.last_year))}</span>
            if let Some(delta) = delta { <span class="delta">{delta}</span> }
        </td>
    }
}

fn parts_table(this_year: &Report, last_year: &Report) -> Html {
    html! {
        <table class="sum-table parts-table" data-compare-parts="" aria-label="正文篇幅对比">
            <thead>
                <tr>
                    <th scope="col">{"部分"}</th><th scope="col">{"本年字数"}</th><th scope="col">{"上年字数"}</th>
                    <th scope="col">{"本年小节"}</th><th scope="col">{"上年小节"}</th><th scope="col">{"与上年逐句相同"}</th>
                </tr>
            </thead>
            <tbody>
                { for compare_parts(this_year, last_year).into_iter().map(|part| html! {
                    <tr data-part={part.part.key()} class={classes!(part.copied.then_some("copied"))}>
                        <th scope="row">{part.part.part().heading}</th>
                        <td class="number">{part.this_year_chars}</td>
                        <td class="number">{part.last_year_chars}</td>
                        <td class="number">{part.this_year_sections}</td>
                        <td class="number">{part.last_year_sections}</td>
                        <td class="number">{
                            if part.repeated_sentences == 0 { "无".to_owned() }
                            else { format!("{} 句，约占 {}%{}", part.repeated_sentences, part.repeated_percent, if part.copied { "（内容雷同）" } else { "" }) }
                        }</td>
                    </tr>
                }) }
            </tbody>
        </table>
    }
}

fn comparison(this_year: &Report, last_year: &Report) -> Html {
    let changed = changed_cells(this_year, last_year);
    let unfilled = unfilled_cells(this_year);
    let unfilled_note = if unfilled > 0 {
        format!("本年还有 {unfilled} 个单元格未填，未计为变化。")
    } else {
        String::new()
    };
    let year_note = match (this_year.meta.year, last_year.meta.year) {
        (Some(now), Some(before)) if before + 1 != now => Some(format!(
            "请注意：上年报告的年度为 {before} 年，而本年报告为 {now} 年，两者不是相邻年度。"
        )),
        _ => None,
    };
    html! {
        <>
            <p class="compare-summary" data-compare-summary="">
                {format!("本年：{}。上年：{}。表格中有 {changed} 个单元格与上年不同，已用底色标出（增加为绿色，减少为橙色，其他变化为灰色）。{unfilled_note}", this_year.title(), last_year.title())}
            </p>
            if let Some(note) = year_note { <p class="notice warning">{note}</p> }
            <h2>{"正文篇幅"}</h2>
            {parts_table(this_year, last_year)}
            { for layout::tables().iter().map(|table| html! {
                <>
                    <h2>{PARTS[table.part].heading}</h2>
                    {layout_table(table, "compare-table", |cell| cell_view(this_year, last_year, cell))}
                </>
            }) }
        </>
    }
}

#[derive(Clone, Copy, PartialEq)]
enum Year {
    This,
    Last,
}

/// A chosen file's text (or why it could not be read), for this year or last year.
struct Chosen {
    year: Year,
    name: String,
    text: Result<String, String>,
}

impl Reducible for Years {
    type Action = Chosen;

    /// Applied to the state as it is when the file has been read, not as it was rendered, so a
    /// file read late never undoes a choice made meanwhile.
    fn reduce(self: Rc<Self>, chosen: Chosen) -> Rc<Self> {
        let mut next = (*self).clone();
        let Chosen { year, name, text } = chosen;
        match text.and_then(|text| read_report(&text).map_err(|e| e.to_string())) {
            Ok(report) => {
                next.problem = None;
                if year == Year::This {
                    if let Some(previous) = report.previous.as_deref() {
                        next.last_year = Some(previous.clone());
                    }
                    next.this_year = Some(report);
                    next.source = format!("文件「{name}」");
                } else {
                    next.last_year = Some(report);
                }
            }
            Err(reason) => next.problem = Some(format!("文件「{name}」未能打开：{reason}")),
        }
        Rc::new(next)
    }
}

#[component]
pub fn CompareView() -> Html {
    let years = use_reducer(current_draft);
    let chooser = |year: Year, label: &'static str, hook: &'static str| {
        let dispatch = years.dispatcher();
        let onchange = Callback::from(move |event: Event| {
            let input = event.target_unchecked_into::<HtmlInputElement>();
            let files = files_of(input.files());
            input.set_value("");
            let dispatch = dispatch.clone();
            read_files(files, move |texts| {
                if let Some((name, text)) = texts.into_iter().next() {
                    dispatch.dispatch(Chosen { year, name, text });
                }
            });
        });
        html! {
            <label class="file-button">{label}<input type="file" accept={REPORT_FILES} data-compare-file={hook} {onchange} /></label>
        }
    };
    let print = Callback::from(|_: MouseEvent| {
        if let Some(window) = web_sys::window() {
            let _ = window.print();
        }
    });
    let body = match (&years.this_year, &years.last_year) {
        (Some(this_year), Some(last_year)) => comparison(this_year, last_year),
        (Some(_), None) => html! {
            <p class="notice info" data-compare-missing="last">{format!("{}没有附加上年报告。请在填写页面用「附加上年报告」加入上年的报告文件，或在上方打开上年报告文件。", years.source)}</p>
        },
        (None, _) => html! {
            <p class="notice info" data-compare-missing="this">{"没有找到正在填写的草稿。请在上方打开本年的报告文件（若文件中已附上年报告，会一并使用），再打开上年报告文件。"}</p>
        },
    };
    html! {
        <section class="tool-section compare-view" aria-labelledby="compare-title">
            <h1 id="compare-title">{"本年与上年对比"}</h1>
            if years.this_year.is_some() {
                <p class="guidance">{format!("本年报告来自{}。", years.source)}</p>
            }
            <div class="toolbar no-print">
                {chooser(Year::This, "打开本年报告文件……", "this")}
                {chooser(Year::Last, "打开上年报告文件……", "last")}
                <button type="button" class="secondary" data-compare-print="" onclick={print}>{"打印对比表"}</button>
            </div>
            if let Some(problem) = &years.problem {
                <p class="notice error" role="alert">{problem.clone()}</p>
            }
            {body}
        </section>
    }
}
