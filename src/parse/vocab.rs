//! The one vocabulary of status words: what a notice says about the rectification of a problem.
//!
//! Every reader of status (a problem's own text, a status group heading, the stated counts)
//! asks this module, so a word added here is understood everywhere. Each table is a list of
//! phrases; `…` in a phrase stands for up to [`GAP`] characters within one phrase
//! (`暂时不满足…条件` matches `暂时不满足成立党支部条件`, `待…后` matches `待满足条件后`).
//!
//! | table | reads as | example |
//! |---|---|---|
//! | [`NOT_DONE`] | not done | `尚未完成`, `暂不具备条件`, `待满足条件后及时成立` |
//! | [`IN_PROGRESS`] | in progress | `正在推进`, `持续推进`, `基本完成`, `取得阶段性成效` (not `阶段性收集报告`) |
//! | [`DONE`] | done | `已完成整改`, `已整改到位`, `已解决` |
//! | [`WEAK_IN_PROGRESS`] | in progress, only when nothing else is said | `需长期坚持` |
//! | [`NOT_DONE_UNLESS_DONE`] | not done, unless a done phrase is there too | `未完成` (`按时完成，无未完成事项`) |
//!
//! A done phrase followed by a percentage under 100 (`已完成80%`) reads as in progress; a phrase
//! followed by 时限/期限 names a deadline field (`整改完成时限：2025年6月`) and says nothing.
//!
//! When a text says several things, the least finished wins: not done < in progress < done
//! (`一是已修订制度；二是正在推进系统建设` is in progress).

use super::tree::clause_end;
use crate::model::Status;

/// How many characters `…` may stand for.
pub const GAP: usize = 12;

/// Phrases that say the rectification has not been done (or cannot be yet).
pub const NOT_DONE: &[&str] = &[
    "尚未完成",
    "尚未整改",
    "尚未启动",
    "尚未",
    "未完成整改",
    "未整改",
    "未销号",
    "暂未完成",
    "未能完成",
    "未按期完成",
    "暂不具备",
    "暂不满足",
    "暂时不具备",
    "暂时不满足…条件",
    "无法完成",
    "待…后",
];

/// Phrases that say the rectification is under way and not closed.
pub const IN_PROGRESS: &[&str] = &[
    "正在",
    "整改中",
    "推进中",
    "持续推进",
    "持续整改",
    "基本完成",
    "初步完成",
    "取得阶段性",
    "阶段性成效",
    "阶段性进展",
    "阶段性成果",
    "阶段性完成",
    "阶段性目标",
    "阶段性任务",
    "基本整改",
    "按计划推进",
    "按时序推进",
    "按序时推进",
    "按进度推进",
    "待完成",
    "待整改",
];

/// Phrases that say the rectification is done.
pub const DONE: &[&str] = &[
    "已完成",
    "已整改",
    "整改完成",
    "整改到位",
    "已销号",
    "已办结",
    "已解决",
    "已全部完成",
    "已按期完成",
    "已如期完成",
    "已按时完成",
    "已全面完成",
    "已顺利完成",
    "已按要求完成",
    "已按要求整改",
    "已立行立改",
    // `已清退到位`, `已拨付到位`: one clause, as `已于…完成`.
    "已…到位",
    "全面完成整改",
    "已全部整改",
    "整改完毕",
    "已于…完成",
    "已落实到位",
    // A status group's heading (`一、完成整改的问题`); `未完成整改的问题` is not done.
    "完成整改的问题",
];

/// Long-term work that decides only when nothing above is said: `已完成整改，将长期坚持` is done.
/// (Bare `持续`/`逐步` are not here: `持续加强学习` is a measure, not a status.)
pub const WEAK_IN_PROGRESS: &[&str] = &["长期坚持", "长期整改", "需长期"];

/// Phrases that mean not done unless a done phrase is said as well.
pub const NOT_DONE_UNLESS_DONE: &[&str] = &["未完成"];

/// Where `phrase` first occurs in `text` (folded), as byte offsets; `…` matches up to [`GAP`]
/// characters within one phrase (no comma or clause end between).
pub fn find_phrase(text: &str, phrase: &str) -> Option<(usize, usize)> {
    find_in(text, &[phrase])
}

/// The end of `phrase` if it matches `text` at byte `at`.
fn phrase_at(text: &str, at: usize, phrase: &str) -> Option<usize> {
    phrase_split_at(text, at, phrase, phrase.find('…'))
}

