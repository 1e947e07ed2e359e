//! What a table cell holds and how typed or pasted text becomes it ("What people type into a
//! cell" in docs/format.md).
//!
//! A cell is blank, a valid value, a placeholder (`/`, `—`, `无` …) or text that is not a valid
//! value. The last two keep exactly what was typed: nothing is silently dropped or rewritten
//! except full-width digits, thousands separators and spaces, which are normalised.

use std::fmt;

use crate::format::{MAX_COUNT, PLACEHOLDERS};

/// One table cell. `V` is `u64` for counts and [`Amount`] for the fee.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub enum Cell<V> {
    /// Not filled yet (an error only in a finished report, R8).
    #[default]
    Blank,
    Value(V),
    /// A placeholder such as `/` or `无`, kept as typed (R8).
    Placeholder(String),
    /// Text that is not a valid value, kept as typed, with the reason (R6/R7).
    Invalid {
        raw: String,
        problem: Problem,
    },
}

pub type CountCell = Cell<u64>;
pub type AmountCell = Cell<Amount>;

impl<V: Copy> Cell<V> {
    pub fn value(&self) -> Option<V> {
        match self {
            Cell::Value(value) => Some(*value),
            _ => None,
        }
    }
}

impl<V> Cell<V> {
    pub fn is_blank(&self) -> bool {
        matches!(self, Cell::Blank)
    }
}

impl<V: fmt::Display> Cell<V> {
    /// What an input shows for this cell.
    pub fn display(&self) -> String {
        match self {
            Cell::Blank => String::new(),
            Cell::Value(value) => value.to_string(),
            Cell::Placeholder(raw) | Cell::Invalid { raw, .. } => raw.clone(),
        }
    }
}

impl CountCell {
    /// Reads what a user typed or pasted into a count cell.
    pub fn parse(raw: &str) -> Self {
        parse_with(raw, parse_count)
    }
}

impl AmountCell {
    /// Reads what a user typed or pasted into the amount cell (万元).
    pub fn parse(raw: &str) -> Self {
        parse_with(raw, Amount::parse_normalised)
    }
}

/// Why text is not a valid value. Messages are shown at the cell and in findings.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Problem {
    Negative,
    NotWhole,
    Exponent,
    TooLarge,
    TooManyDecimals,
    MisplacedSeparator,
    Invisible(char),
    NotANumber,
}

impl Problem {
    /// The reason in Chinese, phrased as what would make the cell valid.
    pub fn message(self, is_amount: bool) -> String {
        match self {
            Problem::Negative => "不能是负数，请填写 0 或正数".to_owned(),
            Problem::NotWhole => "件数须为整数，不能有小数".to_owned(),
            Problem::Exponent => "请直接写出数字，不要用科学计数法".to_owned(),
            Problem::TooLarge if is_amount => {
                format!("金额超出合理范围（以万元为单位，应小于 {}）", MAX_COUNT + 1)
            }
            Problem::TooLarge => format!("数字过大，件数不应超过 {MAX_COUNT}"),
            Problem::TooManyDecimals => {
                "金额最多保留 4 位小数（单位：万元，1 元即 0.0001 万元）".to_owned()
            }
            Problem::MisplacedSeparator => "千位分隔符位置不对，请直接写数字，例如 1234".to_owned(),
            Problem::Invisible(ch) => {
                format!("含有不可见字符 U+{:04X}，请删除后重新输入", ch as u32)
            }
            Problem::NotANumber if is_amount => {
                "请填写金额数字（单位：万元），没有的填 0".to_owned()
            }
            Problem::NotANumber => "请填写数字，没有的填 0".to_owned(),
        }
    }
}

