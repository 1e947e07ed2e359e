//! 下发: a superior office's settings handed down with the one-file page — its name, the report
//! year, its own deadline for the units' reports, the units that must report (with their body type
//! when the list gives it) and its threshold for narrative copied between units. The settings are
//! a small JSON document inside the page (`<script type="application/json" id="ogi-pack">`), or
//! the `pack` parameter of a hosted page's link; the tools page writes them, the filling page and
//! 汇总 read them. One reader and one writer here, so the three agree.

use std::fmt;

use crate::checklist::{same_unit, unit_rows};
use serde::{Deserialize, Serialize};
use serde_json::value::RawValue;

use crate::file::{from_json, FileError, FileProblem, Keyed};
use crate::rules::Date;
use crate::sum::COPIED_BETWEEN_UNITS_PERCENT;
use crate::BodyType;

/// The `format` member that marks a pack's settings.
pub const FORMAT: &str = "ogi-report-pack";
pub const VERSION: u64 = 1;

/// The one-file page's slot for the settings: the opening tag, then the JSON, then `</script>`.
pub const SLOT: &str = r#"<script type="application/json" id="ogi-pack">"#;

/// More units than any county has; a bound on what a hostile file can make the page draw.
const MAX_UNITS: usize = 2000;
/// Longer than any body's full name.
const MAX_NAME_CHARS: usize = 100;
/// The settings are a few kilobytes; a slot holding more is not ours.
const MAX_SETTINGS_BYTES: usize = 512 * 1024;

/// A unit on the superior office's list.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PackUnit {
    pub name: String,
    pub body_type: Option<BodyType>,
}

/// The settings a superior office hands down.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Pack {
    /// The office that hands the pack down and collects the reports (e.g. 某区政务公开办).
    pub office: String,
    pub year: i32,
    /// The office's own date for the units' reports (earlier than the law's).
    pub deadline: Option<Date>,
    pub units: Vec<PackUnit>,
    /// Narrative shared with another unit's at or over this share (percent) is flagged in 汇总,
    /// and copied from last year's at or over it in the unit's own check.
    pub copied_percent: usize,
}

/// Why settings could not be read or written.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PackError {
    /// Not JSON, or not the pack's shape: what is wrong, in words for the user.
    Invalid(String),
    /// The page to put the settings in has no slot for them (not the one-file page).
    NoSlot,
}

impl fmt::Display for PackError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            PackError::Invalid(why) => write!(f, "下发文件中的设置无法读取：{why}"),
            PackError::NoSlot => f.write_str("这不是本工具的单文件填写页面，无法放入下发设置。"),
        }
    }
}

fn invalid(why: impl Into<String>) -> PackError {
    PackError::Invalid(why.into())
}

impl Pack {
    /// Settings with the default threshold and nothing else: what the 下发 form starts from.
    pub fn new(office: &str, year: i32) -> Pack {
        Pack {
            office: office.trim().to_owned(),
            year,
            deadline: None,
            units: Vec::new(),
            copied_percent: COPIED_BETWEEN_UNITS_PERCENT,
        }
    }

    /// The listed unit of this name (spaces ignored), if any.
    pub fn unit(&self, name: &str) -> Option<&PackUnit> {
        self.units.iter().find(|unit| same_unit(&unit.name, name))
    }

    pub fn names(&self) -> Vec<String> {
        self.units.iter().map(|unit| unit.name.clone()).collect()
    }

    /// The units of a list pasted from Excel (one a line, a body type may follow): see
    /// [`crate::checklist::unit_rows`].
    pub fn set_units(&mut self, pasted: &str) {
        self.units = unit_rows(pasted)
            .into_iter()
            .map(|(name, body_type)| PackUnit { name, body_type })
            .collect();
    }

    /// The downloaded page's name: the office's and the year's.
    pub fn file_name(&self) -> String {
        let stem = format!(
            "{}{}年度政府信息公开工作年度报告填写页",
            self.office, self.year
        );
        crate::format::file_name(&stem, "html")
    }

    /// Where and by when a unit sends its report file back: one line for the page.
    pub fn send_back(&self) -> String {
        match self.deadline {
            Some(date) => format!("请于{date}前将报告文件报送{}。", self.office),
            None => format!("请将报告文件报送{}。", self.office),
        }
    }
}

