//! Numbers as notices write them: `18`, `十八`, `二十三`, `两`, `一百零五`, `〇`.

/// The value of one Chinese digit (`两` counts as 2, as in "两个方面").
pub fn chinese_digit(c: char) -> Option<u32> {
    Some(match c {
        '〇' | '零' => 0,
        '一' => 1,
        '二' | '两' => 2,
        '三' => 3,
        '四' => 4,
        '五' => 5,
        '六' => 6,
        '七' => 7,
        '八' => 8,
        '九' => 9,
        _ => return None,
    })
}

/// A character of a Chinese numeral: a digit (`一`…`九`, `两`, `〇`) or a unit (`十百千万`).
pub fn is_chinese_numeral(c: char) -> bool {
    chinese_digit(c).is_some() || matches!(c, '十' | '百' | '千' | '万')
}

/// A Chinese numeral at the start of `s`: its value and its length in bytes.
///
/// `十八` → 18, `二十三` → 23, `一百零五` → 105, `两千` → 2000, `二〇二四` → 2024 (digit by digit,
/// as years are written).
pub fn leading_chinese(s: &str) -> Option<(u32, usize)> {
    let mut chars = s.chars();
    let first = chars.next().filter(|&c| is_chinese_numeral(c))?;
    let rest: usize = chars.take_while(|&c| is_chinese_numeral(c)).map(char::len_utf8).sum();
    // One digit alone (`一是`, `三、`), as most labels are: its value, without the general reading.
    if rest == 0 {
        if let Some(d) = chinese_digit(first) {
            return Some((d, first.len_utf8()));
        }
    }
    let len = first.len_utf8() + rest;
    let run = &s[..len];
    let value = chinese_value(run)?;
    Some((value, len))
}

fn chinese_value(run: &str) -> Option<u32> {
    let has_unit = run.chars().any(|c| matches!(c, '十' | '百' | '千' | '万'));
    if !has_unit {
        // Digit by digit: 二〇二四, or a single digit.
        let mut v: u32 = 0;
        for c in run.chars() {
            v = v.checked_mul(10)?.checked_add(chinese_digit(c)?)?;
        }
        return Some(v);
    }
    let (mut total, mut section, mut digit): (u32, u32, Option<u32>) = (0, 0, None);
    for c in run.chars() {
        match c {
            '十' | '百' | '千' => {
                let unit = match c {
                    '十' => 10,
                    '百' => 100,
                    _ => 1000,
                };
                // A bare 十 means 1×10 (十八 = 18).
                section = section.checked_add(digit.unwrap_or(1).checked_mul(unit)?)?;
                digit = None;
            }
            '万' => {
                let part = section.checked_add(digit.unwrap_or(0))?;
                total = total.checked_add(part.max(1).checked_mul(10_000)?)?;
                section = 0;
                digit = None;
            }
            _ => {
                let d = chinese_digit(c)?;
                // 一百零五: the 零 is a placeholder.
                digit = Some(d);
            }
        }
    }
    total.checked_add(section)?.checked_add(digit.unwrap_or(0))
}

/// ASCII digits at the start of `s` (the folded text has no full-width digits):
/// their value and length in bytes. `None` if there are none or the value overflows.
pub fn leading_arabic(s: &str) -> Option<(u32, usize)> {
    let len = s.bytes().take_while(u8::is_ascii_digit).count();
    if len == 0 || len > 9 {
        return None;
    }
    Some((s[..len].parse().ok()?, len))
}

/// The value of a circled number `①`…`⑳` (and `㉑`…`㉟`).
pub fn circled(c: char) -> Option<u32> {
    match c {
        '①'..='⑳' => Some(c as u32 - '①' as u32 + 1),
        '㉑'..='㉟' => Some(c as u32 - '㉑' as u32 + 21),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chinese_numerals() {
        for (s, v) in [
            ("一", 1),
            ("十", 10),
            ("十八", 18),
            ("二十", 20),
            ("二十三", 23),
            ("两", 2),
            ("一百零五", 105),
            ("两千", 2000),
            ("二〇二四", 2024),
            ("三万", 30000),
        ] {
            assert_eq!(leading_chinese(s), Some((v, s.len())), "{s}");
        }
        assert_eq!(leading_chinese("十八个问题"), Some((18, "十八".len())));
        assert_eq!(leading_chinese("问题"), None);
    }

    #[test]
    fn arabic_and_circled() {
        assert_eq!(leading_arabic("18个"), Some((18, 2)));
        assert_eq!(leading_arabic("99999999999"), None);
        assert_eq!(circled('⑳'), Some(20));
        assert_eq!(circled('㉑'), Some(21));
    }
}
