//! 汇总 in the page: a county or district office chooses (or drops) its units' report files and
//! gets each unit's check results and key figures, the list of files left out with the reason,
//! and the summed report to download. Files are read by the on-demand importer (report files,
//! Word, PDF, web pages); gathering and summing are the core's `sum` module, the same code
//! `ogi-report sum` runs, so the page and the CLI give the same file.

use std::cell::RefCell;
use std::rc::Rc;

use ogi_report_core::checklist::{
    checklist, missing, parse_units, ChecklistRow, UnitStatus, STATUS_COLUMN,
};
use ogi_report_core::format::PARTS;
use ogi_report_core::imported::Summary;
use ogi_report_core::layout;
use ogi_report_core::output::Format;
use ogi_report_core::pack::{self, Pack, PackError};
use ogi_report_core::sum::{
    copied_text, key_figures, mark_copied, unit_line, units_csv_listed, Decision, Summed, UnitLine,
    Units, COPIED_BETWEEN_UNITS_PERCENT, COPIED_COLUMN, DEFAULT_SUM_BODY, KEY_FIGURES,
};
use ogi_report_core::{write_report, Report, Severity};
use ogi_report_render::xlsx::render_units_xlsx_listed;
use web_sys::{DragEvent, File, HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

use crate::browser::download;
use crate::browser::file_work;
use crate::browser::files::{dropped_files, files_of, read_files_bytes, PUBLISHED_REPORTS};
use crate::view::components::layout_cell::layout_table;

#[derive(Clone, Default)]
pub struct SumState {
    // Behind `Rc`: typing the 汇总 name must not copy two hundred units' reports and findings.
    units: Rc<Units>,
    /// Each file's line (its check), in the order of `units.files`: each checked once, when added.
    lines: Rc<Vec<UnitLine>>,
    /// The summed report and the cells it cannot know; `None` until a file counts.
    total: Option<Rc<Summed>>,
    body: String,
    /// The units that should send a report, as pasted (one a line); empty: no list.
    listed: String,
    /// Narrative shared with another unit's at or over this share is flagged (a pack's, or 50 %).
    copied_percent: Option<usize>,
    /// Files being read now.
    reading: usize,
}

/// One unit's file as the importer read it: (file name, its report and import summary, or why
/// not).
type UnitRead = (String, Result<(Report, Option<Summary>), String>);

pub enum SumAction {
    Reading(usize),
    /// Files read by the importer.
    Add(Vec<UnitRead>),
    Body(String),
    /// The list of units that should send a report, as pasted.
    Listed(String),
    /// A superior office's pack (下发文件) was chosen: its list, its name and its threshold.
    Pack(Rc<Pack>),
    /// The year to sum (when the files name several).
    Year(Option<i32>),
    /// A year for the file at this place, whose report names none (`None`: leave it out). Files
    /// are named by place: units often send files of the same name.
    GiveYear(usize, Option<i32>),
    /// The file at this place counts for its unit.
    Prefer(usize),
    Clear,
}

impl SumState {
    fn copied_percent(&self) -> usize {
        self.copied_percent.unwrap_or(COPIED_BETWEEN_UNITS_PERCENT)
    }

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
            (!self.units.accepted().is_empty()).then(|| Rc::new(self.units.sum(self.body())));
    }

    /// The list's rows with each unit's state (empty without a list).
    fn checklist(&self, lines: &[UnitLine]) -> Vec<ChecklistRow> {
        let listed = parse_units(&self.listed);
        if listed.is_empty() {
            Vec::new()
        } else {
            checklist(&listed, lines)
        }
    }

    /// The lines of the files that count, with their files, in order.
    fn counted(&self) -> Vec<(&str, &UnitLine)> {
        self.units
            .files
            .iter()
            .zip(self.lines.iter())
            .zip(self.units.decisions())
            .filter(|(_, decision)| *decision == Decision::Counted)
            .map(|((unit, line), _)| (unit.file.as_str(), line))
            .collect()
    }
}

impl Reducible for SumState {
    type Action = SumAction;

