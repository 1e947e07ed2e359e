//! One self-contained HTML file of the report: inline styles (so it pastes cleanly into a CMS
//! editor), a print stylesheet for A4 in the 公文 layout, no scripts and no external requests.
//! Every piece of user text is escaped.

use std::fmt::Write;

use super::escape;
use super::{blocks, Block, RenderOptions, DRAFT_MARK};
use crate::layout::{Content, TableLayout};
use crate::report::Report;

const BODY_FONTS: &str = "'仿宋_GB2312','FangSong_GB2312',FangSong,'仿宋',STFangsong,serif";
const TITLE_FONTS: &str = "'方正小标宋简体','FZXiaoBiaoSong-B05S','华文中宋',SimSun,'宋体',serif";
const HEADING_FONTS: &str = "'黑体',SimHei,'Noto Sans CJK SC',sans-serif";
const SUBHEADING_FONTS: &str = "'楷体_GB2312','KaiTi_GB2312',KaiTi,'楷体',STKaiti,serif";

/// The whole file.
pub fn render_html(report: &Report, options: RenderOptions) -> String {
    format!(
        "<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\" />\n<title>{}</title>\n<style>\n{}</style>\n</head>\n<body>\n{}</body>\n</html>\n",
        escape(&report.title()),
        PRINT_CSS,
        render_article(report, options)
    )
}

/// The print stylesheet: A4 with GB/T 9704 margins, table headers repeated, rows kept whole.
pub const PRINT_CSS: &str = "@page { size: A4; margin: 37mm 26mm 35mm 28mm; }\n\
.ogi-report table { page-break-inside: auto; }\n\
.ogi-report thead { display: table-header-group; }\n\
.ogi-report tr { page-break-inside: avoid; break-inside: avoid; }\n\
@media screen { .ogi-report { max-width: 156mm; margin: 2em auto; } }\n";

/// The report as an `<article>` (what the page prints, and the body of the file).
pub fn render_article(report: &Report, options: RenderOptions) -> String {
    let mut html = String::new();
    let _ = writeln!(
        html,
        "<article class=\"ogi-report\" style=\"font-family:{BODY_FONTS};font-size:16pt;line-height:28pt;color:#000;\">"
    );
    if options.draft {
        let _ = writeln!(
            html,
            "<p class=\"ogi-draft-mark\" style=\"font-family:{HEADING_FONTS};font-size:12pt;text-align:right;margin:0;\">{DRAFT_MARK}</p>"
        );
    }
    let _ = writeln!(
        html,
        "<h1 style=\"font-family:{TITLE_FONTS};font-size:22pt;line-height:1.5;text-align:center;font-weight:normal;margin:0 0 28pt;\">{}</h1>",
        escape(&report.title())
    );
    for block in blocks(report) {
        match block {
            Block::PartHeading(text) => {
                let _ = writeln!(
                    html,
                    "<h2 style=\"font-family:{HEADING_FONTS};font-size:16pt;font-weight:normal;text-indent:2em;margin:0;\">{text}</h2>"
                );
            }
            Block::SubHeading(text) => {
                let _ = writeln!(
                    html,
                    "<h3 style=\"font-family:{SUBHEADING_FONTS};font-size:16pt;font-weight:normal;text-indent:2em;margin:0;\">{}</h3>",
                    escape(text)
                );
            }
            Block::Paragraph(text) => {
                let _ = writeln!(
                    html,
                    "<p style=\"text-indent:2em;margin:0;\">{}</p>",
                    escape(text)
                );
            }
            Block::Table(table) => write_table(&mut html, report, table),
        }
    }
    html.push_str("</article>\n");
    html
}

fn write_table(html: &mut String, report: &Report, table: &TableLayout) {
    let total: u32 = table.widths.iter().sum();
    html.push_str("<table style=\"border-collapse:collapse;width:100%;font-size:10.5pt;line-height:1.4;margin:8pt 0;\">\n<colgroup>");
    for width in &table.widths {
        // Hundredths of a percent in integers: float formatting would add weight to the page.
        let hundredths = u64::from(*width) * 10_000 / u64::from(total);
        let _ = write!(
            html,
            "<col style=\"width:{}.{:02}%\" />",
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
            let (tag, align, text) = match cell.content {
                Content::Header(text) => ("th", "center", escape(text)),
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
                " style=\"border:1px solid #000;padding:2pt 3pt;text-align:{align};vertical-align:middle;font-weight:normal;\">{text}</{tag}>"
            );
        }
        html.push_str("</tr>\n");
    }
    html.push_str("</tbody>\n</table>\n");
}
