//! ogi-report-import: reading the reports people have into a report — one dependency set (zip,
//! flate2, quick-xml, scraper, lopdf behind the `pdf` feature) that the page's first load never
//! carries; the page reaches it through the file-work package. [`audit`] (审阅) and [`add_file`]
//! (汇总's files) are the operations built on it.
//!
//! Reading the reports people have into a report. [`import_file`] takes a file's bytes and reads
//! it by what the bytes are: our report file (JSON), a Word file (`docx`), a PDF (`pdf`), a saved
//! web page (`html`) or text. Every reader turns its source into the text a person would copy
//! from it — a table row on one line, its cells separated by tabs — and [`import_text`]
//! (`text`) reads that text: the title, the six parts, and each table by its labels and the
//! order of its numbers (`tables`). Nothing is guessed silently: the [`Summary`] lists every cell
//! filled, every cell inferred (and how), every cell left blank and every row not placed.
//!
//! Files from outside are hostile: sizes are bounded before reading ([`MAX_IMPORT_BYTES`], and
//! each reader bounds what it unpacks), nesting is bounded, and no reader expands XML entities.

mod docx;
mod html;
mod interleaved;
#[cfg(feature = "pdf")]
mod pdf;
mod tables;
mod text;

pub use text::import_text;

pub use ogi_report_core::imported::{Imported, Summary};

mod audit;
mod units;

pub use audit::{audit, Audit};
pub use units::{add_file, add_text};

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NotAReport;

impl std::fmt::Display for NotAReport {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("这段文字中没有找到政府信息公开工作年度报告（没有标题，也没有“一、总体情况”等部分标题）。")
    }
}

/// The largest file an import reads: a report's text or file is far smaller; anything larger is
/// refused before it is looked at.
pub const MAX_IMPORT_BYTES: usize = 20 * 1024 * 1024;

/// Why a file brought in could not become a report.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ImportError {
    TooLarge {
        bytes: usize,
    },
    /// A web page nested far deeper than any page a browser shows (built to stall a parser).
    TooDeep,
    NotUtf8,
    /// A kind of file no reader exists for (named as the user knows it).
    NotReadable(&'static str),
    /// A Word or PDF file that is damaged, encrypted or built to exhaust memory: (the kind, why).
    Damaged(&'static str, String),
    /// A report file (JSON) that cannot be read.
    File(ogi_report_core::file::FileError),
    NotAReport,
}

impl std::fmt::Display for ImportError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ImportError::TooLarge { bytes } => write!(
                f,
                "文件过大（{:.1} MB），未读取；年度报告的文件一般不超过 {} MB。",
                *bytes as f64 / 1_048_576.0,
                MAX_IMPORT_BYTES / 1_048_576
            ),
            ImportError::TooDeep => write!(
                f,
                "网页文件的结构嵌套超过 {} 层，不像正常的报告网页，未读取。请在浏览器中打开该网页，全选复制文字后粘贴导入。",
                html::MAX_HTML_DEPTH
            ),
            ImportError::NotUtf8 => f.write_str("文件不是 UTF-8 编码的文本。"),
            ImportError::NotReadable(kind) => write!(
                f,
                "不能直接读取{kind}。请用 Word 或 WPS 打开该文件并另存为 .docx，或全选并复制报告的文字，粘贴到“导入已发布报告”的文本框中。"
            ),
            ImportError::Damaged(kind, why) => write!(
                f,
                "无法读取这个{kind}：{why}。请用原来的程序打开该文件，确认能正常显示后另存一份再导入，或复制其中的文字粘贴导入。"
            ),
            ImportError::File(error) => error.fmt(f),
            ImportError::NotAReport => NotAReport.fmt(f),
        }
    }
}

impl std::error::Error for ImportError {}

/// Ends the text's current line, if it has one: the readers start a block (a paragraph, a table
/// row) on a line of its own without leaving empty lines.
fn end_line(out: &mut String) {
    if !out.is_empty() && !out.ends_with('\n') {
        out.push('\n');
    }
}

/// A parser's own words about a damaged file, short enough for a message: white space collapsed
/// and cut at 80 characters (a hostile file can make them as long as itself).
fn detail(error: impl std::fmt::Display) -> String {
    let words = error
        .to_string()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    let mut chars = words.chars();
    let short: String = chars.by_ref().take(80).collect();
    if chars.next().is_some() {
        format!("{short}…")
    } else {
        short
    }
}

/// Reads a file the user brought — our report file, a Word file, a PDF, a saved web page, or a
/// published report's text — by what its bytes are, not by its name alone. `file_name` only
/// decides between kinds the bytes leave open.
pub fn import_file(bytes: &[u8], file_name: &str) -> Result<Imported, ImportError> {
    if bytes.len() > MAX_IMPORT_BYTES {
        return Err(ImportError::TooLarge { bytes: bytes.len() });
    }
    if bytes.starts_with(b"\xD0\xCF\x11\xE0") {
        return Err(ImportError::NotReadable("旧版 Word 文件（.doc）"));
    }
    let from_file;
    let text = if bytes.starts_with(b"PK\x03\x04") {
        from_file = docx::docx_text(bytes)?;
        from_file.as_str()
    } else if looks_like_pdf(bytes) {
        from_file = pdf_text(bytes)?;
        from_file.as_str()
    } else {
        let text = std::str::from_utf8(bytes).map_err(|_| ImportError::NotUtf8)?;
        let text = text.strip_prefix('\u{FEFF}').unwrap_or(text);
        let name = file_name.to_lowercase();
        if text.trim_start().starts_with('{') || name.ends_with(".json") {
            return ogi_report_core::file::read_report(text)
                .map(|report| (report, None))
                .map_err(ImportError::File);
        }
        if html::looks_like_html(text) || name.ends_with(".html") || name.ends_with(".htm") {
            from_file = html::html_text(text)?;
            from_file.as_str()
        } else {
            text
        }
    };
    import_text(text)
        .map(|(report, summary)| (report, Some(summary)))
        .map_err(|NotAReport| ImportError::NotAReport)
}

/// A PDF's signature, which may follow a little junk at the start.
pub fn looks_like_pdf(bytes: &[u8]) -> bool {
    bytes.len() > 5
        && bytes[..bytes.len().min(1024)]
            .windows(5)
            .any(|w| w == b"%PDF-")
}

#[cfg(feature = "pdf")]
fn pdf_text(bytes: &[u8]) -> Result<String, ImportError> {
    pdf::pdf_text(bytes)
}

/// Built without the PDF reader (the page's lean file-work module never receives a PDF: the
/// page sends PDFs to the build that has it).
#[cfg(not(feature = "pdf"))]
fn pdf_text(_: &[u8]) -> Result<String, ImportError> {
    Err(ImportError::NotReadable(
        "PDF 文件（这一版本未包含 PDF 读取）",
    ))
}