    fn reduce(self: Rc<Self>, action: SumAction) -> Rc<Self> {
        let mut next = (*self).clone();
        match action {
            SumAction::Reading(count) => {
                next.reading = count;
                return Rc::new(next);
            }
            SumAction::Add(files) => {
                next.reading = next.reading.saturating_sub(files.len());
                let (units, lines) = (Rc::make_mut(&mut next.units), Rc::make_mut(&mut next.lines));
                for (name, read) in files {
                    match read {
                        Ok((report, summary)) => {
                            units.add_imported(&name, report, summary.as_ref());
                            lines.extend(units.files.last().map(unit_line));
                        }
                        Err(reason) => units.refuse(&name, &reason),
                    }
                }
            }
            SumAction::Body(body) => next.body = body,
            SumAction::Listed(text) => next.listed = text,
            SumAction::Pack(pack) => {
                next.reading = next.reading.saturating_sub(1);
                next.listed = pack.names().join("\n");
                next.copied_percent = Some(pack.copied_percent);
                if next.body.trim().is_empty() {
                    next.body = pack.office.clone();
                }
            }
            SumAction::Year(year) => Rc::make_mut(&mut next.units).year_chosen = year,
            SumAction::GiveYear(at, year) => {
                let units = Rc::make_mut(&mut next.units);
                units.give_year_at(at, year);
                units.leave_out_at(at, year.is_none());
            }
            SumAction::Prefer(at) => Rc::make_mut(&mut next.units).prefer_at(at),
            SumAction::Clear => next = SumState::default(),
        }
        next.resum();
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
        // A pack (下发文件) among them gives the list; it is not a unit's report.
        let mut units = Vec::new();
        for (name, bytes) in reads {
            match bytes.as_deref().ok().and_then(pack_in) {
                Some(Ok(pack)) => state.dispatch(SumAction::Pack(Rc::new(pack))),
                Some(Err(error)) => {
                    state.dispatch(SumAction::Add(vec![(name, Err(error.to_string()))]))
                }
                None => units.push((name, bytes)),
            }
        }
        let reads = units;
        if reads.is_empty() {
            return;
        }
        let count = reads.len();
        let results: Rc<RefCell<Vec<Option<UnitRead>>>> = Rc::new(RefCell::new(vec![None; count]));
        for (index, (name, bytes)) in reads.into_iter().enumerate() {
            let (state, results) = (state.clone(), results.clone());
            let file_name = name.clone();
            let done = move |read: Result<(Report, Option<Summary>), String>| {
                let mut all = results.borrow_mut();
                all[index] = Some((name, read));
                if all.iter().all(Option::is_some) {
                    let files = all.drain(..).flatten().collect();
                    drop(all);
                    state.dispatch(SumAction::Add(files));
                }
            };
            match bytes {
                Ok(bytes) => file_work::import(&bytes, &file_name, done),
                Err(why) => done(Err(why)),
            }
        }
    });
}

/// Reads the files chosen in a file input (units' reports, or a pack), then empties it so that the
/// same file can be chosen again.
fn read_chosen(dispatcher: &UseReducerDispatcher<SumState>) -> Callback<Event> {
    let dispatcher = dispatcher.clone();
    Callback::from(move |event: Event| {
        let input = event.target_unchecked_into::<HtmlInputElement>();
        read_into(files_of(input.files()), dispatcher.clone());
        input.set_value("");
    })
}

/// The settings of a one-file page handed down, if these bytes are one.
fn pack_in(bytes: &[u8]) -> Option<Result<Pack, PackError>> {
    std::str::from_utf8(bytes).ok().and_then(pack::from_html)
}

fn unit_row(index: usize, file: &str, line: &UnitLine) -> Html {
    let copied = line.copied_from.as_ref().map(|(other, share)| html! {
        // Units by name, as `data-other-unit` (the row's `data-unit` is its file).
        <span data-sum-copied="" data-unit={line.body.clone()} data-other-unit={other.clone()} data-share={share.to_string()}>
            {copied_text(line)}
        </span>
    });
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
    let body = line.body.clone();
    html! {
        <tr data-unit={file.to_owned()} class={classes!((line.errors > 0).then_some("has-errors"))}>
            <td class="number">{index + 1}</td>
            <th scope="row">{body}{details}</th>
            <td class="file-name">{file.to_owned()}</td>
            <td class="number" data-errors="">{line.errors}</td>
            <td class="number" data-warnings="">{line.warnings}</td>
            { for line.figures.iter().map(|(_, value)| html! { <td class="number">{value.clone()}</td> }) }
            <td class={classes!(copied.is_some().then_some("copied"))}>{copied}</td>
        </tr>
    }
}

