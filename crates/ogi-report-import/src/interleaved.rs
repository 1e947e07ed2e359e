//! Table 四 when a PDF's reading order interleaves its three groups (03.txt: 行政复议's four
//! results, then 复议后起诉's, then 行政复议's 总计, then 未经复议直接起诉's five, then the last
//! 总计). The numbers alone cannot say which group is which, so a group is placed only when the
//! report names it itself: its five numbers form one group under every way the numbers split into
//! three groups of four results and their 总计 (R5, each group's numbers in column order, a number
//! printed right after 「总计」 a total), and the narrative states exactly those five numbers for
//! that group (「行政复议 351 件，其中结果维持 72 件，结果纠正 64 件，其他结果 178 件，尚未审结
//! 37 件」). The narrative names 行政复议 alone; 行政诉讼 it states as one sum of both lawsuit
//! groups, which tells neither apart — those stay blank unless both hold the same numbers.

use ogi_report_core::format::{APPEAL_COLS, APPEAL_COLUMNS, APPEAL_GROUPS, APPEAL_TOTAL_COL};
use ogi_report_core::rules::number_after;
use ogi_report_core::{Narrative, Report};

/// One group's five numbers: the four results and the 总计.
pub(crate) type Group = [u64; APPEAL_COLS];

/// How many ways to split the numbers are collected before giving up (a real table has one or
/// two; the search itself is bounded by the fifteen numbers).
const MAX_SPLITS: usize = 64;

/// The groups `values` (fifteen numbers in reading order; `totals` the positions printed right
/// after 「总计」) can be placed in: `(group index, its numbers)` for each group the narrative
/// names and every split agrees on, and for both lawsuit groups when they are the same.
pub(crate) fn placed_groups(
    values: &[u64],
    totals: &[usize],
    report: &Report,
) -> Vec<(usize, Group)> {
    let splits = splits(values, totals);
    let Some(first) = splits.first() else {
        return Vec::new();
    };
    // The groups every split has.
    let certain: Vec<Group> = first
        .iter()
        .filter(|group| splits.iter().all(|split| split.contains(group)))
        .copied()
        .collect();
    let mut placed = Vec::new();
    let review = stated_review(report).filter(|stated| certain.contains(stated));
    if let Some(review) = review {
        placed.push((0, review));
        // The other two, when every split leaves the same pair and both are the same numbers.
        let rest: Vec<Vec<Group>> = splits
            .iter()
            .map(|split| without_one(split, &review))
            .collect();
        if let Some([direct, after]) = rest.first().map(Vec::as_slice) {
            if direct == after && rest.iter().all(|other| other == &rest[0]) {
                placed.push((1, *direct));
                placed.push((2, *after));
            }
        }
    }
    placed
}

/// `split` without one group equal to `group`.
fn without_one(split: &[Group], group: &Group) -> Vec<Group> {
    let mut rest = split.to_vec();
    if let Some(at) = rest.iter().position(|other| other == group) {
        rest.remove(at);
    }
    rest.sort_unstable();
    rest
}

/// Every distinct way (as a sorted list of groups) to split `values` into three groups of five
/// whose numbers keep their order, whose fifth is the sum of the first four, and where a number
/// at a position of `totals` is a fifth; none when there are more than [`MAX_SPLITS`].
fn splits(values: &[u64], totals: &[usize]) -> Vec<Vec<Group>> {
    let groups = APPEAL_GROUPS.len();
    if values.len() != groups * APPEAL_COLS {
        return Vec::new();
    }
    let mut search = Search {
        values,
        totals,
        found: Vec::new(),
    };
    search.assign(0, &mut vec![Vec::new(); groups]);
    if search.found.len() > MAX_SPLITS {
        return Vec::new();
    }
    search.found
}

struct Search<'a> {
    values: &'a [u64],
    totals: &'a [usize],
    found: Vec<Vec<Group>>,
}

impl Search<'_> {
    /// Gives the number at `at` to each group that can take it, then the next.
    fn assign(&mut self, at: usize, groups: &mut Vec<Vec<u64>>) {
        if self.found.len() > MAX_SPLITS {
            return;
        }
        let Some(value) = self.values.get(at).copied() else {
            let mut split: Vec<Group> = groups
                .iter()
                .filter_map(|group| Group::try_from(group.as_slice()).ok())
                .collect();
            split.sort_unstable();
            if split.len() == groups.len() && !self.found.contains(&split) {
                self.found.push(split);
            }
            return;
        };
        let printed_as_total = self.totals.contains(&at);
        for index in 0..groups.len() {
            // Groups are told apart by where they start: a number opens at most the first
            // empty group, so no split is found twice under other names.
            if groups[index].is_empty() && groups[..index].iter().any(Vec::is_empty) {
                break;
            }
            let filled = groups[index].len();
            let takes = match filled {
                4 => groups[index].iter().sum::<u64>() == value,
                0..=3 => !printed_as_total,
                _ => false,
            };
            if takes {
                groups[index].push(value);
                self.assign(at + 1, groups);
                groups[index].pop();
            }
        }
    }
}