/// The 下发 form as typed: every field as text.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PackForm {
    pub office: String,
    pub year: String,
    /// `YYYY-MM-DD` (a date input's value), or empty.
    pub deadline: String,
    /// Pasted from Excel: one unit a line, a body type may follow.
    pub units: String,
    pub copied_percent: String,
}

impl PackForm {
    /// The settings the form gives, or what to correct first, naming the field as labelled.
    pub fn pack(&self) -> Result<Pack, String> {
        let office = self.office.trim();
        if office.is_empty() {
            return Err("请填写下发单位名称。".to_owned());
        }
        if office.chars().count() > MAX_NAME_CHARS {
            return Err("下发单位名称过长。".to_owned());
        }
        let year = self
            .year
            .trim()
            .parse::<i32>()
            .ok()
            .filter(|year| (crate::format::FIRST_YEAR..=2100).contains(year))
            .ok_or("请选择报告年度。")?;
        let mut pack = Pack::new(office, year);
        if !self.deadline.trim().is_empty() {
            pack.deadline = Some(Date::parse(&self.deadline).ok_or("报送截止日期无效。")?);
        }
        pack.set_units(&self.units);
        if pack.units.is_empty() {
            return Err("请填写应报送单位名单（每行一个单位）。".to_owned());
        }
        if pack.units.len() > MAX_UNITS {
            return Err(format!("单位名单超过 {MAX_UNITS} 个。"));
        }
        if let Some(long) = pack
            .units
            .iter()
            .find(|unit| unit.name.chars().count() > MAX_NAME_CHARS)
        {
            return Err(format!(
                "单位名称过长：{}……",
                long.name.chars().take(20).collect::<String>()
            ));
        }
        if !self.copied_percent.trim().is_empty() {
            pack.copied_percent = self
                .copied_percent
                .trim()
                .parse()
                .ok()
                .filter(|percent| (1..=100).contains(percent))
                .ok_or("正文雷同提示比例应为 1 到 100 之间的整数。")?;
        }
        Ok(pack)
    }
}

/// The settings as written: members in the documented order.
#[derive(Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct PackDoc {
    format: String,
    version: u64,
    office: String,
    year: i64,
    /// `YYYY-MM-DD`, or null.
    deadline: Option<String>,
    units: Vec<UnitDoc>,
    copied_percent: u64,
}

#[derive(Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct UnitDoc {
    name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    body_type: Option<String>,
}

/// The settings as JSON: members in the documented order.
pub fn write_pack(pack: &Pack) -> String {
    let units = pack
        .units
        .iter()
        .map(|unit| UnitDoc {
            name: unit.name.clone(),
            body_type: unit.body_type.map(|kind| kind.key().to_owned()),
        })
        .collect();
    let deadline = pack
        .deadline
        .map(|date| format!("{:04}-{:02}-{:02}", date.year, date.month, date.day));
    let document = PackDoc {
        format: FORMAT.to_owned(),
        version: VERSION,
        office: pack.office.clone(),
        year: i64::from(pack.year),
        deadline,
        units,
        copied_percent: pack.copied_percent as u64,
    };
    // Strings and integers only: serialising cannot fail.
    serde_json::to_string_pretty(&document).unwrap_or_default()
}