/// [`phrase_at`] with the byte offset of the phrase's `…` given (`None`: no gap), so the
/// one-pass scan does not search each candidate phrase for it (see [`GAP_AT`]).
fn phrase_split_at(text: &str, at: usize, phrase: &str, gap: Option<usize>) -> Option<usize> {
    let end = phrase_end(text, at, phrase, gap)?;
    // `整改完成时限：2025年6月` names a deadline, not a status.
    (!DEADLINE.iter().any(|w| text[end..].starts_with(w))).then_some(end)
}

/// Words that make a status phrase before them the name of a deadline field.
const DEADLINE: [&str; 2] = ["时限", "期限"];

/// [`phrase_split_at`] without the deadline check.
fn phrase_end(text: &str, at: usize, phrase: &str, gap: Option<usize>) -> Option<usize> {
    let rest = &text[at..];
    let Some((head, tail)) = gap.map(|g| (&phrase[..g], &phrase[g + '…'.len_utf8()..])) else {
        return rest.starts_with(phrase).then_some(at + phrase.len());
    };
    let gap_start = at + head.len();
    if !rest.starts_with(head) {
        return None;
    }
    let mut end = gap_start;
    for (taken, c) in text[gap_start..].chars().enumerate() {
        if taken > 0 && text[end..].starts_with(tail) {
            return Some(end + tail.len());
        }
        if taken >= GAP || matches!(c, '\n' | '，') || clause_end(c) {
            return None;
        }
        end += c.len_utf8();
    }
    None
}

/// The earliest phrase of `table` in `text` (the table's first at the same place), read in one
/// pass: at each ideograph only the phrases starting with it are tried.
pub fn find_in(text: &str, table: &[&str]) -> Option<(usize, usize)> {
    let bytes = text.as_bytes();
    // Every phrase starts with an ideograph, three bytes in UTF-8 (lead byte E0–EF): only such
    // characters are compared, by their three bytes.
    (0..bytes.len().saturating_sub(2)).filter(|&at| bytes[at] & 0xf0 == 0xe0).find_map(|at| {
        let first = &bytes[at..at + 3];
        table
            .iter()
            .filter(|p| p.as_bytes().get(..3) == Some(first))
            .find_map(|p| phrase_at(text, at, p).map(|end| (at, end)))
    })
}

/// The tables [`status_of_text`] reads, in one pass: their slots in [`first_of_each`]'s answer.
const TABLES: [&[&str]; 5] = [NOT_DONE, NOT_DONE_UNLESS_DONE, IN_PROGRESS, DONE, WEAK_IN_PROGRESS];
const NOT_DONE_AT: usize = 0;
const NOT_DONE_UNLESS_DONE_AT: usize = 1;
const IN_PROGRESS_AT: usize = 2;
const DONE_AT: usize = 3;
const WEAK_AT: usize = 4;

/// Per first character, the tables ([`TABLES`], one bit each) with a phrase starting with it,
/// keyed by the character's last two bytes' payload (12 bits; see [`first_key`]): one load
/// rejects an ideograph, or leaves only the tables still to be matched (a key collision costs
/// only a compare). A table lookup rather than a bit set per table: measured 39 M → 25 M
/// instructions for the status scan of the 2 MB synthetic notice.
static FIRST_TABLES: [u8; 4096] = {
    let mut tables = [0u8; 4096];
    let mut t = 0;
    while t < TABLES.len() {
        let mut p = 0;
        while p < TABLES[t].len() {
            let b = TABLES[t][p].as_bytes();
            tables[first_key(b[1], b[2])] |= 1 << t;
            p += 1;
        }
        t += 1;
    }
    tables
};

/// The longest table's length (a bound for [`GAP_AT`]).
const MAX_PHRASES: usize = 32;

/// Per table, per phrase, the byte offset of its `…` (`NO_GAP` if it has none), worked out at
/// compile time: `待…后` → 3.
static GAP_AT: [[u8; MAX_PHRASES]; 5] = {
    let mut gaps = [[NO_GAP; MAX_PHRASES]; 5];
    let mut t = 0;
    while t < TABLES.len() {
        assert!(TABLES[t].len() <= MAX_PHRASES);
        let mut p = 0;
        while p < TABLES[t].len() {
            let b = TABLES[t][p].as_bytes();
            let mut i = 0;
            while i + 2 < b.len() {
                // `…` is U+2026: E2 80 A6 in UTF-8.
                if b[i] == 0xe2 && b[i + 1] == 0x80 && b[i + 2] == 0xa6 {
                    gaps[t][p] = i as u8;
                    break;
                }
                i += 1;
            }
            p += 1;
        }
        t += 1;
    }
    gaps
};
const NO_GAP: u8 = u8::MAX;

