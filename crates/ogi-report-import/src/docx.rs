//! Word files (`.docx`): the text of `word/document.xml` as a person would copy it — a paragraph
//! a line, a table row a line with its cells separated by tabs. A cell merged across columns
//! (`w:gridSpan`) is one cell, as a web page's `colspan` is; a cell merged down (`w:vMerge`) is
//! empty on the rows it continues, so the numbers after it keep their columns. Paragraphs inside
//! a cell, and tables nested in a cell, stay inside that cell.
//!
//! The ZIP is read by the `zip` crate and the XML by `quick-xml` as a stream of events (no DOM, no
//! recursion, no entity expansion: only XML's five named entities and character references are
//! resolved). What is unpacked is bounded, so a small file that inflates to gigabytes is refused.

use std::io::Read;

use quick_xml::events::Event;
use quick_xml::Reader;

use super::ImportError;

const KIND: &str = "Word 文件";

/// The most `word/document.xml` may inflate to; a long report's is a few megabytes.
const MAX_DOCUMENT_XML: u64 = 32 * 1024 * 1024;

fn damaged(why: impl Into<String>) -> ImportError {
    ImportError::Damaged(KIND, why.into())
}

pub(super) fn docx_text(bytes: &[u8]) -> Result<String, ImportError> {
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes))
        .map_err(|error| damaged(format!("压缩结构损坏（{}）", super::detail(error))))?;
    let has = |name: &str| archive.index_for_name(name).is_some();
    if !has("word/document.xml") {
        return Err(if has("xl/workbook.xml") {
            ImportError::NotReadable("Excel 工作簿（.xlsx）")
        } else if has("ppt/presentation.xml") {
            ImportError::NotReadable("PowerPoint 文件")
        } else {
            ImportError::NotReadable("这个压缩文件（其中没有 Word 文档）")
        });
    }
    let entry = archive
        .by_name("word/document.xml")
        .map_err(|error| damaged(format!("正文无法解压（{}）", super::detail(error))))?;
    if entry.encrypted() {
        return Err(damaged("文件有密码保护"));
    }
    let mut xml = Vec::new();
    entry
        .take(MAX_DOCUMENT_XML + 1)
        .read_to_end(&mut xml)
        .map_err(|error| damaged(format!("正文无法解压（{}）", super::detail(error))))?;
    if xml.len() as u64 > MAX_DOCUMENT_XML {
        return Err(damaged(format!(
            "正文解压后超过 {} MB，不像一份年度报告",
            MAX_DOCUMENT_XML / 1024 / 1024
        )));
    }
    let xml = std::str::from_utf8(&xml).map_err(|_| damaged("正文不是 UTF-8 编码"))?;
    body_text(xml)
}

/// Where text goes while the body is read.
#[derive(Default)]
struct Body {
    out: String,
    /// The cells of the row being read, in an outermost table.
    row: Vec<String>,
    /// The cell being read, in an outermost table (nested tables write into it).
    cell: Option<String>,
    tables: usize,
}

impl Body {
    fn push(&mut self, text: &str) {
        match &mut self.cell {
            Some(cell) => cell.push_str(text),
            None => self.out.push_str(text),
        }
    }

    /// A paragraph or line break: a new line, or a space inside a cell.
    fn line_break(&mut self) {
        match &mut self.cell {
            Some(cell) => cell.push(' '),
            None if self.tables == 0 => super::end_line(&mut self.out),
            None => {}
        }
    }
}