/// Reads settings written by [`write_pack`]; anything else is refused with the reason.
pub fn read_pack(text: &str) -> Result<Pack, PackError> {
    if text.len() > MAX_SETTINGS_BYTES {
        return Err(invalid("内容过大"));
    }
    let not_json = |error: FileError| match error.problem {
        FileProblem::NotJson { line, column } => {
            invalid(format!("第 {line} 行第 {column} 列不是有效的 JSON"))
        }
        FileProblem::TooDeep => invalid("嵌套层数过多，不是有效的 JSON"),
        _ => invalid("不是下发设置"),
    };
    // What marks settings as a pack's is read before their members: other settings, or a newer
    // version's, are named as such rather than refused for a member this release does not know.
    let header: Keyed<&RawValue> = from_json(text, "").map_err(not_json)?;
    let written = |key| header.get(key).map(|raw| raw.get().to_owned());
    if written("format") != Some(format!("\"{FORMAT}\"")) {
        return Err(invalid("不是下发设置"));
    }
    if written("version") != Some(VERSION.to_string()) {
        return Err(invalid("版本不受支持，请使用最新版本的工具"));
    }
    let document: PackDoc = from_json(text, "").map_err(|error| invalid(in_words(&error)))?;
    let year = i32::try_from(document.year)
        .ok()
        .filter(|year| (crate::format::FIRST_YEAR..=2100).contains(year))
        .ok_or_else(|| invalid("报告年度无效"))?;
    let deadline = match document.deadline {
        None => None,
        Some(date) => Some(Date::parse(&date).ok_or_else(|| invalid("报送截止日期无效"))?),
    };
    let copied_percent = Some(document.copied_percent)
        .filter(|percent| (1..=100).contains(percent))
        .ok_or_else(|| invalid("雷同比例应为 1 到 100 之间的整数"))?
        as usize;
    Ok(Pack {
        office: name(&document.office, "下发单位")?,
        year,
        deadline,
        units: units(document.units)?,
        copied_percent,
    })
}

/// A member of the wrong shape, named as the settings name it.
fn in_words(error: &FileError) -> String {
    let at = &error.path;
    match &error.problem {
        FileProblem::Missing => format!("缺少「{at}」"),
        FileProblem::UnknownKey => format!("有无法识别的项目「{at}」"),
        FileProblem::RepeatedKey => format!("「{at}」出现了不止一次"),
        FileProblem::WrongType { expected, found } => {
            format!("「{at}」应为{expected}，实际为{found}")
        }
        _ => format!("「{at}」无效"),
    }
}

fn name(name: &str, what: &str) -> Result<String, PackError> {
    let name = name.trim();
    if name.is_empty() || name.chars().count() > MAX_NAME_CHARS {
        return Err(invalid(format!("{what}名称无效")));
    }
    Ok(name.to_owned())
}

fn units(items: Vec<UnitDoc>) -> Result<Vec<PackUnit>, PackError> {
    if items.is_empty() {
        return Err(invalid("没有单位名单"));
    }
    if items.len() > MAX_UNITS {
        return Err(invalid(format!("单位超过 {MAX_UNITS} 个")));
    }
    items
        .into_iter()
        .map(|item| {
            let body_type = match item.body_type {
                None => None,
                Some(kind) => {
                    Some(BodyType::from_key(&kind).ok_or_else(|| invalid("机关类型无效"))?)
                }
            };
            Ok(PackUnit {
                name: name(&item.name, "单位")?,
                body_type,
            })
        })
        .collect()
}

/// The one-file page `html` with `pack` in its slot (replacing what was there).
pub fn embed_in(html: &str, pack: &Pack) -> Result<String, PackError> {
    let (before, _, after) = split_slot(html).ok_or(PackError::NoSlot)?;
    // `<` escaped, so that no text of the settings can close the element.
    let settings = write_pack(pack).replace('<', "\\u003c");
    Ok(format!("{before}{SLOT}{settings}{after}"))
}

/// The settings in a one-file page: `None` when it carries none (an empty slot, or no slot).
pub fn from_html(html: &str) -> Option<Result<Pack, PackError>> {
    let (_, settings, _) = split_slot(html)?;
    (!settings.trim().is_empty()).then(|| read_pack(settings))
}

/// The page around its slot: (before the opening tag, the settings, from `</script>` on).
fn split_slot(html: &str) -> Option<(&str, &str, &str)> {
    let start = html.find(SLOT)?;
    let inner = start + SLOT.len();
    let end = inner + html[inner..].find("</script>")?;
    Some((&html[..start], &html[inner..end], &html[end..]))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_slot_without_settings_is_no_pack() {
        let page = format!("<head>{SLOT}</script></head>");
        assert_eq!(from_html(&page), None);
        assert_eq!(from_html("<html></html>"), None);
        assert_eq!(
            embed_in("<html></html>", &Pack::new("区政务公开办", 2026)),
            Err(PackError::NoSlot)
        );
    }
}
