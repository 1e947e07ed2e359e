//! `ogi-report`: checks and renders report files from the command line, for offices that handle
//! many units' reports. Every rule, label and format detail comes from ogi-report-core;
//! reading files from ogi-report-import, writing them from ogi-report-render.
//!
//! Exit status (docs/cli.md): 0 no errors, 1 errors found, 2 the input cannot be used.

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::{SystemTime, UNIX_EPOCH};

use ogi_report_core::audit::CellSource;
use ogi_report_core::rules::{self, Checked, Context, Date, Severity, Stage};
use ogi_report_core::sum::{Units, DEFAULT_SUM_BODY};
use ogi_report_core::{read_report, write_report, Report};
use ogi_report_import::import_file;
use ogi_report_render::xlsx::render_units_xlsx;
use ogi_report_render::{Format, RenderOptions};

const USAGE: &str = "用法：
  ogi-report check FILE [--previous LAST] [--json] [--today YYYY-MM-DD] [--deadline YYYY-MM-DD]
  ogi-report render FILE --to json|docx|html|xlsx --out OUT
  ogi-report import FILE --out REPORT.json      （import-text 同此）
  ogi-report audit FILE [--json] [--today YYYY-MM-DD]   审阅已发布的报告（Word、PDF、网页、文字或报告文件）
  ogi-report sum FILE... --out TOTAL [--body 汇总单位名称] [--csv 各单位情况表.csv] [--xlsx 汇总表.xlsx]
                 [--year 汇总年度] [--file-year FILE=年度]... [--prefer FILE]...
                 （标题中没有年度的文件用 --file-year 指定后才计入；同一单位有两份文件时默认计入较完整的一份，--prefer 改选）
  ogi-report rules";

/// A failure that ends the command with status 2 and a message on stderr.
struct Unusable(String);

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match run(&args) {
        Ok(code) => code,
        Err(Unusable(message)) => {
            eprintln!("ogi-report: {message}");
            ExitCode::from(2)
        }
    }
}

fn run(args: &[String]) -> Result<ExitCode, Unusable> {
    let (command, rest) = args
        .split_first()
        .ok_or_else(|| Unusable(USAGE.to_owned()))?;
    let options = Options::parse(rest)?;
    match command.as_str() {
        "check" => check(&options),
        "audit" => audit(&options),
        "render" => render(&options),
        // `import-text` was its first name, kept for scripts that use it.
        "import" | "import-text" => import(&options),
        "sum" => sum(&options),
        "rules" => {
            for rule in &rules::RULES {
                let summary = rules::summary(rule.id).unwrap_or_default();
                println!("{}\t{}\t{summary}", rule.id, rule.severity.label());
            }
            Ok(ExitCode::SUCCESS)
        }
        "help" | "--help" | "-h" => {
            println!("{USAGE}");
            Ok(ExitCode::SUCCESS)
        }
        other => Err(Unusable(format!("未知命令「{other}」。\n{USAGE}"))),
    }
}

#[derive(Default)]
struct Options {
    files: Vec<PathBuf>,
    body: Option<String>,
    previous: Option<PathBuf>,
    json: bool,
    today: Option<Date>,
    deadline: Option<Date>,
    to: Option<String>,
    out: Option<PathBuf>,
    csv: Option<PathBuf>,
    xlsx: Option<PathBuf>,
    year: Option<i32>,
    file_years: Vec<(String, i32)>,
    prefer: Vec<String>,
}

impl Options {
    fn parse(args: &[String]) -> Result<Options, Unusable> {
        let mut options = Options::default();
        let mut args = args.iter();
        while let Some(arg) = args.next() {
            let mut value = |name: &str| {
                args.next()
                    .cloned()
                    .ok_or_else(|| Unusable(format!("{name} 后面缺少参数。\n{USAGE}")))
            };
            match arg.as_str() {
                "--previous" => options.previous = Some(value(arg)?.into()),
                "--json" => options.json = true,
                "--today" => options.today = Some(parse_date(&value(arg)?)?),
                "--deadline" => options.deadline = Some(parse_date(&value(arg)?)?),
                "--to" => options.to = Some(value(arg)?),
                "--out" => options.out = Some(value(arg)?.into()),
                "--body" => options.body = Some(value(arg)?),
                "--csv" => options.csv = Some(value(arg)?.into()),
                "--xlsx" => options.xlsx = Some(value(arg)?.into()),
                "--year" => options.year = Some(parse_year(&value(arg)?)?),
                "--file-year" => {
                    let given = value(arg)?;
                    let (file, year) = given.rsplit_once('=').ok_or_else(|| {
                        Unusable(format!(
                            "--file-year 的写法是 文件=年度，而不是「{given}」。"
                        ))
                    })?;
                    options
                        .file_years
                        .push((file.to_owned(), parse_year(year)?));
                }
                "--prefer" => options.prefer.push(value(arg)?),
                flag if flag.starts_with("--") => {
                    return Err(Unusable(format!("未知选项「{flag}」。\n{USAGE}")))
                }
                file => options.files.push(file.into()),
            }
        }
        Ok(options)
    }