fn units_table(state: &SumState, lines: &[UnitLine], total: &Report) -> Html {
    html! {
        <table class="sum-table" data-sum-units="" aria-label="各单位报告检查情况">
            <thead>
                <tr>
                    <th scope="col">{"序号"}</th><th scope="col">{"单位"}</th><th scope="col">{"文件"}</th>
                    <th scope="col">{Severity::Error.label()}</th><th scope="col">{Severity::Warning.label()}</th>
                    { for KEY_FIGURES.iter().map(|(label, _)| html! { <th scope="col">{*label}</th> }) }
                    <th scope="col" title={format!("本单位正文中与另一单位逐句相同的文字所占比例，{}% 及以上列出", state.copied_percent())}>{COPIED_COLUMN}</th>
                </tr>
            </thead>
            <tbody>
                { for state.counted().into_iter().zip(lines).enumerate().map(|(index, ((file, _), line))| unit_row(index, file, line)) }
            </tbody>
            <tfoot>
                <tr data-sum-total="">
                    <td></td><th scope="row">{"合计"}</th><td></td><td></td><td></td>
                    { for key_figures(total).into_iter().map(|(_, value)| html! { <td class="number">{value}</td> }) }
                    <td></td>
                </tr>
            </tfoot>
        </table>
    }
}

