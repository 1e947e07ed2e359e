//! Component tests in headless Chromium (wasm-bindgen-test with the system chromedriver): the
//! page renders table 三 with its hooks and accessible names, and an input event updates totals
//! and findings; the tools page's year-over-year view draws a stored draft beside last year.
#![cfg(target_arch = "wasm32")]

use ogi_report::view::app::App;
use ogi_report_core::format::{REQUEST_COLUMNS, REQUEST_ROWS};
use ogi_report_core::CellRef;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};
use web_sys::{Element, HtmlInputElement};

wasm_bindgen_test_configure!(run_in_browser);

async fn mount_app() -> Element {
    let window = web_sys::window().unwrap();
    window.local_storage().unwrap().unwrap().clear().unwrap();
    // Where the page counts what it draws (the `timing` feature, src/timing.rs); read once, by
    // the first page mounted.
    let timings = wasm_bindgen::JsValue::from_str("__ogiTimings");
    if js_sys::Reflect::get(&window, &timings)
        .unwrap()
        .is_undefined()
    {
        js_sys::Reflect::set(&window, &timings, &js_sys::Object::new()).unwrap();
    }
    let document = window.document().unwrap();
    let root = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&root).unwrap();
    yew::Renderer::<App>::with_root(root.clone()).render();
    yew::scheduler::flush().await;
    root
}

fn input(root: &Element, path: &str) -> HtmlInputElement {
    root.query_selector(&format!("[data-cell=\"{path}\"]"))
        .unwrap()
        .unwrap()
        .dyn_into()
        .unwrap()
}

/// Types `text` into the cell at `path` as the browser reports it: a new value, then `input`.
fn type_in(root: &Element, path: &str, text: &str) {
    let cell = input(root, path);
    cell.set_value(text);
    cell.dispatch_event(&web_sys::InputEvent::new("input").unwrap())
        .unwrap();
}

#[wasm_bindgen_test]
async fn table_three_has_175_inputs_with_hooks_and_accessible_names() {
    let root = mount_app().await;
    let inputs = root
        .query_selector_all("input[data-cell^=\"requests.\"]")
        .unwrap();
    assert_eq!(inputs.length(), 175);
    for (row, spec) in REQUEST_ROWS.iter().enumerate() {
        for (col, column) in REQUEST_COLUMNS.iter().enumerate() {
            let path = CellRef::Request { row, col }.path();
            let name = input(&root, &path).get_attribute("aria-label").unwrap();
            for label in spec.label_path().into_iter().flatten() {
                assert!(name.contains(label), "{path}: {name}");
            }
            assert!(name.contains(column.label), "{path}: {name}");
        }
    }
    let total = input(&root, "requests.total.total");
    assert!(total.read_only(), "totals are computed");
}

#[wasm_bindgen_test]
async fn an_input_event_updates_totals_and_findings() {
    let root = mount_app().await;
    let cell = input(&root, "requests.received.natural_person");
    cell.set_value("5");
    cell.dispatch_event(&web_sys::InputEvent::new("input").unwrap())
        .unwrap();
    yew::scheduler::flush().await;
    assert_eq!(input(&root, "requests.received.total").value(), "5");
    // A column being filled is not wrong yet: no R1, and what is open is said neutrally.
    let r1 = || {
        root.query_selector("[data-findings] [data-rule=\"R1\"]")
            .unwrap()
    };
    assert!(r1().is_none(), "no R1 while the column has blanks");
    let unfilled = root.query_selector("[data-unfilled]").unwrap().unwrap();
    assert!(unfilled
        .text_content()
        .unwrap()
        .contains("表三 还有 24 行未填"));
    // 空白格填 0: every cell filled, the column's relation is judged.
    root.query_selector("[data-fill-blanks]")
        .unwrap()
        .unwrap()
        .unchecked_into::<web_sys::HtmlElement>()
        .click();
    yew::scheduler::flush().await;
    let r1 = r1().expect("R1 is listed");
    assert!(r1
        .get_attribute("data-cells")
        .unwrap()
        .contains("requests.received.natural_person"));
    assert_eq!(cell.get_attribute("aria-invalid").as_deref(), Some("true"));

    type_in(&root, "requests.granted.natural_person", "5");
    yew::scheduler::flush().await;
    assert_eq!(input(&root, "requests.total.natural_person").value(), "5");
    assert!(
        root.query_selector("[data-findings] [data-rule=\"R1\"]")
            .unwrap()
            .is_none(),
        "R1 clears"
    );
    assert_eq!(cell.get_attribute("aria-invalid"), None);
}

