//! The package's operations over text and bytes, without JavaScript types, so that they run and
//! are tested natively: every input is a report file's JSON text (or a file's bytes), every
//! output JSON text or bytes, every failure the Chinese message the CLI prints.

use ogi_report_core::imported::write_imported;
use ogi_report_core::rules::{self, Checked, Context, Date, Stage};
use ogi_report_core::sum::{unit_lines, units_csv, Units, DEFAULT_SUM_BODY, KEY_FIGURES};
use ogi_report_core::{read_report, write_report, Report};
use ogi_report_import::import_file;
use ogi_report_render::html::{render_article, Styling};
use ogi_report_render::{Format, RenderOptions};
use serde::Serialize;

/// What `check` runs against besides the report.
#[derive(Clone, Debug, Default)]
pub struct CheckOptions {
    /// Last year's report file, for R9, R10 and R17.
    pub previous: Option<String>,
    /// `YYYY-MM-DD`; without it, today in China at `now_millis`.
    pub today: Option<String>,
    pub deadline: Option<String>,
    /// `filling` (blanks are not errors yet) or `final` (the default, as the CLI checks).
    pub stage: Option<String>,
    pub now_millis: f64,
}

/// A blank report (this year's format, every part with its usual sub-headings) as a report file,
/// for a form that starts from nothing.
pub fn empty_report(year: Option<i32>) -> String {
    let mut report = Report::new_draft();
    report.meta.year = year;
    write_report(&report)
}

/// The report with every total cell computed from its leaves (a form's read-only 总计 cells).
pub fn with_totals(report: &str) -> Result<String, String> {
    Ok(write_report(&read(report)?.with_computed_totals()))
}

/// Reads a report file's text; the message is the one the CLI prints after the file name.
pub fn read(text: &str) -> Result<Report, String> {
    read_report(text).map_err(|error| error.to_string())
}

fn date(name: &str, text: Option<&str>) -> Result<Option<Date>, String> {
    text.map(|text| {
        Date::parse(text).ok_or_else(|| format!("{name} 日期「{text}」无效，应为 YYYY-MM-DD。"))
    })
    .transpose()
}

/// Every rule over the report: `{"findings":[…],"errors":N,"warnings":M}`, as `ogi-report check
/// --json` prints it.
pub fn check(report: &str, options: &CheckOptions) -> Result<String, String> {
    let mut report = read(report)?;
    if let Some(previous) = &options.previous {
        let previous = read(previous).map_err(|message| format!("上年报告：{message}"))?;
        report.attach_previous(&previous);
    }
    json(&Checked::new(rules::check(&report, &context(options)?)))
}

/// The check's context from the caller's options (`previous` aside).
fn context(options: &CheckOptions) -> Result<Context<'_>, String> {
    let stage = match options.stage.as_deref() {
        None | Some("final") => Stage::Final,
        Some("filling") => Stage::Filling,
        Some(other) => return Err(format!("stage「{other}」无效，应为 final 或 filling。")),
    };
    let today = date("today", options.today.as_deref())?;
    Ok(Context {
        stage,
        today: today.or(Some(Date::in_china_at(options.now_millis))),
        deadline: date("deadline", options.deadline.as_deref())?,
        ..Context::default()
    })
}

/// 审阅 of a published report in any file the importer reads: `{report, findings, errors,
/// warnings, setAside, cells: [[path, {source, why?}]], notPlaced}` (the CLI's `audit --json`
/// with the report beside it).
pub fn audit(bytes: &[u8], file_name: &str, options: &CheckOptions) -> Result<String, String> {
    let found = ogi_report_import::audit(bytes, file_name, &context(options)?)
        .map_err(|error| error.to_string())?;
    let body = json(&found)?;
    // The audit's own JSON with the report (in its documented key order) put first.
    Ok(format!(
        "{{\"report\":{},{}",
        write_report(&found.report),
        body.strip_prefix('{').unwrap_or(&body)
    ))
}

/// How a rendering is marked: as the caller says, or (`None`) a draft exactly when the report
/// has errors, as the CLI decides.
fn options(report: &Report, draft: Option<bool>) -> RenderOptions {
    match draft {
        Some(draft) => RenderOptions { draft },
        None => RenderOptions::checked(report),
    }
}

/// The report written as `format` (`docx`, `html` or `json`): the bytes `ogi-report render`
/// writes.
pub fn render(report: &str, format: &str, draft: Option<bool>) -> Result<Vec<u8>, String> {
    let format = Format::parse(format)?;
    let report = read(report)?;
    Ok(ogi_report_render::render(
        format,
        &report,
        options(&report, draft),
    ))
}

/// The report as an HTML fragment styled by class names (the page's print view; a portal's
/// preview with its own styles).
pub fn article(report: &str, draft: Option<bool>) -> Result<String, String> {
    let report = read(report)?;
    Ok(render_article(
        &report,
        options(&report, draft),
        Styling::Classes,
    ))
}