fn parse_with<V>(raw: &str, parse: impl FnOnce(&str) -> Result<V, Problem>) -> Cell<V> {
    let trimmed = raw.trim_matches(is_space);
    if trimmed.is_empty() {
        return Cell::Blank;
    }
    if PLACEHOLDERS.contains(&trimmed) {
        return Cell::Placeholder(raw.to_owned());
    }
    if let Some(ch) = trimmed.chars().find(|ch| is_invisible(*ch)) {
        return invalid(raw, Problem::Invisible(ch));
    }
    let normalised = normalise(trimmed);
    match parse(&normalised) {
        Ok(value) => Cell::Value(value),
        Err(problem) => invalid(raw, problem),
    }
}

fn invalid<V>(raw: &str, problem: Problem) -> Cell<V> {
    Cell::Invalid {
        raw: raw.to_owned(),
        problem,
    }
}

fn is_space(ch: char) -> bool {
    ch.is_whitespace() || ch == '\u{3000}'
}

/// Format and direction marks that are invisible in an input but make text unequal to a number.
fn is_invisible(ch: char) -> bool {
    matches!(ch, '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{2069}' | '\u{FEFF}' | '\u{00AD}')
        || (ch.is_control() && !ch.is_whitespace())
}

/// Full-width digits and point to ASCII; spaces removed. Separators are kept for [`split_digits`].
fn normalise(text: &str) -> String {
    text.chars()
        .filter(|ch| !is_space(*ch))
        .map(|ch| match ch {
            '０'..='９' => char::from(b'0' + (ch as u32 - '０' as u32) as u8),
            '．' => '.',
            '，' => ',',
            '－' => '-',
            _ => ch,
        })
        .collect()
}

/// Digits of an integer part with correct thousands grouping (`1,234`), separators removed.
fn split_digits(text: &str) -> Result<String, Problem> {
    if text.is_empty() || !text.bytes().all(|b| b.is_ascii_digit() || b == b',') {
        return Err(classify(text));
    }
    if text.contains(',') {
        let groups: Vec<&str> = text.split(',').collect();
        let first_ok = (1..=3).contains(&groups[0].len());
        let rest_ok = groups[1..].iter().all(|group| group.len() == 3);
        if !first_ok || !rest_ok {
            return Err(Problem::MisplacedSeparator);
        }
    }
    Ok(text.replace(',', ""))
}

/// Why text that is not plain digits is not a number.
fn classify(text: &str) -> Problem {
    let digits_around = |marker: &[char]| {
        text.find(marker).is_some_and(|at| {
            text[..at].chars().any(|ch| ch.is_ascii_digit())
                && text[at + 1..].chars().any(|ch| ch.is_ascii_digit())
        })
    };
    if (text.starts_with('-') || text.starts_with('−'))
        && text.chars().nth(1).is_some_and(|ch| ch.is_ascii_digit())
    {
        Problem::Negative
    } else if digits_around(&['e', 'E'])
        && text
            .chars()
            .all(|ch| ch.is_ascii_digit() || "eE+-.,".contains(ch))
    {
        Problem::Exponent
    } else if text.matches('.').count() == 1
        && digits_around(&['.'])
        && text
            .chars()
            .all(|ch| ch.is_ascii_digit() || ".,".contains(ch))
    {
        Problem::NotWhole
    } else {
        Problem::NotANumber
    }
}

fn parse_count(normalised: &str) -> Result<u64, Problem> {
    let digits = split_digits(normalised)?;
    let value = digits_value(&digits).ok_or(Problem::TooLarge)?;
    if value > MAX_COUNT {
        return Err(Problem::TooLarge);
    }
    Ok(value)
}

fn digits_value(digits: &str) -> Option<u64> {
    digits.bytes().try_fold(0u64, |acc, digit| {
        acc.checked_mul(10)?.checked_add(u64::from(digit - b'0'))
    })
}

/// An exact non-negative decimal of 万元 with at most four decimals, kept with the number of
/// decimals the user wrote (`0.50` stays `0.50`). No floating point anywhere.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub struct Amount {
    /// Ten-thousandths of 万元, i.e. yuan.
    units: u64,
    /// Decimals as written, 0..=4.
    scale: u8,
}

impl Amount {
    pub const MAX_DECIMALS: u8 = 4;
    const UNIT: u64 = 10_000;

