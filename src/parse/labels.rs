//! Recognising a numbering label at a position of the folded text.
//!
//! Every form a notice uses, with the text it handles:
//!
//! | form | examples |
//! |---|---|
//! | [`LabelForm::ChineseComma`] | `一、加强组织领导` `十二、…` `一.…` |
//! | [`LabelForm::ChineseParen`] | `（一）关于…方面` `(二)` `（三）、` |
//! | [`LabelForm::Ordinal`] | `第一，…` `第二、…` |
//! | [`LabelForm::ArabicDot`] | `1.学习不深入` `2、` `3．` (full-width dot folded to `.`) `１０.` |
//! | [`LabelForm::ArabicParen`] | `（1）` `(2)` `（３）` |
//! | [`LabelForm::ArabicHalfParen`] | `1）` `2)` |
//! | [`LabelForm::Circled`] | `①` … `⑳` `㉑` |
//! | [`LabelForm::Shi`] | `一是…` `二是…` `十一是…` |
//! | [`LabelForm::Sequence`] | `首先，` `其次，` `再次，` `最后，` |
//! | [`LabelForm::ProblemNumber`] | `问题1：` `问题一：` `问题2、` (an audit report's problems) |
//!
//! A label followed by `、` or `.` takes that separator into the label (`（一）、` → label `（一）、`).

use super::numerals::{circled, leading_arabic, leading_chinese};
use crate::model::LabelForm;

/// A label found at some offset: its form, its ordinal value and where it ends.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Label {
    pub form: LabelForm,
    pub number: u32,
    /// Length of the label in bytes of the folded text, separator included.
    pub len: usize,
}

/// The label that starts `s`, if any.
pub fn label_at(s: &str) -> Option<Label> {
    let first = s.chars().next()?;
    match first {
        '（' => bracketed(s),
        '0'..='9' => arabic(s),
        '第' => ordinal(s),
        '首' | '其' | '再' | '最' => sequence(s),
        '问' => problem_number(s),
        c if circled(c).is_some() => {
            let number = circled(c)?;
            Some(Label { form: LabelForm::Circled, number, len: c.len_utf8() + separator_len(&s[c.len_utf8()..]) })
        }
        _ => chinese(s),
    }
}

/// `、` or `.` right after a label (but not `..` or a decimal point).
fn separator_len(rest: &str) -> usize {
    match rest.chars().next() {
        Some('、') => '、'.len_utf8(),
        Some('.') if !rest[1..].starts_with(|c: char| c.is_ascii_digit() || c == '.') => 1,
        _ => 0,
    }
}

/// `一、` `十二、` `一.` and `一是` `二是`.
fn chinese(s: &str) -> Option<Label> {
    let (number, n) = leading_chinese(s)?;
    // Only small ordinals: "一千" or "二〇二四" are not labels.
    if number == 0 || number > 99 || s[..n].contains(['〇', '零', '两', '百', '千', '万']) {
        return None;
    }
    let rest = &s[n..];
    if let Some(after) = rest.strip_prefix('是') {
        // "一是否" is not a label.
        if after.starts_with('否') {
            return None;
        }
        return Some(Label { form: LabelForm::Shi, number, len: n + '是'.len_utf8() });
    }
    let sep = match rest.chars().next() {
        Some('、') => '、'.len_utf8(),
        // "一." but not "一.5".
        Some('.') if !rest[1..].starts_with(|c: char| c.is_ascii_digit()) => 1,
        _ => return None,
    };
    Some(Label { form: LabelForm::ChineseComma, number, len: n + sep })
}

