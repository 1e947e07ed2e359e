//! Rules on the report as a whole: all parts and table rows present (R13), the title year and the
//! statistical period (R16), and the publication deadline (R18).

use super::id;
use super::{finding, Context, Date, Finding, Severity, Stage, Target};
use crate::format::FIRST_YEAR;
use crate::report::{BodyType, FieldRef, Narrative, Report};

pub(super) fn r13(report: &Report, context: &Context, findings: &mut Vec<Finding>) {
    for path in &report.missing {
        let message = format!(
            "报告文件缺少「{path}」。年度报告须包含格式规定的全部六个部分和表格的每一行，不能删减；缺少的表格行已按空白处理，请补填。"
        );
        findings.push(finding(
            id::R13,
            Severity::Error,
            vec![Target::Missing(path.clone())],
            message,
        ));
    }
    if context.stage != Stage::Final {
        return;
    }
    for part in Narrative::ALL {
        let empty = report
            .sections(part)
            .iter()
            .all(|section| section.text.trim().is_empty());
        if empty {
            let message = format!(
                "{}还没有内容。六个部分都须填写；确实没有可报告的内容时写“无”。",
                part.part().heading
            );
            findings.push(finding(
                id::R13,
                Severity::Error,
                vec![Target::Field(FieldRef::Text(part, 0))],
                message,
            ));
        }
    }
}

pub(super) fn r16(report: &Report, context: &Context, findings: &mut Vec<Finding>) {
    // A title and period being typed are not wrong yet; they are judged at 检查.
    if context.stage != Stage::Final {
        return;
    }
    let mut push = |field: FieldRef, message: String| {
        findings.push(finding(
            id::R16,
            Severity::Error,
            vec![Target::Field(field)],
            message,
        ));
    };
    if report.meta.body.trim().is_empty() {
        push(
            FieldRef::Body,
            "机关名称未填写，无法生成报告标题（机关全称 + 年度 + 政府信息公开工作年度报告）。"
                .to_owned(),
        );
    }
    let Some(year) = report.meta.year else {
        push(
            FieldRef::Year,
            "报告年度未填写。统计期为报告年度的 1 月 1 日至 12 月 31 日。".to_owned(),
        );
        return;
    };
    if year < FIRST_YEAR {
        push(FieldRef::Year, format!(
            "报告年度为 {year}。本格式（国办公开办函〔2021〕30号）适用于 {FIRST_YEAR} 年度起的报告，更早年度适用试行格式。"
        ));
    }
    if let Some(today) = context.today {
        if year > today.year {
            push(
                FieldRef::Year,
                format!("报告年度 {year} 还没有开始，年度报告统计的是已结束的自然年度，请核对。"),
            );
        }
    }
    for part in Narrative::ALL {
        for (index, section) in report.sections(part).iter().enumerate() {
            if let Some((marker, stated)) =
                period_end_year(&section.text).filter(|(_, stated)| *stated != year)
            {
                push(FieldRef::Text(part, index), format!(
                    "{}写有“{marker}{stated}年12月31日”，而报告年度为 {year}。统计期应为 {year} 年 1 月 1 日至 12 月 31 日，请核对是否沿用了其他年度的文字。",
                    part.part().heading
                ));
            }
        }
    }
}

/// The year in "截至YYYY年12月31日" / "截止YYYY年12月31日", if the text states one, with the word
/// the text uses (a message quotes the text as written).
fn period_end_year(text: &str) -> Option<(&'static str, i32)> {
    const END: &str = "年12月31日";
    for marker in ["截至", "截止"] {
        for (at, _) in text.match_indices(marker) {
            let rest = text[at + marker.len()..].trim_start();
            let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
            if digits.len() == 4 && rest[digits.len()..].starts_with(END) {
                return digits.parse().ok().map(|year| (marker, year));
            }
        }
    }
    None
}

/// Article 49: departments by 31 January, governments by 31 March of the following year.
pub fn statutory_deadline(year: i32, body_type: BodyType) -> Option<Date> {
    match body_type {
        BodyType::Department => Date::new(year + 1, 1, 31),
        BodyType::Government => Date::new(year + 1, 3, 31),
    }
}

pub(super) fn r18(report: &Report, context: &Context, findings: &mut Vec<Finding>) {
    let (Some(today), Some(year)) = (context.today, report.meta.year) else {
        return;
    };
    let Some(statutory) = statutory_deadline(year, report.meta.body_type) else {
        return;
    };
    // A superior office's date is for sending the report to it, the law's for publishing it.
    let (deadline, due, basis) = match (context.deadline, context.deadline_by) {
        (Some(configured), Some(office)) if configured < statutory => {
            (configured, "报送", format!("{office}的通知"))
        }
        (Some(configured), None) if configured < statutory => {
            (configured, "公开", "本地通知规定的日期".to_owned())
        }
        _ => (
            statutory,
            "公开",
            format!("《条例》第四十九条，{}", report.meta.body_type.label()),
        ),
    };
    let days = deadline.day_number() - today.day_number();
    let message = match days {
        // Nothing typed yet: when it is due, not how late a draft just opened is.
        _ if report.is_untouched() => format!("本报告应于{deadline}前{due}（{basis}）。"),
        1.. => format!("本报告应于{deadline}前{due}（{basis}），还有 {days} 天。"),
        0 => format!("今天（{deadline}）是本报告的{due}截止日（{basis}）。"),
        _ => format!(
            "本报告的{due}截止日期{deadline}（{basis}）已过 {} 天，请尽快{due}。",
            -days
        ),
    };
    findings.push(finding(
        id::R18,
        Severity::Info,
        vec![Target::Field(FieldRef::Year)],
        message,
    ));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_period_end() {
        assert_eq!(
            period_end_year("截止2021年12月31日,东南隅街道"),
            Some(("截止", 2021))
        );
        assert_eq!(period_end_year("截至 2020年12月31日"), Some(("截至", 2020)));
        assert_eq!(period_end_year("2021年12月31日"), None);
        assert_eq!(period_end_year("截至年底"), None);
    }
}
