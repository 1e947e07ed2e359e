//! 汇总 in the page: a county or district office chooses (or drops) its units' report files and
//! gets each unit's check results and key figures, the list of files left out with the reason,
//! and the summed report to download. Files are read by the on-demand importer (report files,
//! Word, PDF, web pages); gathering and summing are the core's `sum` module, the same code
//! `ogi-report sum` runs, so the page and the CLI give the same file.

use std::cell::RefCell;
use std::rc::Rc;

use ogi_report_core::format::PARTS;
use ogi_report_core::layout;
use ogi_report_core::render::xlsx::render_units_xlsx;
use ogi_report_core::render::Format;
use ogi_report_core::sum::{
    key_figures, unit_line, units_csv, UnitLine, Units, DEFAULT_SUM_BODY, KEY_FIGURES,
};
use ogi_report_core::{write_report, Report, Severity};
use web_sys::{DragEvent, File, HtmlInputElement};
use yew::prelude::*;

use crate::components::layout_cell::layout_table;
use crate::download;
use crate::file_work;
use crate::files::{files_of, read_files_bytes, PUBLISHED_REPORTS};

#[derive(Clone, Default)]
pub struct SumState {
    // Behind `Rc`: typing the 汇总 name must not copy two hundred units' reports and findings.
    units: Rc<Units>,
    lines: Rc<Vec<UnitLine>>,
    /// The summed report and the cells left out of it; `None` until a report is accepted.
    total: Option<Rc<(Report, Vec<String>)>>,
    body: String,
    /// Files being read now.
    reading: usize,
}

/// One unit's file as the importer read it: (file name, its report or why not).
type UnitRead = (String, Result<Report, String>);

pub enum SumAction {
    Reading(usize),
    /// Files read by the importer.
    Add(Vec<UnitRead>),
    Body(String),
    Clear,
}

impl SumState {
    fn body(&self) -> &str {
        let body = self.body.trim();
        if body.is_empty() {
            DEFAULT_SUM_BODY
        } else {
            body
        }
    }

    fn resum(&mut self) {
        self.total =
            (!self.units.accepted.is_empty()).then(|| Rc::new(self.units.sum(self.body())));
    }
}

impl Reducible for SumState {
    type Action = SumAction;

    fn reduce(self: Rc<Self>, action: SumAction) -> Rc<Self> {
        let mut next = (*self).clone();
        match action {
            SumAction::Reading(count) => next.reading = count,
            SumAction::Add(files) => {
                next.reading = next.reading.saturating_sub(files.len());
                let (units, lines) = (Rc::make_mut(&mut next.units), Rc::make_mut(&mut next.lines));
                for (name, read) in files {
                    let accepted = units.accepted.len();
                    match read {
                        Ok(report) => units.add_report(&name, report),
                        Err(reason) => units.refuse(&name, &reason),
                    }
                    // Each unit is checked once, when it is added.
                    if let Some((_, report)) = units.accepted.get(accepted) {
                        lines.push(unit_line(report));
                    }
                }
                next.resum();
            }
            SumAction::Body(body) => {
                next.body = body;
                next.resum();
            }
            SumAction::Clear => next = SumState::default(),
        }
        Rc::new(next)
    }
}

fn read_into(files: Vec<File>, state: UseReducerDispatcher<SumState>) {
    if files.is_empty() {
        return;
    }
    state.dispatch(SumAction::Reading(files.len()));
    // Each file through the on-demand importer (report files, Word, PDF, web pages, text); the
    // 汇总 takes them all at once, in the order chosen, when the last one is read.
    read_files_bytes(files, move |reads| {
        let count = reads.len();
        let results: Rc<RefCell<Vec<Option<UnitRead>>>> = Rc::new(RefCell::new(vec![None; count]));
        for (index, (name, bytes)) in reads.into_iter().enumerate() {
            let (state, results) = (state.clone(), results.clone());
            let file_name = name.clone();
            let done = move |read: Result<Report, String>| {
                let mut all = results.borrow_mut();
                all[index] = Some((name, read));
                if all.iter().all(Option::is_some) {
                    let files = all.drain(..).flatten().collect();
                    drop(all);
                    state.dispatch(SumAction::Add(files));
                }
            };
            match bytes {
                Ok(bytes) => file_work::import(&bytes, &file_name, move |read| {
                    done(read.map(|(report, _)| report))
                }),
                Err(why) => done(Err(why)),
            }
        }
    });
}