/// `（一）` and `（1）` (half-width brackets are folded to full-width before this).
fn bracketed(s: &str) -> Option<Label> {
    let inner = &s['（'.len_utf8()..];
    let (form, number, n) = if let Some((v, n)) = leading_arabic(inner) {
        (LabelForm::ArabicParen, v, n)
    } else {
        let (v, n) = leading_chinese(inner)?;
        if s[..'（'.len_utf8() + n].contains(['〇', '零', '百', '千', '万']) {
            return None;
        }
        (LabelForm::ChineseParen, v, n)
    };
    if number == 0 || number > 99 {
        return None;
    }
    let after = &inner[n..];
    if !after.starts_with('）') {
        return None;
    }
    let len = '（'.len_utf8() + n + '）'.len_utf8();
    Some(Label { form, number, len: len + separator_len(&s[len..]) })
}

/// `1.` `1、` and `1）`. Not a decimal (`1.5`), a date (`2023.`) or a list of numbers (`1、2、3`).
fn arabic(s: &str) -> Option<Label> {
    let (number, n) = leading_arabic(s)?;
    if number == 0 || number > 999 {
        return None;
    }
    let rest = &s[n..];
    let (form, sep) = match rest.chars().next()? {
        '.' => {
            if rest[1..].starts_with(|c: char| c.is_ascii_digit() || c == '.' || c == '%') {
                return None;
            }
            (LabelForm::ArabicDot, 1)
        }
        '、' => {
            // "1、2、3月" is a list of numbers, not a label.
            if rest['、'.len_utf8()..].starts_with(|c: char| c.is_ascii_digit()) {
                return None;
            }
            (LabelForm::ArabicDot, '、'.len_utf8())
        }
        '）' => (LabelForm::ArabicHalfParen, '）'.len_utf8()),
        _ => return None,
    };
    Some(Label {
        form,
        number,
        len: n + sep + if form == LabelForm::ArabicHalfParen { separator_len(&rest[sep..]) } else { 0 },
    })
}

/// `第一，` `第二、`: a separator is required so that "第一次" and "第二批" are not labels.
fn ordinal(s: &str) -> Option<Label> {
    let inner = &s['第'.len_utf8()..];
    let (number, n) = leading_chinese(inner)?;
    if number == 0 || number > 99 {
        return None;
    }
    let sep = match inner[n..].chars().next()? {
        c @ ('，' | '、') => c.len_utf8(),
        _ => return None,
    };
    Some(Label { form: LabelForm::Ordinal, number, len: '第'.len_utf8() + n + sep })
}

/// `首先，` `其次，` `再次，` `最后，`. `最后` has no fixed value: it continues the series.
fn sequence(s: &str) -> Option<Label> {
    const WORDS: [(&str, u32); 4] = [("首先", 1), ("其次", 2), ("再次", 3), ("最后", 0)];
    for (word, number) in WORDS {
        if let Some(rest) = s.strip_prefix(word) {
            let sep = match rest.chars().next() {
                Some(c @ ('，' | '、')) => c.len_utf8(),
                _ => return None,
            };
            return Some(Label { form: LabelForm::Sequence, number, len: word.len() + sep });
        }
    }
    None
}

/// `问题1：` `问题一：` `问题2、` `问题3.`: a separator is required, so that `问题1个` and prose
/// about a problem are not labels.
fn problem_number(s: &str) -> Option<Label> {
    let inner = s.strip_prefix("问题")?;
    let (number, n) = leading_arabic(inner).or_else(|| leading_chinese(inner))?;
    if number == 0 || number > 999 || inner[..n].contains(['〇', '零', '两', '百', '千', '万']) {
        return None;
    }
    let rest = &inner[n..];
    let sep = match rest.chars().next()? {
        c @ ('：' | '、') => c.len_utf8(),
        '.' if !rest[1..].starts_with(|c: char| c.is_ascii_digit()) => 1,
        _ => return None,
    };
    Some(Label { form: LabelForm::ProblemNumber, number, len: "问题".len() + n + sep })
}

