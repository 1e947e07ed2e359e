//! A table of bad inputs for cells and files, each with its documented outcome. None panics.

mod common;

use common::SEED;
use ogi_report_core::file::FileProblem;
use ogi_report_core::rules::check;
use ogi_report_core::{read_report, write_report, AmountCell, Cell, CountCell, Problem};

/// What a count cell must become.
enum Expect {
    Count(u64),
    Blank,
    Placeholder,
    Invalid(Problem),
}

#[test]
fn count_cells() {
    let long = "9".repeat(1 << 20);
    let table: Vec<(&str, Expect)> = vec![
        ("12", Expect::Count(12)),
        ("１２", Expect::Count(12)),
        (" 12 ", Expect::Count(12)),
        ("1,234", Expect::Count(1234)),
        ("1，234", Expect::Count(1234)),
        ("12,345,678", Expect::Count(12_345_678)),
        ("", Expect::Blank),
        ("   ", Expect::Blank),
        ("\u{3000}", Expect::Blank),
        ("/", Expect::Placeholder),
        ("-", Expect::Placeholder),
        ("—", Expect::Placeholder),
        ("无", Expect::Placeholder),
        ("／", Expect::Placeholder),
        ("abc", Expect::Invalid(Problem::NotANumber)),
        ("12a", Expect::Invalid(Problem::NotANumber)),
        ("-3", Expect::Invalid(Problem::Negative)),
        ("－3", Expect::Invalid(Problem::Negative)),
        ("1.5", Expect::Invalid(Problem::NotWhole)),
        ("1e3", Expect::Invalid(Problem::Exponent)),
        ("1E3", Expect::Invalid(Problem::Exponent)),
        ("99999999999999999999", Expect::Invalid(Problem::TooLarge)),
        ("100000000", Expect::Invalid(Problem::TooLarge)),
        ("12,34", Expect::Invalid(Problem::MisplacedSeparator)),
        (",123", Expect::Invalid(Problem::MisplacedSeparator)),
        ("😀", Expect::Invalid(Problem::NotANumber)),
        ("12😀", Expect::Invalid(Problem::NotANumber)),
        (
            "\u{200F}12",
            Expect::Invalid(Problem::Invisible('\u{200F}')),
        ),
        (
            "1\u{202E}2",
            Expect::Invalid(Problem::Invisible('\u{202E}')),
        ),
        ("\u{FEFF}7", Expect::Invalid(Problem::Invisible('\u{FEFF}'))),
        ("1\u{0}2", Expect::Invalid(Problem::Invisible('\u{0}'))),
        ("十二", Expect::Invalid(Problem::NotANumber)),
        ("0x10", Expect::Invalid(Problem::NotANumber)),
        ("+5", Expect::Invalid(Problem::NotANumber)),
        ("5件", Expect::Invalid(Problem::NotANumber)),
        (&long, Expect::Invalid(Problem::TooLarge)),
    ];
    assert!(table.len() >= 30);
    for (raw, expected) in table {
        let cell = CountCell::parse(raw);
        let shown = format!("{:?}", raw.chars().take(12).collect::<String>());
        match expected {
            Expect::Count(value) => assert_eq!(cell, Cell::Value(value), "{shown}"),
            Expect::Blank => assert_eq!(cell, Cell::Blank, "{shown}"),
            Expect::Placeholder => assert_eq!(cell, Cell::Placeholder(raw.to_owned()), "{shown}"),
            Expect::Invalid(problem) => {
                assert_eq!(
                    cell,
                    Cell::Invalid {
                        raw: raw.to_owned(),
                        problem
                    },
                    "{shown}"
                );
                assert_eq!(cell.display(), raw, "kept exactly as typed: {shown}");
            }
        }
    }
}