/// How many times each component was drawn so far.
#[cfg(feature = "timing")]
fn drawn(component: &str) -> f64 {
    let timings =
        js_sys::Reflect::get(&web_sys::window().unwrap(), &"__ogiTimings".into()).unwrap();
    js_sys::Reflect::get(&timings, &format!("drawn:{component}").into())
        .unwrap()
        .as_f64()
        .unwrap_or(0.0)
}

#[cfg(feature = "timing")]
#[wasm_bindgen_test]
async fn a_keystroke_draws_again_only_the_changed_rows_and_what_shows_the_save() {
    let root = mount_app().await;
    // The first keystroke saves a new draft, which the drafts panel then lists.
    type_in(&root, "requests.received.natural_person", "5");
    yew::scheduler::flush().await;
    const COMPONENTS: [&str; 15] = [
        "App",
        "CellInput",
        "DraftsPanel",
        "FindingsPanel",
        "ReportHeader",
        "NarrativePart",
        "SectionEditor",
        "PartNav",
        "Notices",
        "AppealsTable",
        "RequestsTable",
        "RequestRow",
        "ProactiveTable",
        "ToolGroups",
        "Toolbar",
    ];
    let before = COMPONENTS.map(drawn);
    type_in(&root, "requests.granted.natural_person", "3");
    yew::scheduler::flush().await;
    let again: Vec<(&str, f64)> = COMPONENTS
        .iter()
        .zip(before)
        .map(|(name, before)| (*name, drawn(name) - before))
        .filter(|(_, times)| *times > 0.0)
        .collect();
    // The page and table 三 (their state), the edited row and the （七）总计 row, the inputs
    // whose value changed (the typed cell, its row's 总计, its column's and the corner total) and
    // the toolbar's save time; not the toolbar's groups, the other rows, parts and panels, nor
    // the findings (a column still being filled shows none).
    assert_eq!(
        again,
        vec![
            ("App", 1.0),
            ("CellInput", 4.0),
            ("RequestsTable", 1.0),
            ("RequestRow", 2.0),
            ("Toolbar", 1.0),
        ],
        "drawn again after one keystroke"
    );
}

#[cfg(feature = "timing")]
#[wasm_bindgen_test]
async fn a_message_that_changes_in_table_three_draws_no_other_part_again() {
    let root = mount_app().await;
    // Every blank 0, then a column out of balance: its cells carry the message, which names
    // the numbers, so it changes with the next keystroke in that column.
    root.query_selector("[data-fill-blanks]")
        .unwrap()
        .unwrap()
        .unchecked_into::<web_sys::HtmlElement>()
        .click();
    type_in(&root, "requests.received.natural_person", "5");
    yew::scheduler::flush().await;
    let marked = || {
        input(&root, "requests.received.natural_person")
            .get_attribute("title")
            .unwrap_or_default()
    };
    let message = marked();
    const OTHERS: [&str; 4] = [
        "ReportHeader",
        "ProactiveTable",
        "AppealsTable",
        "NarrativePart",
    ];
    let before = OTHERS.map(drawn);
    let findings_before = drawn("FindingsPanel");
    type_in(&root, "requests.granted.natural_person", "3");
    yew::scheduler::flush().await;
    assert_ne!(
        marked(),
        message,
        "the message on the column's cells changed"
    );
    assert_eq!(drawn("FindingsPanel") - findings_before, 1.0);
    assert_eq!(OTHERS.map(drawn), before, "{OTHERS:?} drawn again");
}

