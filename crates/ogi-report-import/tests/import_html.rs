//! Importing a saved web page: the page is read as the text a browser would copy from it, then
//! as published text. A report published as our own HTML file comes back cell for cell; a page
//! of Word-exported markup (paragraphs and spans inside cells, non-breaking spaces) is read; a
//! hostile page is refused with a reason, never a panic.

// The core's test helpers (the seed report, typed reports, layouts of published text).
#[path = "../../ogi-report-core/tests/common/mod.rs"]
mod common;

use common::*;
use ogi_report_core::CellRef;
use ogi_report_import::{import_file, ImportError};
use ogi_report_render::html::render_html;
use ogi_report_render::RenderOptions;

#[test]
fn our_own_html_file_comes_back_cell_for_cell() {
    for report in [seed(), full_report()] {
        let html = render_html(&report, RenderOptions::default());
        let (read, summary) = import_file(html.as_bytes(), "报告.html").expect("a report");
        let summary = summary.expect("a summary to confirm");
        assert_eq!(read.meta.body, report.meta.body);
        assert_eq!(read.meta.year, report.meta.year);
        for cell in CellRef::all() {
            assert_eq!(
                read.cell_text(cell),
                report.cell_text(cell),
                "{} (lines not placed: {:?})",
                cell.path(),
                summary.not_understood
            );
        }
        assert!(summary.blank.is_empty(), "{:?}", summary.blank);
    }
}

fn assert_same_cells(read: &ogi_report_core::Report, report: &ogi_report_core::Report) {
    for cell in CellRef::all() {
        assert_eq!(
            read.cell_text(cell),
            report.cell_text(cell),
            "{}",
            cell.path()
        );
    }
}

/// Word's "save as web page": each cell's text inside a paragraph and a span, and a spare empty
/// paragraph with a non-breaking space.
fn word_style(html: &str) -> String {
    let mut out = String::new();
    let mut rest = html;
    while let Some(at) = rest.find("<td") {
        let close = at + rest[at..].find('>').unwrap() + 1;
        out.push_str(&rest[..close]);
        out.push_str("<p class=MsoNormal><span lang=ZH-CN style='font-family:宋体'>");
        rest = &rest[close..];
        let end = rest.find("</td>").unwrap();
        out.push_str(&rest[..end]);
        out.push_str("</span><o:p></o:p></p><p class=MsoNormal>&nbsp;</p></td>");
        rest = &rest[end + "</td>".len()..];
    }
    out.push_str(rest);
    out
}

#[test]
fn word_exported_markup_is_read() {
    let report = full_report();
    let html = word_style(&render_html(&report, RenderOptions::default()));
    assert!(html.contains("MsoNormal"));
    let (read, _) = import_file(html.as_bytes(), "报告.htm").expect("a report");
    assert_same_cells(&read, &report);
}

#[test]
fn hostile_pages_are_refused_not_crashed() {
    // Nesting that would stall the parser (it checks scopes along the open elements at each tag)
    // is refused before parsing, whether divs or tables.
    for (name, open, close) in [
        ("divs", "<div>", "</div>"),
        ("tables", "<table><tr><td>", ""),
    ] {
        let page = open.repeat(200_000) + "一、总体情况" + &close.repeat(200_000);
        let result = import_file(page.as_bytes(), &format!("{name}.html"));
        assert_eq!(result.err(), Some(ImportError::TooDeep), "{name}");
    }
    // Wide pages, entity declarations and stray markup are read (or found not to be a report).
    let wide = "<table>".to_owned() + &"<tr><td>1</td><td>2</td></tr>".repeat(50_000) + "</table>";
    let entities = "<!DOCTYPE html [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;\">]><html><body>&b;&b;</body></html>";
    let stray = "</div></td></tr></table><td><tr>一、总体情况<p><p><li>".repeat(1_000);
    for (name, page) in [
        ("wide", wide),
        ("entities", entities.to_owned()),
        ("stray", stray),
    ] {
        let result = import_file(page.as_bytes(), &format!("{name}.html"));
        assert!(
            matches!(result, Ok(_) | Err(ImportError::NotAReport)),
            "{name}: {:?}",
            result.err()
        );
    }
}

/// A report as a government CMS publishes it: the article among a site's menus, a breadcrumb that
/// ends with the title, the title in a heading outside the article's text, a line of 发布时间 and
/// 来源, the 前言 before part 一, and a footer.
fn cms_page(report: &ogi_report_core::Report, preface: &str) -> String {
    let own = render_html(report, RenderOptions::default());
    let article = &own[own.find("<article").unwrap()..own.find("</article>").unwrap()];
    let article = &article[article.find("</h1>").unwrap() + "</h1>".len()..];
    let title = report.title();
    let menu: String = (1..=31)
        .map(|n| format!("<li><a href=\"/c{n}/\">栏目{n}</a></li>"))
        .collect();
    format!(
        "<!DOCTYPE html><html><head><title>{title}_某某区人民政府</title></head><body>\
         <div class=\"top\"><ul>{menu}</ul></div>\
         <div class=\"crumb\">当前位置：首页 &gt; 政务公开 &gt; 政府信息公开年报 &gt; {title}</div>\
         <div class=\"main\"><div class=\"content\"><h1 class=\"title\">{title}</h1>\
         <div class=\"info\">发布时间：2022-01-20 来源：某某区人民政府 【字体：大 中 小】 打印本页</div>\
         <div class=\"article\"><p>{preface}</p>{article}</div></div>\
         <div class=\"side\"><ul><li>相关链接</li><li>政务服务网</li></ul></div></div>\
         <div class=\"footer\"><p>版权所有：某某区人民政府 网站标识码：1234000001</p><p>联系我们 | 网站地图</p></div>\
         </body></html>"
    )
}

#[test]
fn a_cms_page_keeps_its_body_year_and_preface_and_leaves_the_site_out() {
    let report = seed();
    let preface = "根据《中华人民共和国政府信息公开条例》规定，编制本报告。本报告所列数据的统计期限自2021年1月1日起至2021年12月31日止。如对本报告有疑问，请与本办党政办联系。";
    let page = cms_page(&report, preface);
    let (read, summary) = import_file(page.as_bytes(), "年报.html").expect("a report");
    let summary = summary.unwrap();
    assert_eq!(read.meta.body, report.meta.body);
    assert_eq!(read.meta.year, report.meta.year);
    assert_eq!(read.preface, preface);
    assert!(
        summary.not_understood.is_empty(),
        "no site chrome to check: {:?}",
        summary.not_understood
    );
    assert_same_cells(&read, &report);
    let other = read.sections(ogi_report_core::Narrative::OtherMatters);
    let text: String = other.iter().map(|section| section.text.clone()).collect();
    assert!(
        !text.contains("版权所有") && !text.contains("网站地图"),
        "{text}"
    );
}