/// A file the user brought: `{"report":{…},"summary":{filled,inferred,blank,notUnderstood,missing}}`,
/// the summary `null` for a report file of our own (read as it is): the core's
/// [`write_imported`], which the page reads back with `read_imported`.
pub fn import(bytes: &[u8], file_name: &str) -> Result<String, String> {
    let (report, summary) = import_file(bytes, file_name).map_err(|error| error.to_string())?;
    Ok(write_imported(&report, summary.as_ref()))
}

/// One unit's file for 汇总: its name and its bytes.
pub struct UnitFile {
    pub name: String,
    pub bytes: Vec<u8>,
}

#[derive(Serialize)]
struct UnitOut<'a> {
    file: &'a str,
    body: &'a str,
    errors: usize,
    warnings: usize,
    figures: serde_json::Map<String, serde_json::Value>,
    findings: &'a [rules::Finding],
    /// The other unit whose narrative this unit's repeats most, at or over 50 %: `{unit, share}`.
    copied: Option<CopiedOut<'a>>,
}

#[derive(Serialize)]
struct CopiedOut<'a> {
    unit: &'a str,
    share: usize,
}

#[derive(Serialize)]
struct Refused<'a> {
    file: &'a str,
    reason: &'a str,
}

/// What the user decided for a 汇总 (the CLI's `--year`, `--file-year`, `--prefer`).
#[derive(Default)]
pub struct SumChoices {
    pub body: Option<String>,
    pub year: Option<i32>,
    /// (file, year) for files whose report names no year.
    pub file_years: Vec<(String, i32)>,
    /// Files chosen among several of one unit.
    pub prefer: Vec<String>,
}

#[derive(Serialize)]
struct Unknown<'a> {
    cell: &'a str,
    label: &'a str,
    causes: Vec<Cause<'a>>,
}

#[derive(Serialize)]
struct Cause<'a> {
    unit: &'a str,
    why: &'a str,
}

/// 汇总 of units' report files, as `ogi-report sum` does it: `{"report":{…},"year":…,
/// "units":[…],"refused":[{file,reason}],"unknown":[{cell,label,causes:[{unit,why}]}],
/// "leftOut":[…],"status":"…","csv":"…"}` (`leftOut`: one message per unknown cell).
pub fn sum(files: &[UnitFile], choices: &SumChoices) -> Result<String, String> {
    let mut units = Units {
        year_chosen: choices.year,
        ..Units::default()
    };
    for file in files {
        ogi_report_import::add_file(&mut units, &file.name, &file.bytes);
    }
    for (file, year) in &choices.file_years {
        units.give_year(file, Some(*year));
    }
    for file in &choices.prefer {
        units.prefer(file);
    }
    if let Some(message) = units.nothing_to_sum() {
        return Err(message);
    }
    let summed = units.sum(choices.body.as_deref().unwrap_or(DEFAULT_SUM_BODY));
    let lines = unit_lines(&units);
    let unit_out: Vec<UnitOut> = units
        .accepted()
        .into_iter()
        .zip(&lines)
        .map(|(unit, line)| UnitOut {
            file: &unit.file,
            body: &line.body,
            errors: line.errors,
            warnings: line.warnings,
            figures: line
                .figures
                .iter()
                .map(|(label, value)| ((*label).to_owned(), value.clone().into()))
                .collect(),
            findings: &line.findings,
            copied: line.copied_from.as_ref().map(|(unit, share)| CopiedOut {
                unit,
                share: *share,
            }),
        })
        .collect();
    let refused = units.refused();
    let refused: Vec<Refused> = refused
        .iter()
        .map(|(file, reason)| Refused { file, reason })
        .collect();
    let unknown: Vec<Unknown> = summed
        .unknown
        .iter()
        .map(|cell| Unknown {
            cell: &cell.cell,
            label: &cell.label,
            causes: cell
                .causes
                .iter()
                .map(|(unit, why)| Cause { unit, why })
                .collect(),
        })
        .collect();
    Ok(format!(
        "{{\"report\":{},\"year\":{},\"units\":{},\"refused\":{},\"unknown\":{},\"leftOut\":{},\"status\":{},\"keyFigures\":{},\"csv\":{}}}",
        write_report(&summed.report),
        json(&units.year())?,
        json(&unit_out)?,
        json(&refused)?,
        json(&unknown)?,
        json(&summed.messages())?,
        json(&units.status(&summed))?,
        json(&KEY_FIGURES.map(|(label, _)| label))?,
        json(&units_csv(&lines))?,
    ))
}

fn json<T: Serialize + ?Sized>(value: &T) -> Result<String, String> {
    serde_json::to_string(value).map_err(|error| error.to_string())
}