    /// The one input file of check, render and import-text.
    fn file(&self) -> Result<&Path, Unusable> {
        match self.files.as_slice() {
            [file] => Ok(file),
            [] => Err(Unusable(format!("缺少报告文件。\n{USAGE}"))),
            [_, extra, ..] => Err(Unusable(format!(
                "多余的参数「{}」。\n{USAGE}",
                extra.display()
            ))),
        }
    }
}

fn parse_date(text: &str) -> Result<Date, Unusable> {
    Date::parse(text).ok_or_else(|| Unusable(format!("日期「{text}」无效，应为 YYYY-MM-DD。")))
}

fn parse_year(text: &str) -> Result<i32, Unusable> {
    text.trim()
        .parse::<i32>()
        .ok()
        .filter(|year| (2000..=2100).contains(year))
        .ok_or_else(|| Unusable(format!("年度「{text}」无效，应为四位数字，例如 2024。")))
}

fn load(path: &Path) -> Result<Report, Unusable> {
    let text =
        std::fs::read(path).map_err(|e| Unusable(format!("无法读取 {}：{e}", path.display())))?;
    let text = String::from_utf8(text)
        .map_err(|_| Unusable(format!("{}：文件不是 UTF-8 编码的文本。", path.display())))?;
    read_report(&text).map_err(|e| Unusable(format!("{}：{e}", path.display())))
}

/// Today in China Standard Time (UTC+8), where every filer is.
fn today_in_china() -> Option<Date> {
    let since_epoch = SystemTime::now().duration_since(UNIX_EPOCH).ok()?;
    Some(Date::in_china_at(since_epoch.as_millis() as f64))
}

/// One line a finding: severity, rule, message, and the cells it names.
fn print_findings(findings: &[rules::Finding]) {
    for finding in findings {
        println!(
            "{} {}：{}（{}）",
            finding.severity.label(),
            finding.rule,
            finding.message,
            finding.paths().join(" ")
        );
    }
}