/// The five numbers the narrative states for 行政复议 (its total, then 维持, 纠正, 其他, 尚未审结),
/// when it states all five once, in one sentence.
fn stated_review(report: &Report) -> Option<Group> {
    let mut stated = Vec::new();
    for part in Narrative::ALL {
        for section in report.sections(part) {
            let text: String = section
                .text
                .chars()
                .filter(|ch| !ch.is_whitespace())
                .collect();
            for (at, _) in text.match_indices(APPEAL_GROUPS[0].label()) {
                let sentence = text[at..]
                    .split(['；', '。', ';'])
                    .next()
                    .unwrap_or_default();
                if let Some(group) = review_sentence(sentence) {
                    stated.push(group);
                }
            }
        }
    }
    stated.dedup();
    match stated.as_slice() {
        [group] => Some(*group),
        _ => None,
    }
}

/// 「行政复议351件，其中结果维持72件，结果纠正64件，其他结果178件，尚未审结37件」 as its group.
fn review_sentence(sentence: &str) -> Option<Group> {
    // The count a word states, read as R11 reads the narrative's numbers.
    let count_after =
        |text: &str, word: &str| number_after(text.strip_prefix(word)?).map(|(count, _)| count);
    let total = count_after(sentence, APPEAL_GROUPS[0].label())?;
    let mut group = [0; APPEAL_COLS];
    // A result's column label without 结果 (「结果维持」, 「其他结果」): reports write 「维持 72 件」 too.
    let results = APPEAL_COLUMNS[..APPEAL_TOTAL_COL]
        .iter()
        .map(|(_, label)| label.trim_start_matches("结果").trim_end_matches("结果"));
    for (col, word) in results.enumerate() {
        let mut found = sentence
            .match_indices(word)
            .filter_map(|(at, _)| count_after(&sentence[at..], word));
        group[col] = found.next()?;
        if found.next().is_some() {
            return None;
        }
    }
    group[APPEAL_TOTAL_COL] = total;
    (group[..APPEAL_TOTAL_COL].iter().sum::<u64>() == total).then_some(group)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// 03.txt's table 四 in its PDF's reading order, 「总计」 before the 9th and 15th numbers.
    const READING_ORDER: [u64; 15] = [72, 64, 178, 37, 12, 1, 1, 6, 351, 13, 4, 8, 1, 26, 20];

    fn with_overview(text: &str) -> Report {
        let mut report = Report::new_draft();
        report.sections_mut(Narrative::Overview)[0].text = text.to_owned();
        report
    }

    #[test]
    fn the_group_the_narrative_names_is_placed_and_no_other() {
        let report = with_overview(
            "政府信息公开行政复议 351\n件，其中结果维持 72 件，结果纠正 64 件，其他结果 178 件，尚\n未审结 37 件；政府信息公开行政诉讼 46 件。",
        );
        assert_eq!(
            placed_groups(&READING_ORDER, &[8, 14], &report),
            [(0, [72, 64, 178, 37, 351])]
        );
        // Without the narrative, or with one that states other numbers, nothing is placed.
        assert!(placed_groups(&READING_ORDER, &[8, 14], &Report::new_draft()).is_empty());
        let other = with_overview(
            "行政复议351件，其中结果维持70件，结果纠正66件，其他结果178件，尚未审结37件。",
        );
        assert!(placed_groups(&READING_ORDER, &[8, 14], &other).is_empty());
    }

    #[test]
    fn splits_keep_each_groups_order_and_its_sum() {
        let found = splits(&READING_ORDER, &[8, 14]);
        assert_eq!(found.len(), 2, "the two 1s can go either way: {found:?}");
        assert!(found
            .iter()
            .all(|split| split.contains(&[72, 64, 178, 37, 351])));
        // A number printed after 「总计」 is a total: here none can be.
        assert!(splits(&READING_ORDER, &[0]).is_empty());
    }

    #[test]
    fn equal_lawsuit_groups_are_placed_with_the_named_one() {
        let values = [3, 1, 0, 0, 0, 0, 0, 4, 0, 0, 0, 0, 0, 0, 0];
        let report =
            with_overview("行政复议4件，其中结果维持3件，结果纠正1件，其他结果0件，尚未审结0件。");
        assert_eq!(
            placed_groups(&values, &[], &report),
            [(0, [3, 1, 0, 0, 4]), (1, [0; 5]), (2, [0; 5])]
        );
    }
}