fn summed_tables(summed: &Summed) -> Html {
    let total = &summed.report;
    let cell = |cell: ogi_report_core::CellRef| {
        let path = cell.path();
        let unknown = summed.unknown.iter().find(|unknown| unknown.cell == path);
        let over_unknown = unknown.is_none() && cell.is_total() && total.cell_is_blank(cell);
        html! {
            <td class={classes!("cell", "sum-cell", (unknown.is_some() || over_unknown).then_some("unknown"))}
                data-sum-cell={path} data-unknown={(unknown.is_some() || over_unknown).then_some("")}
                title={unknown.map(|unknown| unknown.message())}>
                {total.cell_text(cell)}
            </td>
        }
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

/// The files that do not count, each with its reason; a file without a year can be given the
/// year summed, and a unit's other file can be chosen instead.
fn refused_list(state: &SumState, dispatcher: &UseReducerDispatcher<SumState>) -> Html {
    let year = state.units.year();
    let control = |at: usize, decision: &Decision| -> Html {
        let dispatcher = dispatcher.clone();
        match (decision, year) {
            (Decision::NoYear, Some(year)) => {
                let onclick = Callback::from(move |_: MouseEvent| {
                    dispatcher.dispatch(SumAction::GiveYear(at, Some(year)))
                });
                html! { <button type="button" class="secondary" data-sum-give-year={year.to_string()} {onclick}>{format!("确认是 {year} 年度的报告，计入")}</button> }
            }
            (Decision::Duplicate { .. }, _) => {
                let onclick =
                    Callback::from(move |_: MouseEvent| dispatcher.dispatch(SumAction::Prefer(at)));
                html! { <button type="button" class="secondary" data-sum-prefer="" {onclick}>{"改为计入这一份"}</button> }
            }
            _ => html! {},
        }
    };
    let line = |file: &str, reason: &str, control: Html| {
        html! {
            <li data-file={file.to_owned()}><strong>{file.to_owned()}</strong>{"："}{reason.to_owned()}{" "}{control}</li>
        }
    };
    html! {
        <section class="notice warning" data-sum-refused="" aria-label="未汇总的文件">
            <h2>{"以下文件未计入汇总"}</h2>
            <ul>
                { for state.units.unreadable.iter().map(|(file, reason)| line(file, reason, html! {})) }
                { for state.units.left_out().into_iter().map(|(at, decision, reason)| {
                    line(&state.units.files[at].file, &reason, control(at, &decision))
                }) }
            </ul>
        </section>
    }
}

/// The year summed, to choose when the files name several.
fn year_choice(state: &SumState, dispatcher: &UseReducerDispatcher<SumState>) -> Html {
    let years = state.units.years_named();
    if years.len() < 2 {
        return html! {};
    }
    let chosen = state.units.year();
    let onchange = {
        let dispatcher = dispatcher.clone();
        Callback::from(move |event: Event| {
            let select = event.target_unchecked_into::<HtmlSelectElement>();
            dispatcher.dispatch(SumAction::Year(select.value().parse().ok()));
        })
    };
    html! {
        <label class="field">{"汇总年度"}
            <select data-sum-year="" {onchange}>
                if chosen.is_none() { <option value="" selected=true>{"请选择"}</option> }
                { for years.iter().map(|year| html! {
                    <option value={year.to_string()} selected={chosen == Some(*year)}>{format!("{year} 年度")}</option>
                }) }
            </select>
        </label>
    }
}

/// The counted units' lines, for the table, the CSV and the workbook, each marked where its
/// narrative repeats another counted unit's.
fn counted_lines(state: &SumState) -> Vec<UnitLine> {
    let mut lines: Vec<UnitLine> = state
        .counted()
        .into_iter()
        .map(|(_, line)| line.clone())
        .collect();
    let reports: Vec<&Report> = state
        .units
        .accepted()
        .into_iter()
        .map(|unit| &unit.report)
        .collect();
    mark_copied(&mut lines, &reports, state.copied_percent());
    lines
}

/// The 汇总's name and its downloads: the summed report file, the units table (CSV), the workbook.
fn downloads(
    state: &UseReducerHandle<SumState>,
    dispatcher: &UseReducerDispatcher<SumState>,
) -> Html {
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
                let name = ogi_report_core::output::report_file_name(&total.report, Format::Json);
                download::download_text(&name, "application/json", &write_report(&total.report));
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
            let name = ogi_report_core::format::file_name(
                &format!("{}{year}各单位年度报告检查汇总表", state.body()),
                "csv",
            );
            let lines = counted_lines(&state);
            let csv = units_csv_listed(&lines, &state.checklist(&lines));
            download::download_text(&name, "text/csv", &csv);
        })
    };
    let download_workbook = {
        let state = state.clone();
        Callback::from(move |_: MouseEvent| {
            if let Some(total) = &state.total {
                let format = Format::Xlsx;
                let name = ogi_report_core::output::report_file_name(&total.report, format);
                let lines = counted_lines(&state);
                let checklist = state.checklist(&lines);
                let workbook = render_units_xlsx_listed(&total.report, &lines, &checklist);
                download::download_bytes(&name, format.mime(), &workbook);
            }
        })
    };
    html! {
        <div class="toolbar no-print">
            <label class="field">{"汇总单位名称"}<input type="text" data-sum-body="" value={state.body.clone()} placeholder={DEFAULT_SUM_BODY} oninput={onbody} /></label>
            <button type="button" class="primary" data-sum-download="json" onclick={download}>{"下载汇总报告文件"}</button>
            <button type="button" data-sum-download="csv" onclick={download_table}>{"下载各单位情况表（CSV）"}</button>
            <button type="button" data-sum-download="xlsx" onclick={download_workbook} title="各单位主要数据与汇总后的三张表格，合计为公式">{"下载 Excel（各单位与汇总表）"}</button>
            <button type="button" class="secondary" onclick={clear}>{"清空，重新选择"}</button>
        </div>
    }
}

