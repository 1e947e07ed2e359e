//! The Word and HTML outputs: well-formed parts, tables whose rows fill the grid, labels byte
//! exact from the core's constants, deterministic bytes, and user text that stays inert.

// The core's test helpers (the seed report, typed reports, layouts of published text).
#[path = "../../ogi-report-core/tests/common/mod.rs"]
mod common;

use common::*;
use ogi_report_core::layout::{self, Content};
use ogi_report_core::{Narrative, Report};
use ogi_report_render::docx::render_docx;
use ogi_report_render::html::render_html;
use ogi_report_render::{RenderOptions, DRAFT_MARK};

const W: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

fn document_xml(report: &Report, options: RenderOptions) -> String {
    let parts = unzip(&render_docx(report, options));
    let (_, bytes) = parts
        .iter()
        .find(|(name, _)| name == "word/document.xml")
        .unwrap();
    String::from_utf8(bytes.clone()).unwrap()
}

/// The text of every paragraph and table cell, in document order.
fn docx_texts(xml: &str) -> Vec<String> {
    let document = roxmltree::Document::parse(xml).unwrap();
    document
        .descendants()
        .filter(|node| node.has_tag_name((W, "p")))
        .map(|p| {
            p.descendants()
                .filter(|n| n.has_tag_name((W, "t")))
                .filter_map(|t| t.text())
                .collect::<String>()
        })
        .filter(|text| !text.is_empty())
        .collect()
}

#[test]
fn every_part_is_well_formed_xml() {
    for options in [
        RenderOptions { draft: false },
        RenderOptions { draft: true },
    ] {
        let parts = unzip(&render_docx(&full_report(), options));
        let names: Vec<&str> = parts.iter().map(|(name, _)| name.as_str()).collect();
        assert!(names.contains(&"word/document.xml") && names.contains(&"[Content_Types].xml"));
        assert_eq!(names.contains(&"word/header1.xml"), options.draft);
        for (name, bytes) in &parts {
            let text = std::str::from_utf8(bytes).unwrap();
            roxmltree::Document::parse(text).unwrap_or_else(|e| panic!("{name}: {e}"));
        }
    }
}

#[test]
fn each_table_row_spans_the_whole_grid() {
    let xml = document_xml(&full_report(), RenderOptions::default());
    let document = roxmltree::Document::parse(&xml).unwrap();
    let tables: Vec<_> = document
        .descendants()
        .filter(|n| n.has_tag_name((W, "tbl")))
        .collect();
    assert_eq!(tables.len(), 3);
    for (table, expected) in tables.iter().zip(layout::tables()) {
        let grid: Vec<u32> = table
            .descendants()
            .filter(|n| n.has_tag_name((W, "gridCol")))
            .map(|n| n.attribute((W, "w")).unwrap().parse().unwrap())
            .collect();
        assert_eq!(grid, expected.widths, "fixed widths in twips");
        let rows: Vec<_> = table
            .children()
            .filter(|n| n.has_tag_name((W, "tr")))
            .collect();
        assert_eq!(rows.len(), expected.rows.len());
        for (index, row) in rows.into_iter().enumerate() {
            let span: usize = row
                .children()
                .filter(|n| n.has_tag_name((W, "tc")))
                .map(|tc| {
                    tc.descendants()
                        .find(|n| n.has_tag_name((W, "gridSpan")))
                        .map_or(1, |n| n.attribute((W, "val")).unwrap().parse().unwrap())
                })
                .sum();
            assert_eq!(span, grid.len());
            // Every row but the first of a table without repeated headers (the LibreOffice case
            // in render/docx.rs) is kept whole.
            let whole = index > 0 || expected.header_rows > 0;
            assert_eq!(
                row.descendants().any(|n| n.has_tag_name((W, "cantSplit"))),
                whole,
                "row {index} kept whole: {whole}"
            );
        }
        let headers = table
            .descendants()
            .filter(|n| n.has_tag_name((W, "tblHeader")))
            .count();
        assert_eq!(
            headers, expected.header_rows,
            "header rows repeat on each page"
        );
    }
}