fn check(options: &Options) -> Result<ExitCode, Unusable> {
    let mut report = load(options.file()?)?;
    if let Some(previous) = &options.previous {
        report.attach_previous(&load(previous)?);
    }
    let context = Context {
        stage: Stage::Final,
        today: options.today.or_else(today_in_china),
        deadline: options.deadline,
        ..Context::default()
    };
    let checked = Checked::new(rules::check(&report, &context));
    let errors = checked.errors;
    if options.json {
        let text = serde_json::to_string(&checked).map_err(|e| Unusable(e.to_string()))?;
        println!("{text}");
    } else {
        print_findings(&checked.findings);
        let infos = checked
            .findings
            .iter()
            .filter(|f| f.severity == Severity::Info)
            .count();
        let warnings = checked.warnings;
        println!("共 {errors} 个错误、{warnings} 个提醒、{infos} 个提示。");
    }
    Ok(if errors > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// 审阅: reads a published report from any file the importer reads and runs the final check on
/// it as it stands; says which cells were inferred or not read, and sets aside the findings that
/// rest on unread cells. Exit status as `check`.
fn audit(options: &Options) -> Result<ExitCode, Unusable> {
    let path = options.file()?;
    let bytes =
        std::fs::read(path).map_err(|e| Unusable(format!("无法读取 {}：{e}", path.display())))?;
    let name = path.file_name().map(|name| name.to_string_lossy());
    let context = Context {
        stage: Stage::Final,
        today: options.today.or_else(today_in_china),
        deadline: options.deadline,
        ..Context::default()
    };
    let found = ogi_report_import::audit(&bytes, name.as_deref().unwrap_or_default(), &context)
        .map_err(|e| Unusable(format!("{}：{e}", path.display())))?;
    let errors = found.checked.errors;
    if options.json {
        let text = serde_json::to_string(&found).map_err(|e| Unusable(e.to_string()))?;
        println!("{text}");
    } else {
        println!("{}", found.report.title());
        print_findings(&found.checked.findings);
        // Each source with its count, then the cells of those that are not read as printed.
        let sources = [
            CellSource::Read,
            CellSource::Inferred { why: String::new() },
            CellSource::Unread,
        ];
        let counts: Vec<String> = sources
            .iter()
            .map(|source| format!("{} {} 个", source.label(), found.cells_from(source).len()))
            .collect();
        println!("表格单元格：{}。", counts.join("，"));
        for source in &sources[1..] {
            let cells = found.cells_from(source);
            if !cells.is_empty() {
                println!("{}（请与原报告核对）：{}", source.label(), cells.join(" "));
            }
        }
        if found.set_aside > 0 {
            println!(
                "另有 {} 项检查涉及未能读出的单元格，未列出。",
                found.set_aside
            );
        }
        println!("共 {errors} 个错误、{} 个提醒。", found.checked.warnings);
    }
    Ok(if errors > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// Renders a report file. A report with errors is rendered as a draft, marked
/// `草稿（未通过检查）`, exactly as the page's "export anyway" does.
fn render(options: &Options) -> Result<ExitCode, Unusable> {
    let report = load(options.file()?)?;
    let out = options
        .out
        .as_deref()
        .ok_or_else(|| Unusable(format!("缺少 --out。\n{USAGE}")))?;
    let format = options
        .to
        .as_deref()
        .ok_or_else(|| Unusable(format!("缺少 --to。\n{USAGE}")))
        .and_then(|name| Format::parse(name).map_err(Unusable))?;
    let bytes = ogi_report_render::render(format, &report, RenderOptions::checked(&report));
    std::fs::write(out, bytes).map_err(|e| Unusable(format!("无法写入 {}：{e}", out.display())))?;
    Ok(ExitCode::SUCCESS)
}

/// Reads a report from a file people have (a Word file, a PDF, a saved web page, a published
/// report's text, or a report file) and says what it inferred and what it could not place, so
/// nothing is guessed silently.
fn import(options: &Options) -> Result<ExitCode, Unusable> {
    let path = options.file()?;
    let out = options
        .out
        .as_deref()
        .ok_or_else(|| Unusable(format!("缺少 --out。\n{USAGE}")))?;
    let bytes =
        std::fs::read(path).map_err(|e| Unusable(format!("无法读取 {}：{e}", path.display())))?;
    let name = path.file_name().map(|name| name.to_string_lossy());
    let (report, summary) = import_file(&bytes, name.as_deref().unwrap_or_default())
        .map_err(|e| Unusable(format!("{}：{e}", path.display())))?;
    std::fs::write(out, write_report(&report))
        .map_err(|e| Unusable(format!("无法写入 {}：{e}", out.display())))?;
    let Some(summary) = summary else {
        println!("这是报告文件，已原样读入。");
        return Ok(ExitCode::SUCCESS);
    };
    println!(
        "已读入 {} 个表格单元格，{} 个单元格为空白。",
        summary.filled.len(),
        summary.blank.len()
    );
    for (cell, why) in &summary.inferred {
        println!("推断得出（请与原报告核对）：{cell}（{why}）");
    }
    if !summary.blank.is_empty() {
        println!("空白的单元格：{}", summary.blank.join(" "));
    }
    for (line, text, why) in &summary.not_understood {
        println!("第 {line} 行没有按原样读入（{why}）：{text}");
    }
    for part in &report.missing {
        println!("没有找到这一部分：{part}");
    }
    Ok(ExitCode::SUCCESS)
}

/// 汇总: checks and sums units' report files of one year. Files that cannot be read, of another
/// year or of none, or a unit's second file, are listed with the reason and left out; cells a
/// unit left blank or its file did not show are unknown in the sum, and named.
fn sum(options: &Options) -> Result<ExitCode, Unusable> {
    let out = options
        .out
        .as_deref()
        .ok_or_else(|| Unusable(format!("缺少 --out。\n{USAGE}")))?;
    let mut units = Units {
        year_chosen: options.year,
        ..Units::default()
    };
    for path in &options.files {
        let name = path.display().to_string();
        match std::fs::read(path) {
            Ok(bytes) => ogi_report_import::add_file(&mut units, &name, &bytes),
            Err(e) => units.refuse(&name, &format!("无法读取：{e}")),
        }
    }
    for (file, year) in &options.file_years {
        units.give_year(file, Some(*year));
    }
    for file in &options.prefer {
        units.prefer(file);
    }
    if let Some(message) = units.nothing_to_sum() {
        return Err(Unusable(message));
    }
    let body = options.body.as_deref().unwrap_or(DEFAULT_SUM_BODY);
    let summed = units.sum(body);
    std::fs::write(out, write_report(&summed.report))
        .map_err(|e| Unusable(format!("无法写入 {}：{e}", out.display())))?;
    let lines = ogi_report_core::sum::unit_lines(&units);
    if let Some(csv) = &options.csv {
        std::fs::write(csv, ogi_report_core::sum::units_csv(&lines))
            .map_err(|e| Unusable(format!("无法写入 {}：{e}", csv.display())))?;
    }
    if let Some(xlsx) = &options.xlsx {
        std::fs::write(xlsx, render_units_xlsx(&summed.report, &lines))
            .map_err(|e| Unusable(format!("无法写入 {}：{e}", xlsx.display())))?;
    }
    print!("{}", ogi_report_core::sum::units_table(&lines));
    println!("{}", units.status(&summed));
    for message in summed.messages() {
        println!("{message}");
    }
    for (file, reason) in units.refused() {
        println!("未汇总：{file}：{reason}");
    }
    Ok(ExitCode::SUCCESS)
}