#[wasm_bindgen_test]
async fn the_crash_page_is_readable_and_leaves_drafts_alone() {
    let root = mount_app().await;
    type_in(&root, "requests.granted.natural_person", "7");
    yew::scheduler::flush().await;
    let storage = web_sys::window().unwrap().local_storage().unwrap().unwrap();
    let snapshot = |storage: &web_sys::Storage| -> Vec<(String, String)> {
        (0..storage.length().unwrap())
            .map(|index| {
                let key = storage.key(index).unwrap().unwrap();
                let value = storage.get_item(&key).unwrap().unwrap();
                (key, value)
            })
            .collect()
    };
    let before = snapshot(&storage);
    assert!(before
        .iter()
        .any(|(key, _)| key.starts_with("ogi-report:v1:draft:")));

    // A page of its own: the test runner's output and the mounted app live in <body>.
    let document = web_sys::window().unwrap().document().unwrap();
    let page = document.create_element("div").unwrap();
    page.set_inner_html("<form><input data-cell=\"requests.granted.research\"></form>");
    document.body().unwrap().append_child(&page).unwrap();
    ogi_report::browser::panic::show_crash_message(&page, "index out of bounds <script>");
    let text = page.text_content().unwrap();
    assert!(text.contains("页面出现了意外错误"), "{text}");
    assert!(
        text.contains("index out of bounds <script>"),
        "shown as text: {text}"
    );
    assert!(page.query_selector("script").unwrap().is_none());
    assert!(
        page.query_selector("[onclick]").unwrap().is_none(),
        "no inline handler: the strict CSP would refuse it"
    );
    assert!(
        page.query_selector("a[href=\"\"]").unwrap().is_some(),
        "a reload link"
    );
    assert!(
        page.query_selector("[data-cell]").unwrap().is_none(),
        "the form is gone"
    );
    assert_eq!(snapshot(&storage), before, "stored drafts are untouched");
}

#[wasm_bindgen_test]
async fn the_year_over_year_view_draws_the_open_draft_beside_last_year() {
    let window = web_sys::window().unwrap();
    let storage = window.local_storage().unwrap().unwrap();
    storage.clear().unwrap();
    let mut last_year = ogi_report_core::Report::new_draft();
    last_year.meta.year = Some(2024);
    last_year.edit_cell(CellRef::parse("requests.received.commercial").unwrap(), "4");
    let mut this_year = ogi_report_core::Report::carry_over(&last_year, false);
    this_year.edit_cell(CellRef::parse("requests.received.commercial").unwrap(), "1");
    let drafts = ogi_report::browser::local_storage::local_storage(None).unwrap();
    drafts
        .save("d1", "", &this_year, "", "2026-12-03T08:00:00.000Z")
        .unwrap();
    drafts.set_current("d1");

    let document = window.document().unwrap();
    let root = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&root).unwrap();
    yew::Renderer::<ogi_report::tools::compare_view::CompareView>::with_root(root.clone()).render();
    yew::scheduler::flush().await;
    let cells = root.query_selector_all("[data-compare-cell]").unwrap();
    assert_eq!(cells.length(), 200, "every table cell");
    let received = root
        .query_selector("[data-compare-cell=\"requests.received.commercial\"]")
        .unwrap()
        .unwrap();
    assert_eq!(
        received.get_attribute("data-change").as_deref(),
        Some("down")
    );
    assert_eq!(received.text_content().unwrap(), "1上年 4−3");
    let summary = root
        .query_selector("[data-compare-summary]")
        .unwrap()
        .unwrap()
        .text_content()
        .unwrap();
    assert!(
        summary.contains("2025年") && summary.contains("2024年"),
        "{summary}"
    );
}

/// Drafts saved by the previous release, put into the browser's localStorage as it wrote them,
/// open through gloo-storage unchanged (tests/page_state.rs holds the same fixture natively).
#[wasm_bindgen_test]
fn drafts_of_the_previous_release_open_through_gloo_storage() {
    let storage = web_sys::window().unwrap().local_storage().unwrap().unwrap();
    storage.clear().unwrap();
    let fixture: std::collections::BTreeMap<String, String> =
        serde_json::from_str(include_str!("fixtures/local-storage-previous-release.json")).unwrap();
    for (key, value) in &fixture {
        storage.set_item(key, value).unwrap();
    }
    let drafts = ogi_report::browser::local_storage::local_storage(None).unwrap();
    assert_eq!(drafts.list().len(), 2);
    let seed = ogi_report_core::read_report(include_str!("fixtures/seed-2021.json")).unwrap();
    assert_eq!(drafts.load("d-release").unwrap().report, seed);
    let version_1 =
        ogi_report_core::read_report(include_str!("fixtures/seed-2021.v1.json")).unwrap();
    assert_eq!(drafts.load("d-version-1").unwrap().report, version_1);
    storage.clear().unwrap();
}