    pub fn zero() -> Self {
        Amount::default()
    }

    /// An amount of whole yuan, written with as few decimals as it needs.
    pub fn from_yuan(yuan: u64) -> Amount {
        let mut scale = Self::MAX_DECIMALS;
        let mut rest = yuan;
        while scale > 0 && rest % 10 == 0 {
            rest /= 10;
            scale -= 1;
        }
        Amount { units: yuan, scale }
    }

    /// The exact sum, written with the larger number of decimals of the two.
    pub fn checked_add(self, other: Amount) -> Option<Amount> {
        Some(Amount {
            units: self.units.checked_add(other.units)?,
            scale: self.scale.max(other.scale),
        })
    }

    /// Whole 万元 (the integer part).
    pub fn whole_wan(self) -> u64 {
        self.units / Self::UNIT
    }

    /// The amount in yuan (ten-thousandths of 万元).
    pub fn yuan(self) -> u64 {
        self.units
    }

    /// Parses a decimal such as `12.3456`; full-width digits, `，` grouping and spaces allowed.
    pub fn parse(text: &str) -> Result<Amount, Problem> {
        Amount::parse_normalised(&normalise(text.trim_matches(is_space)))
    }

    fn parse_normalised(text: &str) -> Result<Amount, Problem> {
        let (whole, fraction) = match text.split_once('.') {
            Some((whole, fraction)) => (whole, Some(fraction)),
            None => (text, None),
        };
        let whole_digits = split_digits(whole).map_err(|_| classify(text))?;
        let fraction = fraction.unwrap_or("");
        if !fraction.bytes().all(|b| b.is_ascii_digit()) || (text.ends_with('.')) {
            return Err(classify(text));
        }
        if fraction.len() > usize::from(Self::MAX_DECIMALS) {
            return Err(Problem::TooManyDecimals);
        }
        let whole_value = digits_value(&whole_digits).ok_or(Problem::TooLarge)?;
        if whole_value > MAX_COUNT {
            return Err(Problem::TooLarge);
        }
        let mut fraction_units = digits_value(fraction).unwrap_or(0);
        for _ in fraction.len()..usize::from(Self::MAX_DECIMALS) {
            fraction_units *= 10;
        }
        Ok(Amount {
            units: whole_value * Self::UNIT + fraction_units,
            scale: fraction.len() as u8,
        })
    }
}

impl fmt::Display for Amount {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.units / Self::UNIT)?;
        if self.scale > 0 {
            let fraction = format!("{:04}", self.units % Self::UNIT);
            write!(f, ".{}", &fraction[..usize::from(self.scale)])?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalises_the_documented_forms() {
        for raw in ["12", "１２", " 12 ", "\u{3000}12", "0012"] {
            assert_eq!(CountCell::parse(raw), Cell::Value(12), "{raw:?}");
        }
        assert_eq!(CountCell::parse("1,234"), Cell::Value(1234));
        assert_eq!(CountCell::parse("1，234"), Cell::Value(1234));
        assert_eq!(CountCell::parse("1 234"), Cell::Value(1234));
        assert_eq!(CountCell::parse("１，２３４"), Cell::Value(1234));
    }

    #[test]
    fn amount_keeps_exact_decimals() {
        let amount = Amount::parse("12.3456").unwrap();
        assert_eq!(amount.to_string(), "12.3456");
        assert_eq!(amount.yuan(), 123_456);
        assert_eq!(Amount::parse("0.50").unwrap().to_string(), "0.50");
        assert_eq!(
            Amount::parse("１，０００．５").unwrap().to_string(),
            "1000.5"
        );
        assert_eq!(Amount::parse("12.34567"), Err(Problem::TooManyDecimals));
        assert_eq!(Amount::parse("-1"), Err(Problem::Negative));
        assert_eq!(Amount::parse("1e3"), Err(Problem::Exponent));
        assert_eq!(Amount::parse("12."), Err(Problem::NotANumber));
    }
}