#[test]
fn labels_and_figures_appear_in_order_byte_exact() {
    let report = full_report();
    let texts = docx_texts(&document_xml(&report, RenderOptions::default()));
    let mut expected = vec![report.title()];
    for table in layout::tables() {
        for cell in table.rows.iter().flatten() {
            expected.push(match cell.content {
                Content::Header(text) | Content::Label(text) => text.to_owned(),
                Content::Data(data) => report.cell_text(data),
            });
        }
    }
    let mut position = 0;
    for want in &expected {
        let found = texts[position..].iter().position(|text| text == want);
        let Some(found) = found else {
            panic!("{want} not found after position {position}")
        };
        position += found + 1;
    }
    assert!(texts.contains(&"四、政府信息公开行政复议、行政诉讼情况".to_owned()));
    assert!(texts.contains(&"12.3456".to_owned()));
}

#[test]
fn the_same_report_gives_the_same_bytes() {
    let report = full_report();
    assert_eq!(
        render_docx(&report, RenderOptions::default()),
        render_docx(&report, RenderOptions::default())
    );
    assert_eq!(
        render_html(&report, RenderOptions::default()),
        render_html(&report, RenderOptions::default())
    );
}

#[test]
fn a_draft_carries_its_mark() {
    let report = full_report();
    let parts = unzip(&render_docx(&report, RenderOptions { draft: true }));
    let (_, header) = parts
        .iter()
        .find(|(name, _)| name == "word/header1.xml")
        .unwrap();
    assert!(String::from_utf8(header.clone())
        .unwrap()
        .contains(DRAFT_MARK));
    assert!(render_html(&report, RenderOptions { draft: true }).contains(DRAFT_MARK));
    assert!(!render_html(&report, RenderOptions::default()).contains(DRAFT_MARK));
}

/// Everything an HTML file must not contain: scripts, event handlers, anything fetched.
fn assert_inert(html: &str) {
    let lower = html.to_lowercase();
    for forbidden in [
        "<script",
        "javascript:",
        "src=",
        "href=",
        "url(",
        "http://",
        "https://",
        "@import",
        "<iframe",
        "<object",
    ] {
        assert!(!lower.contains(forbidden), "found {forbidden}");
    }
    let markup = html.trim_start_matches("<!DOCTYPE html>\n");
    let document = roxmltree::Document::parse(markup).expect("the file is well-formed markup");
    for node in document.descendants().filter(|n| n.is_element()) {
        for attribute in node.attributes() {
            assert!(
                !attribute.name().starts_with("on"),
                "event attribute {}",
                attribute.name()
            );
        }
    }
}

#[test]
fn html_has_the_labels_and_figures_and_nothing_active() {
    let report = full_report();
    let html = render_html(&report, RenderOptions::default());
    assert_inert(&html);
    // Short headers may be broken between their words (`商业<br />企业`).
    let unbroken = html.replace("<br />", "");
    for table in layout::tables() {
        for cell in table.rows.iter().flatten() {
            if let Content::Header(text) | Content::Label(text) = cell.content {
                assert!(unbroken.contains(text), "{text}");
            }
        }
    }
    assert!(html.contains("\">12.3456</td>"), "the fee, exact");
    assert!(
        html.contains("rowspan=\"22\""),
        "三、本年度办理结果 spans its 22 rows"
    );
}

#[test]
fn hostile_text_stays_text() {
    let nasty = "<script>alert(1)</script> ]]> </w:t><w:t>x & \"q\" 'a' \u{0}\u{1}\u{B}\u{1F}\u{FFFE} 😀 \u{202E}末";
    let mut report = full_report();
    report.meta.body = nasty.to_owned();
    report.sections_mut(Narrative::Overview)[0].text = format!("{nasty}\n{}", "长".repeat(100_000));
    report.sections_mut(Narrative::Problems)[0].heading = nasty.to_owned();

    let xml = document_xml(&report, RenderOptions { draft: true });
    let texts = docx_texts(&xml);
    let cleaned = "<script>alert(1)</script> ]]> </w:t><w:t>x & \"q\" 'a'  😀 \u{202E}末";
    assert!(texts[0].starts_with(cleaned), "{}", texts[0]);
    assert!(
        texts.iter().any(|text| text == cleaned),
        "the heading is kept as text"
    );
    assert!(
        texts.iter().any(|text| text.len() == 300_000),
        "100 000 characters survive"
    );

    let html = render_html(&report, RenderOptions { draft: true });
    assert_inert(&html);
    assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
}

