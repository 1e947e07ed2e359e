//! The `ogi-report` binary as a superior office runs it: exit statuses and outputs of
//! docs/cli.md.

use std::path::PathBuf;
use std::process::{Command, Output};

fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../tests/fixtures")
        .join(name)
}

fn ogi_report(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_ogi-report"))
        .args(args)
        .output()
        .expect("the binary runs")
}

/// A file in a directory of its own: tests run in parallel and reuse names like `broken.json`.
fn temp_file(name: &str, contents: &str) -> PathBuf {
    static NEXT: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
    let serial = NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let dir = std::env::temp_dir().join(format!("ogi-report-cli-{}-{serial}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, contents).unwrap();
    path
}

fn seed_text() -> String {
    std::fs::read_to_string(fixture("seed-2021.json")).unwrap()
}

#[test]
fn check_passes_the_seed() {
    let seed = fixture("seed-2021.json");
    let output = ogi_report(&["check", seed.to_str().unwrap(), "--today", "2022-01-10"]);
    let stdout = String::from_utf8(output.stdout).unwrap();
    assert_eq!(output.status.code(), Some(0), "{stdout}");
    assert!(stdout.contains("共 0 个错误"), "{stdout}");
    assert!(stdout.contains("提示 R18"), "{stdout}");
}

#[test]
fn check_json_lists_findings_and_counts() {
    let broken = seed_text().replacen("\"natural_person\": 0", "\"natural_person\": 5", 1);
    let path = temp_file("r1.json", &broken);
    let output = ogi_report(&[
        "check",
        path.to_str().unwrap(),
        "--json",
        "--today",
        "2022-01-10",
    ]);
    assert_eq!(output.status.code(), Some(1));
    let value: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let findings = value["findings"].as_array().unwrap();
    let r1 = findings.iter().find(|f| f["rule"] == "R1").unwrap();
    assert_eq!(r1["severity"], "error");
    assert_eq!(r1["cells"][0], "requests.received.natural_person");
    assert!(r1["message"].as_str().unwrap().contains("（5）"));
    assert_eq!(
        value["errors"].as_u64().unwrap() as usize,
        findings.iter().filter(|f| f["severity"] == "error").count()
    );
    assert!(value["warnings"].is_u64());
}

#[test]
fn check_uses_last_years_file() {
    let last_year = seed_text().replace(
        "\"carried_forward\": {\n      \"natural_person\": 0",
        "\"carried_forward\": {\n      \"natural_person\": 4",
    );
    assert_ne!(last_year, seed_text());
    let previous = temp_file("last.json", &last_year);
    let this_year = temp_file(
        "this.json",
        &seed_text().replace("\"year\": 2021", "\"year\": 2022"),
    );
    let output = ogi_report(&[
        "check",
        this_year.to_str().unwrap(),
        "--previous",
        previous.to_str().unwrap(),
        "--json",
    ]);
    let value: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let rules: Vec<&str> = value["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["rule"].as_str().unwrap())
        .collect();
    assert!(rules.contains(&"R9") && rules.contains(&"R17"), "{rules:?}");
}

#[test]
fn unreadable_files_exit_2_with_a_message() {
    let cases = [
        temp_file("truncated.json", &seed_text()[..200]),
        temp_file(
            "newer.json",
            &seed_text().replace("\"version\": 2", "\"version\": 99"),
        ),
        temp_file("binary.json", "\u{0}\u{1}"),
        fixture("does-not-exist.json"),
    ];
    for path in cases {
        let output = ogi_report(&["check", path.to_str().unwrap()]);
        assert_eq!(output.status.code(), Some(2), "{}", path.display());
        assert!(output.stdout.is_empty());
        assert!(!output.stderr.is_empty());
    }
    let newer = temp_file(
        "newer2.json",
        &seed_text().replace("\"version\": 2", "\"version\": 99"),
    );
    let stderr = String::from_utf8(ogi_report(&["check", newer.to_str().unwrap()]).stderr).unwrap();
    assert!(
        stderr.contains("较新版本") && stderr.contains("99"),
        "{stderr}"
    );
}

#[test]
fn render_json_writes_the_normalised_file() {
    let out = std::env::temp_dir().join(format!("ogi-render-{}.json", std::process::id()));
    let seed = fixture("seed-2021.json");
    let output = ogi_report(&[
        "render",
        seed.to_str().unwrap(),
        "--to",
        "json",
        "--out",
        out.to_str().unwrap(),
    ]);
    assert_eq!(output.status.code(), Some(0));
    assert_eq!(std::fs::read_to_string(&out).unwrap(), seed_text());

    let wrong_total = temp_file(
        "total.json",
        &seed_text().replacen("\"total\": 0", "\"total\": 7", 1),
    );
    ogi_report(&[
        "render",
        wrong_total.to_str().unwrap(),
        "--to",
        "json",
        "--out",
        out.to_str().unwrap(),
    ]);
    assert_eq!(
        std::fs::read_to_string(&out).unwrap(),
        seed_text(),
        "totals are computed"
    );
}

#[test]
fn render_writes_word_and_html_and_marks_drafts() {
    let dir = std::env::temp_dir().join(format!("ogi-render-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let seed = fixture("seed-2021.json");
    for kind in ["docx", "html"] {
        let out = dir.join(format!("seed.{kind}"));
        let status = ogi_report(&[
            "render",
            seed.to_str().unwrap(),
            "--to",
            kind,
            "--out",
            out.to_str().unwrap(),
        ]);
        assert_eq!(status.status.code(), Some(0), "{kind}");
        let bytes = std::fs::read(&out).unwrap();
        assert!(
            !bytes.windows(MARK.len()).any(|w| w == MARK.as_bytes()),
            "a clean report is not marked"
        );
    }
    assert!(std::fs::read(dir.join("seed.docx"))
        .unwrap()
        .starts_with(b"PK\x03\x04"));
    let broken = temp_file(
        "broken.json",
        &seed_text().replacen("\"natural_person\": 0", "\"natural_person\": \"12a\"", 1),
    );
    let out = dir.join("broken.html");
    ogi_report(&[
        "render",
        broken.to_str().unwrap(),
        "--to",
        "html",
        "--out",
        out.to_str().unwrap(),
    ]);
    assert!(
        std::fs::read_to_string(&out).unwrap().contains(MARK),
        "a report with errors is a marked draft"
    );
}

const MARK: &str = "草稿（未通过检查）";

#[test]
fn unusable_input_and_unknown_commands_exit_2() {
    let seed = fixture("seed-2021.json");
    let pdf = temp_file("report.pdf", "%PDF-1.7\n");
    for args in [
        vec!["import", pdf.to_str().unwrap(), "--out", "/tmp/x.json"],
        vec![
            "render",
            seed.to_str().unwrap(),
            "--to",
            "pdf",
            "--out",
            "/tmp/x.pdf",
        ],
        vec!["frobnicate"],
        vec![],
    ] {
        let output = ogi_report(&args);
        assert_eq!(output.status.code(), Some(2), "{args:?}");
        assert!(!output.stderr.is_empty());
    }
}

#[test]
fn import_takes_a_report_file_as_it_is() {
    let seed = fixture("seed-2021.json");
    let out = temp_file("imported.json", "");
    let output = ogi_report(&[
        "import",
        seed.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
    ]);
    assert_eq!(output.status.code(), Some(0));
    assert_eq!(std::fs::read_to_string(&out).unwrap(), seed_text());
}

#[test]
fn import_text_reads_a_published_page() {
    let page = fixture("seed-2021-page.txt");
    let out = std::env::temp_dir().join(format!("ogi-import-{}.json", std::process::id()));
    let output = ogi_report(&[
        "import-text",
        page.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
    ]);
    let stdout = String::from_utf8(output.stdout).unwrap();
    assert_eq!(output.status.code(), Some(0), "{stdout}");
    assert!(
        stdout.contains("已读入 200 个表格单元格，0 个单元格为空白。"),
        "{stdout}"
    );
    assert!(
        stdout.contains("8 个数字"),
        "the extra numbers are reported: {stdout}"
    );
    assert_eq!(std::fs::read_to_string(&out).unwrap(), seed_text());

    let garbage = temp_file("garbage.txt", "会议纪要\n今天讨论了食堂菜单。");
    let output = ogi_report(&[
        "import-text",
        garbage.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
    ]);
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8(output.stderr)
        .unwrap()
        .contains("没有找到"));
}

#[test]
fn sum_adds_units_and_lists_what_it_left_out() {
    let unit = |body: &str, granted: u64, fees: &str| {
        seed_text()
            .replacen("老城区东南隅街道办事处", body, 1)
            .replacen(
                "\"granted\": {\n      \"natural_person\": 0",
                &format!("\"granted\": {{\n      \"natural_person\": {granted}"),
                1,
            )
            .replacen("\"fees\": \"0\"", &format!("\"fees\": \"{fees}\""), 1)
    };
    let a = temp_file("a.json", &unit("甲街道", 3, "0.5"));
    let b = temp_file("b.json", &unit("乙街道", 4, "1.25"));
    let broken = temp_file("broken.json", "{\"kind\":");
    let other_year = temp_file(
        "old.json",
        &unit("丙街道", 9, "1").replace("\"year\": 2021", "\"year\": 2020"),
    );
    let out = std::env::temp_dir().join(format!("ogi-sum-{}.json", std::process::id()));
    let csv = std::env::temp_dir().join(format!("ogi-sum-{}.csv", std::process::id()));
    let output = ogi_report(&[
        "sum",
        a.to_str().unwrap(),
        b.to_str().unwrap(),
        broken.to_str().unwrap(),
        other_year.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
        "--body",
        "某某区",
        "--csv",
        csv.to_str().unwrap(),
    ]);
    let stdout = String::from_utf8(output.stdout).unwrap();
    assert_eq!(output.status.code(), Some(0), "{stdout}");
    assert!(
        stdout.contains("已计入 2 个单位的 2021 年度报告；未计入 2 个文件。"),
        "{stdout}"
    );
    let table = std::fs::read_to_string(&csv).unwrap();
    assert!(table.starts_with("\u{feff}单位,错误,提醒,"), "{table}");
    assert_eq!(
        table.matches("\r\n").count(),
        3,
        "a header and two units: {table}"
    );
    assert!(stdout.contains("甲街道\t"), "{stdout}");
    assert!(
        stdout.contains("未汇总：") && stdout.contains("broken.json"),
        "{stdout}"
    );
    assert!(stdout.contains("报告年度为 2020"), "{stdout}");
    let total: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&out).unwrap()).unwrap();
    assert_eq!(total["meta"]["body"], "某某区");
    assert_eq!(total["requests"]["granted"]["natural_person"], 7);
    assert_eq!(
        total["requests"]["granted"]["total"], 7,
        "totals recomputed"
    );
    assert_eq!(total["requests"]["total"]["total"], 7);
    assert_eq!(total["proactive"]["fees"], "1.75", "exact decimal sum");
    assert_eq!(total["overview"], serde_json::json!([]), "narrative empty");
}

#[test]
fn sum_counts_a_no_year_file_only_when_told_and_names_unknown_cells() {
    let seed = seed_text();
    let no_year = temp_file(
        "none.json",
        &seed
            .replacen("老城区东南隅街道办事处", "甲镇", 1)
            .replace("\"year\": 2021", "\"year\": null"),
    );
    let blank = temp_file(
        "blank.json",
        &seed.replacen(
            "\"granted\": {\n      \"natural_person\": 0",
            "\"granted\": {\n      \"natural_person\": \"\"",
            1,
        ),
    );
    let out = std::env::temp_dir().join(format!("ogi-sum-year-{}.json", std::process::id()));
    let run = |extra: &[&str]| {
        let mut args = vec![
            "sum",
            no_year.to_str().unwrap(),
            blank.to_str().unwrap(),
            "--out",
            out.to_str().unwrap(),
        ];
        args.extend_from_slice(extra);
        let output = ogi_report(&args);
        assert_eq!(output.status.code(), Some(0));
        String::from_utf8(output.stdout).unwrap()
    };
    let stdout = run(&[]);
    assert!(stdout.contains("已计入 1 个单位"), "{stdout}");
    assert!(stdout.contains("没有年度"), "{stdout}");
    assert!(
        stdout.contains("（一）予以公开·自然人") && stdout.contains("未填写"),
        "the unknown cell is named: {stdout}"
    );
    let total: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&out).unwrap()).unwrap();
    assert!(
        total["requests"]["granted"]["natural_person"].is_null(),
        "unknown (blank), not 0"
    );
    let given = format!("{}=2021", no_year.to_str().unwrap());
    let stdout = run(&["--file-year", &given]);
    assert!(
        stdout.contains("已计入 2 个单位的 2021 年度报告"),
        "{stdout}"
    );
}

