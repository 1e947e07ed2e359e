//! 审阅已发布的报告: for reviewers, 第三方评估 and journalists. Any published report a person has
//! (Word, PDF, saved web page, text, or a report file) is read by the on-demand importer and run
//! through the same final check a filler gets; every finding is listed, and the three tables
//! show each cell as read, inferred (and how) or not read. Findings that rest on a cell that
//! could not be read are set aside and counted, not blamed on the report (the core's `audit`).

use std::rc::Rc;

use ogi_report_core::audit::CellSource;
use ogi_report_core::{layout, CellRef, Severity};
use web_sys::{DragEvent, File, HtmlInputElement};
use yew::prelude::*;

use crate::browser::file_work::{self, Audited};
use crate::browser::files::{dropped_files, files_of, read_files_bytes, PUBLISHED_REPORTS};
use crate::view::components::layout_cell::layout_table;

#[derive(Clone, Default, PartialEq)]
enum Shown {
    #[default]
    Nothing,
    Reading(String),
    Problem(String),
    Audited(Rc<(String, Audited)>),
}

/// Reads the first file and audits it.
fn audit_first(files: Vec<File>, shown: UseStateHandle<Shown>) {
    let Some(name) = files.first().map(File::name) else {
        return;
    };
    shown.set(Shown::Reading(name));
    read_files_bytes(files, move |reads| {
        let Some((name, bytes)) = reads.into_iter().next() else {
            return;
        };
        match bytes {
            Ok(bytes) => file_work::audit(&bytes, &name.clone(), move |result| {
                shown.set(match result {
                    Ok(audited) => Shown::Audited(Rc::new((name, audited))),
                    Err(why) => Shown::Problem(format!("「{name}」：{why}")),
                })
            }),
            Err(why) => shown.set(Shown::Problem(format!("「{name}」：{why}"))),
        }
    });
}

fn result_view(file: &str, audited: &Audited) -> Html {
    let sources = [
        CellSource::Read,
        CellSource::Inferred { why: String::new() },
        CellSource::Unread,
    ];
    let count = |wanted: &CellSource| {
        audited
            .cells
            .iter()
            .filter(|(_, source)| source.key() == wanted.key())
            .count()
    };
    let counts: Vec<String> = sources
        .iter()
        .map(|source| format!("{} {} 个", source.label(), count(source)))
        .collect();
    let errors = audited
        .findings
        .iter()
        .filter(|f| f.severity == Severity::Error)
        .count();
    let warnings = audited
        .findings
        .iter()
        .filter(|f| f.severity == Severity::Warning)
        .count();
    let cell_view = |cell: CellRef| {
        let path = cell.path();
        let source = audited
            .cells
            .iter()
            .find(|(at, _)| *at == path)
            .map_or(&CellSource::Read, |(_, source)| source);
        let title = match source {
            CellSource::Inferred { why } => format!("{}：{why}", source.label()),
            CellSource::Unread => "未能从文件中读出".to_owned(),
            CellSource::Read => String::new(),
        };
        let shown = match source {
            CellSource::Unread => "—".to_owned(),
            _ => audited.report.cell_text(cell),
        };
        let marked = audited.marked.contains(&path);
        let title = if marked {
            let about: Vec<&str> = audited
                .findings
                .iter()
                .filter(|finding| finding.cells.contains(&path))
                .map(|finding| finding.message.as_str())
                .collect();
            [title, about.join(" ")].join(" ").trim().to_owned()
        } else {
            title
        };
        html! {
            <td class={classes!("cell", "audit-cell", source.key(), marked.then_some("invalid"))} data-audit-cell={path} data-source={source.key()} aria-invalid={marked.then_some("true")} title={title}>
                {shown}
            </td>
        }
    };
    html! {
        <div data-audit-result="" data-audit-file-name={file.to_owned()}>
            <h2>{audited.report.title()}</h2>
            <p class="audit-source">{format!("来自文件「{file}」")}</p>
            <p data-audit-counts="" data-read={count(&sources[0]).to_string()} data-inferred={count(&sources[1]).to_string()} data-unread={count(&sources[2]).to_string()}>
                {format!("表格单元格：{}。", counts.join("，"))}
            </p>
            <p data-audit-tally="" data-errors={errors.to_string()} data-warnings={warnings.to_string()}>
                {format!("按最终检查：{errors} 个错误、{warnings} 个提醒。")}
                if audited.set_aside > 0 {
                    {format!("另有 {} 项检查涉及未能读出的单元格，未列出。", audited.set_aside)}
                }
            </p>
            <ol class="audit-findings">
                { for audited.findings.iter().map(|finding| html! {
                    <li class={classes!(if finding.severity == Severity::Error { "error" } else { "warning" })} data-audit-finding={finding.rule.clone()} data-cells={finding.cells.join(" ")}>
                        {format!("【{}】{}：{}", finding.severity.label(), ogi_report_core::rules::name(&finding.rule), finding.message)}
                    </li>
                }) }
            </ol>
            <p class="guidance">{"表中红框为检查发现问题的单元格；灰色的“—”为未能读出的单元格，黄色为推断得出的单元格（鼠标停留可看原因），请与原报告核对。"}</p>
            { for layout::tables().iter().map(|table| layout_table(table, "audit-table", cell_view)) }
        </div>
    }
}

#[component]
pub fn AuditView() -> Html {
    let shown = use_state(Shown::default);
    let onchange = {
        let shown = shown.clone();
        Callback::from(move |event: Event| {
            let input = event.target_unchecked_into::<HtmlInputElement>();
            let files = files_of(input.files());
            input.set_value("");
            audit_first(files, shown.clone());
        })
    };
    let ondragover = Callback::from(|event: DragEvent| event.prevent_default());
    let ondrop = {
        let shown = shown.clone();
        Callback::from(move |event: DragEvent| audit_first(dropped_files(&event), shown.clone()))
    };
    html! {
        <section class="audit-view" data-audit-view="" {ondragover} {ondrop}>
            <h1>{"审阅已发布的报告"}</h1>
            <p class="guidance">{"请选择或拖入一份已发布的年度报告（Word 文件、PDF 文件、保存的网页、文字或报告文件）。报告会按填写时的最终检查逐项核对，并标出每个表格单元格是原样读出、推断得出还是未能读出。文件只在本机浏览器中读取，不会上传。"}</p>
            <label class="file-button">{"选择报告……"}<input type="file" accept={PUBLISHED_REPORTS} data-audit-file="" {onchange} /></label>
            { match &*shown {
                Shown::Nothing => html! {},
                Shown::Reading(name) => html! { <p role="status" data-audit-reading="">{format!("正在读取「{name}」……")}</p> },
                Shown::Problem(why) => html! { <p role="alert" class="import-refused" data-audit-problem="">{why.clone()}</p> },
                Shown::Audited(audited) => result_view(&audited.0, &audited.1),
            } }
        </section>
    }
}