/// The list of units that should report: pasted here, then each unit's state beside the files
/// that came back, and the 催报 list of those that sent nothing, to copy.
fn units_list(
    state: &SumState,
    lines: &[UnitLine],
    dispatcher: &UseReducerDispatcher<SumState>,
) -> Html {
    let oninput = {
        let dispatcher = dispatcher.clone();
        Callback::from(move |event: InputEvent| {
            let area = event.target_unchecked_into::<web_sys::HtmlTextAreaElement>();
            dispatcher.dispatch(SumAction::Listed(area.value()));
        })
    };
    let rows = state.checklist(lines);
    let missing = missing(&rows);
    let on_pack = read_chosen(dispatcher);
    html! {
        <section class="units-list" aria-labelledby="units-list-title">
            <h2 id="units-list-title">{"应报送单位名单（可选）"}</h2>
            <label class="field">
                <span class="guidance">{"每行一个单位名称，可直接从 Excel 复制一列粘贴；名单中的单位将逐一显示已交、有错误、有空白或未交。"}</span>
                <textarea rows="4" data-sum-units-list="" value={state.listed.clone()} {oninput} />
            </label>
            <label class="file-button secondary">{"从下发文件读取名单……"}
                <input type="file" accept=".html,.htm,text/html" data-sum-pack="" title="选择在「下发填写页面」中下载的文件：读取其中的单位名单、汇总单位名称和雷同提示比例" onchange={on_pack} />
            </label>
            if !rows.is_empty() {
                <table class="sum-table checklist" data-sum-checklist="" aria-label="报送情况">
                    <thead><tr><th scope="col">{"序号"}</th><th scope="col">{"单位"}</th><th scope="col">{STATUS_COLUMN}</th></tr></thead>
                    <tbody>
                        { for rows.iter().enumerate().map(|(index, row)| html! {
                            <tr data-unit={row.unit.clone()} data-unit-status={row.status.key()} class={row.status.key()}>
                                <td class="number">{index + 1}</td><th scope="row">{row.unit.clone()}</th><td>{row.status.label()}</td>
                            </tr>
                        }) }
                    </tbody>
                </table>
                <p data-sum-checklist-tally="">{checklist_tally(&rows)}</p>
                if !missing.is_empty() {
                    <label class="field">{format!("催报名单（{} 个单位未交，可复制）", missing.len())}
                        <textarea rows={missing.len().clamp(2, 8).to_string()} readonly=true data-sum-urge="" value={missing.join("\n")} />
                    </label>
                }
            }
        </section>
    }
}

/// 「名单 12 个单位：已交 8，有错误 1，有空白 1，未交 2；另有 1 个不在名单中的单位。」
fn checklist_tally(rows: &[ChecklistRow]) -> String {
    let count = |status: UnitStatus| rows.iter().filter(|row| row.status == status).count();
    let listed = rows.len() - count(UnitStatus::Unlisted);
    let mut text = format!("名单 {listed} 个单位：");
    let parts: Vec<String> = [
        UnitStatus::Submitted,
        UnitStatus::Errors,
        UnitStatus::Blanks,
        UnitStatus::Missing,
    ]
    .into_iter()
    .map(|status| format!("{} {}", status.label(), count(status)))
    .collect();
    text.push_str(&parts.join("，"));
    text.push('。');
    if count(UnitStatus::Unlisted) > 0 {
        text.push_str(&format!(
            "另有 {} 个不在名单中的单位。",
            count(UnitStatus::Unlisted)
        ));
    }
    text
}

/// The cells the 汇总 cannot know, each with the units and why.
fn unknown_cells(total: &Summed) -> Html {
    if total.unknown.is_empty() {
        return html! {};
    }
    html! {
        <section class="notice warning" data-sum-left-out="" aria-label="汇总数不详的单元格">
            <h2>{format!("以下 {} 个单元格汇总数不详，已留空", total.unknown.len())}</h2>
            <p>{"这些单元格有单位未填写、填写的不是数字，或从文件中未能读出；汇总数若按 0 计会偏小，所以留空。请向有关单位核实后再汇总。"}</p>
            <ul>{ for total.messages().into_iter().map(|message| html! { <li>{message}</li> }) }</ul>
        </section>
    }
}

#[component]
pub fn SumView() -> Html {
    let state = use_reducer(SumState::default);
    let dispatcher = state.dispatcher();
    let onchange = read_chosen(&dispatcher);
    let ondragover = Callback::from(|event: DragEvent| event.prevent_default());
    let ondrop = {
        let dispatcher = dispatcher.clone();
        Callback::from(move |event: DragEvent| read_into(dropped_files(&event), dispatcher.clone()))
    };
    let status = state
        .total
        .as_ref()
        .map(|total| state.units.status(total))
        .or_else(|| {
            let files = state.units.files.len() + state.units.unreadable.len();
            (files > 0).then(|| format!("没有可以计入的报告；未计入 {files} 个文件。"))
        });
    // Each counted unit's line, marked for copied narrative: derived once per render for the list
    // and the table (the measure compares every pair of units).
    let lines = counted_lines(&state);
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
            {year_choice(&state, &dispatcher)}
            {units_list(&state, &lines, &dispatcher)}
            if !state.units.refused().is_empty() {
                {refused_list(&state, &dispatcher)}
            }
            if let Some(total) = state.total.clone() {
                {downloads(&state, &dispatcher)}
                {units_table(&state, &lines, &total.report)}
                {unknown_cells(&total)}
                {summed_tables(&total)}
            }
        </section>
    }
}