#[test]
fn amount_cells() {
    let table: Vec<(&str, Result<&str, Problem>)> = vec![
        ("0", Ok("0")),
        ("12.3456", Ok("12.3456")),
        ("０．５", Ok("0.5")),
        ("1,000.25", Ok("1000.25")),
        ("12.34567", Err(Problem::TooManyDecimals)),
        ("-0.1", Err(Problem::Negative)),
        ("1e3", Err(Problem::Exponent)),
        ("1.2.3", Err(Problem::NotANumber)),
        (".5", Err(Problem::NotANumber)),
        ("万元", Err(Problem::NotANumber)),
    ];
    for (raw, expected) in table {
        let cell = AmountCell::parse(raw);
        match expected {
            Ok(shown) => assert_eq!(cell.display(), shown, "{raw}"),
            Err(problem) => assert_eq!(
                cell,
                Cell::Invalid {
                    raw: raw.to_owned(),
                    problem
                },
                "{raw}"
            ),
        }
    }
}

fn edited(path: &[&str], value: serde_json::Value) -> String {
    let mut document: serde_json::Value = serde_json::from_str(SEED).unwrap();
    let mut at = &mut document;
    for key in &path[..path.len() - 1] {
        at = &mut at[*key];
    }
    at[path[path.len() - 1]] = value;
    document.to_string()
}

fn removed(path: &[&str]) -> String {
    let mut document: serde_json::Value = serde_json::from_str(SEED).unwrap();
    let mut at = &mut document;
    for key in &path[..path.len() - 1] {
        at = &mut at[*key];
    }
    at.as_object_mut().unwrap().remove(path[path.len() - 1]);
    document.to_string()
}

/// (case, file text, the path the error must name, what the error must be).
type RefusedFile = (&'static str, String, &'static str, fn(&FileProblem) -> bool);