#[test]
fn the_preface_follows_the_title_in_word_and_html() {
    let mut report = full_report();
    report.preface = "根据《条例》编制本报告。\n如有疑问，请联系本机关。".to_owned();
    let texts = docx_texts(&document_xml(&report, RenderOptions::default()));
    let at = |text: &str| {
        texts
            .iter()
            .position(|t| t == text)
            .unwrap_or_else(|| panic!("{text}: {texts:?}"))
    };
    assert!(at(&report.title()) < at("根据《条例》编制本报告。"));
    assert!(at("根据《条例》编制本报告。") < at("如有疑问，请联系本机关。"));
    assert!(at("如有疑问，请联系本机关。") < at("一、总体情况"));
    let html = ogi_report_render::html::render_html(&report, RenderOptions::default());
    let preface = html.find("根据《条例》编制本报告。").unwrap();
    assert!(html.find("</h1>").unwrap() < preface && preface < html.find("一、总体情况").unwrap());
}

#[test]
fn the_closing_ends_word_and_html_as_gongwen_place_it() {
    let mut report = full_report();
    let plain = document_xml(&report, RenderOptions::default());
    assert!(
        !plain.contains("Closing\"/>"),
        "no 落款 unless the report has one"
    );
    report.closing = ogi_report_core::Closing {
        body: "老城区东南隅街道办事处".to_owned(),
        date: "2022年1月20日".to_owned(),
    };
    let xml = document_xml(&report, RenderOptions::default());
    let texts = docx_texts(&xml);
    let last: Vec<&str> = texts
        .iter()
        .rev()
        .take(2)
        .rev()
        .map(String::as_str)
        .collect();
    assert_eq!(
        last,
        ["老城区东南隅街道办事处", "2022年1月20日"],
        "the last lines"
    );
    // 右空二字 for the body (2 × 16 pt = 640 twips); the date starts two characters right of it:
    // body 11 em − date 6.5 em = 4.5 em from the right (1440 twips).
    assert!(xml.contains(
        "<w:ind w:right=\"640\"/></w:pPr><w:r><w:t xml:space=\"preserve\">老城区东南隅街道办事处"
    ));
    assert!(xml.contains(
        "<w:ind w:right=\"1440\"/></w:pPr><w:r><w:t xml:space=\"preserve\">2022年1月20日"
    ));
    let html = render_html(&report, RenderOptions::default());
    let closing = html.find("老城区东南隅街道办事处</p>").unwrap();
    assert!(html.rfind("六、其他需要报告的事项").unwrap() < closing);
    assert!(
        html[..closing].ends_with("<p style=\"margin:0;\">"),
        "{}",
        &html[closing - 200..closing]
    );
}

#[test]
fn a_date_longer_than_the_body_keeps_two_characters_and_moves_the_body() {
    use ogi_report_render::closing_right_indents;
    let closing = |body: &str, date: &str| ogi_report_core::Closing {
        body: body.to_owned(),
        date: date.to_owned(),
    };
    // In quarter ems: 某某局 is 3 em, the date 6.5 em; the date keeps 2 em and the body ends
    // 2 + 6.5 + 2 − 3 = 7.5 em from the right.
    assert_eq!(
        closing_right_indents(&closing("某某局", "2022年1月20日")),
        (30, 8)
    );
    assert_eq!(
        closing_right_indents(&closing("老城区东南隅街道办事处", "2022年1月20日")),
        (8, 18)
    );
}