const fn first_key(b1: u8, b2: u8) -> usize {
    (((b1 & 0x3f) as usize) << 6) | (b2 & 0x3f) as usize
}

/// The earliest phrase of each of [`TABLES`] in `text`, as [`find_in`] gives it per table, read
/// in one pass; stops once every table has matched.
fn first_of_each(text: &str) -> [Option<(usize, usize)>; 5] {
    let bytes = text.as_bytes();
    let mut found = [None; 5];
    // The tables not matched yet, one bit each.
    let mut wanted: u8 = (1 << TABLES.len()) - 1;
    // From character start to character start (the lead byte gives the length): a phrase starts
    // only at a three-byte character.
    let mut at = 0;
    while let Some(&[lead, b1, b2]) = bytes.get(at..at + 3) {
        if lead & 0xf0 != 0xe0 {
            at += match lead {
                0x00..=0x7f => 1,
                0x80..=0xdf => 2,
                _ => 4,
            };
            continue;
        }
        let tables = FIRST_TABLES[first_key(b1, b2)] & wanted;
        if tables != 0 {
            let first = &bytes[at..at + 3];
            for (t, (table, gaps)) in TABLES.iter().zip(&GAP_AT).enumerate() {
                if tables & (1 << t) == 0 {
                    continue;
                }
                found[t] =
                    table.iter().zip(gaps).filter(|(p, _)| p.as_bytes().get(..3) == Some(first)).find_map(|(p, &g)| {
                        let gap = (g != NO_GAP).then_some(g as usize);
                        phrase_split_at(text, at, p, gap).map(|end| (at, end))
                    });
                if found[t].is_some() {
                    wanted &= !(1 << t);
                }
            }
            if wanted == 0 {
                break;
            }
        }
        at += 3;
    }
    found
}

/// The status that `text` states and the span (byte offsets in `text`) of the words that decide
/// it; `None` if it states none. The least finished statement wins.
///
/// `该问题已完成整改。` → done; `一是已修订制度；二是正在推进系统建设。` → in progress (`正在`);
/// `暂时不满足成立党支部条件，待满足条件后及时成立` → not done.
pub fn status_of_text(text: &str) -> Option<(Status, (usize, usize))> {
    let found = first_of_each(text);
    if let Some(span) = found[NOT_DONE_AT] {
        return Some((Status::NotDone, span));
    }
    if found[DONE_AT].is_none() {
        if let Some(span) = found[NOT_DONE_UNLESS_DONE_AT] {
            return Some((Status::NotDone, span));
        }
    }
    if let Some(span) = found[IN_PROGRESS_AT] {
        return Some((Status::InProgress, span));
    }
    if let Some((a, b)) = found[DONE_AT] {
        // `已完成80%` says how far the work has got: under way, not done.
        if let Some(n) = partial_percent(&text[b..]) {
            return Some((Status::InProgress, (a, b + n)));
        }
        return Some((Status::Done, (a, b)));
    }
    found[WEAK_AT].map(|span| (Status::InProgress, span))
}