fn unit_row(index: usize, file: &str, line: &UnitLine) -> Html {
    let problems: Vec<&ogi_report_core::Finding> = line
        .findings
        .iter()
        .filter(|finding| matches!(finding.severity, Severity::Error | Severity::Warning))
        .collect();
    let details = (!problems.is_empty()).then(|| {
        html! {
            <details>
                <summary>{format!("查看 {} 条", problems.len())}</summary>
                <ul class="unit-findings">
                    { for problems.iter().map(|finding| html! {
                        <li class={if finding.severity == Severity::Error { "error" } else { "warning" }}>{format!("【{}】{}", finding.severity.label(), finding.message)}</li>
                    }) }
                </ul>
            </details>
        }
    });
    let body = if line.body.trim().is_empty() {
        "（未填写单位名称）".to_owned()
    } else {
        line.body.clone()
    };
    html! {
        <tr data-unit={file.to_owned()} class={classes!((line.errors > 0).then_some("has-errors"))}>
            <td class="number">{index + 1}</td>
            <th scope="row">{body}{details}</th>
            <td class="file-name">{file.to_owned()}</td>
            <td class="number" data-errors="">{line.errors}</td>
            <td class="number" data-warnings="">{line.warnings}</td>
            { for line.figures.iter().map(|(_, value)| html! { <td class="number">{value.clone()}</td> }) }
        </tr>
    }
}

fn units_table(state: &SumState, total: &Report) -> Html {
    html! {
        <table class="sum-table" data-sum-units="" aria-label="各单位报告检查情况">
            <thead>
                <tr>
                    <th scope="col">{"序号"}</th><th scope="col">{"单位"}</th><th scope="col">{"文件"}</th>
                    <th scope="col">{Severity::Error.label()}</th><th scope="col">{Severity::Warning.label()}</th>
                    { for KEY_FIGURES.iter().map(|(label, _)| html! { <th scope="col">{*label}</th> }) }
                </tr>
            </thead>
            <tbody>
                { for state.units.accepted.iter().zip(state.lines.iter()).enumerate().map(|(index, ((file, _), line))| unit_row(index, file, line)) }
            </tbody>
            <tfoot>
                <tr data-sum-total="">
                    <td></td><th scope="row">{"合计"}</th><td></td><td></td><td></td>
                    { for key_figures(total).into_iter().map(|(_, value)| html! { <td class="number">{value}</td> }) }
                </tr>
            </tfoot>
        </table>
    }
}

fn summed_tables(total: &Report) -> Html {
    let cell = |cell: ogi_report_core::CellRef| {
        html! { <td class="cell sum-cell" data-sum-cell={cell.path()}>{total.cell_text(cell)}</td> }
    };
    html! {
        <section class="summed" aria-label="汇总后的表格">
            <h2>{"汇总后的表格"}</h2>
            { for layout::tables().iter().map(|table| html! {
                <>
                    <h3>{PARTS[table.part].heading}</h3>
                    {layout_table(table, "summed-table", cell)}
                </>
            }) }
        </section>
    }
}