fn body_text(xml: &str) -> Result<String, ImportError> {
    let mut reader = Reader::from_str(xml);
    let mut body = Body::default();
    let mut in_text = false;
    // Inside `mc:Fallback`, which repeats its `mc:Choice` for old readers.
    let mut fallback = 0usize;
    loop {
        let event = reader
            .read_event()
            .map_err(|error| damaged(format!("正文的 XML 有错误（{}）", super::detail(error))))?;
        match event {
            Event::Start(element) => match element.local_name().as_ref() {
                b"Fallback" => fallback += 1,
                b"tbl" => body.tables += 1,
                b"tr" if body.tables == 1 => body.row.clear(),
                b"tc" if body.tables == 1 => body.cell = Some(String::new()),
                b"t" => in_text = true,
                _ => {}
            },
            Event::Empty(element) if fallback == 0 => match element.local_name().as_ref() {
                b"tab" => body.push(if body.cell.is_some() { " " } else { "\t" }),
                b"br" | b"cr" => body.line_break(),
                _ => {}
            },
            Event::End(element) => match element.local_name().as_ref() {
                b"Fallback" => fallback = fallback.saturating_sub(1),
                b"t" => in_text = false,
                b"p" if fallback == 0 => body.line_break(),
                b"tr" | b"tc" if body.tables > 1 => body.push(" "),
                b"tc" if body.tables == 1 => {
                    let cell = body.cell.take().unwrap_or_default();
                    body.row
                        .push(cell.split_whitespace().collect::<Vec<_>>().join(" "));
                }
                b"tr" if body.tables == 1 => {
                    super::end_line(&mut body.out);
                    let line = body.row.join("\t");
                    body.out.push_str(&line);
                    body.out.push('\n');
                    body.row.clear();
                }
                b"tbl" => body.tables = body.tables.saturating_sub(1),
                _ => {}
            },
            Event::Text(text) if in_text && fallback == 0 => {
                let text = text.decode().map_err(|error| {
                    damaged(format!("文字编码有错误（{}）", super::detail(error)))
                })?;
                body.push(&text);
            }
            Event::GeneralRef(reference) if in_text && fallback == 0 => {
                let name: &[u8] = &reference;
                let named = match name {
                    b"amp" => Some('&'),
                    b"lt" => Some('<'),
                    b"gt" => Some('>'),
                    b"quot" => Some('"'),
                    b"apos" => Some('\''),
                    _ => reference.resolve_char_ref().ok().flatten(),
                };
                if let Some(ch) = named {
                    body.push(ch.encode_utf8(&mut [0; 4]));
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    Ok(body.out)
}

#[cfg(test)]
mod tests {
    use super::*;

    const W: &str = r#"xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main""#;

    #[test]
    fn paragraphs_are_lines_and_rows_are_tab_separated_cells() {
        let xml = format!(
            r#"<w:document {W}><w:body>
<w:p><w:r><w:t>某某县人民政府2023年政府信息</w:t></w:r><w:r><w:t xml:space="preserve">公开工作年度报告</w:t></w:r></w:p>
<w:tbl><w:tr><w:tc><w:tcPr><w:gridSpan w:val="3"/></w:tcPr><w:p><w:r><w:t>一、本年新收</w:t></w:r></w:p><w:p><w:r><w:t>申请数量</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>5</w:t></w:r></w:p></w:tc><w:tc><w:p/></w:tc></w:tr>
<w:tr><w:tc><w:tcPr><w:vMerge/></w:tcPr><w:p/></w:tc><w:tc><w:p><w:r><w:t>A&amp;B&#x4E00;</w:t></w:r></w:p></w:tc></w:tr></w:tbl>
<w:p><w:r><w:t>二、</w:t></w:r><w:r><w:t>主动公开</w:t></w:r></w:p>
</w:body></w:document>"#
        );
        assert_eq!(
            body_text(&xml).unwrap(),
            "某某县人民政府2023年政府信息公开工作年度报告\n一、本年新收 申请数量\t5\t\n\tA&B一\n二、主动公开\n"
        );
    }

    #[test]
    fn entities_are_not_expanded_and_broken_xml_is_refused() {
        let xml = format!(
            r#"<!DOCTYPE d [<!ENTITY a "aaaaaaaaaa">]><w:document {W}><w:body><w:p><w:r><w:t>&a;x</w:t></w:r></w:p></w:body></w:document>"#
        );
        assert_eq!(body_text(&xml).unwrap(), "x\n");
        assert!(matches!(
            body_text(&format!("<w:document {W}><w:body><w:p></w:r>")),
            Err(ImportError::Damaged(..))
        ));
        // The parser's words about a hostile file are cut short in the message.
        let long = format!("<w:document {W}><w:tcPr></w:tcP{}r>", " ".repeat(100_000));
        let refused = body_text(&long).unwrap_err().to_string();
        assert!(refused.chars().count() < 300, "{}", refused.len());
    }

    #[test]
    fn files_that_are_not_word_documents_are_named() {
        assert!(matches!(
            docx_text(b"PK\x03\x04 not really a zip"),
            Err(ImportError::Damaged(..))
        ));
    }
}