/// The length of a percentage under 100 at the start of `s` (`80%`, `92.5%`), if any. Read from
/// its whole part, without float parsing (core's float parser added 14.3 KiB brotli to the wasm).
fn partial_percent(s: &str) -> Option<usize> {
    let whole = s.bytes().take_while(u8::is_ascii_digit).count();
    let decimals = match s[whole..].strip_prefix('.') {
        Some(rest) => 1 + rest.bytes().take_while(u8::is_ascii_digit).count(),
        None => 0,
    };
    let n = whole + decimals;
    let under_100 = whole > 0 && s[..whole].parse::<u32>().is_ok_and(|w| w < 100);
    (under_100 && s[n..].starts_with('%')).then_some(n + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_phrase_starts_with_a_three_byte_character() {
        for table in [NOT_DONE, IN_PROGRESS, DONE, WEAK_IN_PROGRESS, NOT_DONE_UNLESS_DONE] {
            for p in table {
                assert_eq!(p.chars().next().map(char::len_utf8), Some(3), "{p}");
            }
        }
    }

    #[test]
    fn gap_offsets_are_where_the_gaps_are() {
        for (table, gaps) in TABLES.iter().zip(&GAP_AT) {
            for (p, &g) in table.iter().zip(gaps) {
                assert_eq!((g != NO_GAP).then_some(g as usize), p.find('…'), "{p}");
            }
        }
    }

    fn status(text: &str) -> Option<(Status, &str)> {
        status_of_text(text).map(|(s, (a, b))| (s, &text[a..b]))
    }

    #[test]
    fn least_finished_wins() {
        assert_eq!(status("该问题已完成整改。"), Some((Status::Done, "已完成")));
        assert_eq!(status("一是已修订制度；二是正在推进系统建设。"), Some((Status::InProgress, "正在")));
        assert_eq!(status("因客观原因，暂不具备整改条件。"), Some((Status::NotDone, "暂不具备")));
        assert_eq!(status("该问题需长期坚持。"), Some((Status::InProgress, "需长期")));
        assert_eq!(status("整改取得阶段性成效。"), Some((Status::InProgress, "取得阶段性")));
        assert_eq!(status("阶段性收集项目进展情况报告。"), None);
        assert_eq!(status("已整改到位，尚未销号。"), Some((Status::NotDone, "尚未")));
        assert_eq!(status("该问题尚未完成。"), Some((Status::NotDone, "尚未完成")));
        assert_eq!(status("成立了工作专班。"), None);
        assert_eq!(status("完成整改的问题（3个）"), Some((Status::Done, "完成整改的问题")));
        assert_eq!(status("未完成整改的问题"), Some((Status::NotDone, "未完成整改")));
        assert_eq!(status("计划年底前完成整改。"), None);
        assert_eq!(status("已全面完成排查。"), Some((Status::Done, "已全面完成")));
        assert_eq!(status("已按要求完成整改。"), Some((Status::Done, "已按要求完成")));
        assert_eq!(status("已基本整改到位。"), Some((Status::InProgress, "基本整改")));
        assert_eq!(status("整改完成时限：2025年6月。"), None);
        assert_eq!(status("已清退到位。"), Some((Status::Done, "已清退到位")));
        assert_eq!(status("目前已完成阶段性目标。"), Some((Status::InProgress, "阶段性目标")));
        assert_eq!(status("此问题已立行立改。"), Some((Status::Done, "已立行立改")));
        assert_eq!(status("已完成80%，剩余部分年底前完成。"), Some((Status::InProgress, "已完成80%")));
        assert_eq!(status("已完成100%。"), Some((Status::Done, "已完成")));
        assert_eq!(status("已完成92.5%。"), Some((Status::InProgress, "已完成92.5%")));
        assert_eq!(status("已完成100.0%。"), Some((Status::Done, "已完成")));
        assert_eq!(status("已完成80项。"), Some((Status::Done, "已完成")));
    }

    #[test]
    fn gapped_phrases_stay_in_one_clause() {
        assert_eq!(
            status("暂时不满足成立党支部条件，待满足条件后及时成立。"),
            Some((Status::NotDone, "暂时不满足成立党支部条件"))
        );
        assert_eq!(status("待条件成熟后推进。"), Some((Status::NotDone, "待条件成熟后")));
        assert_eq!(find_phrase("待定。后续", "待…后"), None);
        assert_eq!(find_phrase("待后", "待…后"), None);
        assert_eq!(status("该问题已于2024年6月完成整改。"), Some((Status::Done, "已于2024年6月完成")));
        assert_eq!(status("因资金不足未能完成。"), Some((Status::NotDone, "未能完成")));
        assert_eq!(status("已于5月召开会议，计划年底完成。"), None);
    }

    #[test]
    fn one_pass_finds_what_each_table_finds() {
        let texts = [
            "已整改到位，尚未销号。",
            "一是已修订制度；二是正在推进系统建设，需长期坚持。",
            "已完成培训，无未完成事项，暂时不满足成立条件。待满足条件后及时成立。",
            "成立了工作专班。",
            "",
            "已",
        ];
        for text in texts {
            let per_table = TABLES.map(|t| find_in(text, t));
            assert_eq!(first_of_each(text), per_table, "{text}");
        }
    }

    proptest::proptest! {
        /// Texts made of the tables' own characters (and clause ends), so phrases and near misses
        /// abound: the one pass answers as the five separate scans do.
        #[test]
        fn one_pass_equals_separate_scans(text in "[尚未完成整改已于正在待后暂不满足条件长期坚持阶段性成效需，。a1é𠀀]{0,40}") {
            proptest::prop_assert_eq!(first_of_each(&text), TABLES.map(|t| find_in(&text, t)));
        }
    }

    #[test]
    fn weak_and_conditional_words() {
        assert_eq!(status("持续加强学习。"), None);
        assert_eq!(status("已完成整改，将长期坚持。"), Some((Status::Done, "已完成")));
        assert_eq!(status("目前未完成。"), Some((Status::NotDone, "未完成")));
        assert_eq!(status("已完成培训，无未完成事项。"), Some((Status::Done, "已完成")));
    }
}
