//! One self-contained HTML file of the report: inline styles (so it pastes cleanly into a CMS
//! editor), a print stylesheet for A4 in the 公文 layout, no scripts and no external requests.
//! Every piece of user text is escaped.

use std::fmt::Write;

use super::escape;
use super::{blocks, header_lines, title_lines, Block, RenderOptions, DRAFT_MARK};
use ogi_report_core::layout::{Content, TableLayout};
use ogi_report_core::report::Report;

const BODY_FONTS: &str = "'仿宋_GB2312','FangSong_GB2312',FangSong,'仿宋',STFangsong,serif";
const TITLE_FONTS: &str = "'方正小标宋简体','FZXiaoBiaoSong-B05S','华文中宋',SimSun,'宋体',serif";
const HEADING_FONTS: &str = "'黑体',SimHei,'Noto Sans CJK SC',sans-serif";
const SUBHEADING_FONTS: &str = "'楷体_GB2312','KaiTi_GB2312',KaiTi,'楷体',STKaiti,serif";

/// How the article carries its typography: inline `style` attributes (a file that pastes into a
/// CMS editor) or class names that a stylesheet defines (the page's print view, which must work
/// under a Content-Security-Policy without inline styles; see `styles/app.css`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Styling {
    Inline,
    Classes,
}

/// The elements the typography distinguishes.
#[derive(Clone, Copy)]
enum Element {
    Article,
    DraftMark,
    Title,
    PartHeading,
    SubHeading,
    Paragraph,
    Table,
    Cell,
    Closing,
    ClosingBody,
    ClosingDate,
}

/// The tables' size in CSS (`9pt`, or `10.5pt`), from the one size Word uses too.
fn table_points() -> String {
    let half = super::TABLE_TEXT_HALF_POINTS;
    if half % 2 == 0 {
        format!("{}pt", half / 2)
    } else {
        format!("{}.5pt", half / 2)
    }
}

/// Each element's class and declarations: the one place the report's typography is written.
/// A cell's alignment is added where it is used (`text-align`, or the classes `ogi-left`/`ogi-center`).
fn typography(part: Element) -> (&'static str, String) {
    match part {
        Element::Article => ("ogi-report", format!("font-family:{BODY_FONTS};font-size:16pt;line-height:28pt;color:#000;")),
        Element::DraftMark => ("ogi-draft-mark", format!("font-family:{HEADING_FONTS};font-size:12pt;text-align:right;margin:0;")),
        Element::Title => ("ogi-title", format!("font-family:{TITLE_FONTS};font-size:22pt;line-height:1.5;text-align:center;font-weight:normal;margin:0 0 28pt;")),
        Element::PartHeading => ("ogi-part", format!("font-family:{HEADING_FONTS};font-size:16pt;font-weight:normal;text-indent:2em;margin:0;")),
        Element::SubHeading => ("ogi-section", format!("font-family:{SUBHEADING_FONTS};font-size:16pt;font-weight:normal;text-indent:2em;margin:0;")),
        Element::Paragraph => ("ogi-body", "text-indent:2em;margin:0;".to_owned()),
        Element::Table => ("ogi-table", format!("border-collapse:collapse;width:100%;font-size:{};line-height:1.3;margin:8pt 0;", table_points())),
        Element::Cell => ("ogi-table th, .ogi-table td", "border:1px solid #000;padding:2pt 3pt;vertical-align:middle;font-weight:normal;".to_owned()),
        // GB/T 9704 without a seal, by CSS alone: the block ends 二字 from the right; the body
        // starts it, the date starts 二字 further right, and whichever is longer sets its width.
        Element::Closing => ("ogi-closing", "display:table;margin:28pt 2em 0 auto;".to_owned()),
        Element::ClosingBody => ("ogi-closing-body", "margin:0;".to_owned()),
        Element::ClosingDate => ("ogi-closing-date", "margin:0;padding-left:2em;".to_owned()),
    }
}

fn attributes(styling: Styling, part: Element, align: &str) -> String {
    let (class, style) = typography(part);
    match (styling, part) {
        (Styling::Inline, Element::Cell) => format!(" style=\"{style}text-align:{align};\""),
        (Styling::Inline, _) => format!(" style=\"{style}\""),
        (Styling::Classes, Element::Cell) => format!(" class=\"ogi-{align}\""),
        (Styling::Classes, _) => format!(" class=\"{class}\""),
    }
}

/// The typography as class rules, one line each: what the page's print view needs
/// (`styles/app.css` carries exactly these lines; a test holds it to them).
pub fn class_rules() -> Vec<String> {
    let rule = |selector: &str, style: &str| {
        let declarations: Vec<String> = style
            .split(';')
            .filter(|declaration| !declaration.is_empty())
            .map(|declaration| declaration.replacen(':', ": ", 1) + ";")
            .collect();
        format!(".{selector} {{ {} }}", declarations.join(" "))
    };
    let mut rules: Vec<String> = [
        Element::Article,
        Element::DraftMark,
        Element::Title,
        Element::PartHeading,
        Element::SubHeading,
        Element::Paragraph,
        Element::Table,
        Element::Cell,
        Element::Closing,
        Element::ClosingBody,
        Element::ClosingDate,
    ]
    .into_iter()
    .map(|part| {
        let (class, style) = typography(part);
        rule(class, &style)
    })
    .collect();
    rules.extend(
        ["left", "center"]
            .map(|align| rule(&format!("ogi-{align}"), &format!("text-align:{align};"))),
    );
    rules
}