#[component]
pub fn SumView() -> Html {
    let state = use_reducer(SumState::default);
    let dispatcher = state.dispatcher();
    let onchange = {
        let dispatcher = dispatcher.clone();
        Callback::from(move |event: Event| {
            let input = event.target_unchecked_into::<HtmlInputElement>();
            read_into(files_of(input.files()), dispatcher.clone());
            input.set_value("");
        })
    };
    let ondragover = Callback::from(|event: DragEvent| event.prevent_default());
    let ondrop = {
        let dispatcher = dispatcher.clone();
        Callback::from(move |event: DragEvent| {
            event.prevent_default();
            read_into(
                files_of(event.data_transfer().and_then(|data| data.files())),
                dispatcher.clone(),
            );
        })
    };
    let onbody = {
        let dispatcher = dispatcher.clone();
        Callback::from(move |event: InputEvent| {
            let input = event.target_unchecked_into::<HtmlInputElement>();
            dispatcher.dispatch(SumAction::Body(input.value()));
        })
    };
    let clear = {
        let dispatcher = dispatcher.clone();
        Callback::from(move |_: MouseEvent| dispatcher.dispatch(SumAction::Clear))
    };
    let download = {
        let state = state.clone();
        Callback::from(move |_: MouseEvent| {
            if let Some(total) = &state.total {
                let name = download::report_file_name(&total.0.title(), "json");
                download::download_text(&name, "application/json", &write_report(&total.0));
            }
        })
    };
    let download_table = {
        let state = state.clone();
        Callback::from(move |_: MouseEvent| {
            let year = state
                .units
                .year()
                .map(|year| format!("{year}年"))
                .unwrap_or_default();
            let name = download::report_file_name(
                &format!("{}{year}各单位年度报告检查汇总表", state.body()),
                "csv",
            );
            download::download_text(&name, "text/csv", &units_csv(&state.lines));
        })
    };
    let download_workbook = {
        let state = state.clone();
        Callback::from(move |_: MouseEvent| {
            if let Some(total) = &state.total {
                let format = Format::Xlsx;
                let name = download::report_file_name(&total.0.title(), format.extension());
                let workbook = render_units_xlsx(&total.0, &state.lines);
                download::download_bytes(&name, format.mime(), &workbook);
            }
        })
    };
    let accepted = state.units.accepted.len();
    let refused = state.units.refused.len();
    let status = match state.units.year() {
        _ if accepted + refused == 0 => None,
        Some(year) => Some(format!(
            "已计入 {accepted} 个单位的 {year} 年度报告；未计入 {refused} 个文件。"
        )),
        None => Some(format!(
            "已计入 {accepted} 个单位的报告（未填写年度）；未计入 {refused} 个文件。"
        )),
    };
    html! {
        <section class="tool-section sum-view" aria-labelledby="sum-title">
            <h1 id="sum-title">{"汇总各单位的年度报告"}</h1>
            <p class="guidance">{"请选择或拖入本级各单位的报告文件（填写页面“下载报告文件”得到的 .json 文件；已发布报告的 Word、PDF 文件或网页也可以，读不出的单元格会在下面列明），可分几次添加。每份报告都会按规则检查，再把各单位的表格逐格相加、重新计算合计；正文留空。同一年度的报告才会计入；文件只在本机浏览器中读取，不会上传。"}</p>
            <div class="drop-zone no-print" {ondragover} {ondrop}>
                <label class="file-button">{"选择报告文件……"}<input type="file" multiple=true accept={PUBLISHED_REPORTS} data-sum-files="" disabled={state.reading > 0} {onchange} /></label>
                <span>{"或把文件拖到这里"}</span>
            </div>
            if state.reading > 0 {
                <p class="notice info" role="status">{format!("正在读取 {} 个文件……", state.reading)}</p>
            }
            if let Some(status) = status {
                <p class="sum-status" role="status" data-sum-status="">{status}</p>
            }
            if !state.units.refused.is_empty() {
                <section class="notice warning" data-sum-refused="" aria-label="未汇总的文件">
                    <h2>{"以下文件未计入汇总"}</h2>
                    <ul>
                        { for state.units.refused.iter().map(|(file, reason)| html! {
                            <li data-file={file.clone()}><strong>{file.clone()}</strong>{"："}{reason.clone()}</li>
                        }) }
                    </ul>
                </section>
            }
            if let Some(total) = state.total.clone() {
                <div class="toolbar no-print">
                    <label class="field">{"汇总单位名称"}<input type="text" data-sum-body="" value={state.body.clone()} placeholder={DEFAULT_SUM_BODY} oninput={onbody} /></label>
                    <button type="button" class="primary" data-sum-download="json" onclick={download}>{"下载汇总报告文件"}</button>
                    <button type="button" data-sum-download="csv" onclick={download_table}>{"下载各单位情况表（CSV）"}</button>
                    <button type="button" data-sum-download="xlsx" onclick={download_workbook} title="各单位主要数据与汇总后的三张表格，合计为公式">{"下载 Excel（各单位与汇总表）"}</button>
                    <button type="button" class="secondary" onclick={clear}>{"清空，重新选择"}</button>
                </div>
                {units_table(&state, &total.0)}
                if !total.1.is_empty() {
                    <section class="notice warning" data-sum-left-out="" aria-label="未计入汇总的单元格">
                        <h2>{"以下单元格不是数字，未计入汇总"}</h2>
                        <ul>{ for total.1.iter().map(|message| html! { <li>{message.clone()}</li> }) }</ul>
                    </section>
                }
                {summed_tables(&total.0)}
            }
        </section>
    }
}