/// The text a following label of the same series would start with (`二是`, `（2）`, `其次`),
/// used to check that an inline series really continues.
pub fn next_in_series(label: &Label) -> Option<String> {
    let next = label.number + 1;
    Some(match label.form {
        LabelForm::Shi => format!("{}是", chinese_ordinal(next)?),
        LabelForm::ChineseComma => format!("{}、", chinese_ordinal(next)?),
        LabelForm::ChineseParen => format!("（{}）", chinese_ordinal(next)?),
        LabelForm::Ordinal => format!("第{}", chinese_ordinal(next)?),
        LabelForm::ArabicDot => format!("{next}"),
        LabelForm::ArabicParen => format!("（{next}）"),
        LabelForm::ArabicHalfParen => format!("{next}）"),
        LabelForm::Circled => char::from_u32('①' as u32 + label.number)?.to_string(),
        LabelForm::Sequence => "其次".to_string(),
        LabelForm::ProblemNumber => format!("问题{next}"),
        LabelForm::Unnumbered => return None,
    })
}

/// 1..=99 as Chinese ordinals (`十一`, `二十`).
pub fn chinese_ordinal(n: u32) -> Option<String> {
    const DIGITS: [&str; 10] = ["", "一", "二", "三", "四", "五", "六", "七", "八", "九"];
    Some(match n {
        1..=9 => DIGITS[n as usize].to_string(),
        10 => "十".to_string(),
        11..=19 => format!("十{}", DIGITS[(n - 10) as usize]),
        20..=99 => format!("{}十{}", DIGITS[(n / 10) as usize], DIGITS[(n % 10) as usize]),
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use LabelForm::*;

    fn l(s: &str) -> Option<(LabelForm, u32, &str)> {
        label_at(s).map(|x| (x.form, x.number, &s[..x.len]))
    }

    #[test]
    fn every_form() {
        assert_eq!(l("一、加强领导"), Some((ChineseComma, 1, "一、")));
        assert_eq!(l("十二、其他"), Some((ChineseComma, 12, "十二、")));
        assert_eq!(l("（三）关于"), Some((ChineseParen, 3, "（三）")));
        assert_eq!(l("（三）、关于"), Some((ChineseParen, 3, "（三）、")));
        assert_eq!(l("第一，要"), Some((Ordinal, 1, "第一，")));
        assert_eq!(l("1.学习"), Some((ArabicDot, 1, "1.")));
        assert_eq!(l("12、学习"), Some((ArabicDot, 12, "12、")));
        assert_eq!(l("（4）落实"), Some((ArabicParen, 4, "（4）")));
        assert_eq!(l("5）落实"), Some((ArabicHalfParen, 5, "5）")));
        assert_eq!(l("⑳落实"), Some((Circled, 20, "⑳")));
        assert_eq!(l("三是健全"), Some((Shi, 3, "三是")));
        assert_eq!(l("其次，"), Some((Sequence, 2, "其次，")));
        assert_eq!(l("最后、"), Some((Sequence, 0, "最后、")));
        assert_eq!(l("问题1：部分收入"), Some((ProblemNumber, 1, "问题1：")));
        assert_eq!(l("问题十二、部分收入"), Some((ProblemNumber, 12, "问题十二、")));
    }

    #[test]
    fn not_labels() {
        for s in [
            "1.5万元",
            "2023.10",
            "1、2、3月",
            "第一次",
            "一是否",
            "二〇二三年",
            "一千元",
            "首先要",
            "统一、",
            "（2023）",
            "100%",
            "问题1个",
            "问题清单",
            "问题1.5",
        ] {
            assert_eq!(label_at(s).filter(|x| x.form != ChineseComma || !s.starts_with('统')), None, "{s}");
        }
    }

    #[test]
    fn series() {
        assert_eq!(next_in_series(&label_at("一是").unwrap()).as_deref(), Some("二是"));
        assert_eq!(next_in_series(&label_at("（九）").unwrap()).as_deref(), Some("（十）"));
        assert_eq!(next_in_series(&label_at("①").unwrap()).as_deref(), Some("②"));
        assert_eq!(chinese_ordinal(23).as_deref(), Some("二十三"));
    }
}