#[test]
fn rules_lists_every_rule_with_what_it_says() {
    let output = ogi_report(&["rules"]);
    let stdout = String::from_utf8(output.stdout).unwrap();
    assert_eq!(output.status.code(), Some(0));
    let lines: Vec<&str> = stdout.lines().collect();
    assert_eq!(lines.len(), 18);
    assert!(lines[0].starts_with("R1\t错误\t表三每一列"), "{}", lines[0]);
    assert!(lines[17].starts_with("R18\t提示\t"), "{}", lines[17]);
}

#[test]
fn audit_reads_a_published_file_and_says_where_each_cell_came_from() {
    let corpus =
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../ogi-report-import/tests/corpus");
    let pdf = corpus.join("full.python-docx.libreoffice.pdf");
    let out = ogi_report(&["audit", pdf.to_str().unwrap(), "--today", "2022-01-10"]);
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains("表格单元格：原样读出 200 个，推断得出 0 个，未能读出 0 个。"),
        "{text}"
    );
    assert_eq!(
        out.status.code(),
        Some(1),
        "the full report breaks R1: {text}"
    );

    let glued = corpus.join("county.tabs.glued.txt");
    let out = ogi_report(&["audit", glued.to_str().unwrap(), "--today", "2025-01-10"]);
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains("推断得出（请与原报告核对）：proactive.normative_documents.issued"),
        "{text}"
    );
    assert!(
        text.contains("未能读出（请与原报告核对）：proactive.rules.issued"),
        "{text}"
    );
    assert!(text.contains("另有 1 项检查涉及未能读出的单元格"), "{text}");
}
