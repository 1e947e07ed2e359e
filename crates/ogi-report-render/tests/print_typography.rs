//! The page prints the core's HTML with class names (a Content-Security-Policy forbids inline
//! styles); `styles/app.css` must carry the renderer's typography exactly, rule for rule, and its
//! A4 page. This fails when either side changes alone (issue 16).

use ogi_report_render::html::{class_rules, PRINT_CSS};

#[test]
fn the_pages_print_css_carries_the_renderers_typography() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../styles/app.css");
    let css = std::fs::read_to_string(path).expect("styles/app.css");
    let missing: Vec<String> = class_rules()
        .into_iter()
        .filter(|rule| !css.contains(rule.as_str()))
        .collect();
    assert!(
        missing.is_empty(),
        "styles/app.css lacks these rules of render/html.rs:\n{}",
        missing.join("\n")
    );
    let page = PRINT_CSS.lines().next().expect("the @page rule");
    assert!(css.contains(page), "styles/app.css lacks {page}");
}