/// The whole file.
pub fn render_html(report: &Report, options: RenderOptions) -> String {
    format!(
        "<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\" />\n<title>{}</title>\n<style>\n{}</style>\n</head>\n<body>\n{}</body>\n</html>\n",
        escape(&report.title()),
        PRINT_CSS,
        render_article(report, options, Styling::Inline)
    )
}

/// The print stylesheet: A4 with GB/T 9704 margins, table headers repeated, rows kept whole.
pub const PRINT_CSS: &str = "@page { size: A4; margin: 37mm 26mm 35mm 28mm; }\n\
.ogi-report table { page-break-inside: auto; }\n\
.ogi-report thead { display: table-header-group; }\n\
.ogi-report th, .ogi-report td { page-break-inside: avoid; break-inside: avoid; }\n\
.ogi-report th[rowspan] { page-break-inside: auto; break-inside: auto; }\n\
@media screen { .ogi-report { max-width: 156mm; margin: 2em auto; } }\n";

/// The report as an `<article>` (what the page prints, and the body of the file).
pub fn render_article(report: &Report, options: RenderOptions, styling: Styling) -> String {
    let at = |part| attributes(styling, part, "left");
    let mut html = String::new();
    let inline = if styling == Styling::Inline {
        at(Element::Article)
    } else {
        String::new()
    };
    let _ = writeln!(html, "<article class=\"ogi-report\"{inline}>");
    if options.draft {
        let _ = writeln!(html, "<p{}>{DRAFT_MARK}</p>", at(Element::DraftMark));
    }
    let title: Vec<String> = title_lines(report)
        .iter()
        .map(|line| escape(line))
        .collect();
    let _ = writeln!(
        html,
        "<h1{}>{}</h1>",
        at(Element::Title),
        title.join("<br />")
    );
    for block in blocks(report) {
        let _ = match block {
            Block::PartHeading(text) => {
                writeln!(
                    html,
                    "<h2{}>{}</h2>",
                    at(Element::PartHeading),
                    escape(text)
                )
            }
            Block::SubHeading(text) => {
                writeln!(html, "<h3{}>{}</h3>", at(Element::SubHeading), escape(text))
            }
            Block::Paragraph(text) => {
                writeln!(html, "<p{}>{}</p>", at(Element::Paragraph), escape(text))
            }
            Block::Table(table) => {
                write_table(&mut html, report, table, styling);
                Ok(())
            }
            Block::Closing(closing) => writeln!(
                html,
                "<div{}><p{}>{}</p><p{}>{}</p></div>",
                at(Element::Closing),
                at(Element::ClosingBody),
                escape(closing.body.trim()),
                at(Element::ClosingDate),
                escape(closing.date.trim())
            ),
        };
    }
    html.push_str("</article>\n");
    html
}

fn write_table(html: &mut String, report: &Report, table: &TableLayout, styling: Styling) {
    let total: u32 = table.widths.iter().sum();
    let _ = write!(
        html,
        "<table{}>\n<colgroup>",
        attributes(styling, Element::Table, "")
    );
    for width in &table.widths {
        // Hundredths of a percent in integers: float formatting would add weight to the page.
        let hundredths = u64::from(*width) * 10_000 / u64::from(total);
        let _ = write!(
            html,
            "<col width=\"{}.{:02}%\" />",
            hundredths / 100,
            hundredths % 100
        );
    }
    html.push_str("</colgroup>\n");
    for (index, row) in table.rows.iter().enumerate() {
        if index == 0 && table.header_rows > 0 {
            html.push_str("<thead>\n");
        }
        if index == table.header_rows {
            if table.header_rows > 0 {
                html.push_str("</thead>\n");
            }
            html.push_str("<tbody>\n");
        }
        html.push_str("<tr>");
        for cell in row {
            let width = table.widths[cell.col..cell.col + cell.colspan].iter().sum();
            let (tag, align, text) = match cell.content {
                Content::Header(text) => {
                    let lines: Vec<String> =
                        header_lines(text, width).into_iter().map(escape).collect();
                    ("th", "center", lines.join("<br />"))
                }
                Content::Label(text) => ("th", "left", escape(text)),
                Content::Data(data) => ("td", "center", escape(&report.cell_text(data))),
            };
            let _ = write!(html, "<{tag}");
            if cell.colspan > 1 {
                let _ = write!(html, " colspan=\"{}\"", cell.colspan);
            }
            if cell.rowspan > 1 {
                let _ = write!(html, " rowspan=\"{}\"", cell.rowspan);
            }
            let _ = write!(
                html,
                "{}>{text}</{tag}>",
                attributes(styling, Element::Cell, align)
            );
        }
        html.push_str("</tr>\n");
    }
    html.push_str("</tbody>\n</table>\n");
}