#[test]
fn files_that_are_refused() {
    use serde_json::json;
    let table: Vec<RefusedFile> = vec![
        ("truncated", SEED[..SEED.len() / 2].to_owned(), "", |p| {
            matches!(p, FileProblem::NotJson { .. })
        }),
        ("empty", String::new(), "", |p| {
            matches!(p, FileProblem::NotJson { .. })
        }),
        ("not json", "报告".to_owned(), "", |p| {
            matches!(p, FileProblem::NotJson { .. })
        }),
        ("an array", "[]".to_owned(), "", |p| {
            matches!(p, FileProblem::WrongType { .. })
        }),
        (
            "another kind",
            edited(&["kind"], json!("invoice")),
            "kind",
            |p| matches!(p, FileProblem::WrongKind(_)),
        ),
        ("kind missing", removed(&["kind"]), "kind", |p| {
            *p == FileProblem::Missing
        }),
        (
            "version 99",
            edited(&["version"], json!(99)),
            "version",
            |p| *p == FileProblem::NewerVersion(99),
        ),
        (
            "version 0",
            edited(&["version"], json!(0)),
            "version",
            |p| matches!(p, FileProblem::UnknownVersion(_)),
        ),
        (
            "version -1",
            edited(&["version"], json!(-1)),
            "version",
            |p| matches!(p, FileProblem::UnknownVersion(_)),
        ),
        (
            "version text",
            edited(&["version"], json!("1")),
            "version",
            |p| matches!(p, FileProblem::WrongType { .. }),
        ),
        (
            "template 2019",
            edited(&["template"], json!("gov-2019")),
            "template",
            |p| matches!(p, FileProblem::UnsupportedTemplate(_)),
        ),
        (
            "unknown top key",
            edited(&["extra"], json!(1)),
            "extra",
            |p| *p == FileProblem::UnknownKey,
        ),
        (
            "unknown row",
            edited(&["requests", "granted2"], json!({})),
            "requests.granted2",
            |p| *p == FileProblem::UnknownKey,
        ),
        (
            "unknown column",
            edited(&["requests", "granted", "people"], json!(1)),
            "requests.granted.people",
            |p| *p == FileProblem::UnknownKey,
        ),
        (
            "cell is true",
            edited(&["requests", "granted", "natural_person"], json!(true)),
            "requests.granted.natural_person",
            |p| matches!(p, FileProblem::WrongType { .. }),
        ),
        (
            "cell is a list",
            edited(&["appeals", "review", "upheld"], json!([1])),
            "appeals.review.upheld",
            |p| matches!(p, FileProblem::WrongType { .. }),
        ),
        (
            "row is a number",
            edited(&["requests", "granted"], json!(0)),
            "requests.granted",
            |p| matches!(p, FileProblem::WrongType { .. }),
        ),
        (
            "fees is an object",
            edited(&["proactive", "fees"], json!({})),
            "proactive.fees",
            |p| matches!(p, FileProblem::WrongType { .. }),
        ),
        (
            "body is a number",
            edited(&["meta", "body"], json!(5)),
            "meta.body",
            |p| matches!(p, FileProblem::WrongType { .. }),
        ),
        (
            "year is text",
            edited(&["meta", "year"], json!("2021")),
            "meta.year",
            |p| matches!(p, FileProblem::WrongType { .. }),
        ),
        (
            "year too large",
            edited(&["meta", "year"], json!(99_999_999_999u64)),
            "meta.year",
            |p| matches!(p, FileProblem::InvalidValue(_)),
        ),
        (
            "body type unknown",
            edited(&["meta", "body_type"], json!("ministry")),
            "meta.body_type",
            |p| matches!(p, FileProblem::InvalidValue(_)),
        ),
        ("meta missing", removed(&["meta"]), "meta", |p| {
            *p == FileProblem::Missing
        }),
        (
            "overview is text",
            edited(&["overview"], json!("全文")),
            "overview",
            |p| matches!(p, FileProblem::WrongType { .. }),
        ),
        (
            "nested previous",
            {
                let inner: serde_json::Value = serde_json::from_str(&edited(
                    &["previous"],
                    serde_json::from_str(SEED).unwrap(),
                ))
                .unwrap();
                edited(&["previous"], inner)
            },
            "previous.previous",
            |p| *p == FileProblem::NestedPrevious,
        ),
        (
            "previous of another kind",
            edited(&["previous"], json!({"kind": "x"})),
            "previous.kind",
            |p| matches!(p, FileProblem::WrongKind(_)),
        ),
    ];
    for (name, text, path, expected) in table {
        let error = read_report(&text).expect_err(name);
        if !path.is_empty() {
            assert_eq!(error.path, path, "{name}");
        }
        assert!(expected(&error.problem), "{name}: {error:?}");
        let message = error.to_string();
        assert!(
            !message.is_empty() && message.ends_with('。'),
            "{name}: {message}"
        );
    }
}

#[test]
fn the_section_without_text_names_the_place() {
    let error =
        read_report(&edited(&["overview"], serde_json::json!([{"heading": ""}]))).unwrap_err();
    assert_eq!(
        (error.path.as_str(), &error.problem),
        ("overview.0.text", &FileProblem::Missing)
    );
    assert!(error.to_string().contains("「overview.0.text」"));
}

#[test]
fn files_whose_odd_cells_are_kept_and_reported() {
    use serde_json::json;
    let cases = [
        (json!(-3), "-3", "R6"),
        (json!(1.5), "1.5", "R6"),
        (json!("12a"), "12a", "R6"),
        (json!("/"), "/", "R8"),
        (json!(99_999_999_999u64), "99999999999", "R6"),
    ];
    for (value, shown, rule) in cases {
        let text = edited(&["requests", "granted", "research"], value);
        let report = read_report(&text).unwrap();
        let cell = ogi_report_core::CellRef::parse("requests.granted.research").unwrap();
        assert_eq!(report.cell_text(cell), shown);
        let findings = check(&report, &Default::default());
        assert!(
            findings
                .iter()
                .any(|f| f.rule == rule && f.paths() == ["requests.granted.research"]),
            "{shown}: {findings:#?}"
        );
        let written = write_report(&report);
        assert_eq!(
            read_report(&written).unwrap(),
            report,
            "{shown} survives a round trip"
        );
    }
    let report = read_report(&edited(&["proactive", "fees"], json!(12.5))).unwrap();
    assert_eq!(report.fees().display(), "12.5");
    let report = read_report(&edited(&["requests", "granted", "research"], json!(null))).unwrap();
    assert!(report
        .count(ogi_report_core::CellRef::parse("requests.granted.research").unwrap())
        .unwrap()
        .is_blank());
}

#[test]
fn every_character_survives_a_round_trip() {
    let mut report = read_report(SEED).unwrap();
    let nasty = "<script>alert(1)</script> ]]> </w:t> & \"引号\" \\ \u{0}\u{1f}\u{200F}\u{202E} 😀 \n\t end";
    report.meta.body = nasty.to_owned();
    report.sections_mut(ogi_report_core::Narrative::Problems)[0].text = nasty.repeat(3000);
    let text = write_report(&report);
    assert_eq!(read_report(&text).unwrap(), report);
}

#[test]
fn lone_surrogates_in_a_file_are_refused_not_carried_into_outputs() {
    let text = SEED.replacen("\"text\": \"无\"", "\"text\": \"\\ud800\"", 1);
    assert_ne!(text, SEED);
    let error = read_report(&text).unwrap_err();
    assert!(
        matches!(error.problem, FileProblem::NotJson { .. }),
        "{error:?}"
    );
}

/// `text` is refused at `path`, with a message that says `words`.
fn refused_at(text: &str, path: &str, words: &str) {
    let error = read_report(text).unwrap_err();
    assert_eq!(error.path, path, "{error}");
    assert!(error.to_string().contains(words), "{error}");
}

/// Hostile JSON read with serde: nesting deeper than any report, numbers too large for any type,
/// a key given twice — each refused with a message that names the place, never a panic.
#[test]
fn hostile_json_is_refused_naming_the_place() {
    let seed = include_str!("../../../tests/fixtures/seed-2021.json");
    let deep = seed.replacen(
        "\"preface\": \"\"",
        &format!("\"preface\": {}1{}", "[".repeat(10_000), "]".repeat(10_000)),
        1,
    );
    // (serde_json skips a value it does not read without recursing, and refuses the first
    // bracket where text belongs: no depth reaches the stack.)
    refused_at(&deep, "preface", "应为文本，实际为数组");
    let deep_unknown = seed.replacen(
        "\"preface\": \"\"",
        &format!("\"preface\": \"\", \"x\": {}", "[".repeat(100_000)),
        1,
    );
    assert!(read_report(&deep_unknown).is_err());

    let huge = seed.replacen("\"year\": 2021", "\"year\": 99999999999999999999999", 1);
    refused_at(&huge, "meta.year", "「meta.year」应为整数");
    let huge_cell = seed.replacen(
        "\"natural_person\": 0",
        "\"natural_person\": 123456789012345678901234567890",
        1,
    );
    let report = read_report(&huge_cell).expect("a cell keeps the number as written");
    let written = ogi_report_core::write_report(&report);
    assert!(
        written.contains("\"123456789012345678901234567890\""),
        "kept as typed text"
    );

    let repeated_meta = seed.replacen(
        "\"body_type\": \"department\"",
        "\"body_type\": \"department\", \"body\": \"另一个机关\"",
        1,
    );
    refused_at(&repeated_meta, "meta.body", "出现了不止一次");
    let repeated_cell = seed.replacen(
        "\"natural_person\": 0,",
        "\"natural_person\": 0, \"natural_person\": 5,",
        1,
    );
    refused_at(
        &repeated_cell,
        "requests.received.natural_person",
        "出现了不止一次",
    );
    let error = read_report(&repeated_cell).unwrap_err();
    assert_eq!(error.problem, FileProblem::RepeatedKey);
}
